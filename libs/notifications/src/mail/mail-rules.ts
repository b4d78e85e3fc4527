import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, OnDomainEvent, OnDomainEvents } from '@mutuals/core';
import type { ChatMessageCreated } from '@mutuals/chat';
import type { ForumPostCreated } from '@mutuals/forums';
import type { AccountDeleted, AccountLinkRequested, AccountSecurityChanged, UserChanged } from '@mutuals/identity';
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
import type { StoryChangesRequested, StoryConsentRequested, StoryPublished, StorySubmitted } from '@mutuals/stories';
import type { SupportApplicationMoved } from '@mutuals/support';
import type {
  PartnershipConversationOpened,
  PartnershipInterestReceived,
  PartnershipOutcome,
  PartnershipShortlisted,
} from '@mutuals/partnerships';
import { EntityManager } from 'typeorm';
import { supportAudiences } from '../support-audiences';
import { DigestRepository } from '../digest/digest.repository';
import { SWITCHABLE_KINDS, type AccountMailKind, type SwitchableKind } from '../preferences/notification-kinds';
import { PreferencesService } from '../preferences/preferences.service';
import { MailService } from './mail.service';
import type { NewOutboxMail } from './outbox.repository';
import { outcomeTitle, type ForumMailPayload } from './templates';

/** The digest line of a mail about one mentorship: it links to the mentorship's page. */
const mentorshipEntry = (mentorshipId: string, text: string): DigestEntry => ({
  groupTitle: 'Mentoring',
  text,
  link: `/mentoring/mentorships/${mentorshipId}`,
});

/** The digest line of a mail about one partnership opportunity. */
const partnershipEntry = (opportunityId: string, text: string): DigestEntry => ({
  groupTitle: 'Partnerships',
  text,
  link: `/partnerships/opportunities/${opportunityId}`,
});

/** What a kind puts in the digest for a member who chose the digest for it. */
interface DigestEntry {
  groupTitle: string;
  text: string;
  link: string;
}

/**
 * Which events become mail, for whom, by which channel. Most listeners run in the writer's
 * transaction so that the outbox row exists exactly when the change does (and only their own
 * tables are touched, through the writer's manager).
 */
