// The soak: N active members, each holding a socket.io connection and acting every 30 s on average
// (Poisson arrivals): reading a thread 60%, a category's thread list 15%, searching 10%, posting a
// reply 5%, chatting 10%. Against two built api processes behind nginx (configured from
// docker/nginx.conf, run as a plain process on loopback ports) sharing Postgres and Redis, driven
// from load-generator processes of their own (support/soak-load-generator.ts). In the same run, a
// baseline of the same shape: two bare node:http + pg servers running the forums' own SQL
// (support/bare-forums-server.ts) and two bare socket.io servers joined through Redis
// (support/bare-socketio-server.ts), behind the same nginx. Reports error rate, p50/p99 by kind,
// chat messages lost and doubled, each server's RSS (idle, at the start of the soak, at its end,
// peak) and CPU, and the CPU of nginx, Postgres, the load generator and the whole machine.
// Figures also go to test/.artifacts/soak-bench.json.
//   npm run bench -- soak   SOAK_MEMBERS (5000), SOAK_SECONDS (600), SOAK_BASELINE_SECONDS (min(120, SOAK_SECONDS); 0 skips),
//                           SOAK_WORKERS (2 above 2,500 members), SOAK_THREADS (5000, 20 posts each), BENCH_REUSE=1
// Needs Postgres (DATABASE_URL, default the local one), Redis (REDIS_URL, default redis://127.0.0.1:6379)
// and nginx on the PATH (Debian: apt-get install nginx-light). Rate limits are off (every member
// comes from 127.0.0.1 through the proxy, which per-address limits would treat as one client).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { freePort, rssOf } from '../support/server-process';
import type { BareForumsConfig } from './support/bare-forums-server';
import { seedChatMembers } from './support/chat-seed';
import { openBenchDatabase, saveRows, spawnTs, startBaseline, startBenchApp } from './support/harness';
import { cpuSecondsOf } from './support/process-usage';
import { SOAK_KINDS, SOAK_MIX, type SoakKind, type SoakPlan, type SoakResult } from './support/soak-load-generator';

const MEMBERS = Number(process.env.SOAK_MEMBERS ?? 5000);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const BASELINE_SECONDS = Number(process.env.SOAK_BASELINE_SECONDS ?? Math.min(120, SECONDS));
const WORKERS = Number(process.env.SOAK_WORKERS ?? (MEMBERS > 2500 ? 2 : 1));
const THREADS = Number(process.env.SOAK_THREADS ?? 5000);
const POSTS_PER_THREAD = 20;
const CONVERSATION_SIZE = 10;
const MEAN_INTERVAL_SECONDS = 30;
const TIMEOUT_MS = 10_000;
const AIM_P99_MS = 100;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = join(__dirname, '../..');

