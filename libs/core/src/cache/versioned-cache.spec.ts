import type { AppConfig } from '../config/config';
import type { RedisService } from '../redis/redis.service';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache bounds', () => {
  const cache = () => new VersionedCache({ enabled: false } as RedisService, {} as AppConfig);
  const made = jest.fn((text: string) => Promise.resolve(text));

  beforeEach(() => made.mockClear());

  it('keeps results until their JSON passes the byte budget, then lets the least recently used go', async () => {
    const c = cache();
    const big = (name: string) => name.padEnd(9 * 1024 * 1024, '.');
    await c.getOrMake(['s'], 'a', () => made(big('a')));
    await c.getOrMake(['s'], 'b', () => made(big('b')));
    // Reading a keeps it the most recently used: c pushes b out, not a.
    await c.getOrMake(['s'], 'a', () => made(big('a')));
    await c.getOrMake(['s'], 'c', () => made(big('c')));
    expect(made).toHaveBeenCalledTimes(3);
    await c.getOrMake(['s'], 'a', () => made(big('a')));
    expect(made).toHaveBeenCalledTimes(3);
    await c.getOrMake(['s'], 'b', () => made(big('b')));
    expect(made).toHaveBeenCalledTimes(4);
  });

  it('makes afresh once a source changed', async () => {
    const c = cache();
    await c.getOrMake(['s'], 'a', () => made('one'));
    await c.bump(['s']);
    expect(await c.getOrMake(['s'], 'a', () => made('two'))).toBe('two');
  });
});