@Injectable()
export class MailRules {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly preferences: PreferencesService,
    private readonly digests: DigestRepository,
  ) {}

  /** Mail each recipient by their channel for the kind: now, in the digest, or not at all. */
  private route(manager: EntityManager, kind: SwitchableKind, recipients: string[], payload: object, entry: DigestEntry): Promise<void> {
    return this.routeAll(manager, [{ kind, recipients }], payload, entry);
  }

  /** As route, for several kinds at once: one statement in the writer's transaction, whatever the number of recipients. */
  private routeAll(
    manager: EntityManager,
    routes: { kind: SwitchableKind; recipients: string[] }[],
    payload: object,
    entry: DigestEntry,
  ): Promise<void> {
    return this.mail.enqueueByChannel(
      manager,
      routes.flatMap(({ kind, recipients }) =>
        recipients.map((userId) => ({ userId, kind, defaultChannel: SWITCHABLE_KINDS[kind].defaultChannel, payload, entry })),
      ),
    );
  }

  private account(manager: EntityManager, kind: AccountMailKind, event: AccountLinkRequested | AccountSecurityChanged) {
    return this.mail.enqueue(manager, [{ kind, userId: event.userId, toAddress: event.email, payload: event }]);
  }

  // Account mail goes whatever the preferences, in the writer's transaction: a reset link exists only if its mail does.
  @OnDomainEvent('identity.password-reset.requested', { phase: 'in-transaction' })
  onPasswordReset(event: AccountLinkRequested, manager: EntityManager) {
    return this.account(manager, 'account.password-reset', event);
  }

  // In the writer's transaction: the verification token and its mail exist together.
  @OnDomainEvent('identity.email-verification.requested', { phase: 'in-transaction' })
  onEmailVerification(event: AccountLinkRequested, manager: EntityManager) {
    return this.account(manager, 'account.email-verification', event);
  }

  // In the writer's transaction: the pending change and its confirmation mail (to the new address) exist together.
  @OnDomainEvent('identity.email-change.requested', { phase: 'in-transaction' })
  onEmailChange(event: AccountLinkRequested, manager: EntityManager) {
    return this.account(manager, 'account.email-change', event);
  }

  // In the writer's transaction: a security change is never committed without its notice to the old address.
  @OnDomainEvent('identity.security.changed', { phase: 'in-transaction' })
  onSecurityChanged(event: AccountSecurityChanged, manager: EntityManager) {
    return this.account(manager, 'account.security', event);
  }

  // In the writer's transaction: a deleted account keeps no preferences, digest items or unsent mail.
  @OnDomainEvent('identity.account.deleted', { phase: 'in-transaction' })
  async onAccountDeleted(event: AccountDeleted, manager: EntityManager): Promise<void> {
    await this.preferences.forget(manager, event.userId);
    await this.digests.forget(manager, event.userId);
    await this.mail.skipUnsentFor(manager, event.userId);
  }

  // In the writer's transaction: the decision, the applicant's mail and (once approved) their digest are one change.
  @OnDomainEvent('identity.user.changed', { phase: 'in-transaction' })
  async onUserChanged(event: UserChanged, manager: EntityManager): Promise<void> {
    if (event.reason === 'approved') {
      await this.digests.subscribe(manager, event.user.id);
      await this.route(
        manager,
        'account.approved',
        [event.user.id],
        {},
        { groupTitle: 'Your account', text: 'Your account was approved', link: '/mentoring' },
      );
    } else if (event.reason === 'rejected') {
      const payload = { reason: event.rejectionReason ?? null };
      await this.route(manager, 'account.rejected', [event.user.id], payload, {
        groupTitle: 'Your account',
        text: 'About your application',
        link: '/eligibility',
      });
    }
  }

  // Support mail, in the writer's transaction: the outbox row exists exactly when the step does.
  @OnDomainEvent('support.application.moved', { phase: 'in-transaction' })
  async onSupportMoved(event: SupportApplicationMoved, manager: EntityManager) {
    for (const notice of supportAudiences(event)) {
      const recipients = notice.userIds.filter((userId) => userId !== event.actorId);
      if (recipients.length === 0) continue;
      await this.route(manager, notice.kind, recipients, notice, {
        groupTitle: 'Support programme',
        text: notice.title,
        link: notice.link,
      });
    }
  }

  // In the writer's transaction, like every partnership mail: the pitch and the poster's mail exist together.
  @OnDomainEvent('partnerships.interest.received', { phase: 'in-transaction' })
  onPartnershipInterest(event: PartnershipInterestReceived, manager: EntityManager) {
    return this.route(manager, 'partnerships.interest', event.recipientIds, event, {
      ...partnershipEntry(event.opportunityId, `${event.organisationName} is interested in “${event.title}”`),
      link: `/partnerships/opportunities/${event.opportunityId}/shortlist`,
    });
  }

  @OnDomainEvent('partnerships.shortlisted', { phase: 'in-transaction' })
  onPartnershipShortlisted(event: PartnershipShortlisted, manager: EntityManager) {
    return this.route(
      manager,
      'partnerships.shortlisted',
      [event.memberId],
      event,
      partnershipEntry(event.opportunityId, `Shortlisted for “${event.title}”`),
    );
  }

  @OnDomainEvent('partnerships.conversation.opened', { phase: 'in-transaction' })
  onPartnershipConversation(event: PartnershipConversationOpened, manager: EntityManager) {
    return this.route(manager, 'partnerships.conversation', event.recipientIds, event, {
      ...partnershipEntry(event.opportunityId, `A conversation about “${event.title}” is open`),
      link: `/chat/${event.conversationId}`,
    });
  }

  @OnDomainEvent('partnerships.outcome', { phase: 'in-transaction' })
  onPartnershipOutcome(event: PartnershipOutcome, manager: EntityManager) {
    return this.route(
      manager,
      'partnerships.outcome',
      event.recipientIds,
      event,
      partnershipEntry(event.opportunityId, outcomeTitle(event)),
    );
  }

  // In the writer's transaction: the request and the mentor's mail exist together.
  @OnDomainEvent('mentoring.requested', { phase: 'in-transaction' })
  onRequested(event: MentoringRequested, manager: EntityManager) {
    return this.route(manager, 'mentoring.requested', [event.mentorId], event, {
      groupTitle: 'Mentoring',
      text: 'A new mentoring request to you',
      link: '/mentoring?box=incoming',
    });
  }

  // Stories' mail, each in the writer's transaction: the outbox row exists exactly when the change does.
  @OnDomainEvent('story.submitted', { phase: 'in-transaction' })
  onStorySubmitted(event: StorySubmitted, manager: EntityManager) {
    return this.route(manager, 'story.review', event.coordinatorIds, event, {
      groupTitle: 'Stories',
      text: `A story to review: ${event.title}`,
      link: event.link,
    });
  }

  @OnDomainEvent('story.consent-requested', { phase: 'in-transaction' })
  onStoryConsentRequested(event: StoryConsentRequested, manager: EntityManager) {
    return this.route(manager, 'story.consent', event.userIds, event, {
      groupTitle: 'Stories',
      text: `A story credits you: ${event.title}`,
      link: event.link,
    });
  }

  @OnDomainEvent('story.changes-requested', { phase: 'in-transaction' })
  onStoryChangesRequested(event: StoryChangesRequested, manager: EntityManager) {
    return this.route(manager, 'story.decision', [event.authorId], event, {
      groupTitle: 'Stories',
      text: `Changes asked to ${event.title}`,
      link: event.link,
    });
  }

  @OnDomainEvent('story.published', { phase: 'in-transaction' })
  async onStoryPublished(event: StoryPublished, manager: EntityManager) {
    const entry = { groupTitle: 'Stories', text: `Published: ${event.title}`, link: event.link };
    await this.route(manager, 'story.decision', [event.authorId], event, entry);
    await this.route(manager, 'story.published', event.creditedUserIds, event, entry);
  }

  // In the writer's transaction, like every mentoring mail.
  @OnDomainEvent('mentoring.accepted', { phase: 'in-transaction' })
  onAccepted(event: MentoringAccepted, manager: EntityManager) {
    return this.route(
      manager,
      'mentoring.accepted',
      [event.menteeId],
      event,
      mentorshipEntry(event.mentorshipId, 'Your mentoring request was accepted'),
    );
  }

  // In the writer's transaction, like every mentoring mail.
  @OnDomainEvent('mentoring.declined', { phase: 'in-transaction' })
  onDeclined(event: MentoringDeclined, manager: EntityManager) {
    return this.route(manager, 'mentoring.declined', [event.menteeId], event, {
      groupTitle: 'Mentoring',
      text: 'A mentor declined your request',
      link: '/mentoring?box=outgoing',
    });
  }

  // In the writer's transaction, like every mentoring mail.
  @OnDomainEvent('mentoring.expiring', { phase: 'in-transaction' })
  onExpiring(event: MentoringExpiring, manager: EntityManager) {
    return this.route(manager, 'mentoring.expiring', [event.mentorId], event, {
      groupTitle: 'Mentoring',
      text: 'A request to you expires soon',
      link: '/mentoring?box=incoming',
    });
  }

  // In the writer's transaction, like every mentoring mail.
  @OnDomainEvent('mentoring.expired', { phase: 'in-transaction' })
  onExpired(event: MentoringRequestEnded, manager: EntityManager) {
    return this.route(manager, 'mentoring.expired', [event.menteeId], event, {
      groupTitle: 'Mentoring',
      text: 'Your mentoring request expired',
      link: '/mentoring',
    });
  }

  // In the writer's transaction: a proposal and the other side's mail exist together.
  @OnDomainEvent('mentoring.meeting.proposed', { phase: 'in-transaction' })
  onMeetingProposed(event: MeetingProposed, manager: EntityManager) {
    return this.route(
      manager,
      'mentoring.meeting',
      [event.otherUserId],
      event,
      mentorshipEntry(event.mentorshipId, 'A session time to answer'),
    );
  }

  // In the writer's transaction: both sides get the invitation exactly when the meeting is booked.
  @OnDomainEvent('mentoring.meeting.scheduled', { phase: 'in-transaction' })
  onMeetingScheduled(event: MeetingScheduled, manager: EntityManager) {
    return this.route(
      manager,
      'mentoring.meeting',
      [event.mentorId, event.menteeId],
      event,
      mentorshipEntry(event.mentorshipId, 'A session is booked'),
    );
  }

  // In the writer's transaction: a booked meeting leaves both calendars together; a mere proposal only tells the other side.
  @OnDomainEvent('mentoring.meeting.cancelled', { phase: 'in-transaction' })
  onMeetingCancelled(event: MeetingCancelled, manager: EntityManager) {
    const other = event.cancelledBy === event.mentorId ? event.menteeId : event.mentorId;
    const recipients = event.calendar ? [event.mentorId, event.menteeId] : [other];
    return this.route(manager, 'mentoring.meeting', recipients, event, mentorshipEntry(event.mentorshipId, 'A session was cancelled'));
  }

  // In the sweep's transaction: the reminder is claimed and queued together, so it goes once.
  @OnDomainEvent('mentoring.meeting.reminder-due', { phase: 'in-transaction' })
  onMeetingReminder(event: MeetingReminderDue, manager: EntityManager) {
    const kind = event.when === 'day-before' ? 'mentoring.reminder-day' : 'mentoring.reminder-hour';
    return this.route(manager, kind, event.userIds, event, mentorshipEntry(event.mentorshipId, 'A session is coming up'));
  }

  // In the sweep's transaction, like the reminders.
  @OnDomainEvent('mentoring.meeting.log-requested', { phase: 'in-transaction' })
  onLogRequested(event: MeetingLogRequested, manager: EntityManager) {
    return this.route(manager, 'mentoring.log-request', event.userIds, event, mentorshipEntry(event.mentorshipId, 'A session to log'));
  }

  // In the writer's transaction: the agreement and the request to confirm it exist together.
  @OnDomainEvent('mentoring.agreement.updated', { phase: 'in-transaction' })
  onAgreementUpdated(event: AgreementUpdated, manager: EntityManager) {
    return this.route(
      manager,
      'mentoring.agreement',
      [event.otherUserId],
      event,
      mentorshipEntry(event.mentorshipId, 'Your agreement to confirm'),
    );
  }

  // In the sweep's transaction: the check-in and its invitation exist together.
  @OnDomainEvent('mentoring.check-in.due', { phase: 'in-transaction' })
  onCheckInDue(event: CheckInDue, manager: EntityManager) {
    return this.route(
      manager,
      'mentoring.check-in',
      [event.userId],
      event,
      mentorshipEntry(event.mentorshipId, 'A check-in on your mentoring'),
    );
  }

  // In the writer's transaction: each person mentioned, replied to, quoted or watching gets one mail, with the post.
  @OnDomainEvent('forum.post.created', { phase: 'in-transaction' })
  async onForumPost(event: ForumPostCreated, manager: EntityManager): Promise<void> {
    const payload: ForumMailPayload = {
      postId: event.postId,
      threadTitle: event.threadTitle,
      authorId: event.authorId,
      link: event.link,
      preview: event.preview,
    };
    const entry = { groupTitle: event.threadTitle, text: event.preview, link: event.link };
    const mentioned = event.mentionedUserIds;
    const answered = event.replyToAuthorId && !mentioned.includes(event.replyToAuthorId) ? [event.replyToAuthorId] : [];
    const watching = event.subscriberIds.filter((id) => !mentioned.includes(id) && !answered.includes(id));
    await this.routeAll(
      manager,
      [
        { kind: 'forum.mention', recipients: mentioned },
        { kind: event.quoted ? 'forum.quote' : 'forum.reply', recipients: answered },
        { kind: 'forum.watching', recipients: watching },
      ],
      payload,
      entry,
    );
  }

  // In the messages' transaction, with the read positions the events carry: the hottest write path
  // pays one statement for its mail (the preferences are read in it) however many messages it stores at once.
  @OnDomainEvents('chat.message.created', { phase: 'in-transaction' })
  async onChatMessages(events: ChatMessageCreated[], manager: EntityManager): Promise<void> {
    const notBefore = new Date(Date.now() + this.config.mail.chatDelaySeconds * 1000);
    const mails: NewOutboxMail[] = [];
    // Only a key's first row can be stored (ON CONFLICT DO NOTHING keeps the first), so a batch
    // with several messages in a conversation sends one row per recipient rather than one per message.
    const keys = new Set<string>();
    for (const event of events) {
      for (const { userId, lastReadSeq } of event.recipients) {
        // One mail per conversation until the member reads: every message while their read position stays put shares this key.
        const dedupeKey = `chat:${userId}:${event.conversationId}:${lastReadSeq}`;
        if (keys.has(dedupeKey)) continue;
        keys.add(dedupeKey);
        mails.push({
          kind: 'chat.unread',
          userId,
          payload: { conversationId: event.conversationId, senderId: event.senderId, seq: event.seq, preview: event.preview },
          dedupeKey,
          sendIf: { chatUnread: { conversationId: event.conversationId, seq: event.seq } },
          notBefore,
        });
      }
    }
    await this.mail.enqueue(manager, mails, 'chat.unread');
  }
}
