import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mutuals/core';
import { WEB_ROUTES } from '@mutuals/contracts';
import { IdentityService } from '@mutuals/identity';
import { NotificationsService } from '@mutuals/notifications';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Counter } from 'prom-client';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, retryDelayMs, signatureHeader } from './webhook-signing';
import { WebhookSecrets } from './webhook-secrets';
import { TargetRefused, checkTarget, type CheckedTarget } from './webhook-targets';
import { ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

const BATCH = 20;
/** Bytes of a receiver's answer read before it is dropped (only the status counts). */
const MAX_ANSWER_BYTES = 64 * 1024;

const attempts = new Counter({
  name: 'webhook_delivery_attempts_total',
  help: 'Webhook delivery attempts by outcome',
  labelNames: ['outcome'],
});

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Sends due webhook deliveries: claimed with SKIP LOCKED under a lease (so replicas never send the
 * same one at once), signed, POSTed to the address the SSRF guard checked at this very attempt, and
 * recorded. A failure is retried with doubling delays up to the attempt limit; a hook whose attempts
 * fail too many times in a row is switched off and every coordinator told.
 */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly hooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get leaseSeconds(): number {
    return Math.ceil((this.config.webhooks.timeoutMs * 2) / 1000) + 30;
  }

  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.hooks.claimDue(BATCH, this.leaseSeconds);
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
      total += claimed.length;
      if (claimed.length < BATCH) return total;
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await this.attempt(delivery);
    attempts.inc({ outcome: outcome.ok ? 'succeeded' : 'failed' });
    if (outcome.ok) {
      await this.hooks.succeeded(delivery.id, delivery.webhook_id, outcome.status!);
      return;
    }
    const { maxAttempts, retryBaseMs, disableAfterFailures } = this.config.webhooks;
    const nextAttemptAt = delivery.attempts >= maxAttempts ? null : new Date(Date.now() + retryDelayMs(delivery.attempts, retryBaseMs));
    const failuresInARow = await this.hooks.failed(delivery.id, delivery.webhook_id, {
      responseStatus: outcome.status,
      error: outcome.error ?? `HTTP ${outcome.status}`,
      nextAttemptAt,
    });
    if (failuresInARow >= disableAfterFailures) await this.switchOff(delivery, failuresInARow);
  }

  private async switchOff(delivery: ClaimedDelivery, failures: number): Promise<void> {
    const reason = `${failures} delivery attempts in a row failed (last: ${delivery.event})`;
    if (!(await this.hooks.disable(delivery.webhook_id, reason))) return;
    this.logger.warn(`webhook ${delivery.webhook_id} switched off: ${reason}`);
    const coordinators = await this.identity.activeCoordinatorIds();
    await this.notifications.notify(
      coordinators.map((userId) => ({
        userId,
        kind: 'webhook.disabled',
        title: `A webhook was switched off after ${failures} failed deliveries: ${new URL(delivery.url).host}`,
        link: WEB_ROUTES.adminIntegrations,
        sourceId: delivery.webhook_id,
      })),
    );
  }

  private async attempt(delivery: ClaimedDelivery): Promise<Outcome> {
    let target: CheckedTarget;
    try {
      target = await checkTarget(delivery.url, this.config.webhooks.allowPrivateTargets);
    } catch (error) {
      if (error instanceof TargetRefused) return { ok: false, status: null, error: error.message };
      throw error;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const signed = signatureHeader(this.secrets.open({ ...delivery, id: delivery.webhook_id }), timestamp, delivery.body);
      const status = await this.post(target, delivery, timestamp, signed);
      return { ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` };
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message || 'request failed' };
    }
  }

  /** POSTs to the checked address itself (Host and TLS name from the URL), following no redirect. */
  private post(target: CheckedTarget, delivery: ClaimedDelivery, timestamp: number, signed: string): Promise<number> {
    const { url } = target;
    const body = Buffer.from(delivery.body);
    const https = url.protocol === 'https:';
    return new Promise<number>((resolve, reject) => {
      const outgoing = (https ? httpsRequest : httpRequest)(
        {
          host: target.address,
          family: target.family,
          port: url.port || (https ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          ...(https && { servername: url.hostname }),
          headers: {
            host: url.host,
            'content-type': 'application/json',
            'content-length': body.length,
            'user-agent': 'MutualsNetwork-Webhooks/1',
            [EVENT_HEADER]: delivery.event,
            [DELIVERY_HEADER]: delivery.id,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signed,
          },
          timeout: this.config.webhooks.timeoutMs,
        },
        (answer: IncomingMessage) => {
          let read = 0;
          answer.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) answer.destroy();
          });
          answer.on('end', () => resolve(answer.statusCode ?? 0));
          answer.on('close', () => resolve(answer.statusCode ?? 0));
          answer.on('error', () => resolve(answer.statusCode ?? 0));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${this.config.webhooks.timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}
