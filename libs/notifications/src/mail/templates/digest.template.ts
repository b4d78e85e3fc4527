import { template } from './mail-content';

export interface DigestLink {
  text: string;
  /** A path on the web client. */
  link: string;
}

/** A published success story; the stories lib does not exist yet, so the digest leaves this empty until it does. */
export interface DigestStory {
  title: string;
  summary: string;
  link: string;
}

export interface DigestPayload {
  frequency: 'daily' | 'weekly';
  since: string;
  until: string;
  /** Activity the member chose to read in the digest, grouped (a thread, "Mentoring"). */
  groups: { title: string; items: DigestLink[] }[];
  /** Mentors with places who fit the member's needs, each shown in one digest only. */
  newMentors: DigestLink[];
  newStories: DigestStory[];
}

export const digest = template<DigestPayload>({
  people: () => [],
  build: (p, c) => {
    const period = p.frequency === 'daily' ? 'today' : 'this week';
    const count = p.groups.reduce((n, g) => n + g.items.length, 0);
    const sections = [
      ...p.groups.map((g) => ({ title: g.title, items: g.items.map((i) => ({ text: i.text, url: c.url(i.link) })) })),
      ...(p.newMentors.length
        ? [{ title: 'New mentors who fit what you need', items: p.newMentors.map((m) => ({ text: m.text, url: c.url(m.link) })) }]
        : []),
      ...(p.newStories.length
        ? [{ title: 'New success stories', items: p.newStories.map((s) => ({ text: `${s.title}: ${s.summary}`, url: c.url(s.link) })) }]
        : []),
    ];
    return {
      subject:
        count > 0
          ? `Your Mutuals Network ${p.frequency} digest: ${count} new ${count === 1 ? 'post' : 'posts'} ${period}`
          : `Your Mutuals Network ${p.frequency} digest: mentors who fit what you need`,
      preview: sections
        .map((s) => s.title)
        .join(', ')
        .slice(0, 140),
      greeting: `Hello ${c.recipientName},`,
      paragraphs: [
        count > 0
          ? `Here is what happened ${period} in the threads you watch and around your mentoring.`
          : 'Some mentors with places fit what your organisation needs.',
      ],
      action: { text: 'Open the forums', url: c.url('/forums') },
      sections,
      footer: [],
    };
  },
});
