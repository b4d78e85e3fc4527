import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '../taxonomy/taxonomy';

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector: string;
  stage: string;
  region: string;
  legal_form: string | null;
  staff_count: number | null;
  website: string | null;
  description: string | null;
  /** Set by the files lib through setLogoUrl. */
  logo_url: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface StageChangeRow {
  id: string;
  organisation_id: string;
  from_stage: string | null;
  to_stage: string;
  changed_by: string | null;
  changed_at: Date;
}

export type OrganisationFields = Omit<OrganisationRow, 'id' | 'logo_url' | 'created_by' | 'created_at' | 'updated_at'>;

/** The columns a member may change, in the order the UPDATE lists them. */
const EDITABLE: readonly (keyof OrganisationFields)[] = [
  'name',
  'kind',
  'sector',
  'stage',
  'region',
  'legal_form',
  'staff_count',
  'website',
  'description',
];

/** Organisations and who belongs to them: `organisations` and `organisation_members`. */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  async insert(organisation: OrganisationFields & { created_by: string }, manager?: EntityManager): Promise<OrganisationRow> {
    const row = await firstRow<OrganisationRow>(
      this.runner(manager),
      `INSERT INTO organisations (name, kind, sector, stage, region, legal_form, staff_count, website, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [...EDITABLE.map((column) => organisation[column]), organisation.created_by],
    );
    return row!;
  }

  findById(id: string): Promise<OrganisationRow | undefined> {
    return firstRow<OrganisationRow>(this.runner(), 'SELECT * FROM organisations WHERE id = $1', [id]);
  }

  byIds(ids: readonly string[]): Promise<OrganisationRow[]> {
    return rowsOf<OrganisationRow>(this.runner(), 'SELECT * FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** The row, locked until the transaction ends (a stage change reads the stage it replaces). */
  findForUpdate(id: string, manager: EntityManager): Promise<OrganisationRow | undefined> {
    return firstRow<OrganisationRow>(manager, 'SELECT * FROM organisations WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Sets the given columns only; an absent key keeps its value. */
  async update(id: string, change: Partial<OrganisationFields>, manager?: EntityManager): Promise<OrganisationRow> {
    const parameters: unknown[] = [id];
    const sets = EDITABLE.filter((column) => change[column] !== undefined).map(
      (column) => `${column} = $${parameters.push(change[column])}`,
    );
    const row = await firstRow<OrganisationRow>(
      this.runner(manager),
      `UPDATE organisations SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
      parameters,
    );
    return row!;
  }

  async addMember(organisationId: string, userId: string, manager?: EntityManager): Promise<void> {
    await this.runner(manager).query(
      'INSERT INTO organisation_members (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT (organisation_id, user_id) DO NOTHING',
      [organisationId, userId],
    );
  }

 /** Answers whether there was such an organisation. */
  async setLogoUrl(id: string, logoUrl: string | null, manager: EntityManager): Promise<boolean> {
    return (await firstRow(this.runner(manager), 'UPDATE organisations SET logo_url = $2, updated_at = now() WHERE id = $1 RETURNING id', [id, logoUrl])) !== undefined;
  }

  async isMember(userId: string, organisationId: string, manager?: EntityManager): Promise<boolean> {
    const rows = await rowsOf(this.runner(manager), 'SELECT 1 FROM organisation_members WHERE user_id = $1 AND organisation_id = $2', [
      userId,
      organisationId,
    ]);
    return rows.length > 0;
  }

  /** `changed_at` null means now. */
  async recordStageChange(change: Omit<StageChangeRow, 'id' | 'changed_at'> & { changed_at: Date | null }, manager: EntityManager): Promise<void> {
    await manager.query(
      'INSERT INTO organisation_stage_changes (organisation_id, from_stage, to_stage, changed_by, changed_at) VALUES ($1, $2, $3, $4, COALESCE($5, now()))',
      [change.organisation_id, change.from_stage, change.to_stage, change.changed_by, change.changed_at],
    );
  }

  async clearStageChanges(organisationId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM organisation_stage_changes WHERE organisation_id = $1', [organisationId]);
  }

  async lastStageChangeAt(organisationId: string, manager: EntityManager): Promise<Date | undefined> {
    const row = await firstRow<{ changed_at: Date }>(
      manager,
      'SELECT max(changed_at) AS changed_at FROM organisation_stage_changes WHERE organisation_id = $1',
      [organisationId],
    );
    return row?.changed_at ?? undefined;
  }

  /** An organisation's journey, oldest step first. */
  stageChanges(organisationId: string): Promise<StageChangeRow[]> {
    return rowsOf<StageChangeRow>(
      this.runner(),
      'SELECT * FROM organisation_stage_changes WHERE organisation_id = $1 ORDER BY changed_at, id',
      [organisationId],
    );
  }
}
