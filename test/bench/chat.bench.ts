// Chat delivery benchmark: 1,000 socket.io-client connections (from a load-generator process of
// their own) in 100 conversations of 10, a sustained 500 messages/s for 30 s. Measures delivery
// latency p50/p99 from send to each receipt, throughput, lost and duplicated deliveries, and the
// servers' CPU and memory while the load runs. Baselines in the same run: a bare socket.io
// broadcast server (no auth, no storage), and with REDIS_URL two of them sharing Redis through the
// same Redis adapter the api uses; then the api itself; then two api processes sharing
// Postgres and Redis when DATABASE_URL and REDIS_URL are set. Every server is its own process.
//   npm run bench -- chat        (CHAT_BENCH_SECONDS and CHAT_BENCH_RATE change the load)
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createScratchDatabase, startEmbeddedDatabase } from '../support/test-app';
import type { LoadPlan, LoadResult } from './support/chat-load-generator';
import { seedChatMembers } from './support/chat-seed';
import { UsageMeter } from './support/process-usage';

const CONNECTIONS = 1000;
const CONVERSATIONS = 100;
const RATE = Number(process.env.CHAT_BENCH_RATE ?? 500);
const SECONDS = Number(process.env.CHAT_BENCH_SECONDS ?? 30);
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];
/** CHAT_BENCH_PHASES=bare,bare2,api1,api2 (any of them; all by default) runs only those phases. */
/** CHAT_BENCH_SERVER_ARGS (say "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the api processes' node. */
const SERVER_NODE_ARGS = (process.env.CHAT_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
const PHASES = new Set((process.env.CHAT_BENCH_PHASES ?? 'bare,bare2,api1,api2').split(','));

/** Spawns a TypeScript file under ts-node; hands each stdout line, parsed, to `onLine`. */
function spawnTs(
  file: string,
  args: string[],
  env: Record<string, string>,
  onLine: (value: Record<string, unknown>) => void,
): ChildProcess {
  const child = spawn(process.execPath, [...TS_NODE, join(__dirname, file), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
  });
  createInterface({ input: child.stdout! }).on('line', (line) => onLine(JSON.parse(line) as Record<string, unknown>));
  return child;
}

/** A bare socket.io server process (with `redisUrl`, joined to the others through Redis); resolves once it listens. */
async function startBareServer(redisUrl?: string, keyPrefix?: string): Promise<{ url: string; child: ChildProcess }> {
  let child: ChildProcess | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child = spawnTs(
      'support/bare-socketio-server.ts',
      [],
      redisUrl ? { BARE_REDIS_URL: redisUrl, BARE_KEY_PREFIX: keyPrefix! } : {},
      (line) => resolve(line.port as number),
    );
    child.once('exit', (code) => reject(new Error(`bare socket.io server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child: child! };
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

interface PhaseResult extends LoadResult {
  name: string;
  servers: number;
  cpuSeconds: number;
  cores: number;
  peakRssMb: number;
}

/** Runs the load generator against `urls`, measuring the servers' CPU and memory from the moment every socket is connected. */
function load(
  name: string,
  target: LoadPlan['target'],
  urls: string[],
  connections: LoadPlan['connections'],
  pids: (number | undefined)[],
): Promise<PhaseResult> {
  const plan: LoadPlan = { target, urls, connections, ratePerSecond: RATE, seconds: SECONDS };
  const planFile = join(tmpdir(), `chat-bench-plan-${process.pid}-${target}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  const meter = new UsageMeter(pids);
  return new Promise((resolve, reject) => {
    const generator = spawnTs('support/chat-load-generator.ts', [planFile], {}, (line) => {
      // The first line says every socket is connected; the second is the result.
      if (!('latencyMs' in line)) return meter.start();
      const usage = meter.stop();
      resolve({
        ...(line as unknown as LoadResult),
        name,
        servers: pids.length,
        cpuSeconds: usage.cpuSeconds,
        cores: usage.cores,
        peakRssMb: usage.peakRssMb,
      });
    });
    generator.once('exit', (code) => code !== 0 && reject(new Error(`the load generator exited with ${code}`)));
  });
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
    'CPU cores',
    'CPU ms/msg',
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
    fixed(r.cores, 2),
    fixed((r.cpuSeconds * 1000) / r.sent, 2),
    fixed(r.peakRssMb, 0),
    fixed(r.connectSeconds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    `\nchat: ${CONNECTIONS} connections in ${CONVERSATIONS} conversations, ${RATE} messages/s for ${SECONDS} s (each delivered to the 10 sockets of its conversation)`,
  );
  console.log('CPU: what the server processes used together while the load ran (1 = one core); RSS summed over them');
  console.log(line(header));
  rows.forEach((row) => console.log(line(row)));
  for (const r of results.filter((candidate) => !candidate.name.startsWith('bare'))) {
    // Against the bare server(s) of the same shape: one process, or two through Redis.
    const bare = results.find((candidate) => candidate.name.startsWith('bare') && candidate.servers === r.servers) ?? results[0]!;
    console.log(
      `${r.name} / ${bare.name}: p50 x${fixed(r.latencyMs.p50 / bare.latencyMs.p50, 2)}, p99 x${fixed(r.latencyMs.p99 / bare.latencyMs.p99, 2)}, ` +
        `throughput x${fixed(r.deliveriesPerSecond / bare.deliveriesPerSecond, 2)}, CPU per message x${fixed(r.cpuSeconds / r.sent / (bare.cpuSeconds / bare.sent), 1)}, ` +
        `memory x${fixed(r.peakRssMb / bare.peakRssMb, 2)}`,
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
  const redisUrl = process.env.REDIS_URL;
  const keyPrefix = () => `mn-bench-${randomBytes(3).toString('hex')}:`;
  const bareConnections = Array.from({ length: CONNECTIONS }, (_, i) => ({ conversationId: `room-${i % CONVERSATIONS}` }));

  // 1. The baselines: bare socket.io rooms, one process, then two sharing Redis.
  if (PHASES.has('bare')) {
    const bare = await startBareServer();
    try {
      results.push(await load('bare socket.io', 'bare', [bare.url], bareConnections, [bare.child.pid]));
    } finally {
      bare.child.kill('SIGTERM');
    }
  }
  if (redisUrl && PHASES.has('bare2')) {
    const prefix = keyPrefix();
    const pair = [await startBareServer(redisUrl, prefix), await startBareServer(redisUrl, prefix)];
    try {
      results.push(
        await load(
          'bare socket.io, 2 processes + Redis',
          'bare',
          pair.map((s) => s.url),
          bareConnections,
          pair.map((s) => s.child.pid),
        ),
      );
    } finally {
      pair.forEach((s) => s.child.kill('SIGTERM'));
    }
  }

  // 2. The api: auth, event budget, membership check, seq and mail outbox in a transaction, Markdown, ack after commit.
  const database = await openDatabase();
  const servers: ServerProcess[] = [];
  try {
    const connections = await seedChatMembers(database.url, CONNECTIONS, CONVERSATIONS);
    const env = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: database.poolSize };
    if (PHASES.has('api1')) {
      servers.push(await startServerProcess(env, undefined, SERVER_NODE_ARGS));
      results.push(await load(`api, 1 process (${database.label})`, 'chat', [servers[0]!.url], connections, [servers[0]!.child.pid]));
      await servers.pop()!.kill('SIGTERM');
    }

    // 3. Two api processes behind no proxy, half the clients on each, fan-out through Redis.
    if (!PHASES.has('api2')) {
      // not asked for
    } else if (redisUrl && process.env.DATABASE_URL) {
      const shared = { ...env, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix() };
      servers.push(await startServerProcess(shared, undefined, SERVER_NODE_ARGS), await startServerProcess(shared, undefined, SERVER_NODE_ARGS));
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
