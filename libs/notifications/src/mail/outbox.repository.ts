import type { MailCalendar } from './templates';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowsOf } from '@mutuals/core';
import type { MailStatus } from '@mutuals/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  message_id: string;
  user_id: string | null;
  to_address: string | null;
  kind: string;
  payload: Record<string, unknown>;
  subject: string | null;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  calendar: MailCalendar | null;
  send_if: SendCondition | null;
  status: MailStatus;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

/** Checked just before sending: a chat mail goes only if the message is still unread. */
export interface SendCondition {
  chatUnread: { conversationId: string; seq: number };
}

/** One recipient of a kind that members choose a channel for, with the mail's payload and its digest line. */
export interface RoutedMail {
  userId: string;
  kind: string;
  /** The kind's channel for a member who never chose one. */
  defaultChannel: string;
  payload: object;
  entry: { groupTitle: string; text: string; link: string };
}

export interface NewOutboxMail {
  kind: string;
  userId: string | null;
  toAddress?: string | null;
  payload: object;
  dedupeKey?: string | null;
  sendIf?: SendCondition | null;
  /** Not before this time (a chat mail waits for the message to be read). */
  notBefore?: Date;
}

/** A preference kind and its default channel: mail only to members whose channel for it is email. */
export interface EmailPreference {
  kind: string;
  defaultChannel: string;
}

export interface RenderedMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  calendar: MailCalendar | null;
}

const SUMMARY_COLUMNS = 'id, message_id, kind, to_address, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at';

