import type { MentoringAccepted, MentoringDeclined, MentoringExpiring, MentoringRequestEnded, MentoringRequested } from '@mutuals/matching';
import { template } from './mail-content';

export const mentoringRequested = template<MentoringRequested>({
  people: (p) => [p.menteeId],
  build: (p, c) => ({
    subject: `${c.name(p.menteeId)} asked you to be their mentor`,
    preview: p.message.slice(0, 120),
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [`${c.name(p.menteeId)} would like you to mentor them. They wrote:`],
    quote: p.message,
    action: { text: 'Answer the request', url: c.url('/mentoring?box=incoming') },
    footer: [],
  }),
});

export const mentoringAccepted = template<MentoringAccepted>({
  people: (p) => [p.mentorId],
  build: (p, c) => ({
    subject: `${c.name(p.mentorId)} accepted your mentoring request`,
    preview: 'Your mentorship has started; say hello in its chat.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `Good news: ${c.name(p.mentorId)} will be your mentor. Your mentorship has its own page, with a chat, goals and session notes.`,
    ],
    action: { text: 'Open your mentorship', url: c.url(`/mentoring/mentorships/${p.mentorshipId}`) },
    footer: [],
  }),
});

export const mentoringDeclined = template<MentoringDeclined>({
  people: (p) => [p.mentorId],
  build: (p, c) => ({
    subject: `${c.name(p.mentorId)} can’t mentor you right now`,
    preview: 'You can ask another mentor from your suggestions.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.mentorId)} cannot take your request at the moment.`,
      ...(p.reason ? [`Their reason: ${p.reason}`] : []),
      'Your suggestions list other mentors who fit what you need.',
    ],
    action: { text: 'See your suggestions', url: c.url('/mentoring?box=outgoing') },
    footer: [],
  }),
});

export const mentoringExpiring = template<MentoringExpiring>({
  people: (p) => [p.menteeId],
  build: (p, c) => ({
    subject: `Reminder: ${c.name(p.menteeId)} is waiting for your answer`,
    preview: 'A mentoring request to you expires soon.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.menteeId)} asked you to be their mentor and is still waiting. The request expires on ${new Date(p.expiresAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}.`,
      'If you cannot take it, declining lets them ask someone else sooner.',
    ],
    action: { text: 'Answer the request', url: c.url('/mentoring?box=incoming') },
    footer: [],
  }),
});

export const mentoringExpired = template<MentoringRequestEnded>({
  people: (p) => [p.mentorId],
  build: (p, c) => ({
    subject: 'Your mentoring request expired',
    preview: 'You can ask another mentor from your suggestions.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `Your request to ${c.name(p.mentorId)} expired without an answer. Your suggestions list other mentors who fit what you need.`,
    ],
    action: { text: 'See your suggestions', url: c.url('/mentoring') },
    footer: [],
  }),
});
