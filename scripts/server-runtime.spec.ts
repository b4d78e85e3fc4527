import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MALLOC_ENV, V8_OPTIONS, serverEnv } from './server-runtime';

describe('server runtime settings', () => {
  it('the image runs the server with the same settings as npm start and the benchmarks', () => {
    const dockerfile = readFileSync(join(__dirname, '../docker/Dockerfile'), 'utf8');
    for (const [name, value] of Object.entries(MALLOC_ENV)) expect(dockerfile).toMatch(new RegExp(`\\b${name}=${value}\\b`));
    expect(dockerfile).toContain(`NODE_OPTIONS="${V8_OPTIONS}"`);
  });

  it("an operator's own values win", () => {
    expect(serverEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
    expect(serverEnv({}).MALLOC_ARENA_MAX).toBe(MALLOC_ENV.MALLOC_ARENA_MAX);
    // Node passes NODE_OPTIONS to V8 in order, and V8 keeps the last value of a flag.
    expect(serverEnv({ NODE_OPTIONS: '--max-old-space-size=1024' }).NODE_OPTIONS).toBe(`${V8_OPTIONS} --max-old-space-size=1024`);
  });
});
