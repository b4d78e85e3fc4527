import { digestCutoffs } from './digest.service';

describe('digest cutoffs', () => {
  it('takes today’s hour once it has passed, else yesterday’s; weekly is the Monday at or before it', () => {
    // Wednesday 2 December 2026
    expect(digestCutoffs(new Date('2026-12-02T08:00:00Z'), 7)).toEqual({
      daily: new Date('2026-12-02T07:00:00Z'),
      weekly: new Date('2026-11-30T07:00:00Z'),
    });
    expect(digestCutoffs(new Date('2026-12-02T06:59:59Z'), 7).daily).toEqual(new Date('2026-12-01T07:00:00Z'));
    // Monday before the hour: the weekly digest still covers up to the previous Monday.
    expect(digestCutoffs(new Date('2026-11-30T06:00:00Z'), 7)).toEqual({
      daily: new Date('2026-11-29T07:00:00Z'),
      weekly: new Date('2026-11-23T07:00:00Z'),
    });
  });
});
