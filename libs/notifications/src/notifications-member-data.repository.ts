import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The SQL of what the feed holds of one member: removed with their account, listed in their download. */
@Injectable()
export class NotificationsMemberDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Their feed, and others' items about what they did (those carry their name). */
  async removeMember(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM notifications WHERE user_id = $1 OR actor_id = $1', [userId]);
  }

  /** Without the excerpts: those are other people's words. */
  exportOf(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT id, kind, title, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at', [
      userId,
    ]);
  }
}
