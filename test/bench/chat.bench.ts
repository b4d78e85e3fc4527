// Chat delivery benchmark: 1,000 socket.io-client connections (from a load-generator process of
// their own) in 100 conversations of 10, a sustained 500 messages/s for 30 s. Measures delivery
// latency p50/p99 from send to each receipt, throughput, lost and duplicated deliveries and the
// server's memory; first against a bare socket.io broadcast server (no auth, no storage) in the
// same run, as the baseline for ratios; then the api itself; then two api processes sharing
// Postgres and Redis when DATABASE_URL and REDIS_URL are set.
//   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/chat.bench.ts
// Needs the built server (`npx nest build api`). CHAT_BENCH_SECONDS shortens the load phases.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/core/src/database/data-source-options';
import { ServerProcess, rssOf, startServerProcess } from '../support/server-process';
import { createScratchDatabase, startEmbeddedDatabase } from '../support/test-app';
import type { LoadPlan, LoadResult } from './support/chat-load-generator';

const CONNECTIONS = 1000;
const CONVERSATIONS = 100;
const RATE = 500;
const SECONDS = Number(process.env.CHAT_BENCH_SECONDS ?? 30);
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

/** Spawns a TypeScript file under ts-node; resolves with its first stdout line, parsed. */
function spawnTs<T>(file: string, args: string[] = []): { child: ChildProcess; firstLine: Promise<T> } {
  const child = spawn(process.execPath, [...TS_NODE, join(__dirname, file), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  const firstLine = new Promise<T>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, firstLine };
}

interface Database {
  url: string;
  poolSize: string;
  label: string;
  drop(): Promise<void>;
}

/** A scratch database on the configured Postgres, or an in-memory PGlite (one connection). */
async function openDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return { ...(await createScratchDatabase()), poolSize: '20', label: 'Postgres' };
  return { ...(await startEmbeddedDatabase()), poolSize: '1', label: 'embedded PGlite' };
}

/** Migrates, then makes 1,000 active members with sessions and 100 groups of 10, all in SQL. */
async function seed(url: string): Promise<LoadPlan['connections']> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const run = randomBytes(3).toString('hex');
    const tokens = Array.from({ length: CONNECTIONS }, () => randomBytes(32).toString('base64url'));
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, handle, role, status)
       SELECT 'bench-' || $1 || '-' || i || '@bench.example', 'not-a-hash', 'Bench Member ' || i, 'bench-' || $1 || '-' || i, 'member', 'active'
       FROM generate_series(1, $2::int) AS i ORDER BY i RETURNING id`,
      [run, CONNECTIONS],
    );
    await dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
      [users.map((u) => u.id), tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
    );
    const conversations: { id: string }[] = await dataSource.query(
      `INSERT INTO conversations (kind, title, created_by) SELECT 'group', 'Bench ' || i, $1 FROM generate_series(1, $2::int) AS i RETURNING id`,
      [users[0]!.id, CONVERSATIONS],
    );
    const conversationOf = users.map((_, i) => conversations[i % CONVERSATIONS]!.id);
    await dataSource.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role) SELECT c, u, 'member' FROM unnest($1::uuid[], $2::uuid[]) AS t(c, u)`,
      [conversationOf, users.map((u) => u.id)],
    );
    return users.map((_, i) => ({ token: tokens[i]!, conversationId: conversationOf[i]! }));
  } finally {
    await dataSource.destroy();
  }
}

interface PhaseResult extends LoadResult {
  name: string;
  peakRssMb: number;
}

