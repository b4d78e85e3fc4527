import { quarterDays } from './programme';

describe('quarterDays', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
  ])('%s runs from %s to %s', (quarter, from, to) => {
    expect(quarterDays(quarter)).toEqual({ from, to });
  });
});
