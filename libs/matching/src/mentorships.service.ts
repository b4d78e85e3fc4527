import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, DomainEvents, toPage, type Page } from '@mutuals/core';
import type {
  AdminMentorshipSummaryView,
  GoalView,
  MentoringPerson,
  MentorshipProgress,
  MentorshipSummaryView,
  MentorshipView,
  SessionLogView,
} from '@mutuals/contracts';
import { ChatConversationsService } from '@mutuals/chat';
import { isCoordinator, type AuthUser } from '@mutuals/identity';
import type { DataSource } from 'typeorm';
import type {
  AdminMentorshipListQuery,
  CloseMentorshipDto,
  CreateGoalDto,
  FitCheckDto,
  LogSessionDto,
  MentorshipListQuery,
  UpdateGoalDto,
} from './dto/mentoring.dto';
import { MatchingErrors } from './matching.errors';
import { MentoringPeople } from './mentoring-people';
import { ResourcesService } from '@mutuals/files';
import { PairCareRepository } from './repositories/pair-care.repository';
import { GoalRow, MentorshipPageQuery, MentorshipRow, MentorshipsRepository, SessionRow } from './repositories/mentorships.repository';

const MAX_GOALS = 30;
/** A session may be logged with a clock a little ahead of ours, never for a day to come. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

type Viewer = 'mentor' | 'mentee' | 'coordinator';

/** A mentorship from acceptance to close: goals, session logs, the fit check, feedback. */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mentorships: MentorshipsRepository,
    private readonly pairCare: PairCareRepository,
    private readonly resources: ResourcesService,
    private readonly people: MentoringPeople,
    private readonly events: DomainEvents,
    private readonly chat: ChatConversationsService,
  ) {}

  async list(caller: AuthUser, query: MentorshipListQuery): Promise<Page<MentorshipSummaryView>> {
    return this.page(caller, { memberId: caller.id, status: query.status }, query);
  }

  /** Every pair with status and counts for the coordinator; never goals' titles or notes. */
  async listForCoordinator(caller: AuthUser, query: AdminMentorshipListQuery): Promise<Page<AdminMentorshipSummaryView>> {
    return this.page(caller, { flagged: query.flagged, status: query.status, health: query.health }, query, (row, summary) => ({
      ...summary,
      health: row.health,
    }));
  }

  async get(caller: AuthUser, id: string): Promise<MentorshipView> {
    const { row, viewer } = await this.visible(caller, id);
    const summary = toSummary(row, viewer, await this.relatedOf([row]));
    if (viewer === 'coordinator') return { ...summary, feedback: row.feedback, goals: [], sessions: [] };
    const [goals, sessions] = await Promise.all([this.mentorships.goals(id), this.mentorships.sessions(id)]);
    return { ...summary, feedback: row.feedback, goals: await this.goalViews(goals), sessions: sessions.map(toSession) };
  }

  async addGoal(caller: AuthUser, id: string, input: CreateGoalDto): Promise<GoalView> {
    await this.openForPair(caller, id);
    const row = await this.mentorships.addGoal(id, { title: input.title, status: input.status ?? 'open' }, MAX_GOALS);
    if (!row) throw MatchingErrors.tooManyGoals(`A mentorship keeps at most ${MAX_GOALS} goals`);
    return (await this.goalViews([row]))[0]!;
  }

  /** Every edit of a goal goes on the pair's record of changes, with what it was and what it became. */
  async updateGoal(caller: AuthUser, id: string, goalId: string, input: UpdateGoalDto): Promise<GoalView> {
    await this.openForPair(caller, id);
    const row = await this.dataSource.transaction(async (manager) => {
      const before = await this.mentorships.goalForChange(id, goalId, manager);
      if (!before) throw MatchingErrors.goalNotFound('No such goal in this mentorship');
      const after = (await this.mentorships.updateGoal(id, goalId, { title: input.title ?? null, status: input.status ?? null }, manager))!;
      const record = (goal: GoalRow) => ({ title: goal.title, status: goal.status });
      await this.pairCare.recordChange(
        {
          mentorshipId: id,
          changedBy: caller.id,
          subject: 'goal',
          subjectId: goalId,
          action: 'edited',
          before: record(before),
          after: record(after),
        },
        manager,
      );
      return after;
    });
    return (await this.goalViews([row]))[0]!;
  }

  async logSession(caller: AuthUser, id: string, input: LogSessionDto): Promise<SessionLogView> {
    const row = await this.openForPair(caller, id);
    const heldAt = new Date(input.heldAt);
    if (heldAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw MatchingErrors.invalidSession('A session is logged after it took place', [{ field: 'heldAt', message: 'is in the future' }]);
    }
    const session = await this.mentorships.logSession({
      mentorship_id: id,
      held_at: heldAt,
      duration_minutes: input.durationMinutes,
      notes: input.notes,
      next_steps: input.nextSteps || null,
      logged_by: caller.id,
    });
    const otherUserId = caller.id === row.mentor_id ? row.mentee_id : row.mentor_id;
    await this.events.emit('mentoring.session.logged', { mentorshipId: id, sessionId: session.id, loggedBy: caller.id, otherUserId });
    return toSession(session);
  }

  /** After the first session, each side says whether the pair fits; "no" flags it for the coordinator. */
  async answerFitCheck(caller: AuthUser, id: string, input: FitCheckDto): Promise<MentorshipView> {
    const row = await this.openForPair(caller, id);
    const side = caller.id === row.mentor_id ? 'mentor' : 'mentee';
    const answered = await this.mentorships.answerFitCheck(id, side, { good_fit: input.goodFit, comment: input.comment || null });
    if (!answered) throw MatchingErrors.fitCheckTooEarly('The fit check opens after your first session is logged');
    return this.get(caller, id);
  }

  async close(caller: AuthUser, id: string, input: CloseMentorshipDto): Promise<MentorshipView> {
    const { row, viewer } = await this.visible(caller, id);
    if (viewer === 'coordinator') throw MatchingErrors.pairOnly('Only the mentor and mentee can close their mentorship');
    await this.dataSource.transaction(async (manager) => {
      const closed = await this.mentorships.close(
        id,
        { closed_by: caller.id, outcome: input.outcome, rating: input.rating, feedback: input.feedback },
        manager,
      );
      if (!closed) throw MatchingErrors.mentorshipClosed('This mentorship is already closed');
      await this.mentorships.releaseMentorPlace(closed.mentor_id, manager);
    });
    await this.events.emit('mentoring.closed', { mentorshipId: id, mentorId: row.mentor_id, menteeId: row.mentee_id, closedBy: caller.id });
    return this.get(caller, id);
  }

  /** Links a resource from the library to one of the pair's goals (linking twice changes nothing). */
  async linkResource(caller: AuthUser, id: string, goalId: string, resourceId: string): Promise<GoalView> {
    await this.openForPair(caller, id);
    if ((await this.resources.titles([resourceId])).size === 0) throw MatchingErrors.resourceNotFound('No such resource in the library');
    if (!(await this.mentorships.linkResource(id, goalId, resourceId, caller.id)))
      throw MatchingErrors.goalNotFound('No such goal in this mentorship');
    return this.goalView(id, goalId);
  }

  async unlinkResource(caller: AuthUser, id: string, goalId: string, resourceId: string): Promise<GoalView> {
    await this.openForPair(caller, id);
    if (!(await this.mentorships.unlinkResource(id, goalId, resourceId)))
      throw MatchingErrors.goalNotFound('No such goal in this mentorship');
    return this.goalView(id, goalId);
  }

  private async goalView(id: string, goalId: string): Promise<GoalView> {
    const goal = (await this.mentorships.goals(id)).find((g) => g.id === goalId)!;
    return (await this.goalViews([goal]))[0]!;
  }

  /** Goals with the titles of their linked resources, asked of the files lib in one go (removed resources drop out). */
  private async goalViews(goals: GoalRow[]): Promise<GoalView[]> {
    const links = await this.mentorships.goalResources(goals.map((g) => g.id));
    const titles = await this.resources.titles(links.map((l) => l.resource_id));
    return goals.map((goal) =>
      toGoal(
        goal,
        links
          .filter((l) => l.goal_id === goal.id && titles.has(l.resource_id))
          .map((l) => ({ id: l.resource_id, title: titles.get(l.resource_id)! })),
      ),
    );
  }

  private async page<View = MentorshipSummaryView>(
    caller: AuthUser,
    filter: Pick<MentorshipPageQuery, 'memberId' | 'flagged' | 'status' | 'health'>,
    query: MentorshipListQuery,
    view: (row: MentorshipRow, summary: MentorshipSummaryView) => View = (_row, summary) => summary as View,
  ): Promise<Page<View>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.mentorships.page({ ...filter, after, limit: query.limit + 1 });
    const related = await this.relatedOf(rows);
    return toPage(
      rows,
      query.limit,
      (r) => [r.started_at.toISOString(), r.id],
      (r) => view(r, toSummary(r, viewerOf(caller, r) ?? 'coordinator', related)),
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
    const row = await this.mentorships.find(id);
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

const viewerOf = (caller: AuthUser, row: MentorshipRow): 'mentor' | 'mentee' | null =>
  row.mentor_id === caller.id ? 'mentor' : row.mentee_id === caller.id ? 'mentee' : null;

const toGoal = (g: GoalRow, resources: GoalView['resources']): GoalView => ({
  id: g.id,
  title: g.title,
  status: g.status,
  resources,
  createdAt: g.created_at.toISOString(),
  updatedAt: g.updated_at.toISOString(),
});

export const toSession = (s: SessionRow): SessionLogView => ({
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
