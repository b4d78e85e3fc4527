import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_COORDINATORS, DEMO_MENTOR_EMAIL, DEMO_PASSWORD, buildDemoWorld } from '../../apps/api/src/seed/demo-data';
import { DEMO_FORUM_CATEGORIES } from '../../apps/api/src/seed/forums-seed';
import { DEMO_ADVISERS } from '../../apps/api/src/seed/support-seed';
import { killHard, runCli, startServerProcess, startServerUntilOutput } from '../support/server-process';

const EXPECTED_ACCOUNTS = buildDemoWorld().people.length + DEMO_COORDINATORS.length + DEMO_ADVISERS.length;

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Every account of every status, counted through the coordinators' list. */
async function countAccounts(url: string, token: string): Promise<number> {
  let total = 0;
  for (const status of ['pending', 'active', 'suspended', 'rejected']) {
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await getJson(
        `${url}/api/v1/admin/members?status=${status}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      );
      total += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  return total;
}

/** The whole demo world is there, exactly once, and the README's demo mentor can accept his waiting request. */
async function expectFullDemoWorld(url: string): Promise<void> {
  const coordinator = await signIn(url, DEMO_COORDINATORS[0]!.email);
  expect(await countAccounts(url, coordinator)).toBe(EXPECTED_ACCOUNTS);
  const categories = await getJson<{ slug: string; threadCount: number }[]>(`${url}/api/v1/forums/categories`, coordinator);
  expect(categories.map((c) => c.slug).sort()).toEqual(DEMO_FORUM_CATEGORIES.map((c) => c.slug).sort());
  expect(categories.every((c) => c.threadCount > 0)).toBe(true);
  // The support programme: applications at every state, and a fund partly committed (never over).
  const fund = await getJson<{ totalPence: number; committedPence: number; applications: Record<string, number> }>(
    `${url}/api/v1/admin/support/fund`,
    coordinator,
  );
  expect(Object.values(fund.applications).every((n) => n > 0)).toBe(true);
  expect(fund.committedPence).toBeGreaterThan(0);
  expect(fund.committedPence).toBeLessThan(fund.totalPence);
  // The resource library's dozen, and faces for a share of the members.
  const resources = await getJson<{ items: { file: { url: string } }[] }>(`${url}/api/v1/resources?limit=100`, coordinator);
  expect(resources.items).toHaveLength(12);
  const members = await getJson<{ items: { avatarUrl: string | null }[] }>(`${url}/api/v1/members?limit=100`, coordinator);
  expect(members.items.filter((m) => m.avatarUrl).length).toBeGreaterThan(members.items.length / 3);

  // Partnerships: the demo's opportunities, one of them taken all the way to a win (its status
  // changes run in transactions that once waited forever on the embedded database's one connection).
  const figures = await getJson<{ posted: number; formed: number; won: number; valueWon: number }>(
    `${url}/api/v1/admin/partnerships/figures`,
    coordinator,
  );
  expect(figures).toMatchObject({ posted: 4, formed: 1, won: 1, valueWon: 840_000 });
  const board = await getJson<{ items: { status: string }[] }>(`${url}/api/v1/partnerships/opportunities`, coordinator);
  expect(board.items.filter((o) => o.status === 'open')).toHaveLength(3);

  const mentor = await signIn(url, DEMO_MENTOR_EMAIL);
  const incoming = await getJson<{ items: { id: string; status: string }[] }>(
    `${url}/api/v1/mentoring/requests?box=incoming&status=pending`,
    mentor,
  );
  expect(incoming.items.length).toBeGreaterThan(0);
  const accepted = await fetch(`${url}/api/v1/mentoring/requests/${incoming.items[0]!.id}/accept`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mentor}` },
  });
  expect(accepted.status).toBe(200);
}

// A start killed (SIGKILL: no shutdown hooks) while it loads the demo data must not leave a
// half-seeded database for good: the next start, or `cli seed-demo`, clears it and loads it all.
describe('demo data after a start killed half-way through loading it', () => {
  // Each test loads the whole demo world (122 password hashes, forums, mentoring) at least once.
  jest.setTimeout(600_000);
  const dirs: string[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mn-seed-kill-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is loaded whole by the next start', async () => {
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: 'true' };
    const first = await startServerUntilOutput(env, /Coordinators and members: \d+\/\d+ \(\d+%\)/);
    await killHard(first);

    const second = await startServerProcess(env, 600_000);
    try {
      await expectFullDemoWorld(second.url);
    } finally {
      await second.stop();
    }
  });

  it('is loaded whole by `cli seed-demo`, and a start after that does not load it again', async () => {
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: 'true' };
    const first = await startServerUntilOutput(env, /Mentoring requests and mentorships/);
    await killHard(first);

    const seeded = await runCli(['seed-demo'], env);
    expect(seeded.output).toMatch(/half loaded/);
    expect(seeded.code).toBe(0);
    expect((await runCli(['seed-demo'], env)).output).toMatch(/already loaded/);

    const server = await startServerProcess(env, 120_000);
    try {
      await expectFullDemoWorld(server.url);
    } finally {
      await server.stop();
    }
  });
});
