// The load side of every HTTP benchmark, run as its own process so that it never shares the
// server's event loop. Reads its plan from the JSON file named by argv[2]; prints one JSON line
// `{"measuring":true}` when the measured window opens (after the warm-up), then one result line.
//   saturation (closed model): autocannon keeps `connections` requests in flight for `seconds`.
//   rate (open model): requests start at fixed times, `rate` a second, whatever the answers do;
//   latency counts from the time a request was due, so a server that falls behind shows it
//   (no coordinated omission), and the queue of late requests is bounded by `connections` sockets.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpLoadPlan {
  url: string;
  requests: PlannedRequest[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Requests a second (open model); absent means saturation. */
  rate?: number;
}

export interface HttpLoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** One answer that was not 2xx, to say why. */
  firstError?: string;
}

// autocannon ships no types; this is the part used here.
interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult> & { on(event: 'response', listener: (client: unknown, status: number, body: unknown) => void): void };

/** Each connection takes a random planned request each time: 64 connections never march in step. */
const randomly = (plan: HttpLoadPlan): AutocannonRequest[] => [
  { method: 'GET', path: '/', setupRequest: () => ({ ...plan.requests[Math.floor(Math.random() * plan.requests.length)]! }) },
];

async function saturate(plan: HttpLoadPlan, seconds: number): Promise<HttpLoadResult> {
  const run = autocannon({ url: plan.url, connections: plan.connections, duration: seconds, requests: randomly(plan) });
  let firstError: string | undefined;
  run.on('response', (_client, status) => {
    if (status >= 300 && !firstError) firstError = `HTTP ${status}`;
  });
  const result = await run;
  const total = result.requests.total;
  return {
    requests: total,
    seconds: result.duration,
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    firstError,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function openModel(plan: HttpLoadPlan, seconds: number): Promise<HttpLoadResult> {
  const target = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const planned = plan.requests[Math.floor(Math.random() * plan.requests.length)]!;
      const req = request(
        { host: target.hostname, port: target.port, method: planned.method, path: planned.path, headers: planned.headers, agent },
        (res) => {
          res.resume();
          res.once('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode! >= 300) fail(`HTTP ${res.statusCode}`);
            resolve();
          });
        },
      );
      req.once('error', (error) => {
        fail(error.message);
        resolve();
      });
      req.end(planned.body);
    });
  const started = performance.now();
  const total = Math.round(plan.rate! * seconds);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / plan.rate!;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    firstError,
  };
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as HttpLoadPlan;
  const run = (seconds: number) => (plan.rate ? openModel(plan, seconds) : saturate(plan, seconds));
  // Warm-up: JIT, pool connections, plan and buffer caches.
  if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
  process.stdout.write(`${JSON.stringify({ measuring: true })}\n`);
  const result = await run(plan.seconds);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
