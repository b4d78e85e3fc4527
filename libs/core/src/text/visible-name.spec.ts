import { invisibleNameProblem } from './visible-name';

describe('names others see', () => {
  it.each(['Sam Okafor', 'Zoë Łukasiewicz', 'محمد علي', '李小龍', 'Ann-Marie O’Neill', 'R2-D2 🚀'])('accepts %s', (name) => {
    expect(invisibleNameProblem(name)).toBeNull();
  });

  it.each([
    ['Hangul fillers', '\u3164\u3164'],
    ['blank Braille', '\u2800\u2800'],
    ['ideographic spaces', '\u3000\u3000'],
    ['variation selectors', '\ufe0f\ufe0f'],
  ])('refuses a name made of %s', (_, name) => {
    expect(invisibleNameProblem(name)).toBe('must contain visible characters');
  });

  it.each([
    ['right-to-left override', 'Sam \u202eevil'],
    ['left-to-right isolate', 'Sam \u2066x\u2069'],
    ['right-to-left mark', 'Sam\u200f'],
    ['zero-width joiner', 'Sa\u200dm'],
    ['name of zero-width spaces', '\u200b\u200b\u200b'],
    ['byte order mark', '\ufeffSam'],
  ])('refuses a %s', (_, name) => {
    expect(invisibleNameProblem(name)).toMatch(/direction control/);
  });
});
