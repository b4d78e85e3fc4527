// One source for every mail: a template builds this content, and layout.ts turns it into HTML
// (through MJML) and plain text. Strings here are plain text; the HTML renderer escapes them.

export interface MailLink {
  text: string;
  url: string;
}

export interface MailContent {
  subject: string;
  /** The line mail clients show beside the subject. */
  preview: string;
  greeting: string;
  paragraphs: string[];
  /** The member's own words being answered (a post, a message), shown set apart. */
  quote?: string;
  /** The one thing to do: the link straight to it. */
  action: MailLink;
  /** Lists of links (the digest). */
  sections?: { title: string; items: MailLink[] }[];
  /** Why this mail came and how to change that. */
  footer: string[];
}

/** What a template may know besides its payload. */
export interface TemplateContext {
  recipientName: string;
  /** A member's display name ("A former member" when gone). */
  name(userId: string): string;
  /** PUBLIC_URL + path; absolute URLs are kept. */
  url(path: string): string;
  /** A member's name and address, for calendar invitations (null address when gone). */
  contact(userId: string): { name: string; email: string | null };
  /** Who a calendar invitation comes from: the mail's sender. */
  organizer: { name: string; email: string };
}

/** A calendar file sent with the mail (text/calendar), which mail clients offer to add or update. */
export interface MailCalendar {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export interface MailTemplate<P> {
  /** Members whose names the mail shows. */
  people(payload: P): string[];
  build(payload: P, context: TemplateContext): MailContent;
  /** An invitation or cancellation to send with it, when the mail is about a meeting. */
  calendar?(payload: P, context: TemplateContext): MailCalendar | null;
}

export const template = <P>(definition: MailTemplate<P>): MailTemplate<P> => definition;
