import { markdownPreview } from '../../apps/web/src/chat/plainText';

describe('chat list previews', () => {
  it('show Markdown as plain text on one line', () => {
    expect(markdownPreview('**Bold** and _soft_ with `code`')).toBe('Bold and soft with code');
    expect(markdownPreview('# Agenda\n- [the bid](https://example.org)\n- 2 * 3 = 6\n> quoted')).toBe('Agenda the bid 2 * 3 = 6 quoted');
    expect(markdownPreview('snake_case_name stays')).toBe('snake_case_name stays');
    expect(markdownPreview('```\nconst a = 1;\n```')).toBe('const a = 1;');
  });

  it('cut long messages with an ellipsis', () => {
    expect(markdownPreview('word '.repeat(50), 20)).toBe('word word word word…');
  });
});