/** All the SQL of the mail outbox. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes mail in the caller's transaction. The Message-ID is fixed here, once per row, so every
   * attempt (a retry, a resend after a crash) carries the same one. A repeated dedupe key is a no-op.
   */
  async insert(
    manager: EntityManager,
    mails: NewOutboxMail[],
    messageIdDomain: string,
    onlyWhereEmail?: EmailPreference,
  ): Promise<string[]> {
    if (mails.length === 0) return [];
    const ids = mails.map(() => randomUUID());
    // With onlyWhereEmail, the member's choice for that kind (or its default) is read in the same
    // statement: a chat message's mail costs one round trip inside the message's transaction, not two.
    const wanted = onlyWhereEmail
      ? `WHERE COALESCE((SELECT p.channel FROM notification_preferences p WHERE p.kind = $3 AND p.user_id = m.user_id), $4) = 'email'`
      : '';
    // The rows travel as one JSON document: a chat batch carries thousands of payloads, and as
    // text arrays each would be escaped element by element (pg's array literal) and parsed again.
    const document = mails.map((m, i) => ({
      id: ids[i],
      kind: m.kind,
      user_id: m.userId,
      to_address: m.toAddress ?? null,
      payload: m.payload,
      dedupe_key: m.dedupeKey ?? null,
      send_if: m.sendIf ?? null,
      not_before: m.notBefore ?? null,
    }));
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO mail_outbox (id, message_id, kind, user_id, to_address, payload, dedupe_key, send_if, next_attempt_at)
       SELECT m.id, '<' || m.id || '@' || $2 || '>', m.kind, m.user_id, m.to_address, m.payload, m.dedupe_key, m.send_if,
              COALESCE(m.not_before, now())
       FROM jsonb_to_recordset($1::jsonb)
         AS m(id uuid, kind varchar, user_id uuid, to_address varchar, payload jsonb, dedupe_key varchar, send_if jsonb, not_before timestamptz)
       ${wanted}
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [JSON.stringify(document), messageIdDomain, ...(onlyWhereEmail ? [onlyWhereEmail.kind, onlyWhereEmail.defaultChannel] : [])],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Mail by each recipient's channel for its kind, in one statement in the caller's transaction:
   * their choice (notification_preferences) or the kind's default; 'email' becomes an outbox row
   * now, 'digest' a digest item (subscribing them to the digest, at its default frequency, if they
   * were not; nothing if they turned the digest off); 'app' and 'off' nothing. Answers how many
   * mails were queued.
   */
  async insertByChannel(manager: EntityManager, routed: RoutedMail[], messageIdDomain: string): Promise<number> {
    if (routed.length === 0) return 0;
    const [row] = await rowsOf<{ mailed: number }>(
      manager,
      `WITH routed AS (
         SELECT r.n, r.user_id, r.kind, r.payload, r.group_title, r.text, r.link, COALESCE(p.channel, r.default_channel) AS channel
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::jsonb[], $5::varchar[], $6::varchar[], $7::varchar[])
                WITH ORDINALITY AS r(user_id, kind, default_channel, payload, group_title, text, link, n)
           LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.kind = r.kind
       ), mailed AS (
         INSERT INTO mail_outbox (id, message_id, kind, user_id, payload, next_attempt_at)
         SELECT m.id, '<' || m.id || '@' || $8 || '>', m.kind, m.user_id, m.payload, now()
           FROM (SELECT gen_random_uuid() AS id, n, kind, user_id, payload FROM routed WHERE channel = 'email') m ORDER BY m.n
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id
       ), subscribed AS (
         INSERT INTO digest_subscriptions (user_id) SELECT DISTINCT user_id FROM routed WHERE channel = 'digest'
         ON CONFLICT (user_id) DO NOTHING
       ), digested AS (
         INSERT INTO digest_items (user_id, kind, group_title, text, link)
         SELECT r.user_id, r.kind, r.group_title, r.text, r.link
           FROM routed r LEFT JOIN digest_subscriptions s ON s.user_id = r.user_id
          WHERE r.channel = 'digest' AND (s.user_id IS NULL OR s.frequency <> 'off')
          ORDER BY r.n
       )
       SELECT count(*)::int AS mailed FROM mailed`,
      [
        routed.map((r) => r.userId),
        routed.map((r) => r.kind),
        routed.map((r) => r.defaultChannel),
        routed.map((r) => JSON.stringify(r.payload)),
        routed.map((r) => r.entry.groupTitle.slice(0, 200)),
        routed.map((r) => r.entry.text.slice(0, 300)),
        routed.map((r) => r.entry.link.slice(0, 300)),
        messageIdDomain,
      ],
    );
    return row?.mailed ?? 0;
  }

  /** How many mails wait to be sent, are being sent, or gave up (the rest are history). */
  async countUnsent(): Promise<Map<string, number>> {
    const rows: { status: string; count: number }[] = await this.db.query(
      `SELECT status, count(*)::int AS count FROM mail_outbox WHERE status IN ('pending', 'sending', 'dead') GROUP BY status`,
    );
    return new Map(rows.map((r) => [r.status, r.count]));
  }

  /**
   * Claims up to `limit` mails that are due: pending ones whose time has come, and ones a sender
   * claimed but never finished before its lease ran out (it crashed). SKIP LOCKED lets every
   * replica claim at once without taking the same row.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    // An UPDATE ... RETURNING answers [rows, count] through TypeORM.
    const [rows]: [OutboxRow[], number] = await this.db.query(
      `UPDATE mail_outbox o SET status = 'sending', attempts = o.attempts + 1, lease_until = now() + make_interval(secs => $2)
       WHERE o.id IN (
         SELECT id FROM mail_outbox
         WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING o.*`,
      [limit, leaseSeconds],
    );
    return rows;
  }

  /** Keeps what the first attempt rendered, so a retry sends exactly the same message. */
  async saveRenderings(mails: { id: string; mail: RenderedMail }[]): Promise<void> {
    if (mails.length === 0) return;
    await this.db.query(
      `UPDATE mail_outbox o SET to_address = r.to_address, subject = r.subject, html = r.html, text = r.text, headers = r.headers, calendar = r.calendar
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[]) AS r(id, to_address, subject, html, text, headers, calendar)
       WHERE o.id = r.id`,
      [
        mails.map((m) => m.id),
        mails.map((m) => m.mail.to),
        mails.map((m) => m.mail.subject),
        mails.map((m) => m.mail.html),
        mails.map((m) => m.mail.text),
        mails.map((m) => JSON.stringify(m.mail.headers)),
        mails.map((m) => (m.mail.calendar ? JSON.stringify(m.mail.calendar) : null)),
      ],
    );
  }

  /** Records the outcome of an attempt, but only for the claim that made it (attempts unchanged since). */
  async finish(id: string, attempt: number, status: 'sent' | 'kept' | 'skipped', note: string | null = null): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET status = $3::varchar, sent_at = CASE WHEN $3::varchar = 'skipped' THEN NULL ELSE now() END, lease_until = NULL, last_error = $4
       WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [id, attempt, status, note],
    );
  }

  /** A failed attempt: try again after `retryInSeconds`, or give up to the dead-letter list (null). */
  async fail(id: string, attempt: number, error: string, retryInSeconds: number | null): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET status = CASE WHEN $4::int IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = now() + make_interval(secs => COALESCE($4::int, 0)), lease_until = NULL, last_error = $3
       WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [id, attempt, error.slice(0, 1000), retryInSeconds],
    );
  }

  /** A coordinator's retry of a dead mail: due at once, with a fresh run of attempts. */
  async revive(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** The newest mail first, optionally of one status; keyset-paged on (created_at, id). */
  async list(query: { status?: MailStatus; limit: number; after: [string, string] | null }): Promise<OutboxRow[]> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.after) where.push(`(created_at, id) < ($${params.push(query.after[0])}::timestamptz, $${params.push(query.after[1])}::uuid)`);
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM mail_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
  }

  async get(id: string): Promise<OutboxRow | null> {
    const [row] = await this.db.query(`SELECT * FROM mail_outbox WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The earliest time a pending mail falls due (null when none is waiting). */
  async nextDue(): Promise<Date | null> {
    const [row] = await this.db.query(`SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE status = 'pending'`);
    return row?.at ? new Date(row.at) : null;
  }

  /** A deleted account's mail that has not gone yet does not go. */
  async skipUnsentFor(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE mail_outbox SET status = 'skipped', last_error = 'account deleted' WHERE user_id = $1 AND status IN ('pending', 'sending', 'dead')`,
      [userId],
    );
  }
}
