import { Injectable } from '@nestjs/common';
import type { SessionLogView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import type { MeetingFormat } from '../entities/meeting.entity';
import { MentorshipsService } from '../mentorships.service';
import { PairCareRepository } from '../repositories/pair-care.repository';

/**
 * A pair's past brought in whole, for the demo world and for programmes moving their records in:
 * a start date in the past, and meetings that were held (with their session log) or missed.
 * Everything a member does day to day goes through the meetings service instead.
 */
@Injectable()
export class PairHistoryService {
  constructor(
    private readonly repository: PairCareRepository,
    private readonly mentorships: MentorshipsService,
  ) {}

  startedOn(mentorshipId: string, startedAt: Date): Promise<void> {
    return this.repository.backdateStart(mentorshipId, startedAt);
  }

  /** A meeting that took place and its log, written by `loggedBy` after it. */
  async held(
    loggedBy: AuthUser,
    mentorshipId: string,
    meeting: { startsAt: Date; durationMinutes: number; format: MeetingFormat; notes: string; nextSteps?: string },
  ): Promise<SessionLogView> {
    const session = await this.mentorships.logSession(loggedBy, mentorshipId, {
      heldAt: meeting.startsAt.toISOString(),
      durationMinutes: meeting.durationMinutes,
      notes: meeting.notes,
      nextSteps: meeting.nextSteps,
    });
    await this.repository.insertPastMeeting({ mentorshipId, proposedBy: loggedBy.id, status: 'held', sessionId: session.id, ...meeting });
    return session;
  }

  missed(
    proposedBy: string,
    mentorshipId: string,
    meeting: { startsAt: Date; durationMinutes: number; format: MeetingFormat },
  ): Promise<void> {
    return this.repository.insertPastMeeting({ mentorshipId, proposedBy, status: 'missed', sessionId: null, ...meeting });
  }
}
