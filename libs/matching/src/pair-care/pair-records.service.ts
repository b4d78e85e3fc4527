import { Injectable } from '@nestjs/common';
import type { MentorshipChangeView, SessionLogView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { MatchingErrors } from '../matching.errors';
import { FUTURE_TOLERANCE_MS, toSession } from '../mentorships.service';
import { PairAccess } from './pair-access';
import { EditSessionDto } from './pair-care.dto';
import { MentorshipsRepository, type SessionRow } from '../repositories/mentorships.repository';
import { PairCareRepository } from '../repositories/pair-care.repository';

/** Edits and deletions of the pair's goals and session logs, each written to the pair's record of changes. */
@Injectable()
export class PairRecordsService {
  constructor(
    private readonly repository: PairCareRepository,
    private readonly mentorships: MentorshipsRepository,
    private readonly access: PairAccess,
  ) {}

  async deleteGoal(caller: AuthUser, mentorshipId: string, goalId: string): Promise<void> {
    await this.access.of(caller, mentorshipId);
    await this.repository.transaction(async (manager) => {
      const goal = await this.mentorships.goalForChange(mentorshipId, goalId, manager);
      if (!goal) throw MatchingErrors.goalNotFound('No such goal');
      await this.mentorships.deleteGoal(goalId, manager);
      await this.repository.recordChange(
        { mentorshipId, changedBy: caller.id, subject: 'goal', subjectId: goalId, action: 'deleted', before: goal, after: null },
        manager,
      );
    });
  }

  async editSession(caller: AuthUser, mentorshipId: string, sessionId: string, input: EditSessionDto): Promise<SessionLogView> {
    await this.access.of(caller, mentorshipId);
    return this.repository.transaction(async (manager) => {
      const before = await this.mentorships.sessionForChange(mentorshipId, sessionId, manager);
      if (!before) throw MatchingErrors.sessionNotFound('No such session');
      const heldAt = input.heldAt ? new Date(input.heldAt) : before.held_at;
      if (heldAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
        throw MatchingErrors.invalidSession('A session is logged after it took place', [{ field: 'heldAt', message: 'is in the future' }]);
      }
      const after = await this.mentorships.updateSession(
        sessionId,
        {
          held_at: heldAt,
          duration_minutes: input.durationMinutes ?? before.duration_minutes,
          notes: input.notes ?? before.notes,
          next_steps: input.nextSteps === undefined ? before.next_steps : input.nextSteps || null,
        },
        manager,
      );
      await this.repository.recordChange(
        {
          mentorshipId,
          changedBy: caller.id,
          subject: 'session',
          subjectId: sessionId,
          action: 'edited',
          before: recordOf(before),
          after: recordOf(after),
        },
        manager,
      );
      return toSession(after);
    });
  }

  async deleteSession(caller: AuthUser, mentorshipId: string, sessionId: string): Promise<void> {
    await this.access.of(caller, mentorshipId);
    await this.repository.transaction(async (manager) => {
      const before = await this.mentorships.sessionForChange(mentorshipId, sessionId, manager);
      if (!before) throw MatchingErrors.sessionNotFound('No such session');
      await this.repository.releaseMeetingOf(sessionId, manager);
      await this.mentorships.deleteSession(sessionId, manager);
      await this.repository.recordChange(
        {
          mentorshipId,
          changedBy: caller.id,
          subject: 'session',
          subjectId: sessionId,
          action: 'deleted',
          before: recordOf(before),
          after: null,
        },
        manager,
      );
    });
  }

  async changes(caller: AuthUser, mentorshipId: string): Promise<MentorshipChangeView[]> {
    await this.access.of(caller, mentorshipId, { active: false });
    return (await this.repository.changes(mentorshipId)).map((row) => ({
      id: row.id,
      changedBy: row.changed_by,
      subject: row.subject as MentorshipChangeView['subject'],
      subjectId: row.subject_id,
      action: row.action as MentorshipChangeView['action'],
      before: row.before,
      after: row.after,
      at: row.created_at.toISOString(),
    }));
  }
}

const recordOf = (s: SessionRow) => ({
  heldAt: s.held_at,
  durationMinutes: s.duration_minutes,
  notes: s.notes,
  nextSteps: s.next_steps,
});
