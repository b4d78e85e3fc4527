import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, DomainEvents, toPage, type Page } from '@mutuals/core';
import type { MentoringRequestView, MentorshipView } from '@mutuals/contracts';
import type { AuthUser } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateRequestDto, RequestListQuery } from './dto/mentoring.dto';
import type { RequestStatus } from './entities/mentoring-request.entity';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { MentorshipsService } from './mentorships.service';
import { isUniqueViolation, returning } from './sql';

/** A mentee has at most this many requests waiting for an answer (DOMAIN.md: "a few"). */
export const OPEN_REQUEST_CAP = 3;
export const REQUEST_LIFETIME_DAYS = 14;
/** The mentor is reminded once, this long before the request expires. */
export const REMINDER_DAYS_BEFORE_EXPIRY = 3;

interface RequestRow {
  id: string;
  mentee_id: string;
  mentor_id: string;
  message: string;
  goals: string[];
  status: RequestStatus;
  decline_reason: string | null;
  expires_at: Date;
  round_id: string | null;
  created_at: Date;
  decided_at: Date | null;
  mentorship_id: string | null;
}

const REQUEST_COLUMNS = `r.id, r.mentee_id, r.mentor_id, r.message, r.goals, r.status, r.decline_reason, r.expires_at,
  r.round_id, r.created_at, r.decided_at, m.id AS mentorship_id`;

