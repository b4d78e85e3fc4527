import type { MarkdownIt } from 'markdown-it';

/** Classes a client stylesheet can give aligned table columns; inline styles are never allowed. */
export const TABLE_ALIGNMENT_CLASSES = ['align-left', 'align-center', 'align-right'];

const ALIGNMENT_STYLE = /^text-align:(left|center|right)$/;

/** Turns markdown-it's `style="text-align:..."` on table cells into an `align-...` class. */
export function tableAlignmentClasses(md: MarkdownIt): void {
  md.core.ruler.push('table_alignment_classes', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const alignment = ALIGNMENT_STYLE.exec(String(token.attrGet('style') ?? ''))?.[1];
      token.attrs = alignment ? [['class', `align-${alignment}`]] : null;
    }
  });
}
