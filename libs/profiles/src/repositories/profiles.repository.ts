import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLike, firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { AccountStatus } from '@mutuals/identity';
import type { DataSource, EntityManager } from 'typeorm';

export interface ProfileRow {
  user_id: string;
  display_name: string;
  handle: string;
  status: AccountStatus;
  avatar_url: string | null;
  bio: string | null;
  job_title: string | null;
  organisation_id: string | null;
  region: string | null;
  sectors: string[];
  mentor_offers: boolean;
  mentor_expertise: string[];
  mentor_capacity: number;
  mentor_stage_reached: string | null;
  mentee_seeks: boolean;
  mentee_needs: string[];
  mentee_stage: string | null;
  updated_at: Date;
}

/** The fields a member edits on their profile (the account's copies come from identity). */
export type EditableProfile = Omit<ProfileRow, 'user_id' | 'status' | 'avatar_url' | 'updated_at'>;

/** A profile as the matching engine needs it, with the organisation's sector, stage and region joined. */
export interface ParticipantRow {
  user_id: string;
  organisation_id: string | null;
  sectors: string[];
  org_sector: string | null;
  region: string | null;
  mentor_offers: boolean;
  mentor_expertise: string[];
  mentor_capacity: number;
  mentor_stage: string | null;
  mentee_seeks: boolean;
  mentee_needs: string[];
  mentee_stage: string | null;
}

export interface DirectoryQuery {
  q?: string;
  sector?: string;
  region?: string;
  offersMentoring?: boolean;
  seeksMentoring?: boolean;
  /** The last row of the previous page: (display name, user id). */
  after: [string, string] | null;
  limit: number;
}

// Every column but the generated search vector, which nobody reads back.
const PROFILE_COLUMNS = `p.user_id, p.display_name, p.handle, p.status, p.avatar_url, p.bio, p.job_title, p.organisation_id, p.region, p.sectors,
  p.mentor_offers, p.mentor_expertise, p.mentor_capacity, p.mentor_stage_reached, p.mentee_seeks, p.mentee_needs, p.mentee_stage, p.updated_at`;

/**
 * Conditions on profiles `p` joined with organisations `o`: a sector is the member's own or their
 * organisation's; the region is the member's, or else their organisation's.
 */
function whereTheyWork(filter: { sector?: string; region?: string }, parameters: unknown[]): string[] {
  const conditions: string[] = [];
  if (filter.sector) {
    const sector = `$${parameters.push(filter.sector)}`;
    conditions.push(`(${sector} = ANY(p.sectors) OR o.sector = ${sector})`);
  }
  if (filter.region) conditions.push(`COALESCE(p.region, o.region) = $${parameters.push(filter.region)}`);
  return conditions;
}

