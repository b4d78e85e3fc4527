/** What a link is allowed to be; anything else is not rendered as a link at all. */
export type LinkKind = 'internal' | 'external' | 'email';

// Any origin would do: it anchors relative paths so that `//host` and `/\host`, which browsers
// resolve to another site, can be told apart from paths on our own site.
const SITE_ORIGIN = 'https://site.invalid';

// Browsers skip leading C0 controls and spaces before reading a URL, so `\t/x` counts as `/x`.
// eslint-disable-next-line no-control-regex
const LEADING_CONTROLS_AND_SPACES = /^[\u0000-\u0020]+/;

/**
 * Classifies an href as a browser will read it: the WHATWG URL parser is the one browsers use, so
 * whatever it strips or folds (`java\tscript:`, ` JaVaScRiPt:`) is judged after that.
 * Only http(s), mailto and paths on this site are accepted.
 */
export function classifyLink(href: string): LinkKind | null {
  if (href.replace(LEADING_CONTROLS_AND_SPACES, '').startsWith('/')) {
    return parseUrl(href, SITE_ORIGIN)?.origin === SITE_ORIGIN ? 'internal' : null;
  }
  switch (parseUrl(href)?.protocol) {
    case 'http:':
    case 'https:':
      return 'external';
    case 'mailto:':
      return 'email';
    default:
      return null;
  }
}

function parseUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}
