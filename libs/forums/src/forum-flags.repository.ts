import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ForumFlagAction } from '@mutuals/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { FlagStatus } from './entities/flag.entity';

export interface FlagRow {
  id: string;
  post_id: string;
  reporter_id: string;
  reason: string;
  status: FlagStatus;
  resolution: ForumFlagAction | null;
  created_at: Date;
  resolved_at: Date | null;
}

/** The SQL of members' flags and the moderators' queue. */
@Injectable()
export class ForumFlagsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Raises unique_violation when the reporter has an open flag on the post already. */
  async insert(postId: string, reporterId: string, reason: string): Promise<{ id: string; created_at: Date }> {
    const [row]: { id: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO forum_flags (post_id, reporter_id, reason) VALUES ($1, $2, $3) RETURNING id, created_at`,
      [postId, reporterId, reason],
    );
    return row!;
  }

  /** Oldest first: the queue is worked through in the order people asked. */
  queue(status: FlagStatus, limit: number, after: [at: string, id: string] | null): Promise<(FlagRow & { at_key: string })[]> {
    return this.db.query(
      `SELECT f.*, f.created_at::text AS at_key FROM forum_flags f
        WHERE f.status = $1 ${after ? 'AND (f.created_at, f.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY f.created_at, f.id LIMIT $2`,
      [status, limit, ...(after ?? [])],
    );
  }

  async find(flagId: string, manager: EntityManager = this.db.manager, lock = false): Promise<FlagRow | undefined> {
    const [row]: FlagRow[] = await manager.query(`SELECT * FROM forum_flags WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [flagId]);
    return row;
  }

  /** Every open flag on the post is resolved with the same action. */
  async resolveOpenOn(postId: string, action: ForumFlagAction, moderatorId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE forum_flags SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
        WHERE post_id = $1 AND status = 'open'`,
      [postId, action, moderatorId],
    );
  }
}