/** Requests from mentee to mentor: asking, answering, withdrawing, and expiry after two weeks. */
@Injectable()
export class MentoringRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const id = await this.dataSource.transaction(async (manager) => {
      // One mentee's requests are counted and inserted one at a time, so the cap holds under races.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mentoring-requests:${caller.id}`]);
      const [state] = (await manager.query(
        `SELECT
           (SELECT count(*)::int FROM mentoring_requests WHERE mentee_id = $1 AND status = 'pending') AS open_requests,
           (SELECT count(*)::int FROM mentorships WHERE mentee_id = $1 AND status = 'active'
              AND (mentee_good_fit = false OR mentor_good_fit = false)) AS poor_fits,
           EXISTS (SELECT 1 FROM mentorships WHERE mentee_id = $1 AND mentor_id = $2 AND status = 'active') AS mentored,
           EXISTS (SELECT 1 FROM mentoring_requests WHERE mentee_id = $1 AND mentor_id = $2 AND status = 'pending') AS duplicate`,
        [caller.id, input.mentorId],
      )) as { open_requests: number; poor_fits: number; mentored: boolean; duplicate: boolean }[];
      if (state.mentored) throw MatchingErrors.alreadyMentored('This mentor already mentors you');
      if (state.duplicate) throw MatchingErrors.duplicateRequest('You already have an open request to this mentor');
      // A pair that turned out not to fit lets the mentee look for another mentor beyond the cap.
      if (state.open_requests >= OPEN_REQUEST_CAP + state.poor_fits) {
        throw MatchingErrors.tooManyOpenRequests(
          `You already have ${state.open_requests} open requests; withdraw one or wait for an answer before asking another mentor`,
        );
      }
      try {
        const [row] = await returning<{ id: string }>(
          manager,
          `INSERT INTO mentoring_requests (mentee_id, mentor_id, message, goals, expires_at)
           VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING id`,
          [caller.id, input.mentorId, input.message, input.goals ?? [], REQUEST_LIFETIME_DAYS],
        );
        return row.id;
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
    const after = decodeCursor(query.cursor, 2);
    const side = query.box === 'incoming' ? 'r.mentor_id' : 'r.mentee_id';
    const parameters: unknown[] = [caller.id, query.limit + 1];
    const conditions = [`${side} = $1`];
    if (query.status) conditions.push(`r.status = $${parameters.push(query.status)}`);
    if (after) conditions.push(`(r.created_at, r.id) < ($${parameters.push(after[0])}::timestamptz, $${parameters.push(after[1])}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM mentoring_requests r LEFT JOIN mentorships m ON m.request_id = r.id
       WHERE ${conditions.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      parameters,
    )) as RequestRow[];
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
      const [request] = await returning<{ mentee_id: string }>(
        manager,
        `UPDATE mentoring_requests SET status = 'accepted', decided_at = now()
         WHERE id = $1 AND mentor_id = $2 AND status = 'pending' AND expires_at > now() RETURNING mentee_id`,
        [requestId, caller.id],
      );
      if (!request) throw await this.whyNotAnswerable(manager, caller, requestId, 'mentor', 'accept');
      await manager.query(
        `INSERT INTO mentor_load (mentor_id, capacity, active) VALUES ($1, $2, 0)
         ON CONFLICT (mentor_id) DO UPDATE SET capacity = GREATEST(EXCLUDED.capacity, mentor_load.active)`,
        [caller.id, capacity],
      );
      const [load] = await returning<{ active: number }>(
        manager,
        'UPDATE mentor_load SET active = active + 1 WHERE mentor_id = $1 AND active < capacity RETURNING active',
        [caller.id],
      );
      if (!load) throw MatchingErrors.capacityFull('Capacity full: you already mentor as many mentees as you offered');
      const [mentorship] = await returning<{ id: string }>(
        manager,
        'INSERT INTO mentorships (mentor_id, mentee_id, request_id) VALUES ($1, $2, $3) RETURNING id',
        [caller.id, request.mentee_id, requestId],
      );
      // The goals the mentee asked with become the pair's first goals.
      await manager.query(
        'INSERT INTO mentorship_goals (mentorship_id, title) SELECT $1, unnest(goals) FROM mentoring_requests WHERE id = $2',
        [mentorship.id, requestId],
      );
      return { mentorshipId: mentorship.id, menteeId: request.mentee_id };
    });
    await this.events.emit('mentoring.accepted', { ...accepted, requestId, mentorId: caller.id });
    return this.mentorships.get(caller, accepted.mentorshipId);
  }

  async decline(caller: AuthUser, requestId: string, reason: string | undefined): Promise<MentoringRequestView> {
    const row = await this.answer(caller, requestId, 'mentor', 'decline', `status = 'declined', decline_reason = $3`, [reason || null]);
    await this.events.emit('mentoring.declined', { requestId, mentorId: row.mentor_id, menteeId: row.mentee_id, reason: reason || null });
    return this.view(requestId);
  }

  async withdraw(caller: AuthUser, requestId: string): Promise<MentoringRequestView> {
    const row = await this.answer(caller, requestId, 'mentee', 'withdraw', `status = 'withdrawn'`, []);
    await this.events.emit('mentoring.withdrawn', { requestId, mentorId: row.mentor_id, menteeId: row.mentee_id });
    return this.view(requestId);
  }

  /**
   * Reminds mentors of requests expiring within three days (once each) and expires the overdue.
   * Runs periodically (MentoringSweep); `now` is a parameter so tests can move the clock.
   */
  async sweep(now: Date = new Date()): Promise<{ reminded: number; expired: number }> {
    type Ended = { id: string; mentor_id: string; mentee_id: string; expires_at: Date };
    const expired = await returning<Ended>(
      this.dataSource.manager,
      `UPDATE mentoring_requests SET status = 'expired', decided_at = $1
       WHERE status = 'pending' AND expires_at <= $1 RETURNING id, mentor_id, mentee_id, expires_at`,
      [now],
    );
    const reminded = await returning<Ended>(
      this.dataSource.manager,
      `UPDATE mentoring_requests SET reminded_at = $1
       WHERE status = 'pending' AND reminded_at IS NULL AND expires_at <= $1::timestamptz + make_interval(days => $2)
       RETURNING id, mentor_id, mentee_id, expires_at`,
      [now, REMINDER_DAYS_BEFORE_EXPIRY],
    );
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
    side: 'mentor' | 'mentee',
    verb: string,
    change: string,
    parameters: unknown[],
  ): Promise<{ mentor_id: string; mentee_id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await returning<{ mentor_id: string; mentee_id: string }>(
        manager,
        `UPDATE mentoring_requests SET ${change}, decided_at = now()
         WHERE id = $1 AND ${side}_id = $2 AND status = 'pending' AND expires_at > now() RETURNING mentor_id, mentee_id`,
        [requestId, caller.id, ...parameters],
      );
      if (!row) throw await this.whyNotAnswerable(manager, caller, requestId, side, verb);
      return row;
    });
  }

  /** Explains a transition that matched no row: not visible (404), wrong side (403) or not pending (409). */
  private async whyNotAnswerable(manager: EntityManager, caller: AuthUser, requestId: string, side: 'mentor' | 'mentee', verb: string) {
    const [row] = (await manager.query('SELECT mentor_id, mentee_id, status, expires_at FROM mentoring_requests WHERE id = $1', [
      requestId,
    ])) as { mentor_id: string; mentee_id: string; status: RequestStatus; expires_at: Date }[];
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
    const [row] = (await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM mentoring_requests r LEFT JOIN mentorships m ON m.request_id = r.id WHERE r.id = $1`,
      [id],
    )) as RequestRow[];
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
