// Pure helpers for post text: no framework imports.

/** Postgres text cannot hold NUL; CommonMark reads it as U+FFFD anyway. */
export const withoutNul = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** A blockquote line in Markdown: up to three spaces, then `>`. */
const QUOTE_LINE = /^ {0,3}>/;

/**
 * Splits a reply into the quote the composer put at its top and the member's own words, so that
 * the quote can be shown only while the quoted post is visible, and never searched or previewed.
 */
export function splitLeadingQuote(body: string): { quote: string | null; own: string } {
  const lines = body.split('\n');
  let end = 0;
  while (end < lines.length && QUOTE_LINE.test(lines[end]!)) end++;
  if (end === 0) return { quote: null, own: body };
  return {
    quote: lines.slice(0, end).join('\n'),
    own: lines
      .slice(end)
      .join('\n')
      .replace(/^\s*\n/, ''),
  };
}

/** Shown in place of a quote whose post was hidden or deleted. */
export const REMOVED_QUOTE_HTML = '<blockquote class="quote-removed"><p>The quoted post is no longer available.</p></blockquote>';

/** ts_headline marks matches with these private-use characters; everything else is escaped. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A snippet from raw post text as safe HTML with only <mark> elements. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline.replaceAll(MARK_START, '\u0001').replaceAll(MARK_STOP, '\u0002'))
    .replaceAll('\u0001', '<mark>')
    .replaceAll('\u0002', '</mark>');
}

export function preview(text: string, length = 140): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
