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

  /**
   * The feed without its excerpts (other people's words), the mail choices, and the mail sent:
   * which kind, to where, when; not the bodies, whose links may carry single-use tokens.
   */
  async exportOf(userId: string) {
    const [notifications, preferences, digests, mail] = await Promise.all([
      this.db.query('SELECT id, kind, title, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at', [
        userId,
      ]),
      this.db.query('SELECT kind, channel FROM notification_preferences WHERE user_id = $1 ORDER BY kind', [userId]),
      this.db.query('SELECT frequency, covered_until FROM digest_subscriptions WHERE user_id = $1', [userId]),
      this.db.query(
        'SELECT kind, subject, to_address, status, sent_at, created_at FROM mail_outbox WHERE user_id = $1 ORDER BY created_at',
        [userId],
      ),
    ]);
    return { notifications, preferences, digest: digests[0] ?? null, mail };
  }
}