const COMMON = [
  'staff',
  'council',
  'contract',
  'pension',
  'board',
  'service',
  'mutual',
  'transfer',
  'budget',
  'members',
  'social',
  'value',
  'care',
];
const TOPICAL = [
  'admission',
  'agreement',
  'asset',
  'tender',
  'procurement',
  'bid',
  'volunteers',
  'safeguarding',
  'library',
  'leisure',
  'youth',
];
const RARE = Array.from({ length: 2000 }, (_, i) => `term${i.toString(36)}`);
const WORDS = [...COMMON, ...TOPICAL, ...RARE];
/** Half common words (a large share of all posts), half rare ones (a handful of posts each). */
const SEARCHES = [
  'staff',
  'pension',
  'council contract',
  '"social value"',
  'tender',
  'safeguarding volunteers',
  'term1a0',
  'term1b7',
  'term1c2 term1c3',
  'term19z',
];

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Forum content in bulk SQL, in batches with progress: categories, threads of 20 posts each with their search vectors. */
async function seedForums(pool: Pool, authorIds: string[]): Promise<void> {
  const started = Date.now();
  await pool.query(`INSERT INTO forum_categories (slug, name, description, position)
    SELECT 'soak-' || g, 'Soak category ' || g, 'Seeded', 100 + g FROM generate_series(1, 10) g`);
  await pool.query(`CREATE TEMP TABLE soak_authors AS SELECT id, row_number() OVER () - 1 AS n FROM unnest($1::uuid[]) AS id`, [authorIds]);
  await pool.query(
    `CREATE TEMP TABLE soak_categories AS SELECT id, row_number() OVER (ORDER BY position) - 1 AS n FROM forum_categories WHERE slug LIKE 'soak-%'`,
  );
  // Built after the rows: one index build is far faster than 100,000 GIN insertions.
  await pool.query(`DROP INDEX IF EXISTS forum_posts_search_idx`);
  const authors = authorIds.length;
  const batch = 250;
  for (let from = 0; from < THREADS; from += batch) {
    const to = Math.min(THREADS, from + batch);
    await pool.query(
      `WITH t AS (
         INSERT INTO forum_threads (id, category_id, title, author_id, last_seq, reply_count, last_post_at, created_at)
         SELECT gen_random_uuid(), c.id, 'Thread ' || g || ' on ' || ($1::text[])[1 + g % 24], a.id, $5::int, $5::int - 1,
                now() - (g || ' minutes')::interval + interval '20 minutes', now() - (g || ' minutes')::interval
           FROM generate_series($2::int, $3::int - 1) g
           JOIN soak_categories c ON c.n = g % 10
           JOIN soak_authors a ON a.n = (g * 7) % $4::int
         RETURNING id, created_at, (regexp_match(title, '^Thread (\\d+)'))[1]::int AS n
       )
       INSERT INTO forum_posts (id, thread_id, seq, author_id, body, body_html, plain_text, created_at, search)
       SELECT gen_random_uuid(), t.id, s, a.id, x.txt, '<p>' || x.txt || '</p>', x.txt, t.created_at + s * interval '1 second', to_tsvector('english', x.txt)
         FROM t
         CROSS JOIN generate_series(1, $5::int) s
         JOIN soak_authors a ON a.n = (t.n * 31 + s * 17) % $4::int
         CROSS JOIN LATERAL (
           SELECT string_agg(($1::text[])[1 + floor(cardinality($1::text[]) * power(abs(hashint8((t.n * 20 + s) * 64 + i)::bigint) / 2147483649.0, 2.2))::int], ' ') AS txt
             FROM generate_series(1, 30) i
         ) x`,
      [WORDS, from, to, authors, POSTS_PER_THREAD],
    );
    if (to % 1000 === 0 || to === THREADS)
      console.log(
        `  seeding forums: ${to}/${THREADS} threads, ${(to * POSTS_PER_THREAD).toLocaleString('en-GB')} posts (${seconds(started)} s)`,
      );
  }
  await pool.query(`UPDATE forum_threads t SET last_post_id = p.id FROM forum_posts p WHERE p.thread_id = t.id AND p.seq = t.last_seq`);
  await pool.query(
    `UPDATE forum_categories c SET thread_count = $1::int / 10, post_count = $1::int * $2::int / 10, last_activity_at = now() WHERE slug LIKE 'soak-%'`,
    [THREADS, POSTS_PER_THREAD],
  );
  console.log(`  building the search index (${seconds(started)} s)`);
  await pool.query(`CREATE INDEX forum_posts_search_idx ON forum_posts USING GIN (search)`);
  await pool.query(`VACUUM ANALYZE`);
  console.log(
    `  forums seeded: ${THREADS} threads, ${(THREADS * POSTS_PER_THREAD).toLocaleString('en-GB')} posts in ${seconds(started)} s`,
  );
}

/** The hard limit on open files (`ulimit -Hn`): nginx holds two per proxied socket (client and replica). */
function openFilesLimit(): number {
  return Number(spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim()) || 16384;
}

