import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@mutuals/core';
import type { CheckInFlagView, CheckInView, MentorshipCareView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { MatchingErrors } from '../matching.errors';
import { MentoringPeople } from '../mentoring-people';
import { CheckInAnswerDto } from './pair-care.dto';
import { PairCareRepository } from '../repositories/pair-care.repository';

/** Answers that say the pairing is not working: the coordinator is told so they can step in or re-pair. */
export const isConcern = (answer: { relationship: number; wantsToContinue: string }) =>
  answer.wantsToContinue === 'no' || answer.relationship <= 2;

/**
 * Check-ins: each side is asked at 30 days and every 60 days after how useful the mentoring is,
 * how the relationship is going and whether to go on. The answers feed the coordinator's figures
 * (averages and flags); a comment reaches a coordinator only when its writer chose to share it.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly repository: PairCareRepository,
    private readonly people: MentoringPeople,
    private readonly events: DomainEvents,
  ) {}

  async pending(caller: AuthUser): Promise<CheckInView[]> {
    const rows = await this.repository.pendingCheckIns(caller.id);
    const pairs = await Promise.all(rows.map((row) => this.repository.pair(row.mentorship_id)));
    const others = pairs.map((pair) => (pair!.mentor_id === caller.id ? pair!.mentee_id : pair!.mentor_id));
    const names = await this.people.byId(others);
    return rows.map((row, i) => ({
      id: row.id,
      mentorshipId: row.mentorship_id,
      dueAt: row.due_at.toISOString(),
      otherPerson: { id: others[i], displayName: names.get(others[i])!.displayName },
    }));
  }

  async answer(caller: AuthUser, checkInId: string, input: CheckInAnswerDto): Promise<{ flagged: boolean }> {
    const existing = await this.repository.checkIn(checkInId);
    if (!existing || existing.user_id !== caller.id) throw MatchingErrors.checkInNotFound('No such check-in');
    const flagged = isConcern(input);
    return this.events.transaction(async (unit) => {
      const row = await this.repository.answerCheckIn(
        checkInId,
        { ...input, comment: input.comment || null, shareComment: input.shareComment ?? false, flagged },
        unit.manager,
      );
      if (!row) throw MatchingErrors.checkInAnswered('This check-in has been answered');
      if (flagged) await unit.emit('mentoring.check-in.flagged', { checkInId, mentorshipId: row.mentorship_id, raisedBy: caller.id });
      return { flagged };
    });
  }

  /** Opens the check-ins that have fallen due and tells each member, in one transaction; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    return this.events.transaction(async (unit) => {
      const opened = await this.repository.openDueCheckIns(now, unit.manager);
      for (const row of opened) {
        await unit.emit('mentoring.check-in.due', {
          checkInId: row.id,
          mentorshipId: row.mentorship_id,
          userId: row.user_id,
          dueAt: row.due_at.toISOString(),
        });
      }
      return opened.length;
    });
  }

  async flags(limit = 100): Promise<CheckInFlagView[]> {
    const rows = await this.repository.flaggedCheckIns(limit);
    const names = await this.people.byId(rows.map((row) => row.user_id));
    return rows.map((row) => ({
      checkInId: row.id,
      mentorshipId: row.mentorship_id,
      raisedBy: { id: row.user_id, displayName: names.get(row.user_id)!.displayName },
      side: row.user_id === row.mentor_id ? 'mentor' : 'mentee',
      answeredAt: row.answered_at!.toISOString(),
      usefulness: row.usefulness!,
      relationship: row.relationship!,
      wantsToContinue: row.wants_to_continue!,
      comment: row.comment,
    }));
  }

  async care(mentorshipId: string): Promise<MentorshipCareView> {
    if (!(await this.repository.pair(mentorshipId))) throw MatchingErrors.mentorshipNotFound('No such mentorship');
    const s = await this.repository.careSummary(mentorshipId);
    return {
      mentorshipId,
      agreement: { exists: s.agreement_version !== null, confirmedByBoth: s.agreement_confirmed, version: s.agreement_version },
      meetings: { scheduled: s.meetings_scheduled, held: s.meetings_held, missed: s.meetings_missed },
      checkIns: {
        answered: s.check_ins_answered,
        pending: s.check_ins_pending,
        averageUsefulness: s.average_usefulness,
        averageRelationship: s.average_relationship,
        flags: s.flags,
      },
    };
  }
}
