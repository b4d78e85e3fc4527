import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@mutuals/core';
import { IdentityService, type UserContact } from '@mutuals/identity';
import { MailKind, SWITCHABLE_KINDS, UnsubscribableKind, isSwitchableKind } from '../preferences/notification-kinds';
import type { OutboxRow, RenderedMail } from './outbox.repository';
import { mailLayout, TEMPLATES, type MailContent, type MailTemplate } from './templates';
import { UnsubscribeTokens } from './unsubscribe-tokens';

type RenderableRow = Pick<OutboxRow, 'kind' | 'payload' | 'user_id' | 'to_address'>;

/** Turns an outbox row into the message: the member's current address and name, the template, the unsubscribe headers. */
@Injectable()
export class MailRenderer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentityService,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** MAIL_FROM as a calendar organiser: "Name <address>" or a bare address. */
  private get organizer(): { name: string; email: string } {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(this.config.mail.from);
    return match
      ? { name: match[1] || 'Mutuals Network', email: match[2]! }
      : { name: 'Mutuals Network', email: this.config.mail.from.trim() };
  }

  readonly url = (path: string): string =>
    /^https?:\/\//.test(path) ? path : `${this.config.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`;

  /** null when there is nobody to send it to any more (the account is gone). */
  async render(row: RenderableRow): Promise<RenderedMail | null> {
    return (await this.renderMany([row]))[0]!;
  }

  /** Renders a batch with one look-up of the members it names; null where there is nobody to send to. */
  async renderMany(rows: RenderableRow[]): Promise<(RenderedMail | null)[]> {
    const ids = rows.flatMap((row) => [
      ...(row.user_id ? [row.user_id] : []),
      ...(TEMPLATES[row.kind as MailKind] as MailTemplate<unknown>).people(row.payload),
    ]);
    const contacts = await this.identity.getMailContacts(ids);
    return Promise.all(rows.map((row) => this.renderOne(row, contacts)));
  }

  private async renderOne(row: RenderableRow, contacts: Map<string, UserContact>): Promise<RenderedMail | null> {
    const kind = row.kind as MailKind;
    const definition = TEMPLATES[kind] as MailTemplate<unknown>;
    const recipient = row.user_id ? contacts.get(row.user_id) : undefined;
    const to = row.to_address ?? recipient?.email;
    if (!to || (row.user_id && !recipient)) return null;
    const context = {
      recipientName: recipient?.displayName ?? 'there',
      name: (id: string) => contacts.get(id)?.displayName ?? 'A former member',
      url: this.url,
      contact: (id: string) => ({ name: contacts.get(id)?.displayName ?? 'A former member', email: contacts.get(id)?.email ?? null }),
      organizer: this.organizer,
    };
    const content = definition.build(row.payload, context);
    const unsubscribable: UnsubscribableKind | null = kind === 'digest' || isSwitchableKind(kind) ? kind : null;
    const headers: Record<string, string> = {};
    if (unsubscribable && row.user_id) {
      const token = encodeURIComponent(await this.tokens.sign({ userId: row.user_id, kind: unsubscribable }));
      // RFC 8058: a mail client's one-click POST to this URL turns the kind off, no sign-in needed.
      headers['List-Unsubscribe'] = `<${this.url(`/api/v1/mail/unsubscribe?token=${token}`)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      content.footer.push(
        `You get this email because of your notification settings (${unsubscribable === 'digest' ? 'digest' : SWITCHABLE_KINDS[unsubscribable].label}).`,
        `[Unsubscribe from these emails](${this.url(`/unsubscribe?token=${token}`)}) or [change your notification settings](${this.url('/settings/notifications')}).`,
      );
    }
    const calendar = definition.calendar?.(row.payload, context) ?? null;
    return { to, subject: content.subject, html: mailLayout.html(content), text: mailLayout.text(content), headers, calendar };
  }

  /** The HTML and text of content built outside the outbox (the benchmark's baseline). */
  async format(content: MailContent): Promise<{ html: string; text: string }> {
    return { html: mailLayout.html(content), text: mailLayout.text(content) };
  }
}
