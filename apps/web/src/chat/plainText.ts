// A one-line plain-text preview of a Markdown message (the conversation list shows no markup).

/** Drops Markdown syntax (emphasis, code, links, headings, quotes, lists) and folds the lines into one. */
export function markdownPreview(markdown: string, length = 120): string {
  const text = markdown
    .replace(/```[^\n]*\n?([\s\S]*?)```/g, '$1') // fenced code: keep the code
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '') // headings, quotes, list markers
    .replace(/(\*\*|\*|~~|`)(\S(?:[\s\S]*?\S)?)\1/g, '$2') // emphasis, strike, inline code
    .replace(/(?<!\w)(__|_)(\S(?:[\s\S]*?\S)?)\1(?!\w)/g, '$2') // underscores inside words are not emphasis
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1') // escapes
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}
