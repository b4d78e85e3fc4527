import { Injectable } from '@nestjs/common';
import type { ProgrammeMetricsQuery, ProgrammeMetricsView, ProgrammeReport } from '@mutuals/contracts';
import { REGIONS } from '@mutuals/profiles';
import { toCsv, type CsvColumn, type CsvValue } from './csv';
import { ProgrammeMetricsService } from './programme-metrics.service';
import { programmeScope } from './programme-period';
import {
  ReportingRepository,
  type MemberReportRow,
  type MentorshipReportRow,
  type OrganisationReportRow,
  type SessionsReportRow,
} from './reporting.repository';

const nationOf = (region: string | null) => REGIONS.find((term) => term.slug === region)?.nation ?? null;
const hours = (minutes: number) => Number((minutes / 60).toFixed(2));

const MEMBER_COLUMNS: CsvColumn<MemberReportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'name', value: (row) => row.display_name },
  { header: 'status', value: (row) => row.status },
  { header: 'registered_at', value: (row) => row.registered_at },
  { header: 'approved_at', value: (row) => row.approved_at },
  { header: 'cohort', value: (row) => row.cohort },
  { header: 'organisation', value: (row) => row.organisation_name },
  { header: 'sector', value: (row) => row.sector },
  { header: 'stage', value: (row) => row.stage },
  { header: 'region', value: (row) => row.region },
  { header: 'nation', value: (row) => nationOf(row.region) },
  { header: 'offers_mentoring', value: (row) => row.mentor_offers },
  { header: 'seeks_mentoring', value: (row) => row.mentee_seeks },
];

const ORGANISATION_COLUMNS: CsvColumn<OrganisationReportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'name', value: (row) => row.name },
  { header: 'kind', value: (row) => row.kind },
  { header: 'sector', value: (row) => row.sector },
  { header: 'stage', value: (row) => row.stage },
  { header: 'region', value: (row) => row.region },
  { header: 'nation', value: (row) => nationOf(row.region) },
  { header: 'legal_form', value: (row) => row.legal_form },
  { header: 'staff_count', value: (row) => row.staff_count },
  { header: 'created_at', value: (row) => row.created_at },
  { header: 'members', value: (row) => row.members },
];

// No goals, notes, feedback or fit comments: those belong to the pair.
const MENTORSHIP_COLUMNS: CsvColumn<MentorshipReportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'mentor', value: (row) => row.mentor_name },
  { header: 'mentee', value: (row) => row.mentee_name },
  { header: 'mentee_organisation', value: (row) => row.mentee_organisation },
  { header: 'sector', value: (row) => row.sector },
  { header: 'region', value: (row) => row.region },
  { header: 'status', value: (row) => row.status },
  { header: 'started_at', value: (row) => row.started_at },
  { header: 'closed_at', value: (row) => row.closed_at },
  { header: 'outcome', value: (row) => row.outcome },
  { header: 'rating', value: (row) => row.rating },
  { header: 'sessions', value: (row) => row.sessions },
  { header: 'hours', value: (row) => hours(row.minutes) },
  { header: 'first_session_at', value: (row) => row.first_session_at },
  { header: 'mentor_good_fit', value: (row) => row.mentor_good_fit },
  { header: 'mentee_good_fit', value: (row) => row.mentee_good_fit },
];

const SESSION_COLUMNS: CsvColumn<SessionsReportRow>[] = [
  { header: 'month', value: (row) => row.month },
  { header: 'mentorship_id', value: (row) => row.mentorship_id },
  { header: 'mentor', value: (row) => row.mentor_name },
  { header: 'mentee', value: (row) => row.mentee_name },
  { header: 'sessions', value: (row) => row.sessions },
  { header: 'hours', value: (row) => hours(row.minutes) },
];

interface OutcomeRow {
  section: string;
  measure: string;
  value: CsvValue;
}

const OUTCOME_COLUMNS: CsvColumn<OutcomeRow>[] = [
  { header: 'section', value: (row) => row.section },
  { header: 'measure', value: (row) => row.measure },
  { header: 'value', value: (row) => row.value },
];

/** The dashboard's headline figures, one per row: what the funder reads as outcomes. */
function outcomeRows(view: ProgrammeMetricsView): OutcomeRow[] {
  const { funnel, matchRate, timeToMatch, engagement, satisfaction, journey } = view;
  const row = (section: string, measure: string, value: CsvValue): OutcomeRow => ({ section, measure, value });
  return [
    row('period', 'from', view.filters.from),
    row('period', 'to', view.filters.to),
    row('reach', 'members registered', view.members.total),
    row('reach', 'mentors offering', view.members.mentorsOffering),
    row('reach', 'organisations created', view.organisations.total),
    row('funnel', 'registered', funnel.registered),
    row('funnel', 'approved', funnel.approved),
    row('funnel', 'seeking', funnel.seeking),
    row('funnel', 'requested', funnel.requested),
    row('funnel', 'matched', funnel.matched),
    row('funnel', 'active', funnel.active),
    ...funnel.closedByOutcome.map((outcome) => row('closed', outcome.label, outcome.count)),
    row('match rate', 'asked', matchRate.asked),
    row('match rate', 'matched', matchRate.matched),
    row('match rate', 'rate', matchRate.rate),
    row('match rate', 'benchmark', matchRate.benchmark),
    row('timing', 'median days to match', timeToMatch.medianDaysToMatch),
    row('timing', 'median days to first session', timeToMatch.medianDaysToFirstSession),
    row('engagement', 'pairs', engagement.pairs),
    row('engagement', 'met three or more times', engagement.metThreeTimes),
    row('satisfaction', 'ratings', satisfaction.ratings),
    row('satisfaction', 'average rating', satisfaction.averageRating),
    row('satisfaction', 'fit answers', satisfaction.fitAnswers),
    row('satisfaction', 'good fit', satisfaction.goodFit),
    ...(journey?.steps ?? []).flatMap((step) => [
      row('journey', `${step.label}: organisations`, step.organisations),
      row('journey', `${step.label}: median days`, step.medianDays),
    ]),
  ];
}

/** The CSV downloads: the very populations and figures the dashboard shows for the same filters. */
@Injectable()
export class ProgrammeReportsService {
  constructor(
    private readonly reporting: ReportingRepository,
    private readonly metrics: ProgrammeMetricsService,
  ) {}

  async report(report: ProgrammeReport, query: ProgrammeMetricsQuery): Promise<string> {
    const scope = programmeScope(query);
    switch (report) {
      case 'members':
        return toCsv(await this.reporting.memberRows(scope), MEMBER_COLUMNS);
      case 'organisations':
        return toCsv(await this.reporting.organisationRows(scope), ORGANISATION_COLUMNS);
      case 'mentorships':
        return toCsv(await this.reporting.mentorshipRows(scope), MENTORSHIP_COLUMNS);
      case 'sessions':
        return toCsv(await this.reporting.sessionRows(scope), SESSION_COLUMNS);
      case 'outcomes':
        return toCsv(outcomeRows(await this.metrics.metrics(query)), OUTCOME_COLUMNS);
    }
  }
}
