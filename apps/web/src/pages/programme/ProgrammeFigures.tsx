// The dashboard's figures as headline numbers and charts, each chart with its table beside it.
// The dashboard shows them all; the quarterly report a one-page selection.
import { createContext, useContext } from 'react';
import type { CountByKey, ProgrammeMetricsView, ReachBreakdown } from '@mutuals/contracts';
import { ChartWithTable, type ChartRow, type ChartWithTableProps } from '../../components';
import { days, percent } from './programmeFilters';

/** Members and organisations side by side over one dimension (sector, stage, region, nation). */
function reachRows(members: CountByKey[], organisations: CountByKey[]): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const row of members) rows.set(row.key, { label: row.label, members: row.count, organisations: 0 });
  for (const row of organisations) rows.set(row.key, { label: row.label, members: 0, ...rows.get(row.key), organisations: row.count });
  return [...rows.values()];
}

/** The drawings' height: the dashboard's default, smaller on the one-page quarterly report. */
export const ChartHeight = createContext(240);

/** Every figure's chart: under a card's or section's h2, as tall as the page wants. */
function Chart(props: Omit<ChartWithTableProps, 'level' | 'height'>) {
  return <ChartWithTable level={3} height={useContext(ChartHeight)} {...props} />;
}

const countRows = (rows: CountByKey[], key = 'count'): ChartRow[] => rows.map((row) => ({ label: row.label, [key]: row.count }));
const REACH_SERIES = [
  { key: 'members', name: 'Members' },
  { key: 'organisations', name: 'Organisations' },
];

export function HeadlineFigures({ view }: { view: ProgrammeMetricsView }) {
  const hours = view.sessionsByMonth.reduce((sum, month) => sum + month.hours, 0);
  const figures = [
    { label: 'members registered', value: view.members.total },
    { label: 'organisations joined', value: view.organisations.total },
    {
      label: `match rate (${view.matchRate.matched} of ${view.matchRate.asked} who asked; benchmark ${percent(view.matchRate.benchmark)})`,
      value: percent(view.matchRate.rate),
    },
    { label: 'median time to match', value: days(view.timeToMatch.medianDaysToMatch) },
    { label: 'median time to first session', value: days(view.timeToMatch.medianDaysToFirstSession) },
    { label: `of ${view.engagement.pairs} pairs met three or more times`, value: percent(view.engagement.share) },
    {
      label: `hours of mentoring (${view.sessionsByMonth.reduce((sum, month) => sum + month.sessions, 0)} sessions)`,
      value: Number(hours.toFixed(1)),
    },
    { label: `average close rating of 5 (${view.satisfaction.ratings} given)`, value: view.satisfaction.averageRating ?? '–' },
  ];
  return (
    <ul className="stats headline-figures" aria-label="Headline figures">
      {figures.map((figure) => (
        <li key={figure.label} className="stat">
          <span className="stat-value">{figure.value}</span> <span className="stat-label">{figure.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function ReachChart({
  dimension,
  members,
  organisations,
}: {
  dimension: 'Sector' | 'Stage' | 'Region' | 'Nation';
  members: ReachBreakdown;
  organisations: ReachBreakdown;
}) {
  const key = `by${dimension}` as const;
  return (
    <Chart
      title={`Members and organisations by ${dimension.toLowerCase()}`}
      labelHeader={dimension}
      rows={reachRows(members[key], organisations[key])}
      series={REACH_SERIES}
    />
  );
}

export function FunnelChart({ view }: { view: ProgrammeMetricsView }) {
  const { funnel } = view;
  return (
    <Chart
      title="Mentoring funnel"
      description="People at each step in the period; seeking is now."
      labelHeader="Step"
      rows={[
        { label: 'Registered', people: funnel.registered },
        { label: 'Approved', people: funnel.approved },
        { label: 'Seeking now', people: funnel.seeking },
        { label: 'Requested', people: funnel.requested },
        { label: 'Matched', people: funnel.matched },
        { label: 'Active at end', people: funnel.active },
      ]}
      series={[{ key: 'people', name: 'People' }]}
    />
  );
}

export function MatchRateChart({ view }: { view: ProgrammeMetricsView }) {
  return (
    <Chart
      title="Match rate against the 70% benchmark"
      description={`Of the ${view.matchRate.asked} mentees who asked for a mentor in the period, ${view.matchRate.matched} have been matched since.`}
      labelHeader="Measure"
      rows={[
        { label: 'Match rate', percent: view.matchRate.rate === null ? null : Math.round(view.matchRate.rate * 100) },
        { label: 'Benchmark', percent: Math.round(view.matchRate.benchmark * 100) },
      ]}
      series={[{ key: 'percent', name: 'Per cent' }]}
      format={(value) => `${value}%`}
    />
  );
}

export function ClosedChart({ view }: { view: ProgrammeMetricsView }) {
  return (
    <Chart
      title="Mentorships closed, by outcome"
      labelHeader="Outcome"
      rows={countRows(view.funnel.closedByOutcome, 'mentorships')}
      series={[{ key: 'mentorships', name: 'Mentorships' }]}
    />
  );
}

export function SessionsChart({ view }: { view: ProgrammeMetricsView }) {
  return (
    <Chart
      title="Sessions and hours by month"
      kind="line"
      labelHeader="Month"
      rows={view.sessionsByMonth.map((month) => ({ label: month.month, sessions: month.sessions, hours: month.hours }))}
      series={[
        { key: 'sessions', name: 'Sessions' },
        { key: 'hours', name: 'Hours' },
      ]}
    />
  );
}

export function SatisfactionChart({ view }: { view: ProgrammeMetricsView }) {
  const { satisfaction } = view;
  return (
    <Chart
      title="Close ratings"
      description={`Fit checks: ${satisfaction.goodFit} of ${satisfaction.fitAnswers} answers said a good fit (${percent(satisfaction.goodFitShare)}).`}
      labelHeader="Rating"
      rows={countRows(satisfaction.byRating, 'ratings')}
      series={[{ key: 'ratings', name: 'Ratings' }]}
    />
  );
}

export function ActivityChart({ view }: { view: ProgrammeMetricsView }) {
  return (
    <Chart
      title="Forum and chat activity by week"
      kind="line"
      scrollTable
      labelHeader="Week of"
      rows={view.activityByWeek.map((week) => ({
        label: week.week,
        posts: week.forumPosts,
        messages: week.chatMessages,
        members: week.activeMembers,
      }))}
      series={[
        { key: 'posts', name: 'Forum posts' },
        { key: 'messages', name: 'Chat messages' },
        { key: 'members', name: 'Members active' },
      ]}
    />
  );
}

export function JourneyChart({ view }: { view: ProgrammeMetricsView }) {
  if (!view.journey) return null;
  return (
    <Chart
      title="Journey outcomes: organisations moving on"
      description={`${view.journey.organisationsMoved} organisations moved forward in the period (${view.journey.changes} stage changes).`}
      labelHeader="Step"
      rows={view.journey.steps.map((step) => ({ label: step.label, organisations: step.organisations, days: step.medianDays }))}
      series={[
        { key: 'organisations', name: 'Organisations' },
        { key: 'days', name: 'Median days in stage' },
      ]}
    />
  );
}

export function StoriesChart({ view }: { view: ProgrammeMetricsView }) {
  if (!view.stories) return null;
  return (
    <Chart
      title="Stories pipeline"
      labelHeader="State"
      rows={countRows(view.stories.byState, 'stories')}
      series={[{ key: 'stories', name: 'Stories' }]}
    />
  );
}
