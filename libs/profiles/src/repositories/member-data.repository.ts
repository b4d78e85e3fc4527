import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The SQL of what profiles hold of one member: removed with their account, listed in their download. */
@Injectable()
export class ProfilesMemberDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The profile, memberships and requests to join go; organisations stay, they belong to their other members too. */
  async removeMember(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM organisation_join_requests WHERE user_id = $1', [userId]);
    await manager.query('UPDATE organisation_join_requests SET decided_by = NULL WHERE decided_by = $1', [userId]);
    await manager.query('UPDATE organisation_stage_changes SET changed_by = NULL WHERE changed_by = $1', [userId]);
    await manager.query('DELETE FROM organisation_members WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM profiles WHERE user_id = $1', [userId]);
  }

  async exportOf(userId: string) {
    const [profiles, organisations, joinRequests] = await Promise.all([
      this.db.query(
        `SELECT display_name, handle, bio, job_title, organisation_id, region, sectors, mentor_offers, mentor_expertise, mentor_capacity,
                mentor_stage_reached, mentee_seeks, mentee_needs, mentee_stage
           FROM profiles WHERE user_id = $1`,
        [userId],
      ),
      this.db.query(
        `SELECT o.id, o.name, o.kind, o.sector, o.stage, o.region, m.joined_at FROM organisation_members m
           JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY m.joined_at`,
        [userId],
      ),
      this.db.query(
        `SELECT o.name AS organisation, r.status, r.created_at, r.decided_at FROM organisation_join_requests r
           JOIN organisations o ON o.id = r.organisation_id WHERE r.user_id = $1 ORDER BY r.created_at`,
        [userId],
      ),
    ]);
    return { profile: profiles[0] ?? null, organisations, joinRequests };
  }
}
