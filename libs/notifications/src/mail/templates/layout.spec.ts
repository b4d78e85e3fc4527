import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledLayoutModule } from '../../../../../scripts/mail-layout';
import { mailLayout as layout } from './layout';
import type { MailContent } from './mail-content';

const content = (overrides: Partial<MailContent> = {}): MailContent => ({
  subject: 'Reply from <script>alert(1)</script>',
  preview: 'A "preview"',
  greeting: 'Hello Ann & Bob,',
  paragraphs: ['Plain <b>text</b> only.'],
  quote: 'line one\nline two',
  action: { text: 'Read the post', url: 'https://mutuals.test/forums/threads/1?post=2&x="y"' },
  footer: ['[Unsubscribe](https://mutuals.test/unsubscribe?token=a.b) or <i>not</i>'],
  ...overrides,
});

describe('mail layout', () => {
  it('is what its MJML source compiles to (else run npm run mail:layout)', async () => {
    expect(readFileSync(join(__dirname, 'layout.compiled.ts'), 'utf8')).toBe(await compiledLayoutModule());
  });

  it('escapes every piece of text in the HTML and keeps only the footer’s own links', () => {
    const html = layout.html(content());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>text</b>');
    expect(html).not.toContain('<i>not</i>');
    expect(html).toContain('Hello Ann &amp; Bob,');
    expect(html).toContain('href="https://mutuals.test/forums/threads/1?post=2&amp;x=&quot;y&quot;"');
    expect(html).toContain('<a href="https://mutuals.test/unsubscribe?token=a.b">Unsubscribe</a>');
    expect(html).toContain('lang="en-GB"');
    expect(html).not.toMatch(/%%[A-Z_]+%%/);
  });

  it('says the same in plain text, with every link written out', () => {
    const text = layout.text(
      content({ sections: [{ title: 'Pensions', items: [{ text: 'A new post', url: 'https://mutuals.test/p' }] }] }),
    );
    expect(text).toContain('Hello Ann & Bob,');
    expect(text).toContain('> line one\n> line two');
    expect(text).toContain('Read the post: https://mutuals.test/forums/threads/1?post=2&x="y"');
    expect(text).toContain('Pensions\n--------\n* A new post\n  https://mutuals.test/p');
    expect(text).toContain('Unsubscribe (https://mutuals.test/unsubscribe?token=a.b)');
  });
});
