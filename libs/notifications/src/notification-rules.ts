import { OnDomainEvent } from '@mutuals/core';
import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { IdentityService, type UserChanged } from '@mutuals/identity';
import type { ForumPostCreated, ForumPostRemoved, ForumThreadHidden } from '@mutuals/forums';
import type {
  AgreementUpdated,
  CheckInDue,
  MeetingCancelled,
  MeetingLogRequested,
  MeetingProposed,
  MeetingReminderDue,
  MeetingScheduled,
  MentoringAccepted,
  MentoringClosed,
  MentoringDeclined,
  MentoringExpiring,
  MentoringRequestEnded,
  MentoringRequested,
  MentoringRoundApplied,
  MentoringSessionLogged,
} from '@mutuals/matching';
import type {
  PartnershipConversationOpened,
  PartnershipInterestReceived,
  PartnershipOutcome,
  PartnershipShortlisted,
} from '@mutuals/partnerships';
import { outcomeTitle } from './mail/templates';
import type { OrganisationJoinDecided, OrganisationJoinRequested } from '@mutuals/profiles';
import type {
  StoryChangesRequested,
  StoryConsentRequested,
  StoryConsentReset,
  StoryConsentWithdrawn,
  StoryPublished,
  StorySubmitted,
} from '@mutuals/stories';
import type { SupportApplicationMoved } from '@mutuals/support';
import { NewNotification, NotificationsService } from './notifications.service';
import type { NotificationRow } from './notifications.repository';
import { supportAudiences } from './support-audiences';

