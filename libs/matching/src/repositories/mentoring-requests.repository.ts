import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestStatus } from '../entities/mentoring-request.entity';

export interface RequestRow {
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

/** What decides whether a mentee may ask this mentor now. */
export interface AskingState {
  open_requests: number;
  poor_fits: number;
  mentored: boolean;
  duplicate: boolean;
}

export interface PairRow {
  mentee_id: string;
  mentor_id: string;
}

export interface EndedRequestRow extends PairRow {
  id: string;
  expires_at: Date;
}

export type Side = 'mentor' | 'mentee';

const REQUEST_SELECT = `SELECT r.id, r.mentee_id, r.mentor_id, r.message, r.goals, r.status, r.decline_reason, r.expires_at,
  r.round_id, r.created_at, r.decided_at, m.id AS mentorship_id
  FROM mentoring_requests r LEFT JOIN mentorships m ON m.request_id = r.id`;

/** Requests from mentee to mentor: the `mentoring_requests` table. */
@Injectable()
export class MentoringRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  /** Serialises one mentee's requests until the transaction ends, so that the cap holds under races. */
  async lockMentee(menteeId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mentoring-requests:${menteeId}`]);
  }

  async askingState(menteeId: string, mentorId: string, manager?: EntityManager): Promise<AskingState> {
    const state = await firstRow<AskingState>(
      this.runner(manager),
      `SELECT
         (SELECT count(*)::int FROM mentoring_requests WHERE mentee_id = $1 AND status = 'pending') AS open_requests,
         (SELECT count(*)::int FROM mentorships WHERE mentee_id = $1 AND status = 'active'
            AND (mentee_good_fit = false OR mentor_good_fit = false)) AS poor_fits,
         EXISTS (SELECT 1 FROM mentorships WHERE mentee_id = $1 AND mentor_id = $2 AND status = 'active') AS mentored,
         EXISTS (SELECT 1 FROM mentoring_requests WHERE mentee_id = $1 AND mentor_id = $2 AND status = 'pending') AS duplicate`,
      [menteeId, mentorId],
    );
    return state!;
  }

  /** Fails with a unique violation of mentoring_requests_one_open_per_pair if the pair has one open already. */
  async insert(
    request: { mentee_id: string; mentor_id: string; message: string; goals: string[]; lifetime_days: number },
    manager?: EntityManager,
  ): Promise<string> {
    const row = await firstRow<{ id: string }>(
      this.runner(manager),
      `INSERT INTO mentoring_requests (mentee_id, mentor_id, message, goals, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING id`,
      [request.mentee_id, request.mentor_id, request.message, request.goals, request.lifetime_days],
    );
    return row!.id;
  }

  /** One request per proposal of a round; a pair with an open request already is skipped. */
  insertProposals(
    proposals: { mentee_id: string; mentor_id: string; message: string }[],
    roundId: string,
    lifetimeDays: number,
    manager: EntityManager,
  ): Promise<(PairRow & { id: string })[]> {
    return rowsOf<PairRow & { id: string }>(
      manager,
      `INSERT INTO mentoring_requests (mentee_id, mentor_id, message, expires_at, round_id)
       SELECT p.mentee_id, p.mentor_id, p.message, now() + make_interval(days => $4), $5
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS p(mentee_id, mentor_id, message)
       ON CONFLICT (mentee_id, mentor_id) WHERE status = 'pending' DO NOTHING
       RETURNING id, mentee_id, mentor_id`,
      [proposals.map((p) => p.mentee_id), proposals.map((p) => p.mentor_id), proposals.map((p) => p.message), lifetimeDays, roundId],
    );
  }

  findView(id: string): Promise<RequestRow | undefined> {
    return firstRow<RequestRow>(this.runner(), `${REQUEST_SELECT} WHERE r.id = $1`, [id]);
  }

  /** One side's box, newest first, keyset on (created_at, id). */
  box(query: { side: Side; userId: string; status?: RequestStatus; after: [string, string] | null; limit: number }): Promise<RequestRow[]> {
    const parameters: unknown[] = [query.userId, query.limit];
    const conditions = [`r.${query.side}_id = $1`];
    if (query.status) conditions.push(`r.status = $${parameters.push(query.status)}`);
    if (query.after) {
      conditions.push(
        `(r.created_at, r.id) < ($${parameters.push(query.after[0])}::timestamptz, $${parameters.push(query.after[1])}::uuid)`,
      );
    }
    return rowsOf<RequestRow>(
      this.runner(),
      `${REQUEST_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      parameters,
    );
  }

  // Each answer moves a pending, unexpired request on if the caller is on the answering side;
  // undefined when no row matched (absent, the other side, answered or expired).

  accept(requestId: string, mentorId: string, manager: EntityManager): Promise<PairRow | undefined> {
    return this.answer(requestId, 'mentor', mentorId, `status = 'accepted'`, [], manager);
  }

  decline(requestId: string, mentorId: string, reason: string | null, manager: EntityManager): Promise<PairRow | undefined> {
    return this.answer(requestId, 'mentor', mentorId, `status = 'declined', decline_reason = $3`, [reason], manager);
  }

  withdraw(requestId: string, menteeId: string, manager: EntityManager): Promise<PairRow | undefined> {
    return this.answer(requestId, 'mentee', menteeId, `status = 'withdrawn'`, [], manager);
  }

  private answer(requestId: string, side: Side, userId: string, set: string, parameters: unknown[], manager: EntityManager) {
    return firstRow<PairRow>(
      manager,
      `UPDATE mentoring_requests SET ${set}, decided_at = now()
       WHERE id = $1 AND ${side}_id = $2 AND status = 'pending' AND expires_at > now() RETURNING mentor_id, mentee_id`,
      [requestId, userId, ...parameters],
    );
  }

  /** The parts of a request that explain why a transition matched no row. */
  findState(id: string, manager?: EntityManager): Promise<(PairRow & { status: RequestStatus; expires_at: Date }) | undefined> {
    return firstRow(this.runner(manager), 'SELECT mentor_id, mentee_id, status, expires_at FROM mentoring_requests WHERE id = $1', [id]);
  }

  expireOverdue(now: Date): Promise<EndedRequestRow[]> {
    return rowsOf<EndedRequestRow>(
      this.runner(),
      `UPDATE mentoring_requests SET status = 'expired', decided_at = $1
       WHERE status = 'pending' AND expires_at <= $1 RETURNING id, mentor_id, mentee_id, expires_at`,
      [now],
    );
  }

  /** Marks as reminded the pending requests expiring within `days`, once each. */
  markReminded(now: Date, days: number): Promise<EndedRequestRow[]> {
    return rowsOf<EndedRequestRow>(
      this.runner(),
      `UPDATE mentoring_requests SET reminded_at = $1
       WHERE status = 'pending' AND reminded_at IS NULL AND expires_at <= $1::timestamptz + make_interval(days => $2)
       RETURNING id, mentor_id, mentee_id, expires_at`,
      [now, days],
    );
  }

  /** Mentees with an active mentorship or a pending request. */
  async engagedMentees(): Promise<string[]> {
    const rows = await rowsOf<{ mentee_id: string }>(
      this.runner(),
      `SELECT mentee_id FROM mentorships WHERE status = 'active'
       UNION SELECT mentee_id FROM mentoring_requests WHERE status = 'pending'`,
    );
    return rows.map((r) => r.mentee_id);
  }

  /** Pairs never to propose again (declined, or a mentorship past or present) or already asked; of one mentee or all. */
  excludedPairs(menteeId?: string): Promise<PairRow[]> {
    const forMentee = menteeId ? 'AND mentee_id = $1' : '';
    return rowsOf<PairRow>(
      this.runner(),
      `SELECT mentee_id, mentor_id FROM mentoring_requests WHERE status IN ('declined', 'pending') ${forMentee}
       UNION SELECT mentee_id, mentor_id FROM mentorships WHERE true ${forMentee}`,
      menteeId ? [menteeId] : [],
    );
  }
}
