import type { MarkdownIt, StateCore, Token } from 'markdown-it';

type TokenConstructor = StateCore['Token'];

export const MENTION_CLASS = 'mention';

// A handle is 3-30 of [a-z0-9_-] starting with a letter, matched case-insensitively. The
// look-behind keeps `name@host` and `a.b@c` (e-mail-like text linkify did not catch) from
// counting; the look-ahead stops `@` plus 31 characters from mentioning its first 30. No `u`
// flag: with `i` it would let `ſ` (long s) and `K` (Kelvin sign) match `s` and `k`.
const MENTION = /(?<![A-Za-z0-9_.+\-@/])@([A-Za-z][A-Za-z0-9_-]{2,29})(?![A-Za-z0-9_-])/g;

/**
 * Turns `@handle` in text into a link to the member's page, leaving code, link labels and
 * linkified addresses alone (they are not `text` tokens outside a link).
 */
export function mentionLinks(md: MarkdownIt): void {
  md.core.ruler.push('mention_links', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        block.children = linkMentions(block.children, state.Token);
      }
    }
  });
}

/** The handles mentioned in parsed Markdown, lowercased, unique, in order of first appearance. */
export function mentionedHandles(blockTokens: Token[]): string[] {
  const handles = new Set<string>();
  for (const block of blockTokens) {
    for (const token of block.children ?? []) {
      const handle = token.meta?.mentionedHandle;
      if (typeof handle === 'string') handles.add(handle);
    }
  }
  return [...handles];
}

function linkMentions(tokens: Token[], TokenClass: TokenConstructor): Token[] {
  let linkDepth = 0;
  return tokens.flatMap((token) => {
    if (token.type === 'link_open') linkDepth++;
    if (token.type === 'link_close') linkDepth--;
    return token.type === 'text' && linkDepth === 0 ? splitMentions(token, TokenClass) : [token];
  });
}

function splitMentions(textToken: Token, TokenClass: TokenConstructor): Token[] {
  const text = textToken.content;
  const pieces: Token[] = [];
  const pushText = (content: string) => {
    if (!content) return;
    const piece = new TokenClass('text', '', 0);
    piece.content = content;
    pieces.push(piece);
  };

  let consumed = 0;
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1].toLowerCase();
    pushText(text.slice(consumed, match.index));

    const open = new TokenClass('link_open', 'a', 1);
    open.attrs = [
      ['href', `/members/@${handle}`],
      ['class', MENTION_CLASS],
    ];
    open.meta = { mentionedHandle: handle };
    pieces.push(open);
    pushText(`@${handle}`);
    pieces.push(new TokenClass('link_close', 'a', -1));

    consumed = match.index + match[0].length;
  }
  if (consumed === 0) return [textToken];
  pushText(text.slice(consumed));
  return pieces;
}
