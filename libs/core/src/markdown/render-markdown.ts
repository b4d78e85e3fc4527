import MarkdownIt, { type MarkdownIt as MarkdownParser } from 'markdown-it';
import { headingDemotion } from './heading-demotion';
import { imagesAsLinks } from './images-as-links';
import { mentionedHandles, mentionLinks } from './mentions';
import { plainText } from './plain-text';
import { classifyLink } from './safe-links';
import { sanitizeRenderedHtml } from './sanitize';
import { tableAlignmentClasses } from './table-alignment';

/** `post` for forum posts and stories; `chat` turns single newlines into line breaks. */
export type MarkdownMode = 'post' | 'chat';

export interface RenderMarkdownOptions {
  mode?: MarkdownMode;
}

export interface RenderedMarkdown {
  /** Sanitised HTML, safe to store and to insert as is. */
  html: string;
  /** Mentioned handles, lowercased, unique, in order of first appearance. */
  mentions: string[];
  /** Plain text with whitespace collapsed, for search and previews; NOT escaped HTML. */
  text: string;
}

function createParser(mode: MarkdownMode): MarkdownParser {
  const md = new MarkdownIt('default', {
    html: false,
    linkify: true,
    typographer: false,
    breaks: mode === 'chat',
  });
  // Links, autolinks, linkified text and images all pass through this allow-list.
  md.validateLink = (url) => classifyLink(url) !== null;
  // Order matters: images become links before mentions skip everything inside links.
  return md.use(headingDemotion).use(tableAlignmentClasses).use(imagesAsLinks).use(mentionLinks);
}

const parsers: Record<MarkdownMode, MarkdownParser> = {
  post: createParser('post'),
  chat: createParser('chat'),
};

/**
 * Text no rule can touch: ASCII letters and digits, single spaces between words, and punctuation
 * that is neither Markdown, an HTML escape nor part of a link; a full stop only before a space or
 * at the end (so no bare domain to linkify), and no list number to open with. It renders as one
 * paragraph of itself, so most chat lines skip the parser and the sanitiser (markdown.spec checks
 * that the two agree).
 */
const INERT = /^(?!\d+\.)[A-Za-z0-9,;?!'](?:[A-Za-z0-9,;?!']| (?=[^ ])|\.(?= |$))*$/;

export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const mode = options.mode ?? 'post';
  return INERT.test(source) ? { html: `<p>${source}</p>\n`, mentions: [], text: source } : renderParsed(source, mode);
}

/** Through markdown-it and the sanitiser; exported for the spec that holds the shortcut to it. */
export function renderParsed(source: string, mode: MarkdownMode): RenderedMarkdown {
  const md = parsers[mode];
  const env = {};
  const tokens = md.parse(source, env);
  return {
    html: sanitizeRenderedHtml(md.renderer.render(tokens, md.options, env)),
    mentions: mentionedHandles(tokens),
    text: plainText(tokens),
  };
}