/** Runs the load generator against `urls` while sampling the servers' memory. */
async function load(
  name: string,
  target: LoadPlan['target'],
  urls: string[],
  connections: LoadPlan['connections'],
  pids: (number | undefined)[],
): Promise<PhaseResult> {
  const plan: LoadPlan = { target, urls, connections, ratePerSecond: RATE, seconds: SECONDS };
  const planFile = join(tmpdir(), `chat-bench-plan-${process.pid}-${target}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(
      peak,
      pids.reduce<number>((sum, pid) => sum + rssOf(pid), 0),
    );
  }, 500);
  try {
    const { firstLine } = spawnTs<LoadResult>('support/chat-load-generator.ts', [planFile]);
    const result = await firstLine;
    return { ...result, name, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function report(results: PhaseResult[]): void {
  const header = [
    'phase',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'deliveries/s',
    'send/s',
    'acked',
    'failed',
    'lost',
    'dup',
    'peak RSS MB',
    'connect s',
  ];
  const rows = results.map((r) => [
    r.name,
    fixed(r.latencyMs.p50),
    fixed(r.latencyMs.p90),
    fixed(r.latencyMs.p99),
    fixed(r.latencyMs.max),
    fixed(r.deliveriesPerSecond, 0),
    fixed(r.achievedSendRate, 0),
    `${r.acked}/${r.sent}`,
    String(r.failedAcks),
    String(r.lost),
    String(r.duplicates),
    fixed(r.peakRssMb, 0),
    fixed(r.connectSeconds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    `\nchat: ${CONNECTIONS} connections in ${CONVERSATIONS} conversations, ${RATE} messages/s for ${SECONDS} s (each delivered to the 10 sockets of its conversation)`,
  );
  console.log(line(header));
  rows.forEach((row) => console.log(line(row)));
  const [bare, ...others] = results;
  for (const r of others) {
    console.log(
      `${r.name} / bare socket.io: p50 x${fixed(r.latencyMs.p50 / bare!.latencyMs.p50, 2)}, p99 x${fixed(r.latencyMs.p99 / bare!.latencyMs.p99, 2)}, ` +
        `throughput x${fixed(r.deliveriesPerSecond / bare!.deliveriesPerSecond, 2)}, memory x${fixed(r.peakRssMb / bare!.peakRssMb, 2)}`,
    );
  }
  const artifacts = join(__dirname, '../.artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(
    join(artifacts, 'chat-bench.json'),
    JSON.stringify({ connections: CONNECTIONS, conversations: CONVERSATIONS, rate: RATE, seconds: SECONDS, results }, null, 2),
  );
}

async function main(): Promise<void> {
  const results: PhaseResult[] = [];

  // 1. The baseline: bare socket.io rooms on the same machine, same load.
  const bare = spawnTs<{ port: number }>('support/bare-socketio-server.ts');
  const { port } = await bare.firstLine;
  const bareConnections = Array.from({ length: CONNECTIONS }, (_, i) => ({ conversationId: `room-${i % CONVERSATIONS}` }));
  try {
    results.push(await load('bare socket.io', 'bare', [`http://127.0.0.1:${port}`], bareConnections, [bare.child.pid]));
  } finally {
    bare.child.kill('SIGTERM');
  }

  // 2. The api: auth, membership check, seq in a transaction, Markdown, ack after commit.
  const database = await openDatabase();
  const servers: ServerProcess[] = [];
  try {
    const connections = await seed(database.url);
    const env = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: database.poolSize };
    servers.push(await startServerProcess(env));
    results.push(await load(`api, 1 process (${database.label})`, 'chat', [servers[0]!.url], connections, [servers[0]!.child.pid]));
    await servers.pop()!.kill('SIGTERM');

    // 3. Two api processes behind no proxy, half the clients on each, fan-out through Redis.
    if (process.env.REDIS_URL && process.env.DATABASE_URL) {
      const shared = { ...env, REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `mn-bench-${randomBytes(3).toString('hex')}:` };
      servers.push(await startServerProcess(shared), await startServerProcess(shared));
      results.push(
        await load(
          'api, 2 processes + Redis',
          'chat',
          servers.map((s) => s.url),
          connections,
          servers.map((s) => s.child.pid),
        ),
      );
    } else {
      console.log('two processes + Redis: skipped (set DATABASE_URL and REDIS_URL to run it)');
    }
  } finally {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await database.drop();
  }
  report(results);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
