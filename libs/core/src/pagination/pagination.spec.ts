import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a keyset through an opaque cursor', () => {
    const cursor = encodeCursor(['2026-12-01T10:00:00.000Z', 'a1']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-12-01T10:00:00.000Z', 'a1']);
  });

  it('refuses a cursor it did not make, naming the field', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => decodeCursor(encodeCursor([1]), 2)).toThrow();
  });

  it('gives a next cursor only when more rows follow', () => {
    const rows = [1, 2, 3];
    expect(
      toPage(
        rows,
        2,
        (r) => [r],
        (r) => r,
      ),
    ).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(
      toPage(
        rows,
        3,
        (r) => [r],
        (r) => r,
      ).nextCursor,
    ).toBeNull();
  });
});
