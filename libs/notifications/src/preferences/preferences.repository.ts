import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DigestFrequency, NotificationChannel } from '@mutuals/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** All the SQL of notification preferences and digest subscriptions. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The members' own choices for one kind (members who kept the default have no row). */
  async channelsFor(
    userIds: readonly string[],
    kind: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, NotificationChannel>> {
    if (userIds.length === 0) return new Map();
    const rows: { user_id: string; channel: NotificationChannel }[] = await manager.query(
      `SELECT user_id, channel FROM notification_preferences WHERE kind = $1 AND user_id = ANY($2::uuid[])`,
      [kind, userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.channel]));
  }

  async choicesOf(userId: string): Promise<Map<string, NotificationChannel>> {
    const rows: { kind: string; channel: NotificationChannel }[] = await this.db.query(
      `SELECT kind, channel FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.channel]));
  }

  async setChannels(
    userId: string,
    choices: { kind: string; channel: NotificationChannel }[],
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    if (choices.length === 0) return;
    await manager.query(
      `INSERT INTO notification_preferences (user_id, kind, channel)
       SELECT $1, c.kind, c.channel FROM unnest($2::varchar[], $3::varchar[]) AS c(kind, channel)
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel`,
      [userId, choices.map((c) => c.kind), choices.map((c) => c.channel)],
    );
  }

  async digestFrequencyOf(userId: string): Promise<DigestFrequency | null> {
    const [row] = await this.db.query(`SELECT frequency FROM digest_subscriptions WHERE user_id = $1`, [userId]);
    return row?.frequency ?? null;
  }

  async setDigestFrequency(userId: string, frequency: DigestFrequency, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO digest_subscriptions (user_id, frequency) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET frequency = EXCLUDED.frequency`,
      [userId, frequency],
    );
  }

  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM digest_subscriptions WHERE user_id = $1`, [userId]);
  }
}
