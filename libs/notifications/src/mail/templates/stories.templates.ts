import type { StoryChangesRequested, StoryConsentRequested, StoryPublished, StorySubmitted } from '@mutuals/stories';
import { template } from './mail-content';

export const storyReview = template<StorySubmitted>({
  people: (p) => [p.authorId],
  build: (p, c) => ({
    subject: `A story to review: “${p.title}”`,
    preview: `${c.name(p.authorId)} submitted a success story.`,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.authorId)} submitted “${p.title}” for publication.`,
      'Publish it once everyone it credits has consented, or send it back with what to change.',
    ],
    action: { text: 'Open the review queue', url: c.url(p.link) },
    footer: [],
  }),
});

export const storyConsent = template<StoryConsentRequested>({
  people: (p) => [p.authorId],
  build: (p, c) => ({
    subject: `${c.name(p.authorId)} would like to name you in a story`,
    preview: 'Read it and say whether you agree to be named.',
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [
      `${c.name(p.authorId)} wrote the success story “${p.title}” and credits you in it.`,
      'Nobody is named in a published story without their consent: read it and give or decline yours. The story cannot be published until you answer.',
    ],
    action: { text: 'Read it and answer', url: c.url(p.link) },
    footer: [],
  }),
});

/** The author hears both outcomes of review: sent back with a reason, or published. */
export const storyDecision = template<StoryChangesRequested | StoryPublished>({
  people: () => [],
  build: (p, c) =>
    'reason' in p
      ? {
          subject: `Changes asked to your story “${p.title}”`,
          preview: p.reason.slice(0, 120),
          greeting: `Hello ${c.recipientName},`,
          paragraphs: ['A coordinator read your story and asks for some changes before it is published:'],
          quote: p.reason,
          action: { text: 'Edit your story', url: c.url(p.link) },
          footer: [],
        }
      : {
          subject: `Your story “${p.title}” is published`,
          preview: 'Anyone can read it now, and members can celebrate it in the forums.',
          greeting: `Hello ${c.recipientName},`,
          paragraphs: ['Your story is published: anyone can read and share it, and members can congratulate you in the forums.'],
          action: { text: 'Read your story', url: c.url(p.link) },
          footer: [],
        },
});

export const storyPublished = template<StoryPublished>({
  people: (p) => [p.authorId],
  build: (p, c) => ({
    subject: `“${p.title}” is published`,
    preview: `The story by ${c.name(p.authorId)} that credits you is public now.`,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [`The success story “${p.title}” by ${c.name(p.authorId)}, which credits you with your consent, is published.`],
    action: { text: 'Read the story', url: c.url(p.link) },
    footer: [],
  }),
});
