import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { OpportunityStatus, ValueBand } from '@mutuals/contracts';

// Every statement about opportunities and the interest in them, in one place.

export interface OpportunityRow {
  id: string;
  organisation_id: string;
  posted_by: string;
  title: string;
  commissioner: string;
  description: string;
  sector: string;
  region: string;
  value_band: ValueBand;
  capabilities_sought: string[];
  deadline: Date;
  /** As stored; an open one past its deadline is closed (EFFECTIVE_STATUS), whether or not the sweep has run. */
  status: OpportunityStatus;
  value_won: string | null;
  conversation_id: string | null;
  conversation_owner_id: string | null;
  created_at: Date;
  published_at: Date | null;
  closed_at: Date | null;
  partnered_at: Date | null;
  outcome_at: Date | null;
  interest_count: number;
  /** created_at to the microsecond, for cursors. */
  at_key: string;
}

export type OpportunityFields = Pick<
  OpportunityRow,
  'title' | 'commissioner' | 'description' | 'sector' | 'region' | 'value_band' | 'capabilities_sought' | 'deadline'
>;

export interface InterestRow {
  id: string;
  opportunity_id: string;
  organisation_id: string;
  member_id: string;
  pitch: string;
  shortlisted_at: Date | null;
  created_at: Date;
}

export interface InterestListRow extends InterestRow {
  /** 0 for shortlisted (listed first), 1 for the rest. */
  rank: number;
  at_key: string;
}

export interface FiguresRow {
  key: string;
  formed: number;
  won: number;
  value_won: string;
}

/** An open opportunity whose deadline has passed is closed, for reads and for every conditional write. */
const EFFECTIVE_STATUS = `CASE WHEN o.status = 'open' AND o.deadline <= now() THEN 'closed' ELSE o.status END`;

const COLUMNS = `o.id, o.organisation_id, o.posted_by, o.title, o.commissioner, o.description, o.sector, o.region,
  o.value_band, o.capabilities_sought, o.deadline, ${EFFECTIVE_STATUS} AS status, o.value_won::text AS value_won,
  o.conversation_id, o.conversation_owner_id, o.created_at, o.created_at::text AS at_key, o.published_at, o.closed_at, o.partnered_at, o.outcome_at,
  (SELECT count(*)::int FROM partnership_interests i WHERE i.opportunity_id = o.id) AS interest_count`;

/** How many open opportunities the board ranks at most: a programme of this size posts far fewer. */
export const BOARD_CAP = 500;

