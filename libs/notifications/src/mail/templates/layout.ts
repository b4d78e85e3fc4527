import { COMPILED_MAIL_LAYOUT } from './layout.compiled';
import type { MailContent } from './mail-content';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Footer lines may carry links as [text](url); nothing else is markup. */
const withLinks = (line: string) =>
  line
    .split(/(\[[^\]]+\]\([^)\s]+\))/)
    .map((part) => {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      return link ? `<a href="${escape(link[2]!)}">${escape(link[1]!)}</a>` : escape(part);
    })
    .join('');

export class MailLayout {
  constructor(private readonly compiled: string) {}

  html(content: MailContent): string {
    const body = [
      `<p>${escape(content.greeting)}</p>`,
      ...content.paragraphs.map((p) => `<p>${escape(p)}</p>`),
      content.quote ? `<blockquote>${escape(content.quote)}</blockquote>` : '',
    ].join('');
    const sections = (content.sections ?? [])
      .map(
        (s) =>
          `<h2>${escape(s.title)}</h2><ul>${s.items.map((i) => `<li><a href="${escape(i.url)}">${escape(i.text)}</a></li>`).join('')}</ul>`,
      )
      .join('');
    const slots: Record<string, string> = {
      SUBJECT: escape(content.subject),
      PREVIEW: escape(content.preview),
      BODY: body,
      ACTION_URL: escape(content.action.url),
      ACTION_TEXT: escape(content.action.text),
      SECTIONS: sections,
      FOOTER: content.footer.map((line) => `<p>${withLinks(line)}</p>`).join(''),
    };
    return this.compiled.replace(/%%([A-Z_]+)%%/g, (_, slot: string) => slots[slot] ?? '');
  }

  text(content: MailContent): string {
    const lines = [content.greeting, '', ...content.paragraphs.flatMap((p) => [p, ''])];
    if (content.quote) lines.push(...content.quote.split('\n').map((l) => `> ${l}`), '');
    lines.push(`${content.action.text}: ${content.action.url}`, '');
    for (const section of content.sections ?? []) {
      lines.push(section.title, '-'.repeat(section.title.length), ...section.items.map((i) => `* ${i.text}\n  ${i.url}`), '');
    }
    lines.push('-- ', ...content.footer.map((line) => line.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')));
    return `${lines.join('\n')}\n`;
  }
}

/** The layout every mail is sent in. */
export const mailLayout = new MailLayout(COMPILED_MAIL_LAYOUT);
