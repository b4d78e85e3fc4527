import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentorshipHealth, MentorshipOutcome } from '@mutuals/contracts';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { GoalStatus } from '../entities/goal.entity';
import type { MentorshipStatus } from '../entities/mentorship.entity';

export interface MentorshipRow {
  id: string;
  mentor_id: string;
  mentee_id: string;
  request_id: string;
  status: MentorshipStatus;
  started_at: Date;
  closed_at: Date | null;
  outcome: MentorshipOutcome | null;
  rating: number | null;
  feedback: string | null;
  mentor_good_fit: boolean | null;
  mentee_good_fit: boolean | null;
  mentor_fit_comment: string | null;
  mentee_fit_comment: string | null;
  goal_count: number;
  goals_done: number;
  session_count: number;
  minutes: number;
  last_session_at: Date | null;
  health: MentorshipHealth;
}

export interface GoalRow {
  id: string;
  title: string;
  status: GoalStatus;
  created_at: Date;
  updated_at: Date;
}

export interface SessionRow {
  id: string;
  held_at: Date;
  duration_minutes: number;
  notes: string;
  next_steps: string | null;
  logged_by: string;
  created_at: Date;
}

export interface MentorshipPageQuery {
  /** A member's own pairs, or every pair (the coordinator's list). */
  memberId?: string;
  /** Only pairs where a side answered the fit check with no (true), or only the others (false). */
  flagged?: boolean;
  status?: MentorshipStatus;
  health?: MentorshipHealth;
  after: [string, string] | null;
  limit: number;
}

/** A pair with no session logged for this long is `quiet` (MentorshipHealth). */
export const QUIET_AFTER_DAYS = 21;

// Progress is counted in SQL so that a list of pairs never loads anyone's notes; health is worked
// out here too, once, so that the list can be filtered on it.
const MENTORSHIP_SELECT = `SELECT m.*,
  (SELECT count(*)::int FROM mentorship_goals g WHERE g.mentorship_id = m.id) AS goal_count,
  (SELECT count(*)::int FROM mentorship_goals g WHERE g.mentorship_id = m.id AND g.status = 'done') AS goals_done,
  s.session_count, s.minutes, s.last_session_at, h.health
  FROM mentorships m
  CROSS JOIN LATERAL (SELECT count(*)::int AS session_count, COALESCE(sum(duration_minutes), 0)::int AS minutes,
    max(held_at) AS last_session_at FROM mentorship_sessions WHERE mentorship_id = m.id) s
  CROSS JOIN LATERAL (SELECT CASE
    WHEN m.status = 'closed' THEN 'closed'
    WHEN m.mentor_good_fit = false OR m.mentee_good_fit = false
      OR EXISTS (SELECT 1 FROM mentoring_check_ins c WHERE c.mentorship_id = m.id AND c.flagged) THEN 'concern'
    WHEN COALESCE(s.last_session_at, m.started_at) < now() - interval '${QUIET_AFTER_DAYS} days' THEN 'quiet'
    ELSE 'on-track' END AS health) h`;

/**
 * Mentorships with their goals and session logs, and the guarded counter of each mentor's
 * places (`mentor_load`, DESIGN.md "Matching").
 */