@Injectable()
export class OpportunitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.db.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(
    fields: OpportunityFields & { organisation_id: string; posted_by: string; publish: boolean },
    manager?: EntityManager,
  ): Promise<OpportunityRow> {
    const inserted = await firstRow<{ id: string }>(
      this.runner(manager),
      `INSERT INTO partnership_opportunities
         (organisation_id, posted_by, title, commissioner, description, sector, region, value_band, capabilities_sought, deadline,
          status, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN 'open' ELSE 'draft' END, CASE WHEN $11 THEN now() END)
       RETURNING id`,
      [
        fields.organisation_id,
        fields.posted_by,
        fields.title,
        fields.commissioner,
        fields.description,
        fields.sector,
        fields.region,
        fields.value_band,
        fields.capabilities_sought,
        fields.deadline,
        fields.publish,
      ],
    );
    return (await this.findById(inserted!.id, manager))!;
  }

  findById(id: string, manager?: EntityManager): Promise<OpportunityRow | undefined> {
    return firstRow<OpportunityRow>(this.runner(manager), `SELECT ${COLUMNS} FROM partnership_opportunities o WHERE o.id = $1`, [id]);
  }

  /** Edits while draft or (still) open; undefined when it is neither any more. */
  async update(id: string, change: Partial<OpportunityFields>): Promise<OpportunityRow | undefined> {
    const updated = await firstRow<{ id: string }>(
      this.db.manager,
      `UPDATE partnership_opportunities o SET
         title = COALESCE($2, title), commissioner = COALESCE($3, commissioner), description = COALESCE($4, description),
         sector = COALESCE($5, sector), region = COALESCE($6, region), value_band = COALESCE($7, value_band),
         capabilities_sought = COALESCE($8, capabilities_sought), deadline = COALESCE($9, deadline), updated_at = now()
       WHERE o.id = $1 AND ${EFFECTIVE_STATUS} IN ('draft', 'open')
       RETURNING o.id`,
      [
        id,
        change.title ?? null,
        change.commissioner ?? null,
        change.description ?? null,
        change.sector ?? null,
        change.region ?? null,
        change.value_band ?? null,
        change.capabilities_sought ?? null,
        change.deadline ?? null,
      ],
    );
    return updated && this.findById(id);
  }

  /**
   * Moves an opportunity on, only from one of `from` (as it reads now: an open one past its
   * deadline is closed). Undefined when it was in none of them: a concurrent move won.
   */
  async transition(
    id: string,
    from: readonly OpportunityStatus[],
    to: OpportunityStatus,
    valueWon: number | null,
    manager?: EntityManager,
  ): Promise<OpportunityRow | undefined> {
    const moved = await firstRow<{ id: string }>(
      this.runner(manager),
      `UPDATE partnership_opportunities o SET
         status = $3::text,
         value_won = $4::bigint,
         published_at = CASE WHEN $3::text = 'open' THEN now() ELSE published_at END,
         closed_at = CASE WHEN $3::text = 'closed' THEN now() WHEN ${EFFECTIVE_STATUS} = 'closed' THEN COALESCE(closed_at, deadline) ELSE closed_at END,
         partnered_at = CASE WHEN $3::text = 'partnered' THEN now() ELSE partnered_at END,
         outcome_at = CASE WHEN $3::text IN ('won', 'lost', 'withdrawn') THEN now() ELSE outcome_at END,
         updated_at = now()
       WHERE o.id = $1 AND ${EFFECTIVE_STATUS} = ANY($2::text[])
       RETURNING o.id`,
      [id, from, to, valueWon],
    );
    return moved && this.findById(id, manager);
  }

  /**
   * Records the close of every open opportunity whose deadline has passed. A conditional UPDATE:
   * replicas running it at once close each row once, and reads already treat them as closed.
   */
  async closePastDeadline(): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(
      this.db.manager,
      `UPDATE partnership_opportunities SET status = 'closed', closed_at = deadline, updated_at = now()
       WHERE status = 'open' AND deadline <= now() RETURNING id`,
    );
    return rows.map((r) => r.id);
  }

  /** The board: open ones before their deadline, filtered; ranked by fit in the service. */
  board(filter: { sector?: string; region?: string; deadlineBefore?: Date }): Promise<OpportunityRow[]> {
    return rowsOf<OpportunityRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM partnership_opportunities o
       WHERE o.status = 'open' AND o.deadline > now()
         AND ($1::text IS NULL OR o.sector = $1) AND ($2::text IS NULL OR o.region = $2)
         AND ($3::timestamptz IS NULL OR o.deadline <= $3)
       ORDER BY o.deadline, o.id
       LIMIT ${BOARD_CAP}`,
      [filter.sector ?? null, filter.region ?? null, filter.deadlineBefore ?? null],
    );
  }

  /** One organisation's own opportunities, newest first (keyset on created_at, id). */
  ofOrganisation(organisationId: string, after: [string, string] | null, limit: number): Promise<OpportunityRow[]> {
    return rowsOf<OpportunityRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM partnership_opportunities o
       WHERE o.organisation_id = $1 AND ($2::timestamptz IS NULL OR (o.created_at, o.id) < ($2::timestamptz, $3::uuid))
       ORDER BY o.created_at DESC, o.id DESC
       LIMIT $4`,
      [organisationId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** Records the conversation once; false when one was recorded first. */
  async setConversation(id: string, conversationId: string, ownerId: string, manager?: EntityManager): Promise<boolean> {
    const row = await firstRow(
      this.runner(manager),
      `UPDATE partnership_opportunities SET conversation_id = $2, conversation_owner_id = $3, updated_at = now()
       WHERE id = $1 AND conversation_id IS NULL RETURNING id`,
      [id, conversationId, ownerId],
    );
    return row !== undefined;
  }

  /** The opportunities whose conversation this member holds as its owner. */
  conversationsOwnedBy(
    userId: string,
    manager: EntityManager,
  ): Promise<{ id: string; organisation_id: string; conversation_id: string }[]> {
    return rowsOf(
      manager,
      `SELECT id, organisation_id, conversation_id FROM partnership_opportunities
        WHERE conversation_owner_id = $1 AND conversation_id IS NOT NULL`,
      [userId],
    );
  }

  /** A new owner of the opportunity's conversation; null lets the conversation go, so the next opening starts another. */
  async handOverConversation(id: string, ownerId: string | null, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE partnership_opportunities
          SET conversation_owner_id = $2, conversation_id = CASE WHEN $2::uuid IS NULL THEN NULL ELSE conversation_id END, updated_at = now()
        WHERE id = $1`,
      [id, ownerId],
    );
  }

  // Interests.

  /** An interest, only while the opportunity is open and before its deadline; undefined otherwise. */
  insertInterest(
    interest: { opportunity_id: string; organisation_id: string; member_id: string; pitch: string },
    manager?: EntityManager,
  ): Promise<InterestRow | undefined> {
    return firstRow<InterestRow>(
      this.runner(manager),
      `INSERT INTO partnership_interests (opportunity_id, organisation_id, member_id, pitch)
       SELECT $1, $2, $3, $4 FROM partnership_opportunities o
       WHERE o.id = $1 AND o.status = 'open' AND o.deadline > now()
       RETURNING *`,
      [interest.opportunity_id, interest.organisation_id, interest.member_id, interest.pitch],
    );
  }

  interest(opportunityId: string, interestId: string, manager?: EntityManager): Promise<InterestRow | undefined> {
    return firstRow<InterestRow>(this.runner(manager), 'SELECT * FROM partnership_interests WHERE id = $1 AND opportunity_id = $2', [
      interestId,
      opportunityId,
    ]);
  }

  interestOfMember(opportunityId: string, memberId: string): Promise<InterestRow | undefined> {
    return firstRow<InterestRow>(this.db.manager, 'SELECT * FROM partnership_interests WHERE opportunity_id = $1 AND member_id = $2', [
      opportunityId,
      memberId,
    ]);
  }

  /** The member's own interests among these opportunities, by opportunity. */
  async interestsOfMember(memberId: string, opportunityIds: readonly string[]): Promise<Map<string, InterestRow>> {
    const rows = await rowsOf<InterestRow>(
      this.db.manager,
      'SELECT * FROM partnership_interests WHERE member_id = $1 AND opportunity_id = ANY($2::uuid[])',
      [memberId, opportunityIds],
    );
    return new Map(rows.map((r) => [r.opportunity_id, r]));
  }

  /** The pitches, shortlisted first, then oldest first (keyset on shortlisted flag, created_at, id). */
  interests(opportunityId: string, after: [number, string, string] | null, limit: number): Promise<InterestListRow[]> {
    return rowsOf<InterestListRow>(
      this.db.manager,
      `SELECT * FROM (
         SELECT i.*, CASE WHEN i.shortlisted_at IS NULL THEN 1 ELSE 0 END AS rank, i.created_at::text AS at_key
         FROM partnership_interests i WHERE i.opportunity_id = $1
       ) i
       WHERE $2::int IS NULL OR (i.rank, i.created_at, i.id) > ($2::int, $3::timestamptz, $4::uuid)
       ORDER BY i.rank, i.created_at, i.id
       LIMIT $5`,
      [opportunityId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
  }

  async setShortlisted(
    opportunityId: string,
    interestId: string,
    shortlisted: boolean,
    manager?: EntityManager,
  ): Promise<InterestRow | undefined> {
    return firstRow<InterestRow>(
      this.runner(manager),
      `UPDATE partnership_interests SET shortlisted_at = CASE WHEN $3 THEN COALESCE(shortlisted_at, now()) END
       WHERE id = $1 AND opportunity_id = $2 RETURNING *`,
      [interestId, opportunityId, shortlisted],
    );
  }

  async shortlistedMemberIds(opportunityId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await rowsOf<{ member_id: string }>(
      this.runner(manager),
      'SELECT member_id FROM partnership_interests WHERE opportunity_id = $1 AND shortlisted_at IS NOT NULL ORDER BY shortlisted_at, id',
      [opportunityId],
    );
    return rows.map((r) => r.member_id);
  }

  async interestedMemberIds(opportunityId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await rowsOf<{ member_id: string }>(
      this.runner(manager),
      'SELECT member_id FROM partnership_interests WHERE opportunity_id = $1',
      [opportunityId],
    );
    return rows.map((r) => r.member_id);
  }

  // The console's figures.

  async totals(): Promise<{
    posted: number;
    open: number;
    formed: number;
    won: number;
    lost: number;
    value_won: string;
    interests: number;
  }> {
    return (await firstRow(
      this.db.manager,
      `SELECT count(*) FILTER (WHERE o.status <> 'draft')::int AS posted,
              count(*) FILTER (WHERE ${EFFECTIVE_STATUS} = 'open')::int AS open,
              count(*) FILTER (WHERE o.partnered_at IS NOT NULL)::int AS formed,
              count(*) FILTER (WHERE o.status = 'won')::int AS won,
              count(*) FILTER (WHERE o.status = 'lost')::int AS lost,
              COALESCE(sum(o.value_won), 0)::text AS value_won,
              (SELECT count(*)::int FROM partnership_interests) AS interests
       FROM partnership_opportunities o`,
    ))!;
  }

  /** Partnerships formed and won, by sector or by region of the opportunity. */
  figuresBy(column: 'sector' | 'region'): Promise<FiguresRow[]> {
    return rowsOf<FiguresRow>(
      this.db.manager,
      `SELECT o.${column} AS key,
              count(*)::int AS formed,
              count(*) FILTER (WHERE o.status = 'won')::int AS won,
              COALESCE(sum(o.value_won), 0)::text AS value_won
       FROM partnership_opportunities o
       WHERE o.partnered_at IS NOT NULL
       GROUP BY o.${column}`,
    );
  }

  /** The member's download: the opportunities they posted and the pitches they wrote. */
  async exportOf(userId: string) {
    const [posted, pitches] = await Promise.all([
      this.db.query(
        `SELECT id, title, commissioner, description, sector, region, value_band, capabilities_sought, deadline, status, value_won, created_at
           FROM partnership_opportunities WHERE posted_by = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT i.id, i.opportunity_id, o.title AS opportunity, i.pitch, i.shortlisted_at, i.created_at
           FROM partnership_interests i JOIN partnership_opportunities o ON o.id = i.opportunity_id
          WHERE i.member_id = $1 ORDER BY i.created_at`,
        [userId],
      ),
    ]);
    return { posted, pitches };
  }
}
