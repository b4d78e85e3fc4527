import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttentionReason } from '@mutuals/contracts';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProgrammeScope } from './programme-period';

/**
 * The programme's READ-ONLY reporting repository. Reporting needs joins across the tables of other
 * libs (identity's users, profiles' profiles and organisations, matching's requests, mentorships and
 * sessions, forums' posts, chat's messages), which their services cannot answer as aggregates; so
 * this repository reads those tables with SQL and only reads: it never writes a table, its own or
 * another lib's. Every figure is a SQL aggregate; rows are read only for CSV reports and for the
 * short "needs attention" list.
 *
 * Every statement starts with SCOPE and takes the same five parameters ($1 sector, $2 region,
 * $3 cohort, $4 period start, $5 period end exclusive), so the filters mean the same in each.
 */
const SCOPE = `
  WITH period AS (SELECT $4::timestamptz AS from_at, $5::timestamptz AS to_at),
  people AS (
    SELECT u.id, u.display_name, u.status, u.created_at, u.approved_at,
           coalesce(o.sector, p.sectors[1]) AS sector,
           coalesce(o.stage, p.mentee_stage) AS stage,
           coalesce(p.region, o.region) AS region,
           to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS cohort,
           coalesce(p.mentor_offers, false) AS mentor_offers,
           coalesce(p.mentee_seeks, false) AS mentee_seeks,
           o.id AS organisation_id, o.name AS organisation_name
      FROM users u
      LEFT JOIN profiles p ON p.user_id = u.id
      LEFT JOIN organisations o ON o.id = p.organisation_id
     WHERE u.role = 'member' AND u.status <> 'rejected'
       AND ($1::text IS NULL OR coalesce(o.sector, p.sectors[1]) = $1::text)
       AND ($2::text IS NULL OR coalesce(p.region, o.region) = $2::text)
       AND ($3::text IS NULL OR to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM') = $3::text)
  ),
  orgs AS (
    SELECT o.* FROM organisations o
     WHERE ($1::text IS NULL OR o.sector = $1::text)
       AND ($2::text IS NULL OR o.region = $2::text)
       AND ($3::text IS NULL OR to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM') = $3::text)
  )`;

/** Days between two timestamps, as a number of days with decimals. */
const days = (later: string, earlier: string) => `extract(epoch FROM (${later}) - (${earlier})) / 86400`;
const inPeriod = (column: string) => `${column} >= period.from_at AND ${column} < period.to_at`;
/** Active at some time in the period. */
const pairInPeriod = `m.started_at < period.to_at AND (m.closed_at IS NULL OR m.closed_at >= period.from_at)`;

export const NO_SESSION_DAYS = 21;
export const EXPIRING_WITHIN_DAYS = 3;
export const ATTENTION_ITEMS_PER_REASON = 10;

export interface BreakdownRow {
  dimension: 'sector' | 'stage' | 'region' | 'all';
  key: string | null;
  count: number;
}

export interface FunnelRow {
  registered: number;
  approved: number;
  seeking: number;
  requested: number;
  matched: number;
  active: number;
  mentors_offering: number;
}

export interface TimeToMatchRow {
  matched: number;
  median_days_to_match: number | null;
  with_session: number;
  median_days_to_first_session: number | null;
}

export interface AttentionRow {
  reason: AttentionReason;
  id: string;
  mentor_id: string;
  mentor_name: string;
  mentee_id: string;
  mentee_name: string;
  since: Date;
  total: number;
}

export interface SatisfactionRow {
  ratings: number;
  average_rating: number | null;
  fit_answers: number;
  good_fit: number;
}

export interface ActivityRow {
  week: string;
  forum_posts: number;
  chat_messages: number;
  active_members: number;
}

export interface MemberReportRow {
  id: string;
  display_name: string;
  status: string;
  registered_at: Date;
  approved_at: Date | null;
  cohort: string;
  organisation_name: string | null;
  sector: string | null;
  stage: string | null;
  region: string | null;
  mentor_offers: boolean;
  mentee_seeks: boolean;
}

export interface OrganisationReportRow {
  id: string;
  name: string;
  kind: string;
  sector: string;
  stage: string;
  region: string;
  legal_form: string | null;
  staff_count: number | null;
  created_at: Date;
  members: number;
}

export interface MentorshipReportRow {
  id: string;
  mentor_name: string;
  mentee_name: string;
  mentee_organisation: string | null;
  sector: string | null;
  region: string | null;
  status: string;
  started_at: Date;
  closed_at: Date | null;
  outcome: string | null;
  rating: number | null;
  sessions: number;
  minutes: number;
  first_session_at: Date | null;
  mentor_good_fit: boolean | null;
  mentee_good_fit: boolean | null;
}

