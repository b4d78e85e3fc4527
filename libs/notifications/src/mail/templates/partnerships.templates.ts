import type {
  PartnershipConversationOpened,
  PartnershipInterestReceived,
  PartnershipOutcome,
  PartnershipShortlisted,
} from '@mutuals/partnerships';
import { template } from './mail-content';

const opportunityLink = (opportunityId: string) => `/partnerships/opportunities/${opportunityId}`;

export const partnershipInterest = template<PartnershipInterestReceived>({
  people: (p) => [p.memberId],
  build: (p, c) => ({
    subject: `${p.organisationName} is interested in “${p.title}”`,
    preview: `${c.name(p.memberId)} sent a pitch to partner with you.`,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.memberId)} of ${p.organisationName} would like to partner with your organisation on “${p.title}”.`,
      'Read their pitch and their fit, and shortlist the partners you want to talk to.',
    ],
    action: { text: 'Read the pitches', url: c.url(`${opportunityLink(p.opportunityId)}/shortlist`) },
    footer: [],
  }),
});

export const partnershipShortlisted = template<PartnershipShortlisted>({
  people: (p) => [p.shortlistedBy],
  build: (p, c) => ({
    subject: `You are shortlisted for “${p.title}”`,
    preview: `${p.organisationName} would like to talk about bidding together.`,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${p.organisationName} has shortlisted your organisation as a partner for “${p.title}”. They will open a conversation with the shortlisted partners.`,
    ],
    action: { text: 'See the opportunity', url: c.url(opportunityLink(p.opportunityId)) },
    footer: [],
  }),
});

export const partnershipConversation = template<PartnershipConversationOpened>({
  people: (p) => [p.openedBy],
  build: (p, c) => ({
    subject: `A conversation about “${p.title}” is open`,
    preview: 'The poster and the shortlisted partners can talk there.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [`${c.name(p.openedBy)} opened a conversation about “${p.title}” with the shortlisted partners.`],
    action: { text: 'Join the conversation', url: c.url(`/chat/${p.conversationId}`) },
    footer: [],
  }),
});

/** The words of each outcome, for mail and the in-app feed alike. */
export function outcomeTitle(p: Pick<PartnershipOutcome, 'status' | 'title' | 'valueWon'>): string {
  switch (p.status) {
    case 'partnered':
      return `“${p.title}” has its partners`;
    case 'won':
      return `“${p.title}” was won${p.valueWon ? `: £${p.valueWon.toLocaleString('en-GB')}` : ''}`;
    case 'lost':
      return `“${p.title}” was not won`;
    case 'withdrawn':
      return `“${p.title}” was withdrawn`;
  }
}

export const partnershipOutcome = template<PartnershipOutcome>({
  people: (p) => [p.changedBy],
  build: (p, c) => ({
    subject: outcomeTitle(p),
    preview: `${c.name(p.changedBy)} recorded the outcome.`,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [`${c.name(p.changedBy)} marked the partnership opportunity “${p.title}” as ${p.status}.`],
    action: { text: 'See the opportunity', url: c.url(opportunityLink(p.opportunityId)) },
    footer: [],
  }),
});
