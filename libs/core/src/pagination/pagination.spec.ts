import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a keyset through an opaque cursor', () => {
    const key = ['2026-12-01T10:00:00.000Z', '0b9c7e0e-8d4b-4c57-9d1e-2f1b4c3a5d6e'];
    expect(decodeCursor(encodeCursor(key), ['timestamp', 'uuid'])).toEqual(key);
    expect(decodeCursor(encodeCursor([1, '2026-12-01 10:00:00.123456+00', key[1]!]), ['flag', 'timestamp', 'uuid'])).toHaveLength(3);
  });

  it('refuses a cursor it did not make, naming the field', () => {
    expect(() => decodeCursor('not-a-cursor', ['integer'])).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => decodeCursor(encodeCursor([1]), ['integer', 'uuid'])).toThrow();
  });

  it.each([
    [
      ['2026-13-01T10:00:00.000Z', '0b9c7e0e-8d4b-4c57-9d1e-2f1b4c3a5d6e'],
      ['timestamp', 'uuid'],
    ],
    [
      ['2026-02-30T10:00:00.000Z', '0b9c7e0e-8d4b-4c57-9d1e-2f1b4c3a5d6e'],
      ['timestamp', 'uuid'],
    ],
    [
      ['2026-12-01T10:00:00.000Z', 'not-a-uuid'],
      ['timestamp', 'uuid'],
    ],
    [[1.5], ['integer']],
    [[99_999_999_999], ['integer']],
    [
      ['Ann\u0000', '0b9c7e0e-8d4b-4c57-9d1e-2f1b4c3a5d6e'],
      ['text', 'uuid'],
    ],
    [
      [2, '2026-12-01T10:00:00Z', '0b9c7e0e-8d4b-4c57-9d1e-2f1b4c3a5d6e'],
      ['flag', 'timestamp', 'uuid'],
    ],
  ] as const)('refuses the well-formed but tampered keyset %j', (key, shape) => {
    expect(() => decodeCursor(encodeCursor(key), shape)).toThrow(expect.objectContaining({ code: 'invalidCursor' }));
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
