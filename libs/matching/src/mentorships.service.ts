import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, DomainEvents, toPage, type Page } from '@mutuals/core';
import type {
  GoalView,
  MentoringPerson,
  MentorshipOutcome,
  MentorshipProgress,
  MentorshipSummaryView,
  MentorshipView,
  SessionLogView,
} from '@mutuals/contracts';
import { ChatConversationsService } from '@mutuals/chat';
import { isCoordinator, type AuthUser } from '@mutuals/identity';
import { DataSource } from 'typeorm';
import type {
  AdminMentorshipListQuery,
  CloseMentorshipDto,
  CreateGoalDto,
  FitCheckDto,
  LogSessionDto,
  MentorshipListQuery,
  UpdateGoalDto,
} from './dto/mentoring.dto';
import type { GoalStatus } from './entities/goal.entity';
import type { MentorshipStatus } from './entities/mentorship.entity';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { returning } from './sql';

const MAX_GOALS = 30;
/** A session may be logged with a clock a little ahead of ours, never for a day to come. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

interface MentorshipRow {
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
}

// Progress is counted in SQL so that a list of pairs never loads anyone's notes.
const MENTORSHIP_SELECT = `SELECT m.*,
  (SELECT count(*)::int FROM mentorship_goals g WHERE g.mentorship_id = m.id) AS goal_count,
  (SELECT count(*)::int FROM mentorship_goals g WHERE g.mentorship_id = m.id AND g.status = 'done') AS goals_done,
  s.session_count, s.minutes, s.last_session_at
  FROM mentorships m
  CROSS JOIN LATERAL (SELECT count(*)::int AS session_count, COALESCE(sum(duration_minutes), 0)::int AS minutes,
    max(held_at) AS last_session_at FROM mentorship_sessions WHERE mentorship_id = m.id) s`;

type Viewer = 'mentor' | 'mentee' | 'coordinator';

/** A mentorship from acceptance to close: goals, session logs, the fit check, feedback. */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: MentoringPeople,
    private readonly events: DomainEvents,
    private readonly chat: ChatConversationsService,
  ) {}

  async list(caller: AuthUser, query: MentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    return this.page(caller, query, ['(m.mentor_id = $1 OR m.mentee_id = $1)'], [caller.id]);
  }

  /** Every pair with status and counts for the coordinator; never goals' titles or notes. */
  async listForCoordinator(caller: AuthUser, query: AdminMentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    const conditions = query.flagged === undefined ? [] : [`(m.mentor_good_fit = false OR m.mentee_good_fit = false) = ${query.flagged}`];
    return this.page(caller, query, conditions, []);
  }

  async get(caller: AuthUser, id: string): Promise<MentorshipView> {
    const { row, viewer } = await this.visible(caller, id);
    const summary = toSummary(row, viewer, await this.relatedOf([row]));
    if (viewer === 'coordinator') return { ...summary, feedback: row.feedback, goals: [], sessions: [] };
    const [goals, sessions] = await Promise.all([
      this.dataSource.query('SELECT * FROM mentorship_goals WHERE mentorship_id = $1 ORDER BY created_at, id', [id]),
      this.dataSource.query('SELECT * FROM mentorship_sessions WHERE mentorship_id = $1 ORDER BY held_at DESC, id', [id]),
    ]);
    return { ...summary, feedback: row.feedback, goals: goals.map(toGoal), sessions: sessions.map(toSession) };
  }

  async addGoal(caller: AuthUser, id: string, input: CreateGoalDto): Promise<GoalView> {
    await this.openForPair(caller, id);
    const [row] = await returning<GoalRow>(
      this.dataSource.manager,
      `INSERT INTO mentorship_goals (mentorship_id, title, status)
       SELECT $1, $2, $3 WHERE (SELECT count(*) FROM mentorship_goals WHERE mentorship_id = $1) < $4 RETURNING *`,
      [id, input.title, input.status ?? 'open', MAX_GOALS],
    );
    if (!row) throw MatchingErrors.tooManyGoals(`A mentorship keeps at most ${MAX_GOALS} goals`);
    return toGoal(row);
  }

  async updateGoal(caller: AuthUser, id: string, goalId: string, input: UpdateGoalDto): Promise<GoalView> {
    await this.openForPair(caller, id);
    const [row] = await returning<GoalRow>(
      this.dataSource.manager,
      `UPDATE mentorship_goals SET title = COALESCE($3, title), status = COALESCE($4, status), updated_at = now()
       WHERE id = $1 AND mentorship_id = $2 RETURNING *`,
      [goalId, id, input.title ?? null, input.status ?? null],
    );
    if (!row) throw MatchingErrors.goalNotFound('No such goal in this mentorship');
    return toGoal(row);
  }

  async logSession(caller: AuthUser, id: string, input: LogSessionDto): Promise<SessionLogView> {
    const row = await this.openForPair(caller, id);
    const heldAt = new Date(input.heldAt);
    if (heldAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw MatchingErrors.invalidSession('A session is logged after it took place', [{ field: 'heldAt', message: 'is in the future' }]);
    }
    const [session] = await returning<SessionRow>(
      this.dataSource.manager,
      `INSERT INTO mentorship_sessions (mentorship_id, held_at, duration_minutes, notes, next_steps, logged_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [id, heldAt, input.durationMinutes, input.notes, input.nextSteps || null, caller.id],
    );
    const otherUserId = caller.id === row.mentor_id ? row.mentee_id : row.mentor_id;
    await this.events.emit('mentoring.session.logged', { mentorshipId: id, sessionId: session.id, loggedBy: caller.id, otherUserId });
    return toSession(session);
  }

  /** After the first session, each side says whether the pair fits; "no" flags it for the coordinator. */
  async answerFitCheck(caller: AuthUser, id: string, input: FitCheckDto): Promise<MentorshipView> {
    const row = await this.openForPair(caller, id);
    const side = caller.id === row.mentor_id ? 'mentor' : 'mentee';
    const [answered] = await returning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE mentorships SET ${side}_good_fit = $2, ${side}_fit_comment = $3
       WHERE id = $1 AND EXISTS (SELECT 1 FROM mentorship_sessions WHERE mentorship_id = $1) RETURNING id`,
      [id, input.goodFit, input.comment || null],
    );
    if (!answered) throw MatchingErrors.fitCheckTooEarly('The fit check opens after your first session is logged');
    return this.get(caller, id);
  }

  async close(caller: AuthUser, id: string, input: CloseMentorshipDto): Promise<MentorshipView> {
    const { row, viewer } = await this.visible(caller, id);
    if (viewer === 'coordinator') throw MatchingErrors.pairOnly('Only the mentor and mentee can close their mentorship');
    await this.dataSource.transaction(async (manager) => {
      const [closed] = await returning<{ mentor_id: string }>(
        manager,
        `UPDATE mentorships SET status = 'closed', closed_at = now(), closed_by = $2, outcome = $3, rating = $4, feedback = $5
         WHERE id = $1 AND status = 'active' RETURNING mentor_id`,
        [id, caller.id, input.outcome, input.rating, input.feedback],
      );
      if (!closed) throw MatchingErrors.mentorshipClosed('This mentorship is already closed');
      await manager.query('UPDATE mentor_load SET active = active - 1 WHERE mentor_id = $1 AND active > 0', [closed.mentor_id]);
    });
    await this.events.emit('mentoring.closed', { mentorshipId: id, mentorId: row.mentor_id, menteeId: row.mentee_id, closedBy: caller.id });
    return this.get(caller, id);
  }

  private async page(caller: AuthUser, query: MentorshipListQuery, conditions: string[], parameters: unknown[]) {
    const after = decodeCursor(query.cursor, 2);
    const where = [...conditions];
    const values = [...parameters];
    if (query.status) where.push(`m.status = $${values.push(query.status)}`);
    if (after) where.push(`(m.started_at, m.id) < ($${values.push(after[0])}::timestamptz, $${values.push(after[1])}::uuid)`);
    const rows = (await this.dataSource.query(
      `${MENTORSHIP_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY m.started_at DESC, m.id DESC LIMIT $${values.push(query.limit + 1)}`,
      values,
    )) as MentorshipRow[];
    const related = await this.relatedOf(rows);
    return toPage(
      rows,
      query.limit,
      (r) => [r.started_at.toISOString(), r.id],
      (r) => toSummary(r, viewerOf(caller, r) ?? 'coordinator', related),
    );
  }

  /** The pairs' people, and their chat conversations (chat owns that link). */
  private async relatedOf(rows: MentorshipRow[]): Promise<Related> {
    const [people, conversations] = await Promise.all([
      this.people.byId(rows.flatMap((r) => [r.mentor_id, r.mentee_id])),
      this.chat.conversationIdsForMentorships(rows.map((r) => r.id)),
    ]);
    return { people, conversations };
  }

  /** The pair sees everything, a coordinator the status and counts; anyone else a 404. */
  private async visible(caller: AuthUser, id: string): Promise<{ row: MentorshipRow; viewer: Viewer }> {
    const [row] = (await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE m.id = $1`, [id])) as MentorshipRow[];
    const viewer = row && (viewerOf(caller, row) ?? (isCoordinator(caller) ? 'coordinator' : null));
    if (!row || !viewer) throw MatchingErrors.mentorshipNotFound('No such mentorship');
    return { row, viewer };
  }

  private async openForPair(caller: AuthUser, id: string): Promise<MentorshipRow> {
    const { row, viewer } = await this.visible(caller, id);
    if (viewer === 'coordinator') throw MatchingErrors.pairOnly('Goals, sessions and the fit check belong to the mentor and mentee');
    if (row.status !== 'active') throw MatchingErrors.mentorshipClosed('This mentorship is closed');
    return row;
  }
}

interface GoalRow {
  id: string;
  title: string;
  status: GoalStatus;
  created_at: Date;
  updated_at: Date;
}

interface SessionRow {
  id: string;
  held_at: Date;
  duration_minutes: number;
  notes: string;
  next_steps: string | null;
  logged_by: string;
  created_at: Date;
}

const viewerOf = (caller: AuthUser, row: MentorshipRow): 'mentor' | 'mentee' | null =>
  row.mentor_id === caller.id ? 'mentor' : row.mentee_id === caller.id ? 'mentee' : null;

const toGoal = (g: GoalRow): GoalView => ({
  id: g.id,
  title: g.title,
  status: g.status,
  createdAt: g.created_at.toISOString(),
  updatedAt: g.updated_at.toISOString(),
});

const toSession = (s: SessionRow): SessionLogView => ({
  id: s.id,
  heldAt: s.held_at.toISOString(),
  durationMinutes: s.duration_minutes,
  notes: s.notes,
  nextSteps: s.next_steps,
  loggedBy: s.logged_by,
  createdAt: s.created_at.toISOString(),
});

function toProgress(r: MentorshipRow): MentorshipProgress {
  return {
    goalCount: r.goal_count,
    goalsDone: r.goals_done,
    sessionCount: r.session_count,
    hours: Math.round((r.minutes / 60) * 10) / 10,
    lastSessionAt: r.last_session_at?.toISOString() ?? null,
  };
}

interface Related {
  people: Map<string, MentoringPerson>;
  conversations: Map<string, string>;
}

function toSummary(r: MentorshipRow, viewer: Viewer, { people, conversations }: Related): MentorshipSummaryView {
  const answer = (goodFit: boolean | null, comment: string | null) => (goodFit === null ? null : { goodFit, comment });
  return {
    id: r.id,
    status: r.status,
    mentor: people.get(r.mentor_id)!,
    mentee: people.get(r.mentee_id)!,
    requestId: r.request_id,
    conversationId: conversations.get(r.id) ?? null,
    startedAt: r.started_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    outcome: r.outcome,
    rating: r.rating,
    viewerRole: viewer,
    progress: toProgress(r),
    fitCheck: {
      mentor: answer(r.mentor_good_fit, r.mentor_fit_comment),
      mentee: answer(r.mentee_good_fit, r.mentee_fit_comment),
      flagged: r.mentor_good_fit === false || r.mentee_good_fit === false,
    },
  };
}
