// Mail and notification preferences: GET/PUT /me/notification-preferences, POST /mail/unsubscribe,
// and the coordinators' mailbox under /admin/mail.
import type { IsoDateTime, Uuid } from './common';

/** Where one kind of notification reaches a member: in the app only, by email at once (and in the app), in the digest (and in the app), or nowhere. */
export type NotificationChannel = 'app' | 'email' | 'digest' | 'off';
export type DigestFrequency = 'daily' | 'weekly' | 'off';

export interface NotificationPreferenceView {
  kind: string;
  label: string;
  description: string;
  channel: NotificationChannel;
  /** What this kind may be set to (chat mail has no in-app form: chat keeps its own unread counts). */
  channels: NotificationChannel[];
  defaultChannel: NotificationChannel;
}

export interface NotificationPreferencesView {
  kinds: NotificationPreferenceView[];
  digest: DigestFrequency;
}

/** PUT /me/notification-preferences: only what changes. */
export interface UpdateNotificationPreferencesRequest {
  kinds?: { kind: string; channel: NotificationChannel }[];
  digest?: DigestFrequency;
}

/** GET and POST /mail/unsubscribe?token=: what the signed link turns off (no sign-in needed). */
export interface UnsubscribeView {
  kind: string;
  label: string;
  unsubscribed: boolean;
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'skipped' | 'dead';

export interface MailSummaryView {
  id: Uuid;
  messageId: string;
  kind: string;
  to: string | null;
  subject: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: IsoDateTime;
  nextAttemptAt: IsoDateTime;
  sentAt: IsoDateTime | null;
}

export interface MailView extends MailSummaryView {
  html: string | null;
  text: string | null;
}

export interface MailPage {
  items: MailSummaryView[];
  nextCursor: string | null;
}
