import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { ChatService } from '@mutuals/chat';
import { Counter } from 'prom-client';
import { MailRenderer } from './mail-renderer';
import { MailSender } from './mail-sender';
import { OutboxRepository, OutboxRow, RenderedMail } from './outbox.repository';

const BATCH = 20;
const MAX_RETRY_SECONDS = 6 * 3600;

const outcomes = new Counter({ name: 'mail_outbox_attempts_total', help: 'Outbox send attempts by outcome', labelNames: ['outcome'] });

/**
 * Sends what the outbox holds. Delivery is at-least-once with one Message-ID per row, which is as
 * close to exactly-once as SMTP allows (see the README's "Mail"): a row is claimed as 'sending'
 * under a lease, and only a claim whose lease ran out with no success recorded is sent again, with
 * the same Message-ID and the same rendered content, so the receiving side can recognise a repeat.
 */
@Injectable()
export class OutboxWorker {
  private readonly logger = new Logger('MailOutbox');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly renderer: MailRenderer,
    private readonly sender: MailSender,
    private readonly chat: ChatService,
  ) {}

  /** Sends every mail that is due, batch after batch; returns how many were attempted. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.outbox.claimDue(BATCH, this.config.mail.leaseSeconds);
      await Promise.all(rows.map((row) => this.attempt(row)));
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  private async attempt(row: OutboxRow): Promise<void> {
    try {
      if (row.send_if && !(await this.stillWanted(row))) {
        await this.outbox.finish(row.id, row.attempts, 'skipped', 'read before the mail was due');
        return outcomes.inc({ outcome: 'skipped' });
      }
      const mail = await this.rendered(row);
      if (!mail) {
        await this.outbox.finish(row.id, row.attempts, 'skipped', 'no recipient any more');
        return outcomes.inc({ outcome: 'skipped' });
      }
      const outcome = await this.sender.send(row.message_id, mail);
      await this.outbox.finish(row.id, row.attempts, outcome);
      outcomes.inc({ outcome });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= this.config.mail.maxAttempts;
      const retryIn = giveUp ? null : Math.min(MAX_RETRY_SECONDS, this.config.mail.retryBaseSeconds * 2 ** (row.attempts - 1));
      this.logger.warn(`mail ${row.message_id} attempt ${row.attempts} failed${giveUp ? ', now on the dead-letter list' : ''}: ${message}`);
      await this.outbox.fail(row.id, row.attempts, message, retryIn);
      outcomes.inc({ outcome: giveUp ? 'dead' : 'failed' });
    }
  }

  /** The first attempt renders and keeps the message; later attempts send exactly what was kept. */
  private async rendered(row: OutboxRow): Promise<RenderedMail | null> {
    if (row.subject !== null && row.html !== null && row.text !== null && row.to_address !== null) {
      return { to: row.to_address, subject: row.subject, html: row.html, text: row.text, headers: row.headers };
    }
    const mail = await this.renderer.render(row);
    if (mail) await this.outbox.saveRendering(row.id, mail);
    return mail;
  }

  /** A chat mail goes only while the message is unread (chat is asked now rather than told of every read). */
  private async stillWanted(row: OutboxRow): Promise<boolean> {
    const { conversationId, seq } = row.send_if!.chatUnread;
    try {
      const conversation = await this.chat.getConversation(row.user_id!, conversationId);
      const me = conversation.members.find((m) => m.id === row.user_id);
      return me !== undefined && me.lastReadSeq < seq;
    } catch {
      return false; // no longer a member, or the conversation is gone
    }
  }
}
