import type { Token } from 'markdown-it';

/**
 * The readable text of parsed Markdown with all markup gone and whitespace collapsed, for search
 * indexing and previews. It is raw text, not HTML: whoever displays it must escape it.
 */
export function plainText(blockTokens: Token[]): string {
  return blockTokens
    .map((token) => {
      switch (token.type) {
        case 'inline':
          return inlineText(token.children ?? []);
        case 'fence':
        case 'code_block':
          return token.content;
        default:
          return '';
      }
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of an inline token run, such as a link label or an image's alt text. */
export function inlineText(inlineTokens: Token[]): string {
  return inlineTokens
    .map((token) => {
      switch (token.type) {
        case 'text':
        case 'code_inline':
          return token.content;
        case 'softbreak':
        case 'hardbreak':
          return ' ';
        case 'image':
          return inlineText(token.children ?? []);
        default:
          return '';
      }
    })
    .join('');
}
