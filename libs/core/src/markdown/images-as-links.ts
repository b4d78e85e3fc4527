import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { inlineText } from './plain-text';

type TokenConstructor = StateCore['Token'];

export const IMAGE_LINK_CLASS = 'image-link';

/**
 * Remote images would let any poster see who reads a thread, and when, so an image is rendered
 * as a link to it labelled with its alt text. Inside another link (anchors cannot nest) or with
 * no address, only the alt text remains.
 */
export function imagesAsLinks(md: MarkdownIt): void {
  md.core.ruler.push('images_as_links', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        block.children = replaceImages(block.children, state.Token);
      }
    }
  });
}

function replaceImages(tokens: Token[], TokenClass: TokenConstructor): Token[] {
  let linkDepth = 0;
  return tokens.flatMap((token) => {
    if (token.type === 'link_open') linkDepth++;
    if (token.type === 'link_close') linkDepth--;
    if (token.type !== 'image') return [token];

    // `![alt]()` parses with an empty src: there is nothing to link to.
    const src = String(token.attrGet('src') ?? '');
    const label = new TokenClass('text', '', 0);
    label.content = inlineText(token.children ?? []) || src;
    if (linkDepth > 0 || !src) return label.content ? [label] : [];

    const open = new TokenClass('link_open', 'a', 1);
    open.attrs = [
      ['href', src],
      ['class', IMAGE_LINK_CLASS],
    ];
    return [open, label, new TokenClass('link_close', 'a', -1)];
  });
}
