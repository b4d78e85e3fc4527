// The world of a fault test: a store a real api process can restart on, members made before it
// starts, and ways to sign in and read what the server kept.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './server-process';
import { createScratchDatabase, usingServerDatabase } from './test-app';

export interface Store {
  /** DATABASE_URL of a scratch database on the configured Postgres, or DATA_DIR of an embedded one. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** Postgres when the environment names one, else an embedded database in a temporary directory. */
export async function prepareStore(): Promise<Store> {
  if (usingServerDatabase()) {
    const database = await createScratchDatabase();
    return { env: { DATABASE_URL: database.url }, drop: () => database.drop() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mn-fault-'));
  return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface FaultMember {
  email: string;
  password: string;
}

/** Active members made with the CLI (an embedded store must not be held by a server yet). */
export async function createActiveMembers(env: Record<string, string>, count: number): Promise<FaultMember[]> {
  const members: FaultMember[] = [];
  for (let i = 0; i < count; i++) {
    const member = { email: `fault-${randomBytes(4).toString('hex')}@test.example`, password: 'fault test password' };
    const created = await runCli(['create-user', '--email', member.email, '--password', member.password, '--name', `Fault Member ${i + 1}`], env);
    if (created.code !== 0) throw new Error(`create-user failed: ${created.output}`);
    members.push(member);
  }
  return members;
}

export async function signIn(url: string, member: FaultMember): Promise<{ id: string; token: string; auth: { Authorization: string } }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: member.email, password: member.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const body = (await response.json()) as { user: { id: string }; token: string };
  return { id: body.user.id, token: body.token, auth: { Authorization: `Bearer ${body.token}` } };
}

/** Polls `probe` until it returns true; resolves with the milliseconds that took. */
export async function timeUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 50): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
