import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationJoinStatus, OrganisationSummary } from '@mutuals/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

export interface JoinRequestRow {
  id: string;
  organisation_id: string;
  user_id: string;
  status: OrganisationJoinStatus;
  created_at: Date;
  decided_at: Date | null;
  organisation_name: string;
  organisation_kind: OrganisationSummary['kind'];
  organisation_sector: string;
  organisation_stage: string;
  organisation_region: string;
  organisation_logo_url: string | null;
  display_name: string;
  handle: string;
  job_title: string | null;
}

const JOIN_REQUEST_SELECT = `
  SELECT j.id, j.organisation_id, j.user_id, j.status, j.created_at, j.decided_at,
         o.name AS organisation_name, o.kind AS organisation_kind, o.sector AS organisation_sector,
         o.stage AS organisation_stage, o.region AS organisation_region, o.logo_url AS organisation_logo_url,
         p.display_name, p.handle, p.job_title
    FROM organisation_join_requests j
    JOIN organisations o ON o.id = j.organisation_id
    JOIN profiles p ON p.user_id = j.user_id`;

/** Escapes LIKE's wildcards so a name with % or _ in it matches itself. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Asking to join an organisation: search, the requests, and the membership an approval makes. */
@Injectable()
export class OrganisationJoinsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  searchOrganisations(q: string, limit: number): Promise<OrganisationSummary[]> {
    return this.db.query(
      `SELECT id, name, kind, sector, stage, region, logo_url AS "logoUrl" FROM organisations
        WHERE name ILIKE $1 ORDER BY position(lower($2) IN lower(name)), name LIMIT $3`,
      [likeContaining(q), q, limit],
    );
  }

  async organisationOf(userId: string): Promise<string | null> {
    const [row] = (await this.db.query('SELECT organisation_id FROM profiles WHERE user_id = $1', [userId])) as { organisation_id: string | null }[];
    return row?.organisation_id ?? null;
  }

  async organisationExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM organisations WHERE id = $1', [id])).length > 0;
  }

  async isActiveMember(userId: string, organisationId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM organisation_members m JOIN profiles p ON p.user_id = m.user_id
        WHERE m.user_id = $1 AND m.organisation_id = $2 AND p.status = 'active'`,
      [userId, organisationId],
    );
    return rows.length > 0;
  }

  /** The active members of an organisation: who is told of a request to join it. */
  async activeMemberIds(organisationId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT m.user_id FROM organisation_members m JOIN profiles p ON p.user_id = m.user_id
        WHERE m.organisation_id = $1 AND p.status = 'active'`,
      [organisationId],
    )) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }

  /** null when the member already has a request waiting (one at a time). */
  async insert(organisationId: string, userId: string): Promise<string | null> {
    try {
      const [row] = (await this.db.query(
        'INSERT INTO organisation_join_requests (organisation_id, user_id) VALUES ($1, $2) RETURNING id',
        [organisationId, userId],
      )) as { id: string }[];
      return row!.id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') return null;
      throw error;
    }
  }

  async get(id: string): Promise<JoinRequestRow | null> {
    const [row] = (await this.db.query(`${JOIN_REQUEST_SELECT} WHERE j.id = $1`, [id])) as JoinRequestRow[];
    return row ?? null;
  }

  listOfMember(userId: string): Promise<JoinRequestRow[]> {
    return this.db.query(`${JOIN_REQUEST_SELECT} WHERE j.user_id = $1 ORDER BY j.created_at DESC LIMIT 20`, [userId]);
  }

  /** Requests waiting for the caller: those to their organisations, or every one for a coordinator (null). */
  listPendingFor(deciderId: string | null): Promise<JoinRequestRow[]> {
    return this.db.query(
      `${JOIN_REQUEST_SELECT}
        WHERE j.status = 'pending'
          AND ($1::uuid IS NULL OR j.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = $1::uuid))
        ORDER BY j.created_at LIMIT 100`,
      [deciderId],
    );
  }

  /** Moves a pending request on; false when it was no longer pending. */
  async decide(manager: EntityManager, id: string, status: Exclude<OrganisationJoinStatus, 'pending'>, deciderId: string): Promise<boolean> {
    const [, changed] = (await manager.query(
      `UPDATE organisation_join_requests SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, status, deciderId],
    )) as [unknown, number];
    return changed > 0;
  }

  /** The member joins the organisation, and it becomes the one their profile shows. */
  async addMember(manager: EntityManager, organisationId: string, userId: string): Promise<void> {
    await manager.query(
      'INSERT INTO organisation_members (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [organisationId, userId],
    );
    await manager.query('UPDATE profiles SET organisation_id = $2 WHERE user_id = $1', [userId, organisationId]);
  }
}
