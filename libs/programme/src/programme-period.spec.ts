import { programmeScope } from './programme-period';

describe('programmeScope', () => {
  it('defaults to the twelve months ending today, the end exclusive the next midnight', () => {
    const scope = programmeScope({}, new Date('2026-12-02T09:30:00Z'));
    expect(scope.filters).toEqual({ from: '2026-01-01', to: '2026-12-02', sector: null, region: null, cohort: null });
    expect(scope.fromAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(scope.toAt.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('keeps given days and filters', () => {
    const scope = programmeScope({ from: '2026-07-01', to: '2026-09-30', sector: 'housing', region: 'london', cohort: '2026-05' });
    expect(scope.filters).toEqual({ from: '2026-07-01', to: '2026-09-30', sector: 'housing', region: 'london', cohort: '2026-05' });
    expect(scope.toAt.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });
});
