import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedMail } from './outbox.repository';

/** SMTP connection settings from an smtp(s)://user:password@host:port URL. */
export function smtpOptions(smtpUrl: string, leaseSeconds: number) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  // An attempt must give up well inside its lease, or a second sender could take the mail over mid-send.
  const timeout = Math.max(1_000, Math.min(60_000, (leaseSeconds * 1_000) / 3));
  return {
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  };
}

/**
 * Delivers a rendered mail with nodemailer when SMTP_URL is set. Without it (the embedded default)
 * the mail is kept: it stays in the outbox, readable by coordinators on the mailbox page, and is logged.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(smtpOptions(config.mail.smtpUrl, config.mail.leaseSeconds)) : null;
  }

  async send(messageId: string, mail: RenderedMail): Promise<'sent' | 'kept'> {
    if (!this.transport) {
      // A warning, so it shows at the default log level; never the body: it may hold a single-use link.
      this.logger.warn(`mail not sent (no SMTP_URL), kept for coordinators at /admin/mail: ${messageId} to ${mail.to}: ${mail.subject}`);
      return 'kept';
    }
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      // nodemailer sends it as the text/calendar alternative Outlook and Gmail turn into an invitation.
      ...(mail.calendar && {
        icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'mentoring-session.ics' },
      }),
      messageId,
    });
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