/** Which domain events reach whom, and in what words. */
@Injectable()
export class NotificationRules {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly identity: IdentityService,
  ) {}

  private async nameOf(userId: string): Promise<string> {
    return (await this.identity.getUserSummaries([userId])).get(userId)?.displayName ?? 'A member';
  }

  /** What each post's transaction stored in the feed, for its after-commit push (a rolled-back post's entry just goes). */
  private readonly storedForPosts = new WeakMap<ForumPostCreated, NotificationRow[]>();

  // In the post's transaction: the feed entries commit with the post (one commit a reply, and none
  // lost between two); members hear of them once it has committed (announceForumPost).
  @OnDomainEvent('forum.post.created', { phase: 'in-transaction' })
  async onForumPost(event: ForumPostCreated, manager: EntityManager): Promise<void> {
    // The forums read the author's name before the post was written; no second read here.
    const author = event.authorName;
    const mentioned = new Set(event.mentionedUserIds);
    const repliedTo = event.replyToAuthorId && !mentioned.has(event.replyToAuthorId) ? [event.replyToAuthorId] : [];
    const subscribers = event.subscriberIds.filter((id) => !mentioned.has(id) && !repliedTo.includes(id));
    const common = { link: event.link, sourceId: event.postId, actorId: event.authorId, body: event.preview };
    const rows = await this.notifications.store(
      [
        ...[...mentioned].map((userId) => ({
          ...common,
          userId,
          kind: 'forum.mention',
          title: `${author} mentioned you in “${event.threadTitle}”`,
        })),
        ...repliedTo.map((userId) => ({
          ...common,
          userId,
          kind: 'forum.reply',
          title: `${author} replied to your post in “${event.threadTitle}”`,
        })),
        ...subscribers.map((userId) => ({
          ...common,
          userId,
          kind: 'forum.reply',
          title: `New reply from ${author} in “${event.threadTitle}”`,
        })),
      ],
      manager,
    );
    if (rows.length > 0) this.storedForPosts.set(event, rows);
  }

  // after-commit: only the push to open sockets; what it pushes is stored already.
  @OnDomainEvent('forum.post.created', { phase: 'after-commit' })
  announceForumPost(event: ForumPostCreated): void {
    this.notifications.push(this.storedForPosts.get(event) ?? []);
    this.storedForPosts.delete(event);
  }

  // after-commit: withdrawing is idempotent, so a retry is harmless; the hide itself must not wait on the feed.
  @OnDomainEvent('forum.post.hidden', { phase: 'after-commit' })
  @OnDomainEvent('forum.post.deleted', { phase: 'after-commit' })
  async onForumPostRemoved(event: ForumPostRemoved): Promise<void> {
    await this.notifications.withdraw([event.postId]);
  }

  // after-commit: as above; every notification about any post of the thread goes with it.
  @OnDomainEvent('forum.thread.hidden', { phase: 'after-commit' })
  async onForumThreadHidden(event: ForumThreadHidden): Promise<void> {
    await this.notifications.withdraw(event.postIds);
  }

  // after-commit: the request stands on its own; the mentor's notice is retried if the feed is down.
  @OnDomainEvent('mentoring.requested', { phase: 'after-commit' })
  async onRequested(event: MentoringRequested): Promise<void> {
    await this.one(
      event.mentorId,
      'mentoring.requested',
      `${await this.nameOf(event.menteeId)} asked you to be their mentor`,
      '/mentoring?box=incoming',
      event.requestId,
      event.menteeId,
    );
  }

  // after-commit: the acceptance (a contended capacity check) must not wait on or fail for the feed.
  @OnDomainEvent('mentoring.accepted', { phase: 'after-commit' })
  async onAccepted(event: MentoringAccepted): Promise<void> {
    await this.one(
      event.menteeId,
      'mentoring.accepted',
      `${await this.nameOf(event.mentorId)} accepted your mentoring request`,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.requestId,
      event.mentorId,
    );
  }

  // after-commit: news of a committed decision; retried, never failing the mentor's answer.
  @OnDomainEvent('mentoring.declined', { phase: 'after-commit' })
  async onDeclined(event: MentoringDeclined): Promise<void> {
    const title = `${await this.nameOf(event.mentorId)} can’t mentor you right now`;
    await this.one(event.menteeId, 'mentoring.declined', title, '/mentoring?box=outgoing', event.requestId, event.mentorId, event.reason);
  }

  // after-commit: the sweep has recorded the reminder; the notice is retried on failure.
  @OnDomainEvent('mentoring.expiring', { phase: 'after-commit' })
  async onExpiring(event: MentoringExpiring): Promise<void> {
    const title = `Reminder: ${await this.nameOf(event.menteeId)} is waiting for your answer`;
    await this.one(
      event.mentorId,
      'mentoring.expiring',
      title,
      '/mentoring?box=incoming',
      event.requestId,
      event.menteeId,
      'The request expires in a few days.',
    );
  }

  // after-commit: the expiry is committed by the sweep; the notice is retried on failure.
  @OnDomainEvent('mentoring.expired', { phase: 'after-commit' })
  async onExpired(event: MentoringRequestEnded): Promise<void> {
    await this.one(
      event.menteeId,
      'mentoring.expired',
      'A mentoring request expired without an answer',
      '/mentoring',
      event.requestId,
      null,
      'You can ask another mentor from your suggestions.',
    );
  }

  // after-commit: the session log is stored; the other side's notice is retried on failure.
  @OnDomainEvent('mentoring.session.logged', { phase: 'after-commit' })
  async onSessionLogged(event: MentoringSessionLogged): Promise<void> {
    await this.one(
      event.otherUserId,
      'mentoring.session',
      `${await this.nameOf(event.loggedBy)} logged a mentoring session`,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.mentorshipId,
      event.loggedBy,
    );
  }

  // after-commit: the close is committed; the other side's notice is retried on failure.
  @OnDomainEvent('mentoring.closed', { phase: 'after-commit' })
  async onClosed(event: MentoringClosed): Promise<void> {
    const other = event.closedBy === event.mentorId ? event.menteeId : event.mentorId;
    await this.one(
      other,
      'mentoring.closed',
      `${await this.nameOf(event.closedBy)} closed your mentorship`,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.mentorshipId,
      event.closedBy,
    );
  }

  // after-commit: the round's requests exist; a notice per side is retried on failure.
  @OnDomainEvent('mentoring.round.applied', { phase: 'after-commit' })
  async onRoundApplied(event: MentoringRoundApplied): Promise<void> {
    const items: NewNotification[] = event.proposals.flatMap((p) => [
      {
        userId: p.mentorId,
        kind: 'mentoring.proposed',
        title: 'The programme proposed a mentee for you',
        link: '/mentoring?box=incoming',
        sourceId: p.requestId,
      },
      {
        userId: p.menteeId,
        kind: 'mentoring.proposed',
        title: 'The programme proposed a mentor for you',
        link: '/mentoring?box=outgoing',
        sourceId: p.requestId,
      },
    ]);
    await this.notifications.notify(items);
  }

  // after-commit: the approval is committed; the welcome notice is retried on failure.
  @OnDomainEvent('identity.user.changed', { phase: 'after-commit' })
  async onUserChanged(event: UserChanged): Promise<void> {
    if (event.reason !== 'approved') return;
    await this.one(
      event.user.id,
      'account.approved',
      'Your account has been approved: welcome to Mutuals Network',
      '/mentoring',
      null,
      null,
    );
  }

  // After commit: the request or answer stands whether or not anyone is told at once.
  @OnDomainEvent('profiles.organisation.join-requested', { phase: 'after-commit' })
  async onJoinRequested(event: OrganisationJoinRequested): Promise<void> {
    const who = await this.nameOf(event.userId);
    await this.notifications.notify(
      event.memberIds.map((userId) => ({
        userId,
        kind: 'organisation.join-requested',
        title: `${who} asked to join ${event.organisationName}`,
        link: '/profile#join-requests',
        sourceId: event.requestId,
        actorId: event.userId,
        body: null,
      })),
    );
  }

  // After commit, as above.
  @OnDomainEvent('profiles.organisation.join-decided', { phase: 'after-commit' })
  async onJoinDecided(event: OrganisationJoinDecided): Promise<void> {
    await this.one(
      event.userId,
      'organisation.join-decided',
      event.approved ? `You are now a member of ${event.organisationName}` : `Your request to join ${event.organisationName} was declined`,
      '/profile',
      event.requestId,
      event.decidedBy,
    );
  }

  // After commit, as every feed item: the feed is a convenience the mail and the page back up.
  @OnDomainEvent('mentoring.meeting.proposed', { phase: 'after-commit' })
  async onMeetingProposed(event: MeetingProposed): Promise<void> {
    const title = `${await this.nameOf(event.proposedBy)} ${event.rescheduled ? 'proposes a new time for your session' : 'proposes a mentoring session'}`;
    await this.one(
      event.otherUserId,
      'mentoring.meeting',
      title,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.meetingId,
      event.proposedBy,
    );
  }

  @OnDomainEvent('mentoring.meeting.scheduled', { phase: 'after-commit' })
  async onMeetingScheduled(event: MeetingScheduled): Promise<void> {
    const other = event.acceptedBy === event.mentorId ? event.menteeId : event.mentorId;
    const title = `${await this.nameOf(event.acceptedBy)} accepted the session time`;
    await this.one(other, 'mentoring.meeting', title, `/mentoring/mentorships/${event.mentorshipId}`, event.meetingId, event.acceptedBy);
  }

  @OnDomainEvent('mentoring.meeting.cancelled', { phase: 'after-commit' })
  async onMeetingCancelled(event: MeetingCancelled): Promise<void> {
    const other = event.cancelledBy === event.mentorId ? event.menteeId : event.mentorId;
    const title = `${await this.nameOf(event.cancelledBy)} cancelled a session`;
    await this.one(
      other,
      'mentoring.meeting',
      title,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.meetingId,
      event.cancelledBy,
      event.reason,
    );
  }

  @OnDomainEvent('mentoring.meeting.reminder-due', { phase: 'after-commit' })
  async onMeetingReminder(event: MeetingReminderDue): Promise<void> {
    const kind = event.when === 'day-before' ? 'mentoring.reminder-day' : 'mentoring.reminder-hour';
    const title = event.when === 'day-before' ? 'Your mentoring session is tomorrow' : 'Your mentoring session starts within the hour';
    await this.notifications.notify(
      event.userIds.map((userId) => ({
        userId,
        kind,
        title,
        link: `/mentoring/mentorships/${event.mentorshipId}`,
        sourceId: event.meetingId,
        actorId: null,
        body: null,
      })),
    );
  }

  @OnDomainEvent('mentoring.meeting.log-requested', { phase: 'after-commit' })
  async onLogRequested(event: MeetingLogRequested): Promise<void> {
    const link = `/mentoring/mentorships/${event.mentorshipId}`;
    await this.notifications.notify(
      event.userIds.map((userId) => ({
        userId,
        kind: 'mentoring.log-request',
        title: 'Log your session: how did it go?',
        link,
        sourceId: event.meetingId,
        actorId: null,
        body: null,
      })),
    );
  }

  @OnDomainEvent('mentoring.agreement.updated', { phase: 'after-commit' })
  async onAgreementUpdated(event: AgreementUpdated): Promise<void> {
    const title = `${await this.nameOf(event.updatedBy)} wrote down your mentoring agreement: read and confirm it`;
    await this.one(
      event.otherUserId,
      'mentoring.agreement',
      title,
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.mentorshipId,
      event.updatedBy,
    );
  }

  @OnDomainEvent('mentoring.check-in.due', { phase: 'after-commit' })
  async onCheckInDue(event: CheckInDue): Promise<void> {
    await this.one(
      event.userId,
      'mentoring.check-in',
      'How is your mentoring going? Three quick questions',
      `/mentoring/mentorships/${event.mentorshipId}`,
      event.checkInId,
      null,
    );
  }

  // after-commit: the submission is stored; each coordinator's notice is retried on failure.
  @OnDomainEvent('story.submitted', { phase: 'after-commit' })
  async onStorySubmitted(event: StorySubmitted): Promise<void> {
    const author = await this.nameOf(event.authorId);
    await this.notifications.notify(
      event.coordinatorIds.map((userId) => ({
        userId,
        kind: 'story.review',
        title: `${author} submitted the story “${event.title}” for review`,
        link: event.link,
        sourceId: event.storyId,
        actorId: event.authorId,
      })),
    );
  }

  // after-commit, as above: each credited member is asked once.
  @OnDomainEvent('story.consent-requested', { phase: 'after-commit' })
  async onStoryConsentRequested(event: StoryConsentRequested): Promise<void> {
    const author = await this.nameOf(event.authorId);
    await this.notifications.notify(
      event.userIds.map((userId) => ({
        userId,
        kind: 'story.consent',
        title: `${author} credits you in the story “${event.title}”: may it name you?`,
        link: event.link,
        sourceId: event.storyId,
        actorId: event.authorId,
      })),
    );
  }

  // after-commit, as above: each member whose answer was to an earlier version hears that it no longer counts.
  @OnDomainEvent('story.consent-reset', { phase: 'after-commit' })
  async onStoryConsentReset(event: StoryConsentReset): Promise<void> {
    const author = await this.nameOf(event.authorId);
    await this.notifications.notify(
      event.userIds.map((userId) => ({
        userId,
        kind: 'story.consent',
        title: `${author} changed the story “${event.title}” after you answered: you will be asked again before it is published`,
        link: event.link,
        sourceId: event.storyId,
        actorId: event.authorId,
      })),
    );
  }

  // after-commit, as above: the author and the coordinators hear that the story is off the public pages.
  @OnDomainEvent('story.consent-withdrawn', { phase: 'after-commit' })
  async onStoryConsentWithdrawn(event: StoryConsentWithdrawn): Promise<void> {
    const title = `A member credited in “${event.title}” withdrew their consent: it is off the public pages until they give it again`;
    await this.notifications.notify([
      { userId: event.authorId, kind: 'story.decision', title, link: event.link, sourceId: event.storyId },
      ...event.coordinatorIds.map((userId) => ({ userId, kind: 'story.review', title, link: '/admin/stories', sourceId: event.storyId })),
    ]);
  }

  // after-commit: the review is stored; the author's notice is retried on failure.
  @OnDomainEvent('story.changes-requested', { phase: 'after-commit' })
  async onStoryChangesRequested(event: StoryChangesRequested): Promise<void> {
    await this.one(
      event.authorId,
      'story.decision',
      `Changes asked to your story “${event.title}”`,
      event.link,
      event.storyId,
      null,
      event.reason,
    );
  }

  // after-commit, as above: the author and everyone credited hear.
  @OnDomainEvent('story.published', { phase: 'after-commit' })
  async onStoryPublished(event: StoryPublished): Promise<void> {
    await this.notifications.notify([
      {
        userId: event.authorId,
        kind: 'story.decision',
        title: `Your story “${event.title}” is published`,
        link: event.link,
        sourceId: event.storyId,
      },
      ...event.creditedUserIds.map((userId) => ({
        userId,
        kind: 'story.published',
        title: `“${event.title}”, which credits you, is published`,
        link: event.link,
        sourceId: event.storyId,
        actorId: event.authorId,
      })),
    ]);
  }

  // after-commit: the step is stored; each notice is retried on failure.
  @OnDomainEvent('support.application.moved', { phase: 'after-commit' })
  async onSupportMoved(event: SupportApplicationMoved): Promise<void> {
    await this.notifications.notify(
      supportAudiences(event).flatMap((notice) =>
        notice.userIds
          .filter((userId) => userId !== event.actorId)
          .map((userId) => ({
            userId,
            kind: notice.kind,
            title: notice.title,
            link: notice.link,
            sourceId: event.applicationId,
            actorId: event.actorId,
            body: notice.detail,
          })),
      ),
    );
  }

  // after-commit, like every partnership notice below: the pitch is stored whatever the feed does.
  @OnDomainEvent('partnerships.interest.received', { phase: 'after-commit' })
  async onPartnershipInterest(event: PartnershipInterestReceived): Promise<void> {
    const link = `/partnerships/opportunities/${event.opportunityId}/shortlist`;
    const title = `${event.organisationName} is interested in “${event.title}”`;
    await this.notifications.notify(
      event.recipientIds.map((userId) => ({
        userId,
        kind: 'partnerships.interest',
        title,
        link,
        sourceId: event.interestId,
        actorId: event.memberId,
        body: null,
      })),
    );
  }

  @OnDomainEvent('partnerships.shortlisted', { phase: 'after-commit' })
  async onPartnershipShortlisted(event: PartnershipShortlisted): Promise<void> {
    const title = `${event.organisationName} shortlisted you for “${event.title}”`;
    await this.one(
      event.memberId,
      'partnerships.shortlisted',
      title,
      `/partnerships/opportunities/${event.opportunityId}`,
      event.opportunityId,
      event.shortlistedBy,
    );
  }

  @OnDomainEvent('partnerships.conversation.opened', { phase: 'after-commit' })
  async onPartnershipConversation(event: PartnershipConversationOpened): Promise<void> {
    const title = `A conversation about “${event.title}” is open`;
    await this.notifications.notify(
      event.recipientIds.map((userId) => ({
        userId,
        kind: 'partnerships.conversation',
        title,
        link: `/chat/${event.conversationId}`,
        sourceId: event.conversationId,
        actorId: event.openedBy,
        body: null,
      })),
    );
  }

  @OnDomainEvent('partnerships.outcome', { phase: 'after-commit' })
  async onPartnershipOutcome(event: PartnershipOutcome): Promise<void> {
    const title = outcomeTitle(event);
    const link = `/partnerships/opportunities/${event.opportunityId}`;
    await this.notifications.notify(
      event.recipientIds.map((userId) => ({
        userId,
        kind: 'partnerships.outcome',
        title,
        link,
        sourceId: event.opportunityId,
        actorId: event.changedBy,
        body: null,
      })),
    );
  }

  private async one(
    userId: string,
    kind: string,
    title: string,
    link: string,
    sourceId: string | null,
    actorId: string | null,
    body: string | null = null,
  ): Promise<void> {
    await this.notifications.notify([{ userId, kind, title, link, sourceId, actorId, body }]);
  }
}
