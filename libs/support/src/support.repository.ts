import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { EligibilityRequest, SupportApplicationStatus, SupportAssessmentInput } from '@mutuals/contracts';
import { DataSource } from 'typeorm';

export interface ApplicationRow {
  id: string;
  organisation_id: string;
  applicant_id: string;
  status: SupportApplicationStatus;
  areas: string[];
  need: string;
  outcome: string;
  by_when: string | null;
  growth_case: string;
  match_funding_pence: number;
  match_funding_source: string;
  eligibility: EligibilityRequest | null;
  information_request: string | null;
  decline_reason: string | null;
  decision_note: string | null;
  assessment: SupportAssessmentInput | null;
  assessed_by: string | null;
  assessed_at: Date | null;
  partner_id: string | null;
  allocated_pence: number;
  delivered_pence: number;
  rating: number | null;
  feedback: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  assigned_at: Date | null;
  delivered_at: Date | null;
  closed_at: Date | null;
}

/** What an applicant writes. */
export type ApplicationContent = Pick<
  ApplicationRow,
  'areas' | 'need' | 'outcome' | 'by_when' | 'growth_case' | 'match_funding_pence' | 'match_funding_source' | 'eligibility'
>;
const CONTENT_FIELDS = [
  'areas',
  'need',
  'outcome',
  'by_when',
  'growth_case',
  'match_funding_pence',
  'match_funding_source',
  'eligibility',
] as const satisfies readonly (keyof ApplicationContent)[];
const JSON_FIELDS: ReadonlySet<string> = new Set(['areas', 'eligibility', 'assessment']);
const asParameter = (field: string, value: unknown) => (JSON_FIELDS.has(field) && value !== null ? JSON.stringify(value) : value);

/** The workflow's columns, written by the moves. */
export type ApplicationState = Partial<
  Pick<
    ApplicationRow,
    | 'status'
    | 'information_request'
    | 'decline_reason'
    | 'decision_note'
    | 'partner_id'
    | 'allocated_pence'
    | 'rating'
    | 'feedback'
    | 'submitted_at'
    | 'decided_at'
    | 'assigned_at'
    | 'delivered_at'
    | 'closed_at'
  >
>;

export interface AllocationRow {
  application_id: string;
  area: string;
  days: number;
  delivered_days: number;
  day_rate_pence: number;
}

export interface LogRow {
  id: string;
  application_id: string;
  area: string;
  date: string;
  days: number;
  note: string;
  adviser_id: string;
  created_at: Date;
}

export interface DeliverableRow {
  id: string;
  application_id: string;
  file_id: string;
  title: string;
  adviser_id: string;
  created_at: Date;
}

export interface FundRow {
  total_pence: number;
  committed_pence: number;
  delivered_pence: number;
  updated_at: Date;
}

export interface PartnerRow {
  organisation_id: string;
  name: string;
  region: string;
  day_rate_pence: number;
  description: string | null;
}

export interface AdviserRow {
  user_id: string;
  partner_id: string;
}

export interface SpendRow {
  key: string;
  allocated_days: number;
  delivered_days: number;
  committed_pence: number;
  delivered_pence: number;
}

/** Which applications a list shows. */
export type ApplicationScope = { organisationId: string } | { partnerId: string } | { status?: SupportApplicationStatus };

const numeric = <T extends { days: unknown }>(row: T) => ({ ...row, days: Number(row.days) });

