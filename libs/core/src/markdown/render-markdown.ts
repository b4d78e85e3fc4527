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

export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const md = parsers[options.mode ?? 'post'];
  const env = {};
  const tokens = md.parse(source, env);
  return {
    html: sanitizeRenderedHtml(md.renderer.render(tokens, md.options, env)),
    mentions: mentionedHandles(tokens),
    text: plainText(tokens),
  };
}
