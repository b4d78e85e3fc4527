import { slugify } from './slug';

describe('slugify', () => {
  it('makes lower-case words joined by hyphens, without accents or punctuation', () => {
    expect(slugify('  Café Care & Co: 300 staff — now owners!  ')).toBe('cafe-care-and-co-300-staff-now-owners');
  });

  it('answers "story" for a title with nothing to keep, and cuts long titles on a word boundary', () => {
    expect(slugify('★★★')).toBe('story');
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('-')).toBe(false);
  });
});
