import { Parser } from 'htmlparser2';
import { renderMarkdown } from './index';
import { renderParsed } from './render-markdown';
import { sanitizeRenderedHtml } from './sanitize';
import { XSS_VECTORS } from '../../../../test/support/xss-vectors';

const html = (source: string, mode: 'post' | 'chat' = 'post') => renderMarkdown(source, { mode }).html;

describe('renderMarkdown', () => {
  describe('formatting', () => {
    it('renders emphasis, strikethrough and paragraphs', () => {
      expect(html('**bold** _em_ ~~gone~~\n\nnext')).toBe('<p><strong>bold</strong> <em>em</em> <s>gone</s></p>\n<p>next</p>\n');
    });

    it('renders bullet and numbered lists, keeping the start number', () => {
      expect(html('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
      expect(html('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n');
    });

    it('renders code spans and blocks with their HTML escaped', () => {
      expect(html('`<b>x</b>`')).toBe('<p><code>&lt;b&gt;x&lt;/b&gt;</code></p>\n');
      expect(html('```ts\nconst a = "<i>";\n```')).toBe('<pre><code class="language-ts">const a = "&lt;i&gt;";\n</code></pre>\n');
    });

    it('drops a fence language that is not a plain word', () => {
      expect(html('```x"onclick=y\ncode\n```')).toBe('<pre><code>code\n</code></pre>\n');
    });

    it('demotes headings so user content never outranks the page', () => {
      expect(html('# one\n## two\n### three\n#### four\n##### five\n###### six\nsetext\n===')).toBe(
        '<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h6>four</h6>\n<h6>five</h6>\n<h6>six</h6>\n' + '<h3>setext</h3>\n',
      );
    });

    it('renders a forum quote as a blockquote with its attribution', () => {
      expect(html('> **@alice** wrote:\n>\n> the original\n\nmy reply')).toBe(
        '<blockquote>\n<p><strong><a href="/members/@alice" rel="nofollow ugc noopener" class="mention">' +
          '@alice</a></strong> wrote:</p>\n<p>the original</p>\n</blockquote>\n<p>my reply</p>\n',
      );
    });

    it('renders tables with alignment as classes, never inline style', () => {
      expect(html('| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |')).toContain(
        '<tr>\n<td class="align-left">1</td>\n<td class="align-center">2</td>\n' + '<td class="align-right">3</td>\n</tr>',
      );
    });

    it('shows raw HTML as text', () => {
      expect(html('<b onclick="x()">hi</b>')).toBe('<p>&lt;b onclick="x()"&gt;hi&lt;/b&gt;</p>\n');
    });

    it('renders empty input as nothing', () => {
      expect(renderMarkdown('')).toEqual({ html: '', mentions: [], text: '' });
    });
  });

  describe('line breaks', () => {
    it('joins single newlines in posts', () => {
      expect(html('one\ntwo', 'post')).toBe('<p>one\ntwo</p>\n');
    });

    it('keeps single newlines as line breaks in chat', () => {
      expect(html('one\ntwo', 'chat')).toBe('<p>one<br />\ntwo</p>\n');
    });
  });

  describe('links', () => {
    const rel = 'rel="nofollow ugc noopener"';

    it('opens external links in a new tab, not endorsed', () => {
      expect(html('[site](https://example.com/a?b=1)')).toBe(
        `<p><a href="https://example.com/a?b=1" ${rel} target="_blank">site</a></p>\n`,
      );
    });

    it('keeps site paths and mailto in the same tab', () => {
      expect(html('[forum](/forums/general) [mail](mailto:help@example.com)')).toBe(
        `<p><a href="/forums/general" ${rel}>forum</a> ` + `<a href="mailto:help@example.com" ${rel}>mail</a></p>\n`,
      );
    });

    it('linkifies bare URLs and e-mail addresses', () => {
      expect(html('see https://example.com or write to help@example.com')).toBe(
        `<p>see <a href="https://example.com" ${rel} target="_blank">https://example.com</a> or write to ` +
          `<a href="mailto:help@example.com" ${rel}>help@example.com</a></p>\n`,
      );
    });

    it('leaves links to other schemes, other hosts via // and page-relative paths as text', () => {
      for (const target of ['ftp://example.com', '//evil.example', '/\t/evil.example', 'page', '#top']) {
        expect(html(`[x](${target})`)).not.toContain('<a');
      }
    });

    it('keeps a backslash in a path encoded, where browsers cannot read it as a slash', () => {
      expect(html('[x](/\\evil.example)')).toContain('href="/%5Cevil.example"');
    });

    it('strips hrefs the sanitiser would see resolve to another host or scheme', () => {
      const hrefs = ['/\\evil.example', '/\t/evil.example', '&#x20;//evil.example', 'jav&#x09;ascript:x'];
      for (const href of hrefs) {
        expect(sanitizeRenderedHtml(`<a href="${href}">x</a>`)).toBe('<a rel="nofollow ugc noopener">x</a>');
      }
    });

    it('drops link titles', () => {
      expect(html('[x](https://example.com "hello")')).toBe(`<p><a href="https://example.com" ${rel} target="_blank">x</a></p>\n`);
    });

    it('renders images as labelled links, never loading them', () => {
      expect(html('![a chart](https://example.com/chart.png)')).toBe(
        `<p><a href="https://example.com/chart.png" ${rel} target="_blank" class="image-link">` + 'a chart</a></p>\n',
      );
      expect(html('![](https://example.com/chart.png)')).toContain('>https://example.com/chart.png</a>');
    });

    it('renders an image inside a link as its alt text', () => {
      expect(html('[![logo](https://example.com/logo.png)](https://example.com)')).toBe(
        `<p><a href="https://example.com" ${rel} target="_blank">logo</a></p>\n`,
      );
    });
  });

  describe('mentions', () => {
    const mentions = (source: string) => renderMarkdown(source).mentions;

    it('links a mention to the member page', () => {
      expect(html('hi @alice!')).toBe('<p>hi <a href="/members/@alice" rel="nofollow ugc noopener" class="mention">@alice</a>!</p>\n');
    });

    it('lists unique handles, lowercased, in order of first appearance', () => {
      expect(mentions('@Carol, @bob_1 and @carol; also @Dee-Dee (@BOB_1)')).toEqual(['carol', 'bob_1', 'dee-dee']);
      expect(html('@Carol')).toContain('href="/members/@carol"');
    });

    it('finds mentions in headings, lists, quotes and tables', () => {
      expect(mentions('# @anna\n\n- @bert\n\n> @cleo\n\n| h |\n|---|\n| @dora |')).toEqual(['anna', 'bert', 'cleo', 'dora']);
    });

    it('ignores mentions in code spans and code blocks', () => {
      const source = '`@alice` and\n\n```\n@bob\n```\n\n    @carol';
      expect(mentions(source)).toEqual([]);
      expect(html(source)).not.toContain('class="mention"');
    });

    it('ignores mentions inside links, URLs and e-mail addresses', () => {
      expect(mentions('[@alice](/x) https://example.com/@bob dave@example.com erin@localhost ![@fred](/f.png)')).toEqual([]);
    });

    it('requires 3 to 30 characters starting with a letter', () => {
      expect(mentions('@ab @1abc @_abc @abc')).toEqual(['abc']);
      expect(mentions(`@a${'b'.repeat(29)} @a${'b'.repeat(30)}`)).toEqual([`a${'b'.repeat(29)}`]);
    });

    it('does not treat look-alike Unicode letters as handle characters', () => {
      expect(mentions('@ſam @\u212Aelvin')).toEqual([]);
    });
  });

  describe('plain text', () => {
    const text = (source: string) => renderMarkdown(source).text;

    it('strips markup and collapses whitespace', () => {
      const source = '# Title\n\n**bold**   and _em_\n\n- one\n- two\n\n> quoted\n\n```\nsome   code\n```';
      expect(text(source)).toBe('Title bold and em one two quoted some code');
    });

    it('keeps link labels, mentions and image alt text, not addresses', () => {
      expect(text('[the guide](https://example.com/guide) by @Alice ![diagram](/d.png)')).toBe('the guide by @alice diagram');
    });

    it('is raw text, with entities decoded, for the caller to escape', () => {
      expect(text('a &amp; b <i>c</i>')).toBe('a & b <i>c</i>');
    });
  });
});

describe('plain lines rendered without the parser', () => {
  const plain = ['12345', 'Hi, how are you?', "I'm fine! Thanks.", 'See you at 5. Bye', 'a ; b', 'x!y', "it's 'quoted'"];
  const lookalikes = ['1. item', '1.', '10.5', 'see example.com', 'www. x', 'a.b', 'two  spaces', ' lead', 'trail ', 'a..', 'a\nb'];
  // Strings drawn from a fixed seed: of the shortcut's own characters (most take it), and of those
  // with Markdown's and HTML's (few do).
  let seed = 17;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const draw = (alphabet: string) =>
    Array.from({ length: 3000 }, () => Array.from({ length: 1 + (next() % 14) }, () => alphabet[next() % alphabet.length]).join(''));
  const drawn = [...draw("aZ09 ,;?!'."), ...draw('aZ09 ,;?!\'.\n@#*_-[]()<>&":/`~|=+')];

  it.each(['post', 'chat'] as const)('gives exactly what the parser gives (%s)', (mode) => {
    for (const source of [...plain, ...lookalikes, ...drawn]) {
      expect({ source, ...renderMarkdown(source, { mode }) }).toEqual({ source, ...renderParsed(source, mode) });
    }
  });
});

describe('XSS vectors', () => {
  it('has a corpus of at least 100 vectors', () => {
    expect(new Set(XSS_VECTORS).size).toBeGreaterThanOrEqual(100);
  });

  // The check must itself catch what it is looking for, or every vector would pass vacuously.
  it.each([
    '<script>x</script>',
    '<p onclick="x">a</p>',
    '<p style="color:red">a</p>',
    '<img src="https://example.com/a.png">',
    '<a href="jav&#x09;ascript:x" rel="nofollow ugc noopener">a</a>',
    '<a href="&#x20;data:text/html,x" rel="nofollow ugc noopener">a</a>',
    '<a href="https://example.com">no rel</a>',
    '<svg></svg>',
  ])('the safety check flags %s', (unsafe) => {
    expect(unsafeParts(unsafe)).not.toEqual([]);
  });

  describe.each(['post', 'chat'] as const)('rendered in %s mode', (mode) => {
    it.each(XSS_VECTORS.map((vector) => [JSON.stringify(vector), vector]))('neutralises %s', (_, vector) => {
      expect(unsafeParts(renderMarkdown(vector, { mode }).html)).toEqual([]);
    });
  });

  // markdown-it escapes all of these, so check that the sanitiser would stop them on its own too.
  describe('passed straight to the sanitiser', () => {
    it.each(XSS_VECTORS.map((vector) => [JSON.stringify(vector), vector]))('neutralises %s', (_, vector) => {
      expect(unsafeParts(sanitizeRenderedHtml(vector))).toEqual([]);
    });
  });
});

// What the renderer may emit; anything else is reported, whatever it is.
const ALLOWED_OUTPUT = new Map<string, readonly string[]>([
  ...['p', 'br', 'hr', 'strong', 'em', 's', 'pre', 'blockquote', 'ul', 'li', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, []] as const),
  ...['table', 'thead', 'tbody', 'tr'].map((tag) => [tag, []] as const),
  ['a', ['href', 'rel', 'target', 'class']],
  ['ol', ['start']],
  ['code', ['class']],
  ['th', ['class']],
  ['td', ['class']],
]);
const DANGEROUS_TAG = /<\s*\/?\s*(script|iframe|object|embed|svg|math|style|form|base|meta|link|img)\b/i;
// Sanitised output escapes < and > in text and attribute values, so `<...>` spans one whole tag.
const HANDLER_OR_STYLE_IN_TAG = /<[^>]*\s(on\w+|style)\s*=/i;
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** Everything unsafe in rendered HTML, found by a real HTML parser as well as on the raw string. */
function unsafeParts(output: string): string[] {
  const problems: string[] = [];
  if (DANGEROUS_TAG.test(output)) problems.push(`dangerous tag in ${output}`);
  if (HANDLER_OR_STYLE_IN_TAG.test(output)) problems.push(`handler or style attribute in ${output}`);

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const allowedAttributes = ALLOWED_OUTPUT.get(tag);
        if (!allowedAttributes) problems.push(`<${tag}>`);
        for (const [name, value] of Object.entries(attributes)) {
          if (!allowedAttributes?.includes(name)) problems.push(`<${tag} ${name}>`);
          if (name === 'href' && !isSafeHref(value)) problems.push(`href="${value}"`);
        }
        if (tag === 'a' && attributes.rel !== 'nofollow ugc noopener') {
          problems.push(`rel="${attributes.rel}"`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(output);
  return problems;
}

// Resolved the way a browser resolves it: after entity decoding (done by the parser) and WHATWG
// URL parsing, which strips the whitespace and control characters used to split schemes.
function isSafeHref(href: string): boolean {
  try {
    return SAFE_PROTOCOLS.includes(new URL(href, 'https://mutuals.test/thread/1').protocol);
  } catch {
    return false;
  }
}
