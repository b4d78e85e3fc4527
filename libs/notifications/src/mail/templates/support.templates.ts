import type { SupportNotice } from '../../support-audiences';
import { template } from './mail-content';

/** Every step of a support application: the same words as the in-app notice, with the coordinator's or adviser's detail set apart. */
export const supportStep = template<SupportNotice>({
  people: () => [],
  build: (p, c) => ({
    subject: p.title,
    preview: p.body,
    greeting: `Hello ${c.recipientName},`,
    paragraphs: [p.body],
    ...(p.detail ? { quote: p.detail } : {}),
    action: { text: 'Open the application', url: c.url(p.link) },
    footer: [],
  }),
});
