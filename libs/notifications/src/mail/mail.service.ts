import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, decodeCursor, toPage } from '@mutuals/core';
import type { MailPage, MailStatus, MailSummaryView, MailView, UnsubscribeView } from '@mutuals/contracts';
import { EntityManager } from 'typeorm';
import { NotificationsErrors } from '../notifications.errors';
import { SWITCHABLE_KINDS, type SwitchableKind } from '../preferences/notification-kinds';
import { PreferencesService } from '../preferences/preferences.service';
import { MailDispatcher } from './mail-dispatcher';
import { NewOutboxMail, OutboxRepository, OutboxRow, type RoutedMail } from './outbox.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toSummary(row: OutboxRow): MailSummaryView {
  return {
    id: row.id,
    messageId: row.message_id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: iso(row.created_at)!,
    nextAttemptAt: iso(row.next_attempt_at)!,
    sentAt: iso(row.sent_at),
  };
}

/** Writing mail into the outbox, the coordinators' mailbox and dead letters, and unsubscribing. */
@Injectable()
export class MailService {
  private readonly messageIdDomain: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: MailDispatcher,
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: PreferencesService,
  ) {
    this.messageIdDomain = new URL(config.publicUrl).hostname;
  }

  /** Writes mail in the caller's transaction: it exists exactly when the change that causes it does. */
  async enqueue(manager: EntityManager, mails: NewOutboxMail[], onlyWhereEmail?: SwitchableKind): Promise<void> {
    const preference = onlyWhereEmail && { kind: onlyWhereEmail, defaultChannel: SWITCHABLE_KINDS[onlyWhereEmail].defaultChannel };
    const ids = await this.outbox.insert(manager, mails, this.messageIdDomain, preference);
    // Sent once committed: the next drain finds it (a kick now saves waiting for the poll).
    if (ids.length > 0) setTimeout(() => this.dispatcher.kick(), 20).unref();
  }

  /**
   * Mail by each recipient's channel, in the caller's transaction, in one statement: now (the
   * outbox), in their digest, or not at all (see OutboxRepository.insertByChannel).
   */
  async enqueueByChannel(manager: EntityManager, routed: RoutedMail[]): Promise<void> {
    const mailed = await this.outbox.insertByChannel(manager, routed, this.messageIdDomain);
    if (mailed > 0) setTimeout(() => this.dispatcher.kick(), 20).unref();
  }

  skipUnsentFor(manager: EntityManager, userId: string): Promise<void> {
    return this.outbox.skipUnsentFor(manager, userId);
  }

  async list(query: { status?: MailStatus; limit: number; cursor?: string }): Promise<MailPage> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.outbox.list({ status: query.status, limit: query.limit, after });
    return toPage(rows, query.limit, (r) => [iso(r.created_at)!, r.id], toSummary);
  }

  async get(id: string): Promise<MailView> {
    const row = await this.outbox.get(id);
    if (!row) throw NotificationsErrors.mailNotFound('No such mail');
    return { ...toSummary(row), html: row.html, text: row.text };
  }

  /** A coordinator sends a dead letter again (after fixing the SMTP settings, say). */
  async retry(id: string): Promise<MailView> {
    if (!(await this.outbox.revive(id))) {
      await this.get(id);
      throw NotificationsErrors.mailNotDead('Only a mail on the dead-letter list can be retried');
    }
    this.dispatcher.kick();
    return this.get(id);
  }

  async describeUnsubscribe(token: string): Promise<UnsubscribeView> {
    const grant = await this.grantOf(token);
    return {
      kind: grant.kind,
      label: this.labelOf(grant.kind),
      unsubscribed: await this.preferences.emailStopped(grant.userId, grant.kind),
    };
  }

  /** One click, no sign-in: the signed link is the proof (RFC 8058). */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const grant = await this.grantOf(token);
    await this.preferences.stopEmail(grant.userId, grant.kind);
    return { kind: grant.kind, label: this.labelOf(grant.kind), unsubscribed: true };
  }

  private async grantOf(token: string) {
    const grant = await this.tokens.verify(token);
    if (!grant) throw NotificationsErrors.unsubscribeLinkInvalid('This unsubscribe link is not valid');
    return grant;
  }

  private labelOf(kind: keyof typeof SWITCHABLE_KINDS | 'digest'): string {
    return kind === 'digest' ? 'Digest' : SWITCHABLE_KINDS[kind].label;
  }
}