@Injectable()
export class MentorshipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Takes one of the mentor's places, copying the capacity they offer now: false when every
   * place is taken. Concurrent accepts queue on the counter's row, so exactly `capacity` succeed.
   */
  async takeMentorPlace(mentorId: string, capacity: number, manager: EntityManager): Promise<boolean> {
    await manager.query(
      `INSERT INTO mentor_load (mentor_id, capacity, active) VALUES ($1, $2, 0)
       ON CONFLICT (mentor_id) DO UPDATE SET capacity = GREATEST(EXCLUDED.capacity, mentor_load.active)`,
      [mentorId, capacity],
    );
    const load = await firstRow<{ active: number }>(
      manager,
      'UPDATE mentor_load SET active = active + 1 WHERE mentor_id = $1 AND active < capacity RETURNING active',
      [mentorId],
    );
    return load !== undefined;
  }

  async releaseMentorPlace(mentorId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE mentor_load SET active = active - 1 WHERE mentor_id = $1 AND active > 0', [mentorId]);
  }

  /** Opens the pair's mentorship; the goals the mentee asked with become its first goals. */
  async open(pair: { mentor_id: string; mentee_id: string; request_id: string }, manager: EntityManager): Promise<string> {
    const mentorship = await firstRow<{ id: string }>(
      manager,
      'INSERT INTO mentorships (mentor_id, mentee_id, request_id) VALUES ($1, $2, $3) RETURNING id',
      [pair.mentor_id, pair.mentee_id, pair.request_id],
    );
    await manager.query(
      'INSERT INTO mentorship_goals (mentorship_id, title) SELECT $1, unnest(goals) FROM mentoring_requests WHERE id = $2',
      [mentorship!.id, pair.request_id],
    );
    return mentorship!.id;
  }

  find(id: string): Promise<MentorshipRow | undefined> {
    return firstRow<MentorshipRow>(this.runner(), `${MENTORSHIP_SELECT} WHERE m.id = $1`, [id]);
  }

  /** Newest first, keyset on (started_at, id). */
  page(query: MentorshipPageQuery): Promise<MentorshipRow[]> {
    const parameters: unknown[] = [query.limit];
    const where: string[] = [];
    if (query.memberId) where.push(`(m.mentor_id = $${parameters.push(query.memberId)} OR m.mentee_id = $${parameters.length})`);
    if (query.flagged !== undefined)
      where.push(`(m.mentor_good_fit = false OR m.mentee_good_fit = false) = $${parameters.push(query.flagged)}`);
    if (query.status) where.push(`m.status = $${parameters.push(query.status)}`);
    if (query.health) where.push(`h.health = $${parameters.push(query.health)}`);
    if (query.after) {
      where.push(`(m.started_at, m.id) < ($${parameters.push(query.after[0])}::timestamptz, $${parameters.push(query.after[1])}::uuid)`);
    }
    return rowsOf<MentorshipRow>(
      this.runner(),
      `${MENTORSHIP_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.started_at DESC, m.id DESC LIMIT $1`,
      parameters,
    );
  }

  /** Places a mentor has taken: their active mentorships. */
  async activeCountOf(mentorId: string): Promise<number> {
    const row = await firstRow<{ active: number }>(
      this.runner(),
      `SELECT count(*)::int AS active FROM mentorships WHERE mentor_id = $1 AND status = 'active'`,
      [mentorId],
    );
    return row?.active ?? 0;
  }

  /** How many active mentorships each mentor has. */
  async activeCounts(): Promise<Map<string, number>> {
    const rows = await rowsOf<{ mentor_id: string; active: number }>(
      this.runner(),
      `SELECT mentor_id, count(*)::int AS active FROM mentorships WHERE status = 'active' GROUP BY mentor_id`,
    );
    return new Map(rows.map((r) => [r.mentor_id, r.active]));
  }

  goals(mentorshipId: string): Promise<GoalRow[]> {
    return rowsOf<GoalRow>(this.runner(), 'SELECT * FROM mentorship_goals WHERE mentorship_id = $1 ORDER BY created_at, id', [
      mentorshipId,
    ]);
  }

  sessions(mentorshipId: string): Promise<SessionRow[]> {
    return rowsOf<SessionRow>(this.runner(), 'SELECT * FROM mentorship_sessions WHERE mentorship_id = $1 ORDER BY held_at DESC, id', [
      mentorshipId,
    ]);
  }

  /** Adds a goal unless the mentorship has `max` already (then undefined). */
  addGoal(mentorshipId: string, goal: { title: string; status: GoalStatus }, max: number): Promise<GoalRow | undefined> {
    return firstRow<GoalRow>(
      this.runner(),
      `INSERT INTO mentorship_goals (mentorship_id, title, status)
       SELECT $1, $2, $3 WHERE (SELECT count(*) FROM mentorship_goals WHERE mentorship_id = $1) < $4 RETURNING *`,
      [mentorshipId, goal.title, goal.status, max],
    );
  }

  /** Changes the given fields of a goal of this mentorship; undefined when there is no such goal. */
  updateGoal(
    mentorshipId: string,
    goalId: string,
    change: { title: string | null; status: GoalStatus | null },
    manager?: EntityManager,
  ): Promise<GoalRow | undefined> {
    return firstRow<GoalRow>(
      this.runner(manager),
      `UPDATE mentorship_goals SET title = COALESCE($3, title), status = COALESCE($4, status), updated_at = now()
       WHERE id = $1 AND mentorship_id = $2 RETURNING *`,
      [goalId, mentorshipId, change.title, change.status],
    );
  }

  /** The goal as it stands, locked for an edit or deletion in this transaction. */
  goalForChange(mentorshipId: string, goalId: string, manager: EntityManager): Promise<GoalRow | undefined> {
    return firstRow<GoalRow>(manager, 'SELECT * FROM mentorship_goals WHERE id = $1 AND mentorship_id = $2 FOR UPDATE', [
      goalId,
      mentorshipId,
    ]);
  }

  async deleteGoal(goalId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM mentorship_goal_resources WHERE goal_id = $1', [goalId]);
    await manager.query('DELETE FROM mentorship_goals WHERE id = $1', [goalId]);
  }

  /** The resources linked to these goals, oldest link first. */
  goalResources(goalIds: readonly string[]): Promise<{ goal_id: string; resource_id: string }[]> {
    if (goalIds.length === 0) return Promise.resolve([]);
    return rowsOf(
      this.runner(),
      'SELECT goal_id, resource_id FROM mentorship_goal_resources WHERE goal_id = ANY($1::uuid[]) ORDER BY created_at, resource_id',
      [goalIds],
    );
  }

  /** Links a resource to a goal of this mentorship; false when the goal is not the mentorship's. */
  async linkResource(mentorshipId: string, goalId: string, resourceId: string, linkedBy: string): Promise<boolean> {
    const linked = await rowsOf(
      this.runner(),
      `INSERT INTO mentorship_goal_resources (goal_id, resource_id, linked_by)
       SELECT g.id, $3, $4 FROM mentorship_goals g WHERE g.id = $2 AND g.mentorship_id = $1
       ON CONFLICT (goal_id, resource_id) DO NOTHING RETURNING goal_id`,
      [mentorshipId, goalId, resourceId, linkedBy],
    );
    return linked.length > 0 || (await this.goalBelongs(mentorshipId, goalId));
  }

  async unlinkResource(mentorshipId: string, goalId: string, resourceId: string): Promise<boolean> {
    await this.runner().query(
      `DELETE FROM mentorship_goal_resources l USING mentorship_goals g
       WHERE l.goal_id = g.id AND g.id = $2 AND g.mentorship_id = $1 AND l.resource_id = $3`,
      [mentorshipId, goalId, resourceId],
    );
    return this.goalBelongs(mentorshipId, goalId);
  }

  private async goalBelongs(mentorshipId: string, goalId: string): Promise<boolean> {
    return (
      (await firstRow(this.runner(), 'SELECT 1 FROM mentorship_goals WHERE id = $1 AND mentorship_id = $2', [goalId, mentorshipId])) !==
      undefined
    );
  }

  /** The session log as it stands, locked for an edit or deletion in this transaction. */
  sessionForChange(mentorshipId: string, sessionId: string, manager: EntityManager): Promise<SessionRow | undefined> {
    return firstRow<SessionRow>(manager, 'SELECT * FROM mentorship_sessions WHERE id = $1 AND mentorship_id = $2 FOR UPDATE', [
      sessionId,
      mentorshipId,
    ]);
  }

  async updateSession(
    sessionId: string,
    fields: { held_at: Date; duration_minutes: number; notes: string; next_steps: string | null },
    manager: EntityManager,
  ): Promise<SessionRow> {
    const row = await firstRow<SessionRow>(
      manager,
      'UPDATE mentorship_sessions SET held_at = $2, duration_minutes = $3, notes = $4, next_steps = $5 WHERE id = $1 RETURNING *',
      [sessionId, fields.held_at, fields.duration_minutes, fields.notes, fields.next_steps],
    );
    return row!;
  }

  async deleteSession(sessionId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM mentorship_sessions WHERE id = $1', [sessionId]);
  }

  async sessionCount(mentorshipId: string): Promise<number> {
    const row = await firstRow<{ count: number }>(
      this.runner(),
      'SELECT count(*)::int AS count FROM mentorship_sessions WHERE mentorship_id = $1',
      [mentorshipId],
    );
    return row!.count;
  }

  async logSession(session: {
    mentorship_id: string;
    held_at: Date;
    duration_minutes: number;
    notes: string;
    next_steps: string | null;
    logged_by: string;
  }): Promise<SessionRow> {
    const row = await firstRow<SessionRow>(
      this.runner(),
      `INSERT INTO mentorship_sessions (mentorship_id, held_at, duration_minutes, notes, next_steps, logged_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [session.mentorship_id, session.held_at, session.duration_minutes, session.notes, session.next_steps, session.logged_by],
    );
    return row!;
  }

  /** Records one side's fit-check answer; false until a first session is logged. */
  async answerFitCheck(id: string, side: 'mentor' | 'mentee', answer: { good_fit: boolean; comment: string | null }): Promise<boolean> {
    const row = await firstRow(
      this.runner(),
      `UPDATE mentorships SET ${side === 'mentor' ? 'mentor_good_fit = $2, mentor_fit_comment = $3' : 'mentee_good_fit = $2, mentee_fit_comment = $3'}
       WHERE id = $1 AND EXISTS (SELECT 1 FROM mentorship_sessions WHERE mentorship_id = $1) RETURNING id`,
      [id, answer.good_fit, answer.comment],
    );
    return row !== undefined;
  }

  /** Closes an active mentorship; undefined when it was closed already. */
  close(
    id: string,
    closing: { closed_by: string; outcome: MentorshipOutcome; rating: number; feedback: string },
    manager: EntityManager,
  ): Promise<{ mentor_id: string } | undefined> {
    return firstRow<{ mentor_id: string }>(
      manager,
      `UPDATE mentorships SET status = 'closed', closed_at = now(), closed_by = $2, outcome = $3, rating = $4, feedback = $5
       WHERE id = $1 AND status = 'active' RETURNING mentor_id`,
      [id, closing.closed_by, closing.outcome, closing.rating, closing.feedback],
    );
  }
}