/** Every SQL statement of the support programme. */
@Injectable()
export class SupportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---- applications ----

  async insert(row: ApplicationContent & { id: string; organisation_id: string; applicant_id: string }): Promise<void> {
    const fields = ['id', 'organisation_id', 'applicant_id', ...CONTENT_FIELDS] as const;
    await this.db.query(
      `INSERT INTO support_applications (${fields.join(', ')}) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')})`,
      fields.map((f) => asParameter(f, row[f])),
    );
  }

  async updateContent(runner: SqlRunner, id: string, change: Partial<ApplicationContent>): Promise<void> {
    const fields = CONTENT_FIELDS.filter((f) => change[f] !== undefined);
    if (fields.length === 0) return;
    await runner.query(
      `UPDATE support_applications SET ${fields.map((f, i) => `${f} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...fields.map((f) => asParameter(f, change[f]))],
    );
  }

  async setState(runner: SqlRunner, id: string, state: ApplicationState): Promise<void> {
    const fields = Object.keys(state) as (keyof ApplicationState)[];
    await runner.query(
      `UPDATE support_applications SET ${fields.map((f, i) => `${f} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...fields.map((f) => state[f])],
    );
  }

  async setAssessment(runner: SqlRunner, id: string, scores: SupportAssessmentInput, by: string): Promise<void> {
    await runner.query(
      `UPDATE support_applications SET assessment = $2, assessed_by = $3, assessed_at = now(), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(scores), by],
    );
  }

  find(id: string, runner: SqlRunner = this.db): Promise<ApplicationRow | undefined> {
    return firstRow<ApplicationRow>(runner, 'SELECT * FROM support_applications WHERE id = $1', [id]);
  }

  /** The row, locked until the transaction ends: every move reads the state it replaces under this lock. */
  lock(runner: SqlRunner, id: string): Promise<ApplicationRow | undefined> {
    return firstRow<ApplicationRow>(runner, 'SELECT * FROM support_applications WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Newest change first, keyset on (updated_at, id). */
  list(scope: ApplicationScope, after: [string, string] | null, limit: number): Promise<ApplicationRow[]> {
    const where: string[] = [];
    const parameters: unknown[] = [];
    if ('organisationId' in scope) {
      parameters.push(scope.organisationId);
      where.push(`organisation_id = $${parameters.length}`);
    } else if ('partnerId' in scope) {
      parameters.push(scope.partnerId);
      where.push(`partner_id = $${parameters.length} AND status IN ('in-delivery', 'delivered', 'closed')`);
    } else {
      // Coordinators never see drafts: they are the applicant's until submitted.
      where.push(`status <> 'draft'`);
      if (scope.status) {
        parameters.push(scope.status);
        where.push(`status = $${parameters.length}`);
      }
    }
    if (after) {
      parameters.push(after[0], after[1]);
      where.push(`(updated_at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`);
    }
    parameters.push(limit);
    return rowsOf<ApplicationRow>(
      this.db,
      `SELECT * FROM support_applications WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }

  // ---- allocations, delivery logs and deliverables ----

  async replaceAllocations(
    runner: SqlRunner,
    id: string,
    allocations: { area: string; days: number }[],
    dayRatePence: number,
  ): Promise<void> {
    await runner.query('DELETE FROM support_allocations WHERE application_id = $1', [id]);
    for (const a of allocations) {
      await runner.query('INSERT INTO support_allocations (application_id, area, days, day_rate_pence) VALUES ($1, $2, $3, $4)', [
        id,
        a.area,
        a.days,
        dayRatePence,
      ]);
    }
  }

  async repriceAllocations(runner: SqlRunner, id: string, dayRatePence: number): Promise<void> {
    await runner.query('UPDATE support_allocations SET day_rate_pence = $2 WHERE application_id = $1', [id, dayRatePence]);
  }

  async allocationsOf(ids: readonly string[], runner: SqlRunner = this.db): Promise<AllocationRow[]> {
    if (ids.length === 0) return [];
    const rows = await rowsOf<AllocationRow & { delivered_days: unknown }>(
      runner,
      'SELECT * FROM support_allocations WHERE application_id = ANY($1::uuid[]) ORDER BY area',
      [ids],
    );
    return rows.map((r) => ({ ...numeric(r), delivered_days: Number(r.delivered_days) }));
  }

  /**
   * Counts delivered days in one area only while they stay within the days allocated to it: one
   * guarded UPDATE, so two advisers logging at once cannot pass the allocation. Answers the day
   * rate, or undefined when the days do not fit (or the area was not allocated).
   */
  async deliverDays(runner: SqlRunner, id: string, area: string, days: number): Promise<number | undefined> {
    const row = await firstRow<{ day_rate_pence: number }>(
      runner,
      `UPDATE support_allocations SET delivered_days = delivered_days + $3
        WHERE application_id = $1 AND area = $2 AND delivered_days + $3 <= days
        RETURNING day_rate_pence`,
      [id, area, days],
    );
    return row?.day_rate_pence;
  }

  async addDelivered(runner: SqlRunner, id: string, pence: number): Promise<void> {
    await runner.query('UPDATE support_applications SET delivered_pence = delivered_pence + $2, updated_at = now() WHERE id = $1', [
      id,
      pence,
    ]);
  }

  async insertLog(runner: SqlRunner, log: Omit<LogRow, 'id' | 'created_at'>): Promise<void> {
    await runner.query(
      'INSERT INTO support_delivery_logs (application_id, area, date, days, note, adviser_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [log.application_id, log.area, log.date, log.days, log.note, log.adviser_id],
    );
  }

  async logsOf(ids: readonly string[]): Promise<LogRow[]> {
    if (ids.length === 0) return [];
    const rows = await rowsOf<LogRow>(
      this.db,
      `SELECT id, application_id, area, to_char(date, 'YYYY-MM-DD') AS date, days, note, adviser_id, created_at
         FROM support_delivery_logs WHERE application_id = ANY($1::uuid[]) ORDER BY date, created_at`,
      [ids],
    );
    return rows.map(numeric);
  }

  async insertDeliverable(runner: SqlRunner, row: Omit<DeliverableRow, 'id' | 'created_at'>): Promise<void> {
    await runner.query('INSERT INTO support_deliverables (application_id, file_id, title, adviser_id) VALUES ($1, $2, $3, $4)', [
      row.application_id,
      row.file_id,
      row.title,
      row.adviser_id,
    ]);
  }

  async deliverablesOf(ids: readonly string[]): Promise<DeliverableRow[]> {
    if (ids.length === 0) return [];
    return rowsOf<DeliverableRow>(
      this.db,
      'SELECT * FROM support_deliverables WHERE application_id = ANY($1::uuid[]) ORDER BY created_at',
      [ids],
    );
  }

  // ---- the fund ----

  /** The fund's row, made (with the programme's £1.2m) if it is missing: the demo seed's recovery empties every table. */
  async ensureFund(): Promise<void> {
    await this.db.query(`INSERT INTO support_fund (id, total_pence) VALUES (1, 120000000) ON CONFLICT (id) DO NOTHING`);
  }

  fund(runner: SqlRunner = this.db): Promise<FundRow> {
    return firstRow<FundRow>(
      runner,
      'SELECT total_pence, committed_pence, delivered_pence, updated_at FROM support_fund WHERE id = 1',
    ).then((row) => row!);
  }

  /**
   * The guarded counter: commits `pence` (negative releases) in one conditional UPDATE, in the
   * caller's transaction. Concurrent approvals queue on the fund's row lock and each re-checks
   * the condition against the committed value it finds, so the fund can never be over-committed;
   * no row means it would not fit. The CHECK constraint stands behind it.
   */
  async commit(runner: SqlRunner, pence: number): Promise<FundRow | undefined> {
    return firstRow<FundRow>(
      runner,
      `UPDATE support_fund SET committed_pence = committed_pence + $1, updated_at = now()
        WHERE id = 1 AND committed_pence + $1 <= total_pence AND committed_pence + $1 >= delivered_pence
        RETURNING total_pence, committed_pence, delivered_pence, updated_at`,
      [pence],
    );
  }

  async deliver(runner: SqlRunner, pence: number): Promise<void> {
    await runner.query('UPDATE support_fund SET delivered_pence = delivered_pence + $1, updated_at = now() WHERE id = 1', [pence]);
  }

  /** A new total, never below what is committed; undefined when it would be. */
  setTotal(total: number, by: string): Promise<FundRow | undefined> {
    return firstRow<FundRow>(
      this.db,
      `UPDATE support_fund SET total_pence = $1, updated_by = $2, updated_at = now() WHERE id = 1 AND committed_pence <= $1
        RETURNING total_pence, committed_pence, delivered_pence, updated_at`,
      [total, by],
    );
  }

  /** Allocated and delivered days and money, by support area or by partner. */
  spendBy(key: 'area' | 'partner'): Promise<SpendRow[]> {
    const column = key === 'area' ? 'al.area' : 'a.partner_id::text';
    return rowsOf<SpendRow & { allocated_days: unknown; delivered_days: unknown; committed_pence: unknown; delivered_pence: unknown }>(
      this.db,
      `SELECT ${column} AS key, SUM(al.days) AS allocated_days, SUM(al.delivered_days) AS delivered_days,
              SUM(CASE WHEN a.status = 'closed' THEN ROUND(al.delivered_days * al.day_rate_pence) ELSE ROUND(al.days * al.day_rate_pence) END) AS committed_pence,
              SUM(ROUND(al.delivered_days * al.day_rate_pence)) AS delivered_pence
         FROM support_allocations al JOIN support_applications a ON a.id = al.application_id
        WHERE a.status IN ('approved', 'in-delivery', 'delivered', 'closed') AND a.partner_id IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
    ).then((rows) =>
      rows.map((r) => ({
        key: r.key,
        allocated_days: Number(r.allocated_days),
        delivered_days: Number(r.delivered_days),
        committed_pence: Number(r.committed_pence),
        delivered_pence: Number(r.delivered_pence),
      })),
    );
  }

  async countsByStatus(): Promise<{ status: SupportApplicationStatus; n: number }[]> {
    return rowsOf<{ status: SupportApplicationStatus; n: number }>(
      this.db,
      'SELECT status, COUNT(*)::int AS n FROM support_applications GROUP BY status',
    );
  }

  async meanRating(): Promise<number | null> {
    const row = await firstRow<{ mean: string | null }>(
      this.db,
      'SELECT AVG(rating)::numeric(3,2) AS mean FROM support_applications WHERE rating IS NOT NULL',
    );
    return row?.mean == null ? null : Number(row.mean);
  }

  // ---- partners and advisers ----

  async insertPartner(row: PartnerRow): Promise<void> {
    await this.db.query(
      'INSERT INTO support_partners (organisation_id, name, region, day_rate_pence, description) VALUES ($1, $2, $3, $4, $5)',
      [row.organisation_id, row.name, row.region, row.day_rate_pence, row.description],
    );
  }

  partners(): Promise<PartnerRow[]> {
    return rowsOf<PartnerRow>(
      this.db,
      'SELECT organisation_id, name, region, day_rate_pence, description FROM support_partners ORDER BY name',
    );
  }

  partner(id: string, runner: SqlRunner = this.db): Promise<PartnerRow | undefined> {
    return firstRow<PartnerRow>(
      runner,
      'SELECT organisation_id, name, region, day_rate_pence, description FROM support_partners WHERE organisation_id = $1',
      [id],
    );
  }

  /** Makes (or moves) an adviser of a partner. */
  async upsertAdviser(userId: string, partnerId: string, by: string): Promise<void> {
    await this.db.query(
      `INSERT INTO support_advisers (user_id, partner_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET partner_id = EXCLUDED.partner_id, created_by = EXCLUDED.created_by, created_at = now()`,
      [userId, partnerId, by],
    );
  }

  adviser(userId: string, runner: SqlRunner = this.db): Promise<AdviserRow | undefined> {
    return firstRow<AdviserRow>(runner, 'SELECT user_id, partner_id FROM support_advisers WHERE user_id = $1', [userId]);
  }

  advisersOf(partnerIds: readonly string[], runner: SqlRunner = this.db): Promise<AdviserRow[]> {
    if (partnerIds.length === 0) return Promise.resolve([]);
    return rowsOf<AdviserRow>(
      runner,
      'SELECT user_id, partner_id FROM support_advisers WHERE partner_id = ANY($1::uuid[]) ORDER BY created_at',
      [partnerIds],
    );
  }

  /**
   * A leaving member stops being an adviser and no longer stands behind the fund's last change of
   * total. Applications, allocations, delivery logs and deliverables stay as they are: they are the
   * organisation's and the partner's, and the funder audits what was granted and delivered, so the
   * member's id stays in them pointing at no account ("Former member"), with no name or contact left.
   */
  async removeMember(runner: SqlRunner, userId: string): Promise<void> {
    await runner.query('DELETE FROM support_advisers WHERE user_id = $1', [userId]);
    await runner.query('UPDATE support_fund SET updated_by = NULL WHERE updated_by = $1', [userId]);
  }

  /** The member's download: the applications they started for their organisation (scores and notes of the assessment are the programme's). */
  exportOf(userId: string) {
    return this.db.query(
      `SELECT id, status, areas, need, outcome, by_when, growth_case, match_funding_pence, match_funding_source,
              information_request, decline_reason, allocated_pence, delivered_pence, rating, feedback,
              created_at, submitted_at, decided_at, delivered_at, closed_at
         FROM support_applications WHERE applicant_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
