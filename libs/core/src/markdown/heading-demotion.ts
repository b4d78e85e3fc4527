import type { MarkdownIt } from 'markdown-it';

// The page around user content owns h1 and h2; shifting every level down by two keeps a post's
// own headings below them (h1 -> h3, h2 -> h4, deeper levels bottom out at h6).
const LEVELS_DOWN = 2;
const DEEPEST_LEVEL = 6;

export function headingDemotion(md: MarkdownIt): void {
  md.core.ruler.push('demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Number(token.tag.slice(1));
        token.tag = `h${Math.min(level + LEVELS_DOWN, DEEPEST_LEVEL)}`;
      }
    }
  });
}