/** nginx as a plain process on a loopback port, its own prefix and logs; `sites` is the server block(s). */
async function startNginx(upstreams: string, locations: string): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const prefix = mkdtempSync(join(tmpdir(), 'mn-soak-nginx-'));
  const port = await freePort();
  const config = `worker_processes 1;
worker_rlimit_nofile ${openFilesLimit()};
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections ${Math.min(65535, openFilesLimit() - 100)}; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${upstreams}
${locations.replace(/listen 80;/, `listen 127.0.0.1:${port};`)}
}
`;
  writeFileSync(join(prefix, 'nginx.conf'), config);
  const child: ChildProcess = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}; config in ${prefix}/nginx.conf`);
    try {
      await fetch(url);
      break;
    } catch {
      if (i > 100) throw new Error('nginx did not listen');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          const errors = readFileSync(join(prefix, 'error.log'), 'utf8').trim();
          if (errors) console.log(`  nginx error.log (last lines):\n${errors.split('\n').slice(-5).join('\n')}`);
          rmSync(prefix, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
      }),
  };
}

/** docker/nginx.conf with the replicas on loopback ports: the same proxying, round-robin, WebSocket upgrades. */
function dockerNginx(ports: number[]): { upstreams: string; locations: string } {
  const conf = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
  const upstream = /upstream api \{[^}]*\}/.exec(conf)![0];
  const replicas = `upstream api {\n${ports.map((p) => `  server 127.0.0.1:${p};`).join('\n')}\n}`;
  return { upstreams: '', locations: conf.replace(upstream, replicas) };
}

/** The baseline behind the same nginx settings: /socket.io/ to the bare socket.io pair, the rest to the bare forums pair. */
function bareNginx(httpPorts: number[], ioPorts: number[]): { upstreams: string; locations: string } {
  const proxy = `proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header Host $http_host;
    proxy_read_timeout 75s;`;
  return {
    upstreams: `upstream bare_http {\n${httpPorts.map((p) => `  server 127.0.0.1:${p};`).join('\n')}\n}