/** Members' profiles: the `profiles` table, with copies of the account's name, handle and status. */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager): SqlRunner {
    return manager ?? this.dataSource.manager;
  }

  /** Brings the account's copies up to date, making an empty profile for a new account. */
  async upsertAccountCopy(account: { user_id: string; display_name: string; handle: string; status: AccountStatus; avatar_url: string | null }): Promise<void> {
    await this.runner().query(
      `INSERT INTO profiles (user_id, display_name, handle, status, avatar_url) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, handle = EXCLUDED.handle, status = EXCLUDED.status,
         avatar_url = EXCLUDED.avatar_url, updated_at = now()`,
      [account.user_id, account.display_name, account.handle, account.status, account.avatar_url],
    );
  }

  findByUser(userId: string): Promise<ProfileRow | undefined> {
    return firstRow<ProfileRow>(this.runner(), `SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.user_id = $1`, [userId]);
  }

  /** Handles are stored lower-cased. */
  findByHandle(handle: string): Promise<ProfileRow | undefined> {
    return firstRow<ProfileRow>(this.runner(), `SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.handle = $1`, [handle]);
  }

  byUsers(userIds: readonly string[]): Promise<ProfileRow[]> {
    return rowsOf<ProfileRow>(this.runner(), `SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.user_id = ANY($1::uuid[])`, [userIds]);
  }

  async update(userId: string, profile: EditableProfile): Promise<ProfileRow> {
    const row = await firstRow<ProfileRow>(
      this.runner(),
      `UPDATE profiles p SET display_name = $2, handle = $3, bio = $4, job_title = $5, organisation_id = $6, region = $7, sectors = $8,
         mentor_offers = $9, mentor_expertise = $10, mentor_capacity = $11, mentor_stage_reached = $12,
         mentee_seeks = $13, mentee_needs = $14, mentee_stage = $15, updated_at = now()
       WHERE p.user_id = $1 RETURNING ${PROFILE_COLUMNS}`,
      [
        userId,
        profile.display_name,
        profile.handle,
        profile.bio,
        profile.job_title,
        profile.organisation_id,
        profile.region,
        profile.sectors,
        profile.mentor_offers,
        profile.mentor_expertise,
        profile.mentor_capacity,
        profile.mentor_stage_reached,
        profile.mentee_seeks,
        profile.mentee_needs,
        profile.mentee_stage,
      ],
    );
    return row!;
  }

  async setOrganisation(userId: string, organisationId: string, options: { onlyIfNone: boolean }, manager?: EntityManager): Promise<void> {
    await this.runner(manager).query(
      `UPDATE profiles SET organisation_id = $2, updated_at = now() WHERE user_id = $1 ${options.onlyIfNone ? 'AND organisation_id IS NULL' : ''}`,
      [userId, organisationId],
    );
  }

  activeMembersOf(organisationId: string, manager?: EntityManager): Promise<ProfileRow[]> {
    return rowsOf<ProfileRow>(
      this.runner(manager),
      `SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.organisation_id = $1 AND p.status = 'active' ORDER BY p.display_name`,
      [organisationId],
    );
  }

  /** The directory: active members by name; full-text over name, role and bio, or a part of the name. */
  directory(query: DirectoryQuery): Promise<ProfileRow[]> {
    const parameters: unknown[] = [query.limit];
    const conditions = ["p.status = 'active'"];
    if (query.q) {
      const q = `$${parameters.push(query.q)}`;
      const like = `$${parameters.push(`%${escapeLike(query.q)}%`)}`;
      conditions.push(`(p.search_vector @@ websearch_to_tsquery('simple', ${q}) OR p.display_name ILIKE ${like} OR o.name ILIKE ${like})`);
    }
    conditions.push(...whereTheyWork(query, parameters));
    if (query.offersMentoring !== undefined) conditions.push(`p.mentor_offers = $${parameters.push(query.offersMentoring)}`);
    if (query.seeksMentoring !== undefined) conditions.push(`p.mentee_seeks = $${parameters.push(query.seeksMentoring)}`);
    if (query.after) {
      conditions.push(`(p.display_name, p.user_id) > ($${parameters.push(query.after[0])}, $${parameters.push(query.after[1])}::uuid)`);
    }
    return rowsOf<ProfileRow>(
      this.runner(),
      `SELECT ${PROFILE_COLUMNS} FROM profiles p LEFT JOIN organisations o ON o.id = p.organisation_id
       WHERE ${conditions.join(' AND ')} ORDER BY p.display_name, p.user_id LIMIT $1`,
      parameters,
    );
  }

  /** Members of any status in a sector (their own or their organisation's) and region, as the directory matches them. */
  async idsIn(filter: { sector?: string; region?: string }): Promise<string[]> {
    const parameters: unknown[] = [];
    const conditions = ['true', ...whereTheyWork(filter, parameters)];
    const rows = await rowsOf<{ user_id: string }>(
      this.runner(),
      `SELECT p.user_id FROM profiles p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * Active members who offer or seek mentoring (all of them, or those of `userIds`), with the
   * organisation's sector, stage and region where the profile leaves them open.
   */
  participants(userIds?: readonly string[]): Promise<ParticipantRow[]> {
    return rowsOf<ParticipantRow>(
      this.runner(),
      `SELECT p.user_id, p.organisation_id, p.sectors, o.sector AS org_sector, COALESCE(p.region, o.region) AS region,
              p.mentor_offers, p.mentor_expertise, p.mentor_capacity, COALESCE(p.mentor_stage_reached, o.stage) AS mentor_stage,
              p.mentee_seeks, p.mentee_needs, COALESCE(p.mentee_stage, o.stage) AS mentee_stage
         FROM profiles p LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE p.status = 'active' AND (p.mentor_offers OR p.mentee_seeks) ${userIds ? 'AND p.user_id = ANY($1::uuid[])' : ''}`,
      userIds ? [userIds] : [],
    );
  }
}
