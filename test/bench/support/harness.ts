// The HTTP benchmark harness: the built server (dist/apps/api/src/main.js) in a process of its
// own, a baseline server in another, and the load from a third (http-load-generator.ts), at
// saturation and at fixed arrival rates. Each measurement gives req/s, p50, p99, errors, and the
// measured process's CPU (from /proc/<pid>/stat, over the measured window only) and peak RSS;
// `printTable` sets the app beside its baseline of the same run. See "## Bench harness" in the brief.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, Pool } from 'pg';
import { EmbeddedPostgres } from '../../../libs/core/src/database/embedded-postgres';
import { type ServerProcess, rssOf, startServerProcess } from '../../support/server-process';
import type { HttpLoadPlan, HttpLoadResult, PlannedRequest } from './http-load-generator';

export type { PlannedRequest } from './http-load-generator';

const ROOT = join(__dirname, '../../..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const TS_ENV = { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' };
/** Clock ticks a second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

export const BENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

/** Where a benchmark's data lives: a scratch database on the configured Postgres, or an embedded PGlite data directory. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** The app's environment for it. */
  env: Record<string, string>;
  /** Runs `work` with a pg pool on the data (on PGlite, while no server holds the directory). */
  withPool<T>(work: (pool: Pool) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/**
 * BENCH_REUSE=1 keeps a Postgres benchmark database between runs (seeding 200,000 posts takes
 * minutes): the benchmark then seeds only when it finds too few rows.
 */
export const reuseBenchDatabase = (): boolean => process.env.BENCH_REUSE === '1';

/** BENCH_DATABASE=pglite, or Postgres at DATABASE_URL (default the local one). */
export const benchDatabaseKind = (): BenchDatabase['kind'] => (process.env.BENCH_DATABASE === 'pglite' ? 'pglite' : 'postgres');

export async function openBenchDatabase(name: string, kind = benchDatabaseKind()): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), `mn-bench-${name}-`));
    return {
      kind,
      // Opening a data directory of 200 MB on a busy machine can outlast the 2 s default.
      env: { DATA_DIR: dataDir, DATABASE_POOL_SIZE: '1', DATABASE_CONNECT_TIMEOUT_MS: '60000' },
      withPool: async (work) => {
        const embedded = await EmbeddedPostgres.start(dataDir);
        const pool = new Pool({ connectionString: embedded.url, max: 1 });
        try {
          return await work(pool);
        } finally {
          await pool.end();
          await embedded.stop();
        }
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const database = `mn_bench_${name}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  const reuse = reuseBenchDatabase();
  if (!reuse) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`).catch((error: { code?: string }) => {
    // 42P04: it exists, kept from an earlier run.
    if (!(reuse && error.code === '42P04')) throw error;
  });
  const url = new URL(base);
  url.pathname = `/${database}`;
  const poolSize = process.env.BENCH_POOL_SIZE ?? '20';
  return {
    kind,
    env: { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: poolSize, ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }) },
    withPool: async (work) => {
      const pool = new Pool({ connectionString: url.toString(), max: Number(poolSize) });
      try {
        return await work(pool);
      } finally {
        await pool.end();
      }
    },
    drop: async () => {
      if (!reuse) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/** The built server on the benchmark's database, rate limits off, its own Redis key prefix. */
export function startBenchApp(database: BenchDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(
    {
      ...database.env,
      RATE_LIMITS: 'false',
      REDIS_KEY_PREFIX: `mn-bench-${randomBytes(3).toString('hex')}:`,
      ...env,
      // A first start migrates; PGlite on a busy machine takes minutes.
    },
    300_000,
  );
}

/** Members with live sessions, made in SQL (the app has migrated the database): their bearer tokens and ids. */
export async function benchMembers(
  pool: Pool,
  count: number,
  role: 'member' | 'coordinator' = 'member',
): Promise<{ id: string; token: string }[]> {
  const run = randomBytes(3).toString('hex');
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, display_name, handle, role, status, approved_at)
     SELECT 'viewer-' || $1 || '-' || i || '@bench.example', 'not-a-hash', 'Bench Viewer ' || i, 'viewer-' || $1 || '-' || i, $3, 'active', now()
       FROM generate_series(1, $2::int) AS i ORDER BY i RETURNING id`,
    [run, count, role],
  );
  await pool.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
    [rows.map((r) => r.id), tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  return rows.map((r, i) => ({ id: r.id, token: tokens[i]! }));
}

/** A process measured: the server's pid (CPU and RSS are read from /proc) and where it listens. */
export interface Target {
  url: string;
  pid: number | undefined;
}

export interface Figures extends HttpLoadResult {
  /** The target's CPU over the measured window, in % of one core. */
  cpuPercent: number;
  /** The target's CPU time per answered request, in ms. */
  cpuMsPerRequest: number;
  /** Peak resident memory of the target during the window, in MB. */
  rssMb: number;
}

function cpuTicks(pid: number | undefined): number {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

/**
 * Spawns a TypeScript file under ts-node; resolves each stdout line as JSON to `onLine`. With
 * `stdin: 'pipe'` the parent can write to it (the soak's workers wait for a "start" line).
 */
export function spawnTs(
  file: string,
  args: string[],
  onLine: (value: Record<string, unknown>) => void,
  options: { stdin?: 'ignore' | 'pipe' } = {},
): ChildProcess {
  const child = spawn(process.execPath, [...TS_NODE, file, ...args], {
    cwd: ROOT,
    stdio: [options.stdin ?? 'ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...TS_ENV },
  });
  createInterface({ input: child.stdout! }).on('line', (line) => onLine(JSON.parse(line) as Record<string, unknown>));
  return child;
}

export interface LoadOptions {
  connections?: number;
  /** Requests a second (open model); absent means saturation. */
  rate?: number;
  seconds?: number;
  warmupSeconds?: number;
}

/** One planned request sent once, so that a benchmark misconfigured (401, 404, 500) says why instead of timing errors. */
async function probe(target: Target, planned: PlannedRequest): Promise<void> {
  const response = await fetch(`${target.url}${planned.path}`, { method: planned.method, headers: planned.headers, body: planned.body });
  if (!response.ok)
    throw new Error(`${planned.method} ${planned.path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
}

/**
 * Drives `target` from a load-generator process, after one probe request; CPU and RSS are read
 * only while the measured window is open.
 */
export async function measure(target: Target, requests: PlannedRequest[], options: LoadOptions = {}): Promise<Figures> {
  await probe(target, requests[0]!);
  const plan: HttpLoadPlan = {
    url: target.url,
    requests,
    connections: options.connections ?? 64,
    seconds: options.seconds ?? BENCH_SECONDS,
    warmupSeconds: options.warmupSeconds ?? WARMUP_SECONDS,
    rate: options.rate,
  };
  const planFile = join(tmpdir(), `http-bench-plan-${process.pid}-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  return await new Promise((resolve, reject) => {
    let ticksAtStart = NaN;
    let startedAt = 0;
    let peakRss = 0;
    let sampler: NodeJS.Timeout | undefined;
    const child = spawnTs(join(__dirname, 'http-load-generator.ts'), [planFile], (line) => {
      if (line.measuring) {
        ticksAtStart = cpuTicks(target.pid);
        startedAt = Date.now();
        peakRss = rssOf(target.pid);
        sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(target.pid))), 250);
        return;
      }
      clearInterval(sampler);
      const cpuSeconds = (cpuTicks(target.pid) - ticksAtStart) / CLOCK_TICKS;
      const result = line as unknown as HttpLoadResult;
      resolve({
        ...result,
        cpuPercent: (100 * cpuSeconds) / ((Date.now() - startedAt) / 1000),
        cpuMsPerRequest: (1000 * cpuSeconds) / Math.max(1, result.requests),
        rssMb: peakRss / 1024 / 1024,
      });
    });
    child.once('exit', (code) => {
      clearInterval(sampler);
      rmSync(planFile, { force: true });
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}

/** A baseline server (a TypeScript file that prints {"port": n} when listening), in its own process. */
export async function startBaseline(file: string, config: unknown): Promise<Target & { stop(): Promise<void> }> {
  let child!: ChildProcess;
  const port = await new Promise<number>((resolve, reject) => {
    child = spawnTs(file, [JSON.stringify(config)], (line) => resolve(Number(line.port)));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Row {
  scenario: string;
  /** "saturation, 64 connections" or "600 req/s, open". */
  load: string;
  app: Figures;
  baseline?: Figures;
}

export const loadLabel = (options: LoadOptions) => (options.rate ? `${options.rate}/s open` : `${options.connections ?? 64} conn closed`);

/** A load that got no answer at all has no percentiles (null in the generator's JSON). */
const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));

const format = (f: Figures) => [
  f.rps.toFixed(0),
  ms(f.p50),
  ms(f.p99),
  String(f.errors),
  f.cpuPercent.toFixed(0),
  f.cpuMsPerRequest.toFixed(2),
  f.rssMb.toFixed(0),
];

/** One line a measurement: app figures, the baseline's beside them, and the ratio of req/s (and p99). */
export function printTable(title: string, rows: Row[]): void {
  const header = ['scenario', 'load', 'who', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU %', 'CPU ms/req', 'RSS MB', 'app/base req/s'];
  const lines: string[][] = [];
  for (const row of rows) {
    lines.push([row.scenario, row.load, 'app', ...format(row.app), row.baseline ? (row.app.rps / row.baseline.rps).toFixed(2) : '']);
    if (row.baseline) lines.push(['', '', 'baseline', ...format(row.baseline), '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(header)}`);
  lines.forEach((l) => console.log(line(l)));
  const errors = rows
    .filter((r) => r.app.firstError)
    .map((r) => `${r.scenario} (${r.load}): ${r.app.errors} errors, first ${r.app.firstError}`);
  if (errors.length) console.log(`errors: ${errors.join('; ')}`);
}

/** Every row as JSON in test/.artifacts/<name>-bench.json, for notes and comparisons. */
export function saveRows(name: string, rows: Row[], extra: Record<string, unknown> = {}): void {
  const artifacts = join(ROOT, 'test/.artifacts');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, `${name}-bench.json`), JSON.stringify({ at: new Date().toISOString(), ...extra, rows }, null, 2));
}
