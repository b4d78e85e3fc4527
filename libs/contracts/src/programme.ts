// GET /api/v1/admin/metrics and /admin/reports/*.csv: the coordinator's console (issue 14).

/** The dashboard's filters, as query parameters; the CSV reports take the same. */
export interface ProgrammeMetricsQuery {
  /** First day of the period, YYYY-MM-DD (UTC); default the first day of the month eleven months ago. */
  from?: string;
  /** Last day of the period, inclusive, YYYY-MM-DD (UTC); default today. */
  to?: string;
  /** Sector slug: a member's is their organisation's (else the first on their profile). */
  sector?: string;
  /** Region slug: a member's own, else their organisation's. */
  region?: string;
  /** Cohort: the month of joining, YYYY-MM. */
  cohort?: string;
}

export interface AppliedProgrammeFilters {
  from: string;
  to: string;
  sector: string | null;
  region: string | null;
  cohort: string | null;
}

/** One bar of a breakdown: the slug (`unknown` when not given) and its readable name. */
export interface CountByKey {
  key: string;
  label: string;
  count: number;
}

export interface ReachBreakdown {
  total: number;
  bySector: CountByKey[];
  byStage: CountByKey[];
  byRegion: CountByKey[];
  byNation: CountByKey[];
}

export interface MentoringFunnel {
  /** Members who registered in the period. */
  registered: number;
  /** Members approved in the period. */
  approved: number;
  /** Now: active members asking for a mentor (profile) without an active mentorship. */
  seeking: number;
  /** Members who sent (or were sent by a round) at least one request in the period. */
  requested: number;
  /** Members whose mentorship (as mentee) started in the period. */
  matched: number;
  /** Members in a mentorship still active at the end of the period. */
  active: number;
  /** Mentorships closed in the period, by outcome. */
  closedByOutcome: CountByKey[];
}

export interface MatchRate {
  /** Mentees who asked for a mentor in the period. */
  asked: number;
  /** Of those, how many have a mentorship that started on or after their first request of the period. */
  matched: number;
  /** matched / asked, 0..1; null when nobody asked. */
  rate: number | null;
  benchmark: number;
}

export interface TimeToMatch {
  /** Mentorships that started in the period. */
  matched: number;
  medianDaysToMatch: number | null;
  /** Of those, how many have logged a session. */
  withSession: number;
  medianDaysToFirstSession: number | null;
}

export interface SessionsInMonth {
  month: string;
  sessions: number;
  hours: number;
}

export interface Engagement {
  /** Mentorships active at some time in the period. */
  pairs: number;
  /** Of those, how many have met (logged sessions) three or more times by the end of the period. */
  metThreeTimes: number;
  share: number | null;
}

export interface Satisfaction {
  /** Ratings given when closing a mentorship in the period. */
  ratings: number;
  averageRating: number | null;
  byRating: CountByKey[];
  /** Fit-check answers (either side) of the pairs active in the period. */
  fitAnswers: number;
  goodFit: number;
  goodFitShare: number | null;
}

export type AttentionReason = 'no-session' | 'fit-concern' | 'request-expiring';

export interface AttentionItem {
  reason: AttentionReason;
  /** The mentorship, or for `request-expiring` the request. */
  id: string;
  mentor: { id: string; displayName: string };
  mentee: { id: string; displayName: string };
  /** Last session (or start), when the concern was raised, or when the request expires. */
  since: string;
}

export interface NeedsAttention {
  /** How many, per reason, now (not limited by the period). */
  counts: Record<AttentionReason, number>;
  /** The first few of each reason, oldest first. */
  items: AttentionItem[];
}

export interface ActivityInWeek {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  forumPosts: number;
  chatMessages: number;
  /** Members who posted or sent a message that week. */
  activeMembers: number;
}

export interface StoriesPipeline {
  byState: CountByKey[];
}

export interface JourneyStep {
  fromStage: string;
  toStage: string;
  label: string;
  /** Organisations that made this step in the period. */
  organisations: number;
  /** Median days spent in `fromStage` before the step (since the previous change or the organisation's creation). */
  medianDays: number | null;
}

export interface JourneyOutcomes {
  /** Stage changes recorded in the period (forward or back). */
  changes: number;
  /** Organisations whose stage moved forward in the period. */
  organisationsMoved: number;
  steps: JourneyStep[];
}

export interface ProgrammeMetricsView {
  filters: AppliedProgrammeFilters;
  generatedAt: string;
  members: ReachBreakdown & { mentorsOffering: number };
  organisations: ReachBreakdown;
  funnel: MentoringFunnel;
  matchRate: MatchRate;
  timeToMatch: TimeToMatch;
  sessionsByMonth: SessionsInMonth[];
  engagement: Engagement;
  satisfaction: Satisfaction;
  attention: NeedsAttention;
  activityByWeek: ActivityInWeek[];
  /** null until the stories lib reports its pipeline. */
  stories: StoriesPipeline | null;
  /** null until organisations' stage changes are recorded. */
  journey: JourneyOutcomes | null;
}

export const PROGRAMME_REPORTS = ['members', 'organisations', 'mentorships', 'sessions', 'outcomes'] as const;
export type ProgrammeReport = (typeof PROGRAMME_REPORTS)[number];

export const MATCH_RATE_BENCHMARK = 0.7;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `2026-Q3` as the first and last day of that quarter (the quarterly report's period). */
export function quarterDays(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return { from: isoDay(new Date(Date.UTC(year, (q - 1) * 3, 1))), to: isoDay(new Date(Date.UTC(year, q * 3, 0))) };
}
