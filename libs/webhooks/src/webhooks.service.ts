import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DomainEvents, type Page, decodeCursor, toPage } from '@mutuals/core';
import type { WebhookCreatedView, WebhookDeliveryView, WebhookEventInfo, WebhookView } from '@mutuals/contracts';
import { MailDispatcher } from '@mutuals/notifications';
import { randomUUID } from 'node:crypto';
import { WebhookDeliverer } from './webhook-deliverer';
import { WEBHOOK_EVENTS, type WebhookEventDefinition } from './webhook-events';
import { WebhookSecrets } from './webhook-secrets';
import { newWebhookSecret } from './webhook-signing';
import { TargetRefused, checkTarget } from './webhook-targets';
import { WebhooksErrors } from './webhooks.errors';
import { DeliveryRow, WebhookRow, WebhooksRepository } from './webhooks.repository';

export const WEBHOOK_DRAIN = 'webhooks';

function toView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    secretPrefix: row.secret_prefix,
    createdAt: row.created_at.toISOString(),
  };
}

export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    body: row.body,
  };
}

/**
 * Coordinators' webhooks. Every event of the registry (webhook-events.ts) that happens is written,
 * once committed, as one delivery per subscribed hook; the deliverer sends them on the mail job queue.
 */
@Injectable()
export class WebhooksService implements OnModuleInit {
  constructor(
    private readonly hooks: WebhooksRepository,
    private readonly events: DomainEvents,
    private readonly jobs: MailDispatcher,
    private readonly deliverer: WebhookDeliverer,
    private readonly secrets: WebhookSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // After commit, with DomainEvents' retries on failure: the deliveries exist once the change does.
    for (const definition of WEBHOOK_EVENTS) this.events.observe(definition.domainEvent, (payload) => this.publish(definition, payload));
    this.jobs.registerDrain(WEBHOOK_DRAIN, () => this.deliverer.drain(), this.config.webhooks.pollMilliseconds);
  }

  eventCatalogue(): WebhookEventInfo[] {
    return WEBHOOK_EVENTS.map(({ name, description }) => ({ name, description }));
  }

  private async publish(definition: WebhookEventDefinition, payload: unknown): Promise<void> {
    const data = definition.data(payload as never, (path) => `${this.config.publicUrl}${path}`);
    if (!data) return;
    const subscribers = await this.hooks.subscribers(definition.name);
    if (subscribers.length === 0) return;
    const eventId = randomUUID();
    const body = JSON.stringify({ id: eventId, event: definition.name, createdAt: new Date().toISOString(), data });
    await this.hooks.insertDeliveries(subscribers, eventId, definition.name, body);
    this.jobs.kickDrain(WEBHOOK_DRAIN);
  }

  async list(): Promise<WebhookView[]> {
    return (await this.hooks.list()).map(toView);
  }

  async create(coordinatorId: string, input: { url: string; events: string[]; description?: string }): Promise<WebhookCreatedView> {
    await this.checkUrl(input.url);
    // Shown in this answer only, as GitHub and Stripe do: stored sealed, never shown again.
    const secret = newWebhookSecret();
    const id = randomUUID();
    const row = await this.hooks.insert({
      id,
      url: input.url,
      events: this.checkEvents(input.events),
      description: input.description?.trim() ?? '',
      ...this.secrets.seal(id, secret),
      secret_prefix: secret.slice(0, 10),
      created_by: coordinatorId,
    });
    return { webhook: toView(row), secret };
  }

  async update(id: string, change: { url?: string; events?: string[]; description?: string; enabled?: boolean }): Promise<WebhookView> {
    const existing = await this.get(id);
    // A hook switched back on is checked again: its address may have moved since it was saved.
    if (change.url !== undefined || (change.enabled && !existing.enabled)) await this.checkUrl(change.url ?? existing.url);
    const row = await this.hooks.update(id, {
      ...change,
      events: change.events && this.checkEvents(change.events),
      description: change.description?.trim(),
    });
    if (!row) throw WebhooksErrors.webhookNotFound('No such webhook');
    if (row.enabled) this.jobs.kickDrain(WEBHOOK_DRAIN);
    return toView(row);
  }

  async remove(id: string): Promise<void> {
    if ((await this.hooks.remove(id)) === 0) throw WebhooksErrors.webhookNotFound('No such webhook');
  }

  async deliveries(id: string, query: { limit: number; cursor?: string }): Promise<Page<WebhookDeliveryView>> {
    await this.get(id);
    const key = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.hooks.deliveries(id, query.limit + 1, key ? { createdAt: String(key[0]), id: String(key[1]) } : null);
    return toPage(rows, query.limit, (row) => [row.created_key!, row.id], toDeliveryView);
  }

  /** Sends an event again, as a new delivery of the same event id and body. */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    await this.get(id);
    const delivery = await this.hooks.findDelivery(id, deliveryId);
    if (!delivery) throw WebhooksErrors.deliveryNotFound('No such delivery of this webhook');
    const copy = await this.hooks.copyDelivery(delivery);
    this.jobs.kickDrain(WEBHOOK_DRAIN);
    return toDeliveryView(copy);
  }

  private async get(id: string): Promise<WebhookRow> {
    const hook = await this.hooks.find(id);
    if (!hook) throw WebhooksErrors.webhookNotFound('No such webhook');
    return hook;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, this.config.webhooks.allowPrivateTargets);
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      throw WebhooksErrors.webhookUrlNotAllowed(error.message, [{ field: 'url', message: error.message }]);
    }
  }

  private checkEvents(events: string[]): string[] {
    const known = new Set(WEBHOOK_EVENTS.map((event) => event.name));
    const unknown = events.filter((event) => !known.has(event));
    if (unknown.length > 0) {
      throw WebhooksErrors.unknownWebhookEvent(`No such event: ${unknown.join(', ')}`, [
        { field: 'events', message: `unknown: ${unknown.join(', ')}` },
      ]);
    }
    return [...new Set(events)];
  }
}
