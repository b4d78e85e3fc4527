import sanitizeHtml from 'sanitize-html';
import { IMAGE_LINK_CLASS } from './images-as-links';
import { MENTION_CLASS } from './mentions';
import { classifyLink } from './safe-links';
import { TABLE_ALIGNMENT_CLASSES } from './table-alignment';

/** Every anchor in user content: not endorsed (nofollow ugc), no window.opener for the target. */
export const USER_LINK_REL = 'nofollow ugc noopener';

// No h1/h2 (demoted before this), no img (rendered as links), nothing that can carry script,
// load a resource or restyle the page.
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'class', { name: 'rel', values: [USER_LINK_REL] }, { name: 'target', values: ['_blank'] }],
    ol: ['start'],
    code: ['class'],
    th: ['class'],
    td: ['class'],
  },
  allowedClasses: {
    a: [MENTION_CLASS, IMAGE_LINK_CLASS],
    // Fenced code keeps its language for client-side highlighting, nothing else.
    code: [/^language-[a-z0-9_+#-]{1,30}$/],
    th: TABLE_ALIGNMENT_CLASSES,
    td: TABLE_ALIGNMENT_CLASSES,
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: { a: secureAnchor },
};

/**
 * The second wall behind markdown-it (which already escapes all raw HTML): whatever reaches here
 * is cut down to the allow-list, so a renderer bug or plugin mistake cannot become script.
 */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

// Rebuilds an anchor from scratch: a rejected href is dropped (the label stays as text), rel is
// always ours, and only links leaving the site open in a new tab.
function secureAnchor(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { href, class: className } = attribs;
  const kind = href === undefined ? null : classifyLink(href);
  const secured: sanitizeHtml.Attributes = kind === null ? {} : { href };
  secured.rel = USER_LINK_REL;
  if (kind === 'external') secured.target = '_blank';
  if (className !== undefined) secured.class = className;
  return { tagName, attribs: secured };
}