upstream bare_io {\n${ioPorts.map((p) => `  server 127.0.0.1:${p};`).join('\n')}\n}
map $http_upgrade $connection_upgrade { default upgrade; '' close; }`,
    locations: `server {
  listen 80;
  location /socket.io/ { proxy_pass http://bare_io; ${proxy} }
  location / { proxy_pass http://bare_http; ${proxy} }
}`,
  };
}

/** Children of a process (nginx's worker), from /proc. */
function childrenOf(pid: number | undefined): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Every Postgres process on this machine (other sessions' load included: the machine is shared). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3]! + n[4]!;
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

interface ProcessFigures {
  name: string;
  /** MB: before any socket, when the soak starts (every socket connected), when it ends, highest sampled. */
  rssIdleMb?: number;
  rssStartMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  /** Share of one core over the soak window. */
  cpuPercent: number;
}

/** CPU and RSS of named process groups over the soak window, RSS sampled every second. */
class Meter {
  private started = 0;
  private cpuAtStart = new Map<string, number>();
  private rssAtStart = new Map<string, number>();
  private peak = new Map<string, number>();
  private machineAtStart = machineTicks();
  private sampler?: NodeJS.Timeout;
  readonly timeline: { at: number; rssMb: Record<string, number> }[] = [];

  constructor(private readonly groups: Record<string, () => number[]>) {}

  /** The last reading of each process, for those that have exited by the end (the load generators). */
  private lastRss = new Map<number, number>();
  private lastCpu = new Map<number, number>();

  private rss(name: string) {
    return (
      this.groups[name]!().reduce((sum, pid) => {
        const now = rssOf(pid);
        if (now > 0) this.lastRss.set(pid, now);
        return sum + (this.lastRss.get(pid) ?? 0);
      }, 0) /
      1024 /
      1024
    );
  }

  private cpu(name: string) {
    return this.groups[name]!().reduce((sum, pid) => {
      const now = cpuSecondsOf(pid);
      if (now > 0) this.lastCpu.set(pid, now);
      return sum + (this.lastCpu.get(pid) ?? 0);
    }, 0);
  }

  start(): void {
    this.started = Date.now();
    this.machineAtStart = machineTicks();
    for (const name of Object.keys(this.groups)) {
      this.cpuAtStart.set(name, this.cpu(name));
      this.rssAtStart.set(name, this.rss(name));
      this.peak.set(name, this.rss(name));
    }
    let tick = 0;
    this.sampler = setInterval(() => {
      const sample: Record<string, number> = {};
      for (const name of Object.keys(this.groups)) {
        this.cpu(name);
        sample[name] = Math.round(this.rss(name));
        this.peak.set(name, Math.max(this.peak.get(name)!, sample[name]!));
      }
      if (tick++ % 30 === 0) this.timeline.push({ at: Math.round((Date.now() - this.started) / 1000), rssMb: sample });
    }, 1000);
  }

  stop(idle: Record<string, number>): { processes: ProcessFigures[]; machineBusyPercent: number } {
    clearInterval(this.sampler);
    const elapsed = (Date.now() - this.started) / 1000;
    const machine = machineTicks();
    return {
      machineBusyPercent:
        (100 * cpus().length * (machine.busy - this.machineAtStart.busy)) / Math.max(1, machine.total - this.machineAtStart.total),
      processes: Object.keys(this.groups).map((name) => {
        const end = this.rss(name);
        return {
          name,
          rssIdleMb: idle[name],
          rssStartMb: this.rssAtStart.get(name)!,
          rssEndMb: end,
          rssPeakMb: Math.max(this.peak.get(name)!, end),
          cpuPercent: (100 * (this.cpu(name) - this.cpuAtStart.get(name)!)) / elapsed,
        };
      }),
    };
  }
}

interface Phase {
  name: string;
  seconds: number;
  results: SoakResult[];
  processes: ProcessFigures[];
  machineBusyPercent: number;
  timeline: Meter['timeline'];
}

/** Splits the members over the workers by conversation (a conversation's sockets are all in one worker), runs them, starts them together. */
async function drive(
  name: string,
  target: SoakPlan['target'],
  url: string,
  members: SoakPlan['members'],
  content: { threadIds: string[]; categorySlugs: string[] },
  phaseSeconds: number,
  groups: Record<string, () => number[]>,
  idle: Record<string, number>,
): Promise<Phase> {
  const conversations = [...new Set(members.map((m) => m.conversationId))];
  const workerOf = new Map(conversations.map((c, i) => [c, i % WORKERS]));
  const files: string[] = [];
  const workers: ChildProcess[] = [];
  const connected: Record<string, unknown>[] = [];
  const results: SoakResult[] = [];
  let onAllConnected!: () => void;
  let onAllDone!: () => void;
  let onFailure!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (onFailure = reject));
  failed.catch(() => undefined);
  const allConnected = Promise.race([new Promise<void>((resolve) => (onAllConnected = resolve)), failed]);
  const allDone = Promise.race([new Promise<void>((resolve) => (onAllDone = resolve)), failed]);
  console.log(`\n${name}: ${members.length} members connecting from ${WORKERS} load-generator process(es) through nginx at ${url}`);
  const connectStarted = Date.now();
  for (let w = 0; w < WORKERS; w++) {
    const plan: SoakPlan = {
      target,
      worker: w,
      url,
      members: members.filter((m) => workerOf.get(m.conversationId) === w),
      threadIds: content.threadIds,
      categorySlugs: content.categorySlugs,
      searches: SEARCHES,
      seconds: phaseSeconds,
      meanIntervalSeconds: MEAN_INTERVAL_SECONDS,
      timeoutMs: TIMEOUT_MS,
    };
    const file = join(tmpdir(), `soak-plan-${process.pid}-${target}-${w}.json`);
    writeFileSync(file, JSON.stringify(plan));
    files.push(file);
    const child = spawnTs(
      join(__dirname, 'support/soak-load-generator.ts'),
      [file],
      (line) => {
        if ('kinds' in line) {
          results.push(line as unknown as SoakResult);
          if (results.length === WORKERS) onAllDone();
        } else {
          connected.push(line);
          if (connected.length === WORKERS) onAllConnected();
        }
      },
      { stdin: 'pipe' },
    );
    child.once('exit', (code) => {
      if (code !== 0) {
        workers.forEach((other) => other.kill('SIGTERM'));
        onFailure(new Error(`soak load generator ${w} exited with ${code}`));
      }
    });
    workers.push(child);
  }
  await allConnected;
  const count = connected.reduce((n, c) => n + Number(c.connected), 0);
  const failures = connected.reduce((n, c) => n + Number(c.connectFailures), 0);
  console.log(
    `  ${count} sockets connected in ${seconds(connectStarted)} s (${failures} could not connect); soaking for ${phaseSeconds} s`,
  );
  const meter = new Meter({ ...groups, 'load generator': () => workers.map((w) => w.pid!) });
  meter.start();
  workers.forEach((w) => w.stdin!.write('start\n'));
  await allDone;
  const usage = meter.stop(idle);
  files.forEach((f) => rmSync(f, { force: true }));
  return { name, seconds: phaseSeconds, results, ...usage, timeline: meter.timeline };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface KindFigures {
  kind: string;
  count: number;
  errors: number;
  errorRate: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  firstError?: string;
}

function kindFigures(phase: Phase): KindFigures[] {
  const rows: KindFigures[] = SOAK_KINDS.map((kind: SoakKind) => {
    const all = phase.results.map((r) => r.kinds[kind]);
    const latencies = all.flatMap((k) => k.latencies).sort((a, b) => a - b);
    const count = all.reduce((n, k) => n + k.count, 0);
    const errors = all.reduce((n, k) => n + k.errors, 0);
    return {
      kind: kind === 'chat' ? 'chat send (ack)' : kind,
      count,
      errors,
      errorRate: count ? errors / count : 0,
      perSecond: count / phase.seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      firstError: all.find((k) => k.firstError)?.firstError,
    };
  });
  const deliveries = phase.results.flatMap((r) => r.chat.deliveryLatencies).sort((a, b) => a - b);
  rows.push({
    kind: 'chat delivery',
    count: deliveries.length,
    errors: phase.results.reduce((n, r) => n + r.chat.lost, 0),
    errorRate: 0,
    perSecond: deliveries.length / phase.seconds,
    p50: percentile(deliveries, 50),
    p99: percentile(deliveries, 99),
    max: percentile(deliveries, 100),
  });
  return rows;
}

const fixed = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '-');

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
}

function report(app: Phase, baseline: Phase | undefined): Record<string, unknown> {
  const appKinds = kindFigures(app);
  const baseKinds = baseline ? kindFigures(baseline) : [];
  const sum = (phase: Phase, pick: (r: SoakResult) => number) => phase.results.reduce((n, r) => n + pick(r), 0);
  console.log(
    `\nsoak: ${MEMBERS} members, one action each every ${MEAN_INTERVAL_SECONDS} s on average (Poisson), mix ${SOAK_KINDS.map((k) => `${k} ${SOAK_MIX[k] * 100}%`).join(', ')}`,
  );
  console.log(
    `app: 2 api processes behind nginx, Postgres + Redis, ${app.seconds} s; baseline: 2 bare node:http + pg and 2 bare socket.io + Redis behind nginx, ${baseline?.seconds ?? 0} s`,
  );
  console.log(
    `latency in ms; errors = non-2xx, refused acks, timeouts (${TIMEOUT_MS} ms); chat delivery errors = deliveries lost; aim: 0 errors, p99 < ${AIM_P99_MS} ms`,
  );
  table(
    [
      'kind',
      'actions',
      '/s',
      'errors',
      'error %',
      'p50',
      'p99',
      'max',
      'base p50',
      'base p99',
      'base err',
      'p99 app/base',
      `p99<${AIM_P99_MS}`,
    ],
    appKinds.map((k) => {
      const b = baseKinds.find((x) => x.kind === k.kind);
      return [
        k.kind,
        String(k.count),
        fixed(k.perSecond),
        String(k.errors),
        fixed(100 * k.errorRate, 2),
        fixed(k.p50),
        fixed(k.p99),
        fixed(k.max, 0),
        fixed(b?.p50),
        fixed(b?.p99),
        b ? String(b.errors) : '-',
        b ? fixed(k.p99 / b.p99, 1) : '-',
        k.p99 < AIM_P99_MS ? 'yes' : 'NO',
      ];
    }),
  );
  const errors = appKinds.filter((k) => k.firstError).map((k) => `${k.kind}: ${k.firstError}`);
  if (errors.length) console.log(`first errors (app): ${errors.join(' | ')}`);
  const baseErrors = baseKinds.filter((k) => k.firstError).map((k) => `${k.kind}: ${k.firstError}`);
  if (baseErrors.length) console.log(`first errors (baseline): ${baseErrors.join(' | ')}`);

  console.log('\nchat messages and sockets');
  table(
    ['run', 'sockets', 'connect fail', 'dropped', 'sent', 'acked', 'expected deliveries', 'delivered', 'lost', 'doubled', 'unfinished'],
    [app, baseline]
      .filter((p): p is Phase => !!p)
      .map((p) => [
        p === app ? 'app' : 'baseline',
        String(sum(p, (r) => r.connected)),
        String(sum(p, (r) => r.connectFailures)),
        String(sum(p, (r) => r.drops)),
        String(sum(p, (r) => r.chat.sent)),
        String(sum(p, (r) => r.chat.acked)),
        String(sum(p, (r) => r.chat.expectedDeliveries)),
        String(sum(p, (r) => r.chat.deliveries)),
        String(sum(p, (r) => r.chat.lost)),
        String(sum(p, (r) => r.chat.duplicates)),
        String(sum(p, (r) => r.unfinished)),
      ]),
  );
  const drop = app.results.find((r) => r.firstDrop)?.firstDrop;
  if (drop) console.log(`first socket dropped (app): ${drop}`);

  console.log(
    '\nprocesses (RSS in MB: idle = started, no sockets; start = every socket connected; CPU in % of one core over the soak; 200% = both cores)',
  );
  table(
    ['run', 'process', 'RSS idle', 'RSS start', 'RSS end', 'RSS peak', 'CPU %'],
    [app, baseline]
      .filter((p): p is Phase => !!p)
      .flatMap((p) => [
        ...p.processes.map((x) => {
          // Postgres's processes share their buffers: a sum of their RSS would count them many times.
          const rss = (mb: number | undefined) => (x.name.startsWith('postgres') ? '-' : fixed(mb, 0));
          return [
            p === app ? 'app' : 'baseline',
            x.name,
            rss(x.rssIdleMb),
            rss(x.rssStartMb),
            rss(x.rssEndMb),
            rss(x.rssPeakMb),
            fixed(x.cpuPercent, 0),
          ];
        }),
        [
          p === app ? 'app' : 'baseline',
          'everything else (other sessions)',
          '-',
          '-',
          '-',
          '-',
          fixed(p.machineBusyPercent - p.processes.reduce((n, x) => n + x.cpuPercent, 0), 0),
        ],
        [p === app ? 'app' : 'baseline', `whole machine (${cpus().length} cores)`, '-', '-', '-', '-', fixed(p.machineBusyPercent, 0)],
      ]),
  );
  return { app: { ...app, kinds: appKinds }, baseline: baseline && { ...baseline, kinds: baseKinds } };
}

/** Drops the raw latencies from what is saved (the percentiles are kept). */
const withoutLatencies = (phase: Phase | undefined) =>
  phase && {
    ...phase,
    results: phase.results.map((r) => ({
      ...r,
      kinds: Object.fromEntries(Object.entries(r.kinds).map(([k, v]) => [k, { ...v, latencies: undefined }])),
      chat: { ...r.chat, deliveryLatencies: undefined },
    })),
  };

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `soak: ${MEMBERS} members for ${SECONDS} s (baseline ${BASELINE_SECONDS} s), ${THREADS} threads of ${POSTS_PER_THREAD} posts, ` +
      `${Math.ceil(MEMBERS / CONVERSATION_SIZE)} conversations of ${CONVERSATION_SIZE}, ${WORKERS} load-generator process(es), ` +
      `open files: ${openFilesLimit()} (nginx needs about ${2 * MEMBERS})`,
  );
  if (2 * MEMBERS + 200 > openFilesLimit())
    throw new Error(`nginx cannot hold ${MEMBERS} proxied sockets under an open-files limit of ${openFilesLimit()}`);
  const database = await openBenchDatabase('soak', 'postgres');
  const stops: (() => Promise<unknown>)[] = [];
  try {
    console.log('seeding: migrating, then members with sessions and their conversations');
    const members = await seedChatMembers(database.env.DATABASE_URL!, MEMBERS, Math.ceil(MEMBERS / CONVERSATION_SIZE));
    console.log(
      `  ${members.length} members and sessions in ${Math.ceil(MEMBERS / CONVERSATION_SIZE)} conversations (${seconds(started)} s)`,
    );
    const content = await database.withPool(async (pool) => {
      const [{ threads }] = (await pool.query(`SELECT count(*)::int AS threads FROM forum_threads`)).rows;
      if (threads < THREADS)
        await seedForums(
          pool,
          members.map((m) => m.userId),
        );
      else console.log(`  reusing ${threads} threads (BENCH_REUSE=1)`);
      const threadIds: string[] = (
        await pool.query(`SELECT id FROM forum_threads ORDER BY last_post_at DESC LIMIT $1`, [THREADS])
      ).rows.map((r) => r.id);
      const categorySlugs: string[] = (await pool.query(`SELECT slug FROM forum_categories WHERE slug LIKE 'soak-%'`)).rows.map(
        (r) => r.slug,
      );
      return { threadIds, categorySlugs };
    });
    const plans = members.map((m) => ({ token: m.token, conversationId: m.conversationId }));
    const postgres = () => postgresPids();
    let baseline: Phase | undefined;

    // 1. The baseline, same shape: bare HTTP pair and bare socket.io pair behind nginx.
    if (BASELINE_SECONDS > 0) {
      const config: BareForumsConfig = {
        databaseUrl: database.env.DATABASE_URL,
        poolSize: Number(database.env.DATABASE_POOL_SIZE),
        viewerId: members[0]!.userId,
      };
      process.env.BARE_REDIS_URL = REDIS_URL;
      process.env.BARE_KEY_PREFIX = `mn-soak-bare-${randomBytes(3).toString('hex')}:`;
      const bareHttp = [
        await startBaseline(join(__dirname, 'support/bare-forums-server.ts'), config),
        await startBaseline(join(__dirname, 'support/bare-forums-server.ts'), config),
      ];
      const bareIo = [
        await startBaseline(join(__dirname, 'support/bare-socketio-server.ts'), {}),
        await startBaseline(join(__dirname, 'support/bare-socketio-server.ts'), {}),
      ];
      const port = (url: string) => Number(new URL(url).port);
      const { upstreams, locations } = bareNginx(
        bareHttp.map((s) => port(s.url)),
        bareIo.map((s) => port(s.url)),
      );
      const nginx = await startNginx(upstreams, locations);
      try {
        const groups: Record<string, () => number[]> = {
          'bare http 1': () => [bareHttp[0]!.pid!],
          'bare http 2': () => [bareHttp[1]!.pid!],
          'bare socket.io 1': () => [bareIo[0]!.pid!],
          'bare socket.io 2': () => [bareIo[1]!.pid!],
          nginx: () => [nginx.pid!, ...childrenOf(nginx.pid)],
          'postgres (all, shared machine)': postgres,
        };
        const idle = Object.fromEntries(
          Object.entries(groups).map(([n, pids]) => [n, pids().reduce((s, p) => s + rssOf(p), 0) / 1024 / 1024]),
        );
        baseline = await drive('baseline', 'bare', nginx.url, plans, content, BASELINE_SECONDS, groups, idle);
      } finally {
        await nginx.stop();
        await Promise.all([...bareHttp, ...bareIo].map((s) => s.stop()));
      }
    }

    // 2. The app: two built api processes sharing Postgres and Redis, behind nginx as in docker/.
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: `mn-soak-${randomBytes(3).toString('hex')}:`, TRUST_PROXY: '1' };
    const servers = [await startBenchApp(database, shared), await startBenchApp(database, shared)];
    stops.push(() => Promise.all(servers.map((s) => s.stop())));
    const { upstreams, locations } = dockerNginx(servers.map((s) => s.port));
    const nginx = await startNginx(upstreams, locations);
    stops.unshift(() => nginx.stop());
    // Settle after start-up before the idle reading.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const groups: Record<string, () => number[]> = {
      'api 1': () => [servers[0]!.child.pid!],
      'api 2': () => [servers[1]!.child.pid!],
      nginx: () => [nginx.pid!, ...childrenOf(nginx.pid)],
      'postgres (all, shared machine)': postgres,
    };
    const idle = Object.fromEntries(Object.entries(groups).map(([n, pids]) => [n, pids().reduce((s, p) => s + rssOf(p), 0) / 1024 / 1024]));
    const app = await drive('app', 'app', nginx.url, plans, content, SECONDS, groups, idle);
    const figures = report(app, baseline);
    saveRows('soak', [], {
      members: MEMBERS,
      seconds: SECONDS,
      baselineSeconds: BASELINE_SECONDS,
      threads: THREADS,
      posts: THREADS * POSTS_PER_THREAD,
      workers: WORKERS,
      kinds: { app: (figures.app as { kinds: unknown }).kinds, baseline: (figures.baseline as { kinds: unknown } | undefined)?.kinds },
      app: withoutLatencies(app),
      baseline: withoutLatencies(baseline),
    });
    console.log(`\ntotal ${seconds(started)} s; figures in test/.artifacts/soak-bench.json`);
  } finally {
    for (const stop of stops) await stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
