// The registry of events a webhook can carry. Each entry names the webhook event, says in words
// what it means, and turns one domain event (libs/core's DomainEvents) into the event's minimal
// payload: ids, titles and links, never an email address or anything else personal the receiver
// does not need. To add an event: append an entry here and add the emitting lib to webhooks'
// arrows in eslint/lib-boundaries.js.
import type { DomainEventMap, DomainEventName } from '@mutuals/core';
import type { UserChanged } from '@mutuals/identity';
import type { MentoringAccepted, MentoringClosed } from '@mutuals/matching';
import type { PartnershipOutcome } from '@mutuals/partnerships';
import type { StoryPublished } from '@mutuals/stories';
import type { SupportApplicationMoved } from '@mutuals/support';

/** What an event's `data` may hold: plain JSON. */
export type WebhookData = { [key: string]: string | number | boolean | null | WebhookData | string[] };

export interface WebhookEventDefinition<N extends DomainEventName = DomainEventName> {
  /** The name receivers see, `<thing>.<what happened>`. */
  name: string;
  description: string;
  /** The domain event it comes from. */
  domainEvent: N;
  /** The payload's `data`; null when this occurrence of the domain event is not this webhook event. */
  data(payload: DomainEventMap[N], link: (path: string) => string): WebhookData | null;
}

const define = <N extends DomainEventName>(definition: WebhookEventDefinition<N>) => definition as unknown as WebhookEventDefinition;

export const WEBHOOK_EVENTS: readonly WebhookEventDefinition[] = [
  define({
    name: 'member.approved',
    description: 'A coordinator approved a new member: their id, display name, handle and profile link.',
    domainEvent: 'identity.user.changed',
    data: ({ user, reason }: UserChanged, link) =>
      reason === 'approved'
        ? { member: { id: user.id, displayName: user.displayName, handle: user.handle }, link: link(`/members/${user.id}`) }
        : null,
  }),
  define({
    name: 'mentorship.started',
    description: 'A mentor accepted a request and a mentorship began: the mentorship, mentor and mentee ids and its link.',
    domainEvent: 'mentoring.accepted',
    data: (event: MentoringAccepted, link) => ({
      mentorship: { id: event.mentorshipId, mentorId: event.mentorId, menteeId: event.menteeId },
      link: link(`/mentoring/mentorships/${event.mentorshipId}`),
    }),
  }),
  define({
    name: 'mentorship.closed',
    description: 'A mentorship was closed: the mentorship, mentor and mentee ids, who closed it, and its link.',
    domainEvent: 'mentoring.closed',
    data: (event: MentoringClosed, link) => ({
      mentorship: { id: event.mentorshipId, mentorId: event.mentorId, menteeId: event.menteeId, closedBy: event.closedBy },
      link: link(`/mentoring/mentorships/${event.mentorshipId}`),
    }),
  }),
  define({
    name: 'story.published',
    description: 'A success story was published: its id, title, slug and public link.',
    domainEvent: 'story.published',
    data: (event: StoryPublished, link) => ({
      story: { id: event.storyId, title: event.title, slug: event.slug },
      link: link(`/stories/${event.slug}`),
    }),
  }),
  define({
    name: 'application.approved',
    description: 'A coordinator approved an application for funded professional advice: its id, reference, organisation and link.',
    domainEvent: 'support.application.moved',
    data: (event: SupportApplicationMoved, link) =>
      event.step === 'approve'
        ? {
            application: { id: event.applicationId, reference: event.reference, organisationName: event.organisationName },
            link: link(`/admin/support/applications/${event.applicationId}`),
          }
        : null,
  }),
  define({
    name: 'partnership.won',
    description: 'A partnership opportunity was marked won: its id, title, the value won in pounds (or null) and its link.',
    domainEvent: 'partnerships.outcome',
    data: (event: PartnershipOutcome, link) =>
      event.status === 'won'
        ? {
            opportunity: { id: event.opportunityId, title: event.title, valueWon: event.valueWon },
            link: link(`/partnerships/opportunities/${event.opportunityId}`),
          }
        : null,
  }),
];

export const webhookEventNames = (): string[] => WEBHOOK_EVENTS.map((event) => event.name);
