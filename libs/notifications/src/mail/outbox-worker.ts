import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { ChatConversationsService } from '@mutuals/chat';
import { Counter } from 'prom-client';
import { MailRenderer } from './mail-renderer';
import { MailSender } from './mail-sender';
import { OutboxRepository, OutboxRow, RenderedMail } from './outbox.repository';

/** Two lanes of 25: one lane's database work overlaps the other's sending, with at most 50 mails in flight. */
const BATCH = 25;
const LANES = 2;
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
    private readonly chat: ChatConversationsService,
  ) {}

  /** Sends every mail that is due, batch after batch; returns how many were attempted. */
  async drain(): Promise<number> {
    const lanes = await Promise.all(Array.from({ length: LANES }, () => this.drainLane()));
    return lanes.reduce((sum, n) => sum + n, 0);
  }

  private async drainLane(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.outbox.claimDue(BATCH, this.config.mail.leaseSeconds);
      await this.attempt(rows);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  /** One attempt at each claimed row: checks, rendering (kept before anything is sent), then each send recorded as soon as it is done. */
  private async attempt(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    let live: OutboxRow[];
    let mails: (RenderedMail | null)[];
    try {
      const wanted = await Promise.all(rows.map((row) => (row.send_if ? this.stillWanted(row) : true)));
      for (const [index, row] of rows.entries()) if (!wanted[index]) await this.skip(row, 'read before the mail was due');
      live = rows.filter((_, index) => wanted[index]);
      mails = await this.rendered(live);
    } catch (error) {
      // Nothing was sent: each row counts one failed attempt (a row already finished is left as it is).
      await Promise.all(rows.map((row) => this.failed(row, error)));
      return;
    }
    await Promise.all(live.map((row, index) => this.send(row, mails[index] ?? null)));
  }

  private async send(row: OutboxRow, mail: RenderedMail | null): Promise<void> {
    if (!mail) return this.skip(row, 'no recipient any more');
    let outcome: 'sent' | 'kept';
    try {
      outcome = await this.sender.send(row.message_id, mail);
    } catch (error) {
      return this.failed(row, error);
    }
    // Recorded at once: the only window for a repeat is between the server's 250 and this update. If
    // the update itself fails, the row stays claimed and goes again (same Message-ID) once its lease ends.
    await this.outbox
      .finish(row.id, row.attempts, outcome)
      .then(() => outcomes.inc({ outcome }))
      .catch((error: Error) => this.logger.error(`mail ${row.message_id} was sent but not recorded: ${error.message}`));
  }

  private async skip(row: OutboxRow, why: string): Promise<void> {
    await this.outbox.finish(row.id, row.attempts, 'skipped', why);
    outcomes.inc({ outcome: 'skipped' });
  }

  private async failed(row: OutboxRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = row.attempts >= this.config.mail.maxAttempts;
    const retryIn = giveUp ? null : Math.min(MAX_RETRY_SECONDS, this.config.mail.retryBaseSeconds * 2 ** (row.attempts - 1));
    this.logger.warn(`mail ${row.message_id} attempt ${row.attempts} failed${giveUp ? ', now on the dead-letter list' : ''}: ${message}`);
    await this.outbox.fail(row.id, row.attempts, message, retryIn);
    outcomes.inc({ outcome: giveUp ? 'dead' : 'failed' });
  }

  /** The first attempt renders and keeps each message; later attempts send exactly what was kept. */
  private async rendered(rows: OutboxRow[]): Promise<(RenderedMail | null)[]> {
    const fresh = rows.filter((row) => row.subject === null || row.html === null || row.text === null || row.to_address === null);
    const renderings = await this.renderer.renderMany(fresh);
    const byId = new Map(fresh.map((row, index) => [row.id, renderings[index] ?? null]));
    await this.outbox.saveRenderings(fresh.flatMap((row) => (byId.get(row.id) ? [{ id: row.id, mail: byId.get(row.id)! }] : [])));
    return rows.map((row) =>
      byId.has(row.id)
        ? byId.get(row.id)!
        : { to: row.to_address!, subject: row.subject!, html: row.html!, text: row.text!, headers: row.headers, calendar: row.calendar },
    );
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
