import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedRows, firstRow, rowsOf } from '@mutuals/core';
import type { DataSource } from 'typeorm';
import type { StoredSecret } from './webhook-secrets';

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  description: string;
  secret_prefix: string;
  enabled: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  body: string;
  status: 'pending' | 'sending' | 'retrying' | 'succeeded' | 'failed';
  attempts: number;
  response_status: number | null;
  error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  /** created_at in Postgres's text form, exact to the microsecond (the log's keyset). */
  created_key?: string;
}

/** A claimed delivery with what sending it needs of its hook. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string | null;
  secret_sealed: string | null;
  secret_key_id: string | null;
}

/** A hook's columns but its secret, which leaves the repository only to sign or to be sealed. */
const HOOK_COLUMNS = 'id, url, events, description, secret_prefix, enabled, disabled_reason, consecutive_failures, created_at';

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event_id, d.event, d.body, d.status, d.attempts, d.response_status, d.error,
  d.created_at, d.last_attempt_at, d.next_attempt_at, d.delivered_at`;

/** Hooks (`webhooks`) and their outbox and log (`webhook_deliveries`). */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return this.dataSource.manager;
  }

  async insert(hook: {
    id: string;
    url: string;
    events: string[];
    description: string;
    secret_sealed: string;
    secret_key_id: string;
    secret_prefix: string;
    created_by: string;
  }): Promise<WebhookRow> {
    const row = await firstRow<WebhookRow>(
      this.db,
      `INSERT INTO webhooks (id, url, events, description, secret_sealed, secret_key_id, secret_prefix, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${HOOK_COLUMNS}`,
      [hook.id, hook.url, hook.events, hook.description, hook.secret_sealed, hook.secret_key_id, hook.secret_prefix, hook.created_by],
    );
    return row!;
  }

  /** Secrets in clear (from before encryption) or sealed under another key than `keyId`. */
  secretsNotSealedUnder(keyId: string): Promise<StoredSecret[]> {
    return rowsOf<StoredSecret>(
      this.db,
      'SELECT id, secret, secret_sealed, secret_key_id FROM webhooks WHERE secret_key_id IS DISTINCT FROM $1',
      [keyId],
    );
  }

  /** Stores the secret sealed anew, unless another process changed it since `was` was read. */
  async replaceSecret(was: StoredSecret, sealed: { secret_sealed: string; secret_key_id: string }): Promise<boolean> {
    return (
      (await affectedRows(
        this.db,
        `UPDATE webhooks SET secret = NULL, secret_sealed = $4, secret_key_id = $5
          WHERE id = $1 AND secret IS NOT DISTINCT FROM $2 AND secret_sealed IS NOT DISTINCT FROM $3`,
        [was.id, was.secret, was.secret_sealed, sealed.secret_sealed, sealed.secret_key_id],
      )) === 1
    );
  }

  list(): Promise<WebhookRow[]> {
    return rowsOf<WebhookRow>(this.db, `SELECT ${HOOK_COLUMNS} FROM webhooks ORDER BY created_at DESC, id`);
  }

  find(id: string): Promise<WebhookRow | undefined> {
    return firstRow<WebhookRow>(this.db, `SELECT ${HOOK_COLUMNS} FROM webhooks WHERE id = $1`, [id]);
  }

  /** Changes what is given; switching a hook back on clears its failures and the reason it was switched off. */
  async update(
    id: string,
    change: { url?: string; events?: string[]; description?: string; enabled?: boolean },
  ): Promise<WebhookRow | undefined> {
    return firstRow<WebhookRow>(
      this.db,
      `UPDATE webhooks SET url = COALESCE($2, url), events = COALESCE($3, events), description = COALESCE($4, description),
              enabled = COALESCE($5, enabled),
              consecutive_failures = CASE WHEN $5 THEN 0 ELSE consecutive_failures END,
              disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END,
              updated_at = now()
        WHERE id = $1 RETURNING ${HOOK_COLUMNS}`,
      [id, change.url ?? null, change.events ?? null, change.description ?? null, change.enabled ?? null],
    );
  }

  remove(id: string): Promise<number> {
    return affectedRows(this.db, 'DELETE FROM webhooks WHERE id = $1', [id]);
  }

  /** The enabled hooks subscribed to this event. */
  async subscribers(event: string): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(this.db, 'SELECT id FROM webhooks WHERE enabled AND $1 = ANY(events)', [event]);
    return rows.map((row) => row.id);
  }

  async insertDeliveries(webhookIds: string[], eventId: string, event: string, body: string): Promise<number> {
    return affectedRows(
      this.db,
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event, body) SELECT unnest($1::uuid[]), $2, $3, $4`,
      [webhookIds, eventId, event, body],
    );
  }

  /**
   * Claims up to `limit` due deliveries of enabled hooks, and those whose sender's lease ran out,
   * as 'sending' under a new lease, counting the attempt. SKIP LOCKED: no two senders take the same one.
   */
  claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    return rowsOf<ClaimedDelivery>(
      this.db,
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
          WHERE w.enabled AND ((d.status IN ('pending', 'retrying') AND d.next_attempt_at <= now())
                            OR (d.status = 'sending' AND d.lease_until < now()))
          ORDER BY d.next_attempt_at NULLS FIRST
          LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_deliveries d SET status = 'sending', attempts = d.attempts + 1, last_attempt_at = now(),
              lease_until = now() + make_interval(secs => $2)
         FROM due, webhooks w
        WHERE d.id = due.id AND w.id = d.webhook_id
        RETURNING ${DELIVERY_COLUMNS}, w.url, w.secret, w.secret_sealed, w.secret_key_id`,
      [limit, leaseSeconds],
    );
  }

  async succeeded(id: string, webhookId: string, responseStatus: number): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = 'succeeded', response_status = $2, error = NULL, delivered_at = now(),
              next_attempt_at = NULL, lease_until = NULL WHERE id = $1`,
      [id, responseStatus],
    );
    await this.db.query('UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0', [webhookId]);
  }

  /** Records a failed attempt: retried at `nextAttemptAt`, or failed for good when it is null. Answers the hook's failures in a row. */
  async failed(
    id: string,
    webhookId: string,
    outcome: { responseStatus: number | null; error: string; nextAttemptAt: Date | null },
  ): Promise<number> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = $2, response_status = $3, error = $4, next_attempt_at = $5, lease_until = NULL WHERE id = $1`,
      [id, outcome.nextAttemptAt ? 'retrying' : 'failed', outcome.responseStatus, outcome.error.slice(0, 500), outcome.nextAttemptAt],
    );
    const row = await firstRow<{ consecutive_failures: number }>(
      this.db,
      'UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures',
      [webhookId],
    );
    return row?.consecutive_failures ?? 0;
  }

  /** Switches a hook off; true when this call did it (it was on). */
  async disable(id: string, reason: string): Promise<boolean> {
    return (
      (await affectedRows(
        this.db,
        'UPDATE webhooks SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND enabled',
        [id, reason],
      )) > 0
    );
  }

  /** A hook's log, newest first, by keyset. */
  deliveries(webhookId: string, limit: number, after: { createdAt: string; id: string } | null): Promise<DeliveryRow[]> {
    return rowsOf<DeliveryRow>(
      this.db,
      `SELECT ${DELIVERY_COLUMNS}, d.created_at::text AS created_key FROM webhook_deliveries d
        WHERE d.webhook_id = $1 AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      [webhookId, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  findDelivery(webhookId: string, id: string): Promise<DeliveryRow | undefined> {
    return firstRow<DeliveryRow>(this.db, `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.webhook_id = $1 AND d.id = $2`, [
      webhookId,
      id,
    ]);
  }

  /** A redelivery by hand: a new delivery of the same event and body, due now. */
  async copyDelivery(delivery: DeliveryRow): Promise<DeliveryRow> {
    const row = await firstRow<DeliveryRow>(
      this.db,
      `INSERT INTO webhook_deliveries AS d (webhook_id, event_id, event, body) VALUES ($1, $2, $3, $4) RETURNING ${DELIVERY_COLUMNS}`,
      [delivery.webhook_id, delivery.event_id, delivery.event, delivery.body],
    );
    return row!;
  }
}
