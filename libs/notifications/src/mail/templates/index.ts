import type { AccountLinkRequested, AccountSecurityChanged } from '@mutuals/identity';
import type {
  AgreementUpdated,
  CheckInDue,
  MeetingCancelled,
  MeetingLogRequested,
  MeetingProposed,
  MeetingReminderDue,
  MeetingScheduled,
  MentoringAccepted,
  MentoringDeclined,
  MentoringExpiring,
  MentoringRequestEnded,
  MentoringRequested,
} from '@mutuals/matching';
import type {
  PartnershipConversationOpened,
  PartnershipInterestReceived,
  PartnershipOutcome,
  PartnershipShortlisted,
} from '@mutuals/partnerships';
import type { StoryChangesRequested, StoryConsentRequested, StoryPublished, StorySubmitted } from '@mutuals/stories';
import type { MailKind } from '../../preferences/notification-kinds';
import { accountApproved, accountRejected, emailChange, emailVerification, passwordReset, securityNotice } from './account.templates';
import {
  ChatUnreadPayload,
  ForumMailPayload,
  chatUnread,
  forumMention,
  forumQuote,
  forumReply,
  forumWatching,
} from './community.templates';
import { DigestLink, DigestPayload, digest } from './digest.template';
import type { MailTemplate } from './mail-content';
import {
  agreementUpdated,
  checkInDue,
  meetingCancelled,
  meetingLogRequest,
  meetingProposed,
  meetingReminder,
  meetingScheduled,
} from './mentoring-care.templates';
import { partnershipConversation, partnershipInterest, partnershipOutcome, partnershipShortlisted } from './partnerships.templates';
import { mentoringAccepted, mentoringDeclined, mentoringExpired, mentoringExpiring, mentoringRequested } from './mentoring.templates';
import { storyConsent, storyDecision, storyPublished, storyReview } from './stories.templates';
import { supportStep } from './support.templates';
import type { SupportNotice } from '../../support-audiences';

type MeetingPayload = MeetingProposed | MeetingScheduled | MeetingCancelled;

/** One switchable kind covers a meeting's whole life; the payload says which moment this mail is about. */
const meetingMail: MailTemplate<MeetingPayload> = {
  people: (p) =>
    'cancelledBy' in p ? meetingCancelled.people(p) : 'acceptedBy' in p ? meetingScheduled.people(p) : meetingProposed.people(p),
  build: (p, c) =>
    'cancelledBy' in p ? meetingCancelled.build(p, c) : 'acceptedBy' in p ? meetingScheduled.build(p, c) : meetingProposed.build(p, c),
  calendar: (p, c) => ('cancelledBy' in p ? meetingCancelled.calendar!(p, c) : 'acceptedBy' in p ? meetingScheduled.calendar!(p, c) : null),
};

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
  'mentoring.meeting': MeetingProposed | MeetingScheduled | MeetingCancelled;
  'mentoring.reminder-day': MeetingReminderDue;
  'mentoring.reminder-hour': MeetingReminderDue;
  'mentoring.log-request': MeetingLogRequested;
  'mentoring.agreement': AgreementUpdated;
  'mentoring.check-in': CheckInDue;
  'forum.mention': ForumMailPayload;
  'forum.reply': ForumMailPayload;
  'forum.quote': ForumMailPayload;
  'forum.watching': ForumMailPayload;
  'partnerships.interest': PartnershipInterestReceived;
  'partnerships.shortlisted': PartnershipShortlisted;
  'partnerships.conversation': PartnershipConversationOpened;
  'partnerships.outcome': PartnershipOutcome;
  'chat.unread': ChatUnreadPayload;
  'story.review': StorySubmitted;
  'story.consent': StoryConsentRequested;
  'story.decision': StoryChangesRequested | StoryPublished;
  'story.published': StoryPublished;
  'support.review': SupportNotice;
  'support.update': SupportNotice;
  'support.assignment': SupportNotice;
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
  'mentoring.meeting': meetingMail,
  'mentoring.reminder-day': meetingReminder,
  'mentoring.reminder-hour': meetingReminder,
  'mentoring.log-request': meetingLogRequest,
  'mentoring.agreement': agreementUpdated,
  'mentoring.check-in': checkInDue,
  'forum.mention': forumMention,
  'forum.reply': forumReply,
  'forum.quote': forumQuote,
  'forum.watching': forumWatching,
  'chat.unread': chatUnread,
  'story.review': storyReview,
  'story.consent': storyConsent,
  'story.decision': storyDecision,
  'story.published': storyPublished,
  'support.review': supportStep,
  'support.update': supportStep,
  'support.assignment': supportStep,
  'partnerships.interest': partnershipInterest,
  'partnerships.shortlisted': partnershipShortlisted,
  'partnerships.conversation': partnershipConversation,
  'partnerships.outcome': partnershipOutcome,
  digest,
};

export type { ChatUnreadPayload, DigestLink, DigestPayload, ForumMailPayload };
export * from './mail-content';
export { outcomeTitle } from './partnerships.templates';
export { mailLayout } from './layout';
