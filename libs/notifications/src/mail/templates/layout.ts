import mjml2html from 'mjml';
import type { MailContent } from './mail-content';

// The MJML layout is compiled once; each mail only fills its slots with escaped text, so a mail
// costs microseconds rather than an MJML run (milliseconds), which matters for digests by the thousand.
const LAYOUT = `<mjml lang="en-GB">
  <mj-head>
    <mj-title>%%SUBJECT%%</mj-title>
    <mj-preview>%%PREVIEW%%</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2933" />
    </mj-attributes>
    <mj-style>
      blockquote { margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #9aa5b1; color: #323f4b; }
      h2 { font-size: 18px; margin: 24px 0 8px; }
      a { color: #1d4ed8; }
    </mj-style>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section padding="16px 0 0">
      <mj-column><mj-text font-size="14px" font-weight="bold" color="#323f4b">Mutuals Network</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 8px">
      <mj-column>
        <mj-text>%%BODY%%</mj-text>
        <mj-button href="%%ACTION_URL%%" background-color="#1d4ed8" color="#ffffff" font-size="16px" align="left">%%ACTION_TEXT%%</mj-button>
        <mj-text>%%SECTIONS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column><mj-text font-size="13px" color="#3e4c59">%%FOOTER%%</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

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
  private constructor(private readonly compiled: string) {}

  static async compile(): Promise<MailLayout> {
    const result = await mjml2html(LAYOUT, { validationLevel: 'strict', minify: false });
    return new MailLayout(result.html);
  }

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
