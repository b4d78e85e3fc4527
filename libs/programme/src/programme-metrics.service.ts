import { Injectable } from '@nestjs/common';
import {
  MATCH_RATE_BENCHMARK,
  MENTORSHIP_OUTCOMES,
  type AttentionReason,
  type CountByKey,
  type ProgrammeMetricsQuery,
  type ProgrammeMetricsView,
  type ReachBreakdown,
} from '@mutuals/contracts';
import { REGIONS, SECTORS, STAGES } from '@mutuals/profiles';
import { programmeScope } from './programme-period';
import { ReportingRepository, type BreakdownRow } from './reporting.repository';

const NATIONS: Record<string, string> = {
  england: 'England',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
};
const OUTCOME_LABELS: Record<string, string> = {
  'goals-met': 'Goals met',
  'partly-met': 'Partly met',
  'ended-early': 'Ended early',
  'not-a-fit': 'Not a fit',
};
const UNKNOWN = { key: 'unknown', label: 'Not given' };

/** The taxonomy's terms in their own order (stages in journey order), then anything else the data holds. */
function inTermOrder(counts: Map<string | null, number>, terms: readonly { slug: string; name: string }[]): CountByKey[] {
  const known = terms
    .filter((term) => counts.has(term.slug))
    .map((term) => ({ key: term.slug, label: term.name, count: counts.get(term.slug)! }));
  const slugs = new Set(terms.map((term) => term.slug));
  const other = [...counts].filter(([key]) => key === null || !slugs.has(key));
  const otherTotal = other.reduce((sum, [, count]) => sum + count, 0);
  return otherTotal ? [...known, { ...UNKNOWN, count: otherTotal }] : known;
}

export const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const roundTo = (value: number | null, places = 1) => (value === null ? null : Number(Number(value).toFixed(places)));

/** Breakdown rows of one GROUPING SETS query as the view's reach figures; nations summed from regions. */
function reach(rows: BreakdownRow[]): ReachBreakdown {
  const of = (dimension: BreakdownRow['dimension']) =>
    new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row.count]));
  const byRegion = of('region');
  const byNation = new Map<string | null, number>();
  for (const [region, count] of byRegion) {
    const nation = REGIONS.find((term) => term.slug === region)?.nation ?? null;
    byNation.set(nation, (byNation.get(nation) ?? 0) + count);
  }
  return {
    total: of('all').get(null) ?? 0,
    bySector: inTermOrder(of('sector'), SECTORS),
    byStage: inTermOrder(of('stage'), STAGES),
    byRegion: inTermOrder(byRegion, REGIONS),
    byNation: inTermOrder(
      byNation,
      Object.entries(NATIONS).map(([slug, name]) => ({ slug, name })),
    ),
  };
}

/** The coordinator's dashboard: every figure a SQL aggregate over one consistent snapshot. */
@Injectable()
export class ProgrammeMetricsService {
  constructor(private readonly reporting: ReportingRepository) {}

  metrics(query: ProgrammeMetricsQuery): Promise<ProgrammeMetricsView> {
    const scope = programmeScope(query);
    return this.reporting.snapshot(async (manager) => {
      const members = await this.reporting.memberBreakdown(scope, manager);
      const organisations = await this.reporting.organisationBreakdown(scope, manager);
      const funnel = await this.reporting.funnel(scope, manager);
      const closed = await this.reporting.closedByOutcome(scope, manager);
      const match = await this.reporting.matchRate(scope, manager);
      const timing = await this.reporting.timeToMatch(scope, manager);
      const sessions = await this.reporting.sessionsByMonth(scope, manager);
      const engagement = await this.reporting.engagement(scope, manager);
      const satisfaction = await this.reporting.satisfaction(scope, manager);
      const ratings = await this.reporting.ratingsByScore(scope, manager);
      const attention = await this.reporting.attention(scope, manager);
      const activity = await this.reporting.activityByWeek(scope, manager);

      const counts: Record<AttentionReason, number> = { 'no-session': 0, 'fit-concern': 0, 'request-expiring': 0 };
      for (const row of attention) counts[row.reason] = row.total;
      const closedCounts = new Map(closed.map((row) => [row.key, row.count]));

      return {
        filters: scope.filters,
        generatedAt: new Date().toISOString(),
        members: { ...reach(members), mentorsOffering: funnel.mentors_offering },
        organisations: reach(organisations),
        funnel: {
          registered: funnel.registered,
          approved: funnel.approved,
          seeking: funnel.seeking,
          requested: funnel.requested,
          matched: funnel.matched,
          active: funnel.active,
          closedByOutcome: inTermOrder(
            closedCounts,
            MENTORSHIP_OUTCOMES.map((slug) => ({ slug, name: OUTCOME_LABELS[slug] ?? slug })),
          ),
        },
        matchRate: { asked: match.asked, matched: match.matched, rate: ratio(match.matched, match.asked), benchmark: MATCH_RATE_BENCHMARK },
        timeToMatch: {
          matched: timing.matched,
          medianDaysToMatch: roundTo(timing.median_days_to_match),
          withSession: timing.with_session,
          medianDaysToFirstSession: roundTo(timing.median_days_to_first_session),
        },
        sessionsByMonth: sessions.map((row) => ({ month: row.month, sessions: row.sessions, hours: roundTo(row.minutes / 60)! })),
        engagement: {
          pairs: engagement.pairs,
          metThreeTimes: engagement.met_three_times,
          share: ratio(engagement.met_three_times, engagement.pairs),
        },
        satisfaction: {
          ratings: satisfaction.ratings,
          averageRating: roundTo(satisfaction.average_rating, 2),
          byRating: [1, 2, 3, 4, 5].map((rating) => ({
            key: String(rating),
            label: `${rating} of 5`,
            count: ratings.find((row) => row.rating === rating)?.count ?? 0,
          })),
          fitAnswers: satisfaction.fit_answers,
          goodFit: satisfaction.good_fit,
          goodFitShare: ratio(satisfaction.good_fit, satisfaction.fit_answers),
        },
        attention: {
          counts,
          items: attention.map((row) => ({
            reason: row.reason,
            id: row.id,
            mentor: { id: row.mentor_id, displayName: row.mentor_name },
            mentee: { id: row.mentee_id, displayName: row.mentee_name },
            since: new Date(row.since).toISOString(),
          })),
        },
        activityByWeek: activity.map((row) => ({
          week: row.week,
          forumPosts: row.forum_posts,
          chatMessages: row.chat_messages,
          activeMembers: row.active_members,
        })),
        stories: null,
        journey: null,
      };
    });
  }
}
