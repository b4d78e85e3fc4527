// Members for the socket benchmarks, made in SQL (no argon2, no API round trips): active members
// with bearer sessions, in group conversations of equal size.
import { createHash, randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../libs/core/src/database/data-source-options';

export interface SeededMember {
  userId: string;
  token: string;
  conversationId: string;
}

/** Migrates, then makes `members` active members with sessions, member i in conversation i % `conversations`. */
export async function seedChatMembers(url: string, members: number, conversations: number): Promise<SeededMember[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const run = randomBytes(3).toString('hex');
    const tokens = Array.from({ length: members }, () => randomBytes(32).toString('base64url'));
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, handle, role, status)
       SELECT 'bench-' || $1 || '-' || i || '@bench.example', 'not-a-hash', 'Bench Member ' || i, 'bench-' || $1 || '-' || i, 'member', 'active'
       FROM generate_series(1, $2::int) AS i ORDER BY i RETURNING id`,
      [run, members],
    );
    await dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
      [users.map((u) => u.id), tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
    );
    const groups: { id: string }[] = await dataSource.query(
      `INSERT INTO conversations (kind, title, created_by) SELECT 'group', 'Bench ' || i, $1 FROM generate_series(1, $2::int) AS i RETURNING id`,
      [users[0]!.id, conversations],
    );
    const conversationOf = users.map((_, i) => groups[i % conversations]!.id);
    await dataSource.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role) SELECT c, u, 'member' FROM unnest($1::uuid[], $2::uuid[]) AS t(c, u)`,
      [conversationOf, users.map((u) => u.id)],
    );
    return users.map((u, i) => ({ userId: u.id, token: tokens[i]!, conversationId: conversationOf[i]! }));
  } finally {
    await dataSource.destroy();
  }
}
