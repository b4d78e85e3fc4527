import type { AccountLinkRequested, AccountSecurityChanged } from '@mutuals/identity';
import type { MentoringAccepted, MentoringDeclined, MentoringExpiring, MentoringRequestEnded, MentoringRequested } from '@mutuals/matching';
import type { MailKind } from '../../preferences/notification-kinds';
import { accountApproved, accountRejected, emailChange, emailVerification, passwordReset, securityNotice } from './account.templates';
import { ChatUnreadPayload, ForumMailPayload, chatUnread, forumMention, forumQuote, forumReply, forumWatching } from './community.templates';
import { DigestLink, DigestPayload, digest } from './digest.template';
import type { MailTemplate } from './mail-content';
import { mentoringAccepted, mentoringDeclined, mentoringExpired, mentoringExpiring, mentoringRequested } from './mentoring.templates';

/** The payload each kind of mail is written with. */
export interface MailPayloads {
  'account.approved': Record<string, never>;
  'account.rejected': { reason: string | null };
  'account.password-reset': AccountLinkRequested;
  'account.email-verification': AccountLinkRequested;
  'account.email-change': AccountLinkRequested;
  'account.security': AccountSecurityChanged;
  'mentoring.requested': MentoringRequested;
  'mentoring.accepted': MentoringAccepted;
  'mentoring.declined': MentoringDeclined;
  'mentoring.expiring': MentoringExpiring;
  'mentoring.expired': MentoringRequestEnded;
  'forum.mention': ForumMailPayload;
  'forum.reply': ForumMailPayload;
  'forum.quote': ForumMailPayload;
  'forum.watching': ForumMailPayload;
  'chat.unread': ChatUnreadPayload;
  digest: DigestPayload;
}

export const TEMPLATES: { [K in MailKind]: MailTemplate<MailPayloads[K]> } = {
  'account.approved': accountApproved,
  'account.rejected': accountRejected,
  'account.password-reset': passwordReset,
  'account.email-verification': emailVerification,
  'account.email-change': emailChange,
  'account.security': securityNotice,
  'mentoring.requested': mentoringRequested,
  'mentoring.accepted': mentoringAccepted,
  'mentoring.declined': mentoringDeclined,
  'mentoring.expiring': mentoringExpiring,
  'mentoring.expired': mentoringExpired,
  'forum.mention': forumMention,
  'forum.reply': forumReply,
  'forum.quote': forumQuote,
  'forum.watching': forumWatching,
  'chat.unread': chatUnread,
  digest,
};

export type { ChatUnreadPayload, DigestLink, DigestPayload, ForumMailPayload };
export * from './mail-content';
export { MailLayout } from './layout';