export interface SessionsReportRow {
  month: string;
  mentorship_id: string;
  mentor_name: string;
  mentee_name: string;
  sessions: number;
  minutes: number;
}

@Injectable()
export class ReportingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `read` in one read-only REPEATABLE READ transaction: every figure of a dashboard sees the same snapshot. */
  snapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return read(manager);
    });
  }

  private parameters(scope: ProgrammeScope, ...more: unknown[]): unknown[] {
    const { sector, region, cohort } = scope.filters;
    return [sector, region, cohort, scope.fromAt, scope.toAt, ...more];
  }

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  /** Members who registered in the period, counted by sector, stage and region (and in all). */
  memberBreakdown(scope: ProgrammeScope, manager?: EntityManager): Promise<BreakdownRow[]> {
    return this.breakdown('people', 'created_at', scope, manager);
  }

  /** Organisations created in the period, counted by sector, stage and region (and in all). */
  organisationBreakdown(scope: ProgrammeScope, manager?: EntityManager): Promise<BreakdownRow[]> {
    return this.breakdown('orgs', 'created_at', scope, manager);
  }

  private breakdown(source: 'people' | 'orgs', dated: string, scope: ProgrammeScope, manager?: EntityManager): Promise<BreakdownRow[]> {
    return rowsOf<BreakdownRow>(
      this.runner(manager),
      `${SCOPE}
       SELECT CASE WHEN grouping(x.sector) = 0 THEN 'sector' WHEN grouping(x.stage) = 0 THEN 'stage'
                   WHEN grouping(x.region) = 0 THEN 'region' ELSE 'all' END AS dimension,
              coalesce(x.sector, x.stage, x.region) AS key, count(*)::int AS count
         FROM ${source} x, period
        WHERE ${inPeriod(`x.${dated}`)}
        GROUP BY GROUPING SETS ((x.sector), (x.stage), (x.region), ())`,
      this.parameters(scope),
    );
  }

  async funnel(scope: ProgrammeScope, manager?: EntityManager): Promise<FunnelRow> {
    const row = await firstRow<FunnelRow>(
      this.runner(manager),
      `${SCOPE}
       SELECT count(*) FILTER (WHERE ${inPeriod('x.created_at')})::int AS registered,
              count(*) FILTER (WHERE ${inPeriod('x.approved_at')})::int AS approved,
              count(*) FILTER (WHERE x.status = 'active' AND x.mentee_seeks AND NOT EXISTS (
                SELECT 1 FROM mentorships m WHERE m.mentee_id = x.id AND m.status = 'active'))::int AS seeking,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM mentoring_requests r WHERE r.mentee_id = x.id AND ${inPeriod('r.created_at')}))::int AS requested,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM mentorships m WHERE m.mentee_id = x.id AND ${inPeriod('m.started_at')}))::int AS matched,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM mentorships m WHERE m.mentee_id = x.id AND m.started_at < period.to_at
                   AND (m.closed_at IS NULL OR m.closed_at >= period.to_at)))::int AS active,
              count(*) FILTER (WHERE ${inPeriod('x.created_at')} AND x.mentor_offers)::int AS mentors_offering
         FROM people x, period`,
      this.parameters(scope),
    );
    return row!;
  }

  /** Mentorships closed in the period, by outcome. */
  closedByOutcome(scope: ProgrammeScope, manager?: EntityManager): Promise<{ key: string | null; count: number }[]> {
    return rowsOf(
      this.runner(manager),
      `${SCOPE}
       SELECT m.outcome AS key, count(*)::int AS count
         FROM mentorships m JOIN people x ON x.id = m.mentee_id, period
        WHERE ${inPeriod('m.closed_at')}
        GROUP BY m.outcome`,
      this.parameters(scope),
    );
  }

  /**
   * Match rate: the mentees who asked for a mentor in the period (a request sent by them or by a
   * round they were in), and of those the ones with a mentorship started on or after their first
   * request of the period (at any time up to now).
   */
  async matchRate(scope: ProgrammeScope, manager?: EntityManager): Promise<{ asked: number; matched: number }> {
    const row = await firstRow<{ asked: number; matched: number }>(
      this.runner(manager),
      `${SCOPE},
       asked AS (
         SELECT r.mentee_id, min(r.created_at) AS first_asked
           FROM mentoring_requests r JOIN people x ON x.id = r.mentee_id, period
          WHERE ${inPeriod('r.created_at')}
          GROUP BY r.mentee_id)
       SELECT count(*)::int AS asked,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM mentorships m WHERE m.mentee_id = a.mentee_id AND m.started_at >= a.first_asked))::int AS matched
         FROM asked a`,
      this.parameters(scope),
    );
    return row!;
  }

  /**
   * Of the mentorships started in the period: the median days from the mentee's first request of
   * that search (the earliest request after their previous mentorship began) to the start, and the
   * median days from the start to the first logged session (pairs with a session only).
   */
  async timeToMatch(scope: ProgrammeScope, manager?: EntityManager): Promise<TimeToMatchRow> {
    const row = await firstRow<TimeToMatchRow>(
      this.runner(manager),
      `${SCOPE},
       started AS (
         SELECT m.id, m.started_at,
                coalesce((SELECT min(r.created_at) FROM mentoring_requests r
                           WHERE r.mentee_id = m.mentee_id AND r.created_at <= m.started_at
                             AND r.created_at > coalesce((SELECT max(m2.started_at) FROM mentorships m2
                                                           WHERE m2.mentee_id = m.mentee_id AND m2.started_at < m.started_at),
                                                         '-infinity')),
                         m.started_at) AS searching_since,
                (SELECT min(s.held_at) FROM mentorship_sessions s WHERE s.mentorship_id = m.id) AS first_session_at
           FROM mentorships m JOIN people x ON x.id = m.mentee_id, period
          WHERE ${inPeriod('m.started_at')})
       SELECT count(*)::int AS matched,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('started_at', 'searching_since')}) AS median_days_to_match,
              count(first_session_at)::int AS with_session,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('first_session_at', 'started_at')})
                FILTER (WHERE first_session_at IS NOT NULL) AS median_days_to_first_session
         FROM started`,
      this.parameters(scope),
    );
    return row!;
  }

  /** Sessions held in the period and their minutes, per calendar month (months without any included). */
  sessionsByMonth(scope: ProgrammeScope, manager?: EntityManager): Promise<{ month: string; sessions: number; minutes: number }[]> {
    return rowsOf(
      this.runner(manager),
      `${SCOPE},
       months AS (
         SELECT generate_series(date_trunc('month', from_at AT TIME ZONE 'UTC'), (to_at AT TIME ZONE 'UTC') - interval '1 microsecond',
                                interval '1 month') AS month FROM period),
       held AS (
         SELECT date_trunc('month', s.held_at AT TIME ZONE 'UTC') AS month, count(*)::int AS sessions, sum(s.duration_minutes)::int AS minutes
           FROM mentorship_sessions s JOIN mentorships m ON m.id = s.mentorship_id JOIN people x ON x.id = m.mentee_id, period
          WHERE ${inPeriod('s.held_at')}
          GROUP BY 1)
       SELECT to_char(months.month, 'YYYY-MM') AS month, coalesce(held.sessions, 0) AS sessions, coalesce(held.minutes, 0) AS minutes
         FROM months LEFT JOIN held ON held.month = months.month
        ORDER BY months.month`,
      this.parameters(scope),
    );
  }

  /** Pairs active at some time in the period, and those with three or more sessions held before its end. */
  async engagement(scope: ProgrammeScope, manager?: EntityManager): Promise<{ pairs: number; met_three_times: number }> {
    const row = await firstRow<{ pairs: number; met_three_times: number }>(
      this.runner(manager),
      `${SCOPE},
       pairs AS (
         SELECT (SELECT count(*) FROM mentorship_sessions s WHERE s.mentorship_id = m.id AND s.held_at < period.to_at) AS held
           FROM mentorships m JOIN people x ON x.id = m.mentee_id, period
          WHERE ${pairInPeriod})
       SELECT count(*)::int AS pairs, count(*) FILTER (WHERE held >= 3)::int AS met_three_times FROM pairs`,
      this.parameters(scope),
    );
    return row!;
  }

  /** Close ratings given in the period; fit-check answers (both sides) of pairs active in the period. */
  async satisfaction(scope: ProgrammeScope, manager?: EntityManager): Promise<SatisfactionRow> {
    const row = await firstRow<SatisfactionRow>(
      this.runner(manager),
      `${SCOPE}
       SELECT count(m.rating) FILTER (WHERE ${inPeriod('m.closed_at')})::int AS ratings,
              (avg(m.rating) FILTER (WHERE ${inPeriod('m.closed_at')}))::float8 AS average_rating,
              (count(m.mentor_good_fit) + count(m.mentee_good_fit))::int AS fit_answers,
              (count(*) FILTER (WHERE m.mentor_good_fit) + count(*) FILTER (WHERE m.mentee_good_fit))::int AS good_fit
         FROM mentorships m JOIN people x ON x.id = m.mentee_id, period
        WHERE ${pairInPeriod}`,
      this.parameters(scope),
    );
    return row!;
  }

  ratingsByScore(scope: ProgrammeScope, manager?: EntityManager): Promise<{ rating: number; count: number }[]> {
    return rowsOf(
      this.runner(manager),
      `${SCOPE}
       SELECT m.rating::int AS rating, count(*)::int AS count
         FROM mentorships m JOIN people x ON x.id = m.mentee_id, period
        WHERE ${inPeriod('m.closed_at')} AND m.rating IS NOT NULL
        GROUP BY m.rating`,
      this.parameters(scope),
    );
  }

  /**
   * Now, whatever the period (the filters on the mentee still apply): active pairs with no session
   * for NO_SESSION_DAYS (counted from the start when none), active pairs with a fit concern (either
   * side said "not a good fit", or a check-in was flagged), and pending requests expiring within
   * EXPIRING_WITHIN_DAYS. The first few of each, oldest first, each row carrying its reason's total.
   */
  attention(scope: ProgrammeScope, manager?: EntityManager): Promise<AttentionRow[]> {
    return rowsOf<AttentionRow>(
      this.runner(manager),
      `${SCOPE},
       concerns AS (
         SELECT 'no-session' AS reason, m.id, m.mentor_id, m.mentee_id,
                coalesce((SELECT max(s.held_at) FROM mentorship_sessions s WHERE s.mentorship_id = m.id), m.started_at) AS since
           FROM mentorships m JOIN people x ON x.id = m.mentee_id
          WHERE m.status = 'active'
            AND coalesce((SELECT max(s.held_at) FROM mentorship_sessions s WHERE s.mentorship_id = m.id), m.started_at)
                < now() - make_interval(days => $6)
         UNION ALL
         SELECT 'fit-concern', m.id, m.mentor_id, m.mentee_id,
                coalesce((SELECT max(c.answered_at) FROM mentoring_check_ins c WHERE c.mentorship_id = m.id AND c.flagged), m.started_at)
           FROM mentorships m JOIN people x ON x.id = m.mentee_id
          WHERE m.status = 'active'
            AND (m.mentor_good_fit = false OR m.mentee_good_fit = false
                 OR EXISTS (SELECT 1 FROM mentoring_check_ins c WHERE c.mentorship_id = m.id AND c.flagged))
         UNION ALL
         SELECT 'request-expiring', r.id, r.mentor_id, r.mentee_id, r.expires_at
           FROM mentoring_requests r JOIN people x ON x.id = r.mentee_id
          WHERE r.status = 'pending' AND r.expires_at > now() AND r.expires_at <= now() + make_interval(days => $7)),
       ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.reason ORDER BY c.since, c.id) AS place,
                count(*) OVER (PARTITION BY c.reason)::int AS total
           FROM concerns c)
       SELECT ranked.reason, ranked.id, ranked.since, ranked.total,
              ranked.mentor_id, mentor.display_name AS mentor_name, ranked.mentee_id, mentee.display_name AS mentee_name
         FROM ranked
         JOIN users mentor ON mentor.id = ranked.mentor_id
         JOIN users mentee ON mentee.id = ranked.mentee_id
        WHERE ranked.place <= $8
        ORDER BY ranked.reason, ranked.since, ranked.id`,
      this.parameters(scope, NO_SESSION_DAYS, EXPIRING_WITHIN_DAYS, ATTENTION_ITEMS_PER_REASON),
    );
  }

  /** Forum posts and chat messages written by members in the period, and how many members wrote, per week (Monday). */
  activityByWeek(scope: ProgrammeScope, manager?: EntityManager): Promise<ActivityRow[]> {
    return rowsOf<ActivityRow>(
      this.runner(manager),
      `${SCOPE},
       weeks AS (
         SELECT generate_series(date_trunc('week', from_at AT TIME ZONE 'UTC'), (to_at AT TIME ZONE 'UTC') - interval '1 microsecond',
                                interval '1 week') AS week FROM period),
       written AS (
         SELECT date_trunc('week', fp.created_at AT TIME ZONE 'UTC') AS week, fp.author_id AS member, 'post' AS kind
           FROM forum_posts fp JOIN people x ON x.id = fp.author_id, period
          WHERE ${inPeriod('fp.created_at')}
         UNION ALL
         SELECT date_trunc('week', msg.created_at AT TIME ZONE 'UTC'), msg.sender_id, 'message'
           FROM messages msg JOIN people x ON x.id = msg.sender_id, period
          WHERE ${inPeriod('msg.created_at')}),
       per_week AS (
         SELECT week, count(*) FILTER (WHERE kind = 'post')::int AS forum_posts,
                count(*) FILTER (WHERE kind = 'message')::int AS chat_messages, count(DISTINCT member)::int AS active_members
           FROM written GROUP BY week)
       SELECT to_char(weeks.week, 'YYYY-MM-DD') AS week, coalesce(p.forum_posts, 0) AS forum_posts,
              coalesce(p.chat_messages, 0) AS chat_messages, coalesce(p.active_members, 0) AS active_members
         FROM weeks LEFT JOIN per_week p ON p.week = weeks.week
        ORDER BY weeks.week`,
      this.parameters(scope),
    );
  }

  // ---- rows for the CSV reports: the same populations the dashboard counts ----

  /** The members the dashboard counts as registered in the period. */
  memberRows(scope: ProgrammeScope): Promise<MemberReportRow[]> {
    return rowsOf<MemberReportRow>(
      this.runner(),
      `${SCOPE}
       SELECT x.id, x.display_name, x.status, x.created_at AS registered_at, x.approved_at, x.cohort, x.organisation_name,
              x.sector, x.stage, x.region, x.mentor_offers, x.mentee_seeks
         FROM people x, period
        WHERE ${inPeriod('x.created_at')}
        ORDER BY x.created_at, x.id`,
      this.parameters(scope),
    );
  }

  /** The organisations the dashboard counts as created in the period. */
  organisationRows(scope: ProgrammeScope): Promise<OrganisationReportRow[]> {
    return rowsOf<OrganisationReportRow>(
      this.runner(),
      `${SCOPE}
       SELECT o.id, o.name, o.kind, o.sector, o.stage, o.region, o.legal_form, o.staff_count, o.created_at,
              (SELECT count(*) FROM organisation_members om WHERE om.organisation_id = o.id)::int AS members
         FROM orgs o, period
        WHERE ${inPeriod('o.created_at')}
        ORDER BY o.created_at, o.id`,
      this.parameters(scope),
    );
  }

  /** Mentorships active at some time in the period (the dashboard's pairs), without goals, notes or feedback. */
  mentorshipRows(scope: ProgrammeScope): Promise<MentorshipReportRow[]> {
    return rowsOf<MentorshipReportRow>(
      this.runner(),
      `${SCOPE}
       SELECT m.id, mentor.display_name AS mentor_name, x.display_name AS mentee_name, x.organisation_name AS mentee_organisation,
              x.sector, x.region, m.status, m.started_at, m.closed_at, m.outcome, m.rating,
              count(s.id)::int AS sessions, coalesce(sum(s.duration_minutes), 0)::int AS minutes, min(s.held_at) AS first_session_at,
              m.mentor_good_fit, m.mentee_good_fit
         FROM mentorships m
         JOIN people x ON x.id = m.mentee_id
         JOIN users mentor ON mentor.id = m.mentor_id
         CROSS JOIN period
         LEFT JOIN mentorship_sessions s ON s.mentorship_id = m.id AND s.held_at < period.to_at
        WHERE ${pairInPeriod}
        GROUP BY m.id, mentor.display_name, x.display_name, x.organisation_name, x.sector, x.region
        ORDER BY m.started_at, m.id`,
      this.parameters(scope),
    );
  }

  /** Sessions held in the period per month and mentorship: counts and minutes, never notes. */
  sessionRows(scope: ProgrammeScope): Promise<SessionsReportRow[]> {
    return rowsOf<SessionsReportRow>(
      this.runner(),
      `${SCOPE}
       SELECT to_char(date_trunc('month', s.held_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, m.id AS mentorship_id,
              mentor.display_name AS mentor_name, x.display_name AS mentee_name,
              count(*)::int AS sessions, sum(s.duration_minutes)::int AS minutes
         FROM mentorship_sessions s
         JOIN mentorships m ON m.id = s.mentorship_id
         JOIN people x ON x.id = m.mentee_id
         JOIN users mentor ON mentor.id = m.mentor_id, period
        WHERE ${inPeriod('s.held_at')}
        GROUP BY 1, m.id, mentor.display_name, x.display_name
        ORDER BY 1, m.id`,
      this.parameters(scope),
    );
  }
}
