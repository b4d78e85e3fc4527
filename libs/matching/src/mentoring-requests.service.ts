import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, DomainEvents, isUniqueViolation, toPage, type Page } from '@mutuals/core';
import type { MentoringRequestView, MentorshipView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateRequestDto, RequestListQuery } from './dto/mentoring.dto';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { MentorshipsService } from './mentorships.service';
import { MentoringRequestsRepository, type PairRow, type RequestRow, type Side } from './repositories/mentoring-requests.repository';
import { MentorshipsRepository } from './repositories/mentorships.repository';

/** A mentee has at most this many requests waiting for an answer (DOMAIN.md: "a few"). */
export const OPEN_REQUEST_CAP = 3;
export const REQUEST_LIFETIME_DAYS = 14;
/** The mentor is reminded once, this long before the request expires. */
export const REMINDER_DAYS_BEFORE_EXPIRY = 3;

/** Requests from mentee to mentor: asking, answering, withdrawing, and expiry after two weeks. */
@Injectable()
export class MentoringRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: MentoringRequestsRepository,
    private readonly mentorshipRows: MentorshipsRepository,
    private readonly profiles: ProfilesService,
    private readonly people: MentoringPeople,
    private readonly mentorships: MentorshipsService,
    private readonly events: DomainEvents,
  ) {}

  async create(caller: AuthUser, input: CreateRequestDto): Promise<MentoringRequestView> {
    if (input.mentorId === caller.id) {
      throw MatchingErrors.cannotRequestSelf('You cannot ask yourself for mentoring', [{ field: 'mentorId', message: 'is you' }]);
    }
    const [mentor] = await this.profiles.matchingParticipants([input.mentorId]);
    if (!mentor?.mentor.offers) {
      throw MatchingErrors.notAMentor('That member does not offer mentoring', [{ field: 'mentorId', message: 'does not offer mentoring' }]);
    }
    // Asking a mentor who could not accept only makes the mentee wait two weeks for nothing.
    const activeMentorships = await this.mentorshipRows.activeCountOf(input.mentorId);
    if (activeMentorships >= mentor.mentor.capacity) {
      throw MatchingErrors.mentorFull(
        `This mentor has no place left: all ${mentor.mentor.capacity} of their mentoring places are taken. Choose another mentor, or ask again when one frees up.`,
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      // One mentee's requests are counted and inserted one at a time, so the cap holds under races.
      await this.requests.lockMentee(caller.id, manager);
      const state = await this.requests.askingState(caller.id, input.mentorId, manager);
      if (state.mentored) throw MatchingErrors.alreadyMentored('This mentor already mentors you');
      if (state.duplicate) throw MatchingErrors.duplicateRequest('You already have an open request to this mentor');
      // A pair that turned out not to fit lets the mentee look for another mentor beyond the cap.
      if (state.open_requests >= OPEN_REQUEST_CAP + state.poor_fits) {
        throw MatchingErrors.tooManyOpenRequests(
          `You already have ${state.open_requests} open requests; withdraw one or wait for an answer before asking another mentor`,
        );
      }
      try {
        return await this.requests.insert(
          {
            mentee_id: caller.id,
            mentor_id: input.mentorId,
            message: input.message,
            goals: input.goals ?? [],
            lifetime_days: REQUEST_LIFETIME_DAYS,
          },
          manager,
        );
      } catch (error) {
        if (isUniqueViolation(error, 'mentoring_requests_one_open_per_pair')) {
          throw MatchingErrors.duplicateRequest('You already have an open request to this mentor');
        }
        throw error;
      }
    });
    await this.events.emit('mentoring.requested', { requestId: id, mentorId: input.mentorId, menteeId: caller.id, message: input.message });
    return this.view(id);
  }

  async list(caller: AuthUser, query: RequestListQuery): Promise<Page<MentoringRequestView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.requests.box({
      side: query.box === 'incoming' ? 'mentor' : 'mentee',
      userId: caller.id,
      status: query.status,
      after: after as [string, string] | null,
      limit: query.limit + 1,
    });
    const people = await this.people.byId(rows.flatMap((r) => [r.mentor_id, r.mentee_id]));
    return toPage(
      rows,
      query.limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => toView(r, people),
    );
  }

  /**
   * The mentor says yes. Capacity is a guarded counter incremented in the same transaction that
   * moves the request to accepted: with 50 accepts at once and 2 places, exactly 2 commit.
   */
  async accept(caller: AuthUser, requestId: string): Promise<MentorshipView> {
    const [participant] = await this.profiles.matchingParticipants([caller.id]);
    const capacity = participant?.mentor.offers ? participant.mentor.capacity : 0;
    const accepted = await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.accept(requestId, caller.id, manager);
      if (!request) throw await this.whyNotAnswerable(manager, caller, requestId, 'mentor', 'accept');
      if (!(await this.mentorshipRows.takeMentorPlace(caller.id, capacity, manager))) {
        throw MatchingErrors.capacityFull('Capacity full: you already mentor as many mentees as you offered');
      }
      const mentorshipId = await this.mentorshipRows.open(
        { mentor_id: caller.id, mentee_id: request.mentee_id, request_id: requestId },
        manager,
      );
      return { mentorshipId, menteeId: request.mentee_id };
    });
    await this.events.emit('mentoring.accepted', { ...accepted, requestId, mentorId: caller.id });
    return this.mentorships.get(caller, accepted.mentorshipId);
  }

  async decline(caller: AuthUser, requestId: string, reason: string | undefined): Promise<MentoringRequestView> {
    const row = await this.answer(caller, requestId, 'mentor', 'decline', (manager) =>
      this.requests.decline(requestId, caller.id, reason || null, manager),
    );
    await this.events.emit('mentoring.declined', { requestId, mentorId: row.mentor_id, menteeId: row.mentee_id, reason: reason || null });
    return this.view(requestId);
  }

  async withdraw(caller: AuthUser, requestId: string): Promise<MentoringRequestView> {
    const row = await this.answer(caller, requestId, 'mentee', 'withdraw', (manager) =>
      this.requests.withdraw(requestId, caller.id, manager),
    );
    await this.events.emit('mentoring.withdrawn', { requestId, mentorId: row.mentor_id, menteeId: row.mentee_id });
    return this.view(requestId);
  }

  /**
   * Reminds mentors of requests expiring within three days (once each) and expires the overdue.
   * Runs periodically (MentoringSweep); `now` is a parameter so tests can move the clock.
   */
  async sweep(now: Date = new Date()): Promise<{ reminded: number; expired: number }> {
    const expired = await this.requests.expireOverdue(now);
    const reminded = await this.requests.markReminded(now, REMINDER_DAYS_BEFORE_EXPIRY);
    for (const r of expired) await this.events.emit('mentoring.expired', { requestId: r.id, mentorId: r.mentor_id, menteeId: r.mentee_id });
    for (const r of reminded) {
      await this.events.emit('mentoring.expiring', {
        requestId: r.id,
        mentorId: r.mentor_id,
        menteeId: r.mentee_id,
        expiresAt: r.expires_at.toISOString(),
      });
    }
    return { reminded: reminded.length, expired: expired.length };
  }

  private async answer(
    caller: AuthUser,
    requestId: string,
    side: Side,
    verb: string,
    transition: (manager: EntityManager) => Promise<PairRow | undefined>,
  ): Promise<PairRow> {
    return this.dataSource.transaction(async (manager) => {
      const row = await transition(manager);
      if (!row) throw await this.whyNotAnswerable(manager, caller, requestId, side, verb);
      return row;
    });
  }

  /** Explains a transition that matched no row: not visible (404), wrong side (403) or not pending (409). */
  private async whyNotAnswerable(manager: EntityManager, caller: AuthUser, requestId: string, side: Side, verb: string) {
    const row = await this.requests.findState(requestId, manager);
    if (!row || (row.mentor_id !== caller.id && row.mentee_id !== caller.id)) return MatchingErrors.requestNotFound('No such request');
    if (row[`${side}_id`] !== caller.id) {
      return side === 'mentor'
        ? MatchingErrors.mentorOnly(`Only the mentor can ${verb} this request`)
        : MatchingErrors.menteeOnly(`Only the mentee can ${verb} this request`);
    }
    const status = row.status === 'pending' ? 'expired' : row.status;
    return MatchingErrors.requestNotPending(`This request is ${status}; it can no longer be answered or withdrawn`);
  }

  private async view(id: string): Promise<MentoringRequestView> {
    const row = (await this.requests.findView(id))!;
    return toView(row, await this.people.byId([row.mentor_id, row.mentee_id]));
  }
}

function toView(r: RequestRow, people: Map<string, MentoringRequestView['mentor']>): MentoringRequestView {
  return {
    id: r.id,
    status: r.status,
    mentor: people.get(r.mentor_id)!,
    mentee: people.get(r.mentee_id)!,
    message: r.message,
    goals: r.goals,
    declineReason: r.decline_reason,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    roundId: r.round_id,
    mentorshipId: r.mentorship_id,
  };
}
