import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstRow, rowsOf } from '@mutuals/core';

// Every statement about capability profiles, in one place.

export interface CapabilityProfileRow {
  organisation_id: string;
  summary: string;
  capabilities: string[];
  regions: string[];
  sectors: string[];
  client_groups: string[];
  updated_by: string;
  updated_at: Date;
  at_key: string;
}

export type CapabilityProfileFields = Omit<CapabilityProfileRow, 'updated_at' | 'at_key'>;

@Injectable()
export class CapabilitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(organisationId: string): Promise<CapabilityProfileRow | undefined> {
    return firstRow<CapabilityProfileRow>(
      this.db.manager,
      'SELECT *, updated_at::text AS at_key FROM partnership_capability_profiles WHERE organisation_id = $1',
      [organisationId],
    );
  }

  async save(profile: CapabilityProfileFields): Promise<CapabilityProfileRow> {
    return (await firstRow<CapabilityProfileRow>(
      this.db.manager,
      `INSERT INTO partnership_capability_profiles (organisation_id, summary, capabilities, regions, sectors, client_groups, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id) DO UPDATE SET summary = $2, capabilities = $3, regions = $4, sectors = $5, client_groups = $6,
         updated_by = $7, updated_at = now()
       RETURNING *, updated_at::text AS at_key`,
      [
        profile.organisation_id,
        profile.summary,
        profile.capabilities,
        profile.regions,
        profile.sectors,
        profile.client_groups,
        profile.updated_by,
      ],
    ))!;
  }

  /** What every published profile offers: the pool rarity is counted over. */
  async allCapabilities(): Promise<string[][]> {
    return (await rowsOf<{ capabilities: string[] }>(this.db.manager, 'SELECT capabilities FROM partnership_capability_profiles')).map(
      (r) => r.capabilities,
    );
  }

  /** The directory, most recently updated first (keyset on updated_at, organisation_id). */
  directory(
    filter: { capability?: string; region?: string; sector?: string; q?: string },
    after: [string, string] | null,
    limit: number,
  ): Promise<CapabilityProfileRow[]> {
    return rowsOf<CapabilityProfileRow>(
      this.db.manager,
      `SELECT *, p.updated_at::text AS at_key FROM partnership_capability_profiles p
       WHERE ($1::text IS NULL OR $1 = ANY(p.capabilities)) AND ($2::text IS NULL OR $2 = ANY(p.regions))
         AND ($3::text IS NULL OR $3 = ANY(p.sectors)) AND ($4::text IS NULL OR p.summary ILIKE '%' || $4 || '%')
         AND ($5::timestamptz IS NULL OR (p.updated_at, p.organisation_id) < ($5::timestamptz, $6::uuid))
       ORDER BY p.updated_at DESC, p.organisation_id DESC
       LIMIT $7`,
      [
        filter.capability ?? null,
        filter.region ?? null,
        filter.sector ?? null,
        filter.q ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
      ],
    );
  }
}
