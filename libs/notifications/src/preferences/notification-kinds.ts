import type { NotificationChannel } from '@mutuals/contracts';

/** Every kind a member can switch, with its default and the channels it may take. */
export interface KindDefinition {
  label: string;
  description: string;
  defaultChannel: NotificationChannel;
  channels: NotificationChannel[];
}

const ALL: NotificationChannel[] = ['email', 'digest', 'app', 'off'];

export const SWITCHABLE_KINDS = {
  'account.approved': {
    label: 'Your application is approved',
    description: 'When a coordinator approves your account.',
    defaultChannel: 'email',
    channels: ['email', 'app'],
  },
  'account.rejected': {
    label: 'Your application is turned down',
    description: 'When a coordinator cannot approve your account, with their reason.',
    defaultChannel: 'email',
    channels: ['email', 'app'],
  },
  'mentoring.requested': {
    label: 'Mentoring requests to you',
    description: 'Someone asks you to be their mentor.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.accepted': {
    label: 'Your request accepted',
    description: 'A mentor accepts your request.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.declined': {
    label: 'Your request declined',
    description: 'A mentor cannot take your request.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.expiring': {
    label: 'Requests about to expire',
    description: 'A request to you is waiting for an answer and will soon expire.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.expired': {
    label: 'Requests that expired',
    description: 'Your request expired without an answer.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.meeting': {
    label: 'Planned sessions',
    description: 'A session is proposed, accepted, moved or cancelled; accepted ones come with a calendar invitation.',
    defaultChannel: 'email',
    channels: ['email', 'app', 'off'],
  },
  'mentoring.reminder-day': {
    label: 'Reminder the day before a session',
    description: 'A reminder about 24 hours before a planned session.',
    defaultChannel: 'email',
    channels: ['email', 'app', 'off'],
  },
  'mentoring.reminder-hour': {
    label: 'Reminder an hour before a session',
    description: 'A reminder about an hour before a planned session.',
    defaultChannel: 'email',
    channels: ['email', 'app', 'off'],
  },
  'mentoring.log-request': {
    label: 'Logging a session',
    description: 'After a planned session, a request to log it.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.agreement': {
    label: 'Your mentoring agreement',
    description: 'The other side writes or changes your agreement and asks you to confirm it.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'mentoring.check-in': {
    label: 'Check-ins',
    description: 'A short check-in on how your mentoring is going, at 30 days and every 60 days after.',
    defaultChannel: 'email',
    channels: ['email', 'app', 'off'],
  },
  'forum.mention': {
    label: 'Mentions',
    description: 'Someone mentions you by your @handle in the forums.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'forum.reply': {
    label: 'Replies to your posts',
    description: 'Someone replies to one of your posts.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'forum.quote': {
    label: 'Quotes of your posts',
    description: 'Someone quotes one of your posts in a reply.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'forum.watching': {
    label: 'Threads you watch',
    description: 'New posts in threads you started, replied to or chose to watch.',
    defaultChannel: 'digest',
    channels: ALL,
  },
  'partnerships.interest': {
    label: 'Interest in your partnership opportunities',
    description: 'An organisation expresses interest in an opportunity your organisation posted.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'partnerships.shortlisted': {
    label: 'Shortlisted as a partner',
    description: 'A poster shortlists your organisation for an opportunity.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'partnerships.conversation': {
    label: 'Partnership conversations',
    description: 'The conversation with a shortlist you are on is opened.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'partnerships.outcome': {
    label: 'Partnership outcomes',
    description: 'An opportunity you posted or pitched for is partnered, won, lost or withdrawn.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'chat.unread': {
    label: 'Unread chat messages',
    description: 'A message waits unread for a while. At most one email per conversation until you read it.',
    defaultChannel: 'email',
    channels: ['email', 'off'],
  },
  'story.review': {
    label: 'Stories to review',
    description: 'For coordinators: a member submits a success story for publication.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'story.consent': {
    label: 'Stories that name you',
    description: 'A member credits you in a success story and asks for your consent before it is published.',
    defaultChannel: 'email',
    channels: ['email', 'app'],
  },
  'story.decision': {
    label: 'Your stories reviewed',
    description: 'A coordinator asks for changes to your story, or publishes it.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'story.published': {
    label: 'Stories that credit you published',
    description: 'A success story that names you, with your consent, is published.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'support.review': {
    label: 'Support applications to assess',
    description: 'For coordinators: an organisation applies for funded advice, or confirms advice was delivered.',
    defaultChannel: 'email',
    channels: ALL,
  },
  'support.update': {
    label: 'Your applications for support',
    description: 'Your organisation’s application is approved, declined, needs more information, is assigned, or advice is delivered.',
    defaultChannel: 'email',
    channels: ['email', 'digest', 'app'],
  },
  'support.assignment': {
    label: 'Support assignments',
    description: 'For advisers: your delivery partner is assigned an application, or the applicant confirms delivery.',
    defaultChannel: 'email',
    channels: ALL,
  },
} satisfies Record<string, KindDefinition>;

export type SwitchableKind = keyof typeof SWITCHABLE_KINDS;

/** Account mail (reset, verification, email change, security notices) always goes: it cannot be switched off. */
export type AccountMailKind = 'account.password-reset' | 'account.email-verification' | 'account.email-change' | 'account.security';

export type MailKind = SwitchableKind | AccountMailKind | 'digest';

/** The unsubscribe link of a digest turns the digest off; every other kind is a switchable one. */
export type UnsubscribableKind = SwitchableKind | 'digest';

export const isSwitchableKind = (kind: string): kind is SwitchableKind => Object.hasOwn(SWITCHABLE_KINDS, kind);

/** The in-app feed's kinds that a preference governs (forum.reply covers replies to watched threads too). */
export const IN_APP_KIND_TO_PREFERENCE: Record<string, SwitchableKind> = {
  'account.approved': 'account.approved',
  'forum.mention': 'forum.mention',
  'forum.reply': 'forum.reply',
  'mentoring.requested': 'mentoring.requested',
  'mentoring.accepted': 'mentoring.accepted',
  'mentoring.declined': 'mentoring.declined',
  'mentoring.expiring': 'mentoring.expiring',
  'mentoring.expired': 'mentoring.expired',
  'mentoring.meeting': 'mentoring.meeting',
  'mentoring.reminder-day': 'mentoring.reminder-day',
  'mentoring.reminder-hour': 'mentoring.reminder-hour',
  'mentoring.log-request': 'mentoring.log-request',
  'mentoring.agreement': 'mentoring.agreement',
  'mentoring.check-in': 'mentoring.check-in',
  'partnerships.interest': 'partnerships.interest',
  'partnerships.shortlisted': 'partnerships.shortlisted',
  'partnerships.conversation': 'partnerships.conversation',
  'partnerships.outcome': 'partnerships.outcome',
  'story.review': 'story.review',
  'story.consent': 'story.consent',
  'story.decision': 'story.decision',
  'story.published': 'story.published',
  'support.review': 'support.review',
  'support.update': 'support.update',
  'support.assignment': 'support.assignment',
};

export const DEFAULT_DIGEST_FREQUENCY = 'weekly' as const;
