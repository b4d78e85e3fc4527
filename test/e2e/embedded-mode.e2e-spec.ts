import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startServerProcess } from '../support/server-process';

// The embedded mode as `npm start` runs it: a real process on a data directory.
describe('embedded database on disk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mn-embedded-'));
  const env = { DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart, and refuses a second process on the same data directory', async () => {
    const first = await startServerProcess(env, 90_000);
    const registered = await fetch(`${first.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'keeper@test.example', password: 'a long enough pass', displayName: 'Kept Member' }),
    });
    expect(registered.status).toBe(201);

    const cli = await runCli(['create-user', '--email', 'x@test.example', '--password', 'long enough pw', '--name', 'X'], env);
    expect(cli.code).not.toBe(0);
    expect(cli.output).toMatch(/in use by another process/);

    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'embedded.lock'))).toBe(false);

    const created = await runCli(
      ['create-user', '--email', 'coord@test.example', '--password', 'long enough pw', '--name', 'Coord', '--role', 'coordinator'],
      env,
    );
    expect(created.output).toMatch(/Created coordinator coord@test\.example/);
    expect(created.code).toBe(0);

    const second = await startServerProcess(env, 90_000);
    try {
      const login = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'keeper@test.example', password: 'a long enough pass' }),
      });
      expect(login.status).toBe(200);
      const coordinator = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coord@test.example', password: 'long enough pw' }),
      });
      expect(((await coordinator.json()) as { user: { role: string } }).user.role).toBe('coordinator');
    } finally {
      await second.stop();
    }
  });

  it('stops with a message naming the variable when the environment is wrong', async () => {
    await expect(startServerProcess({ ...env, PORT_IGNORED: '1', LOG_LEVEL: 'shouty' }, 10_000)).rejects.toThrow(/LOG_LEVEL/);
    // In production a webhook secret key kept beside the database would protect nothing: there is none by default.
    await expect(startServerProcess({ ...env, NODE_ENV: 'production' }, 10_000)).rejects.toThrow(/WEBHOOK_SECRET_KEYS/);
  });
});
