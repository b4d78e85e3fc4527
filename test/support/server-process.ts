// A real api process (node dist/apps/api/src/main.js) for tests and benchmarks that need to kill
// a replica with SIGKILL or measure a server apart from its load. Needs the built server:
// `npx nest build api` (npm test builds it first).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { serverEnv } from '../../scripts/server-runtime';

export const SERVER_ENTRY = join(__dirname, '../../dist/apps/api/src/main.js');
export const CLI_ENTRY = join(__dirname, '../../dist/apps/api/src/cli.js');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resident memory of the server process in bytes (from /proc; 0 where unavailable). */
  rss(): number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then the exit code once the graceful shutdown is done. */
  stop(): Promise<number | null>;
}

/** Resident memory of a process in bytes, from /proc (0 where that is unavailable). */
export function rssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `nodeArgs` go before the entry (say ['--cpu-prof'] to profile the server). */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000, nodeArgs: string[] = []): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npx nest build api\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    env: serverEnv({ PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = () =>
    new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
  return {
    url,
    port,
    child,
    rss: () => rssOf(child.pid),
    stop: () => {
      child.kill('SIGTERM');
      return exited();
    },
    kill: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * Starts the built server and answers once a line of its output matches `pattern` (e.g. a point
 * of the demo data load), without waiting for it to listen: for killing it half-way.
 */
export function startServerUntilOutput(env: Record<string, string>, pattern: RegExp, timeoutMs = 120_000): Promise<ChildProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npx nest build api\` first`);
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: serverEnv({ PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no output matching ${pattern} after ${timeoutMs} ms: ${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before ${pattern}: ${output.slice(-2000)}`));
    });
  });
}

/** SIGKILL, as a power cut or an OOM killer would: no shutdown hooks run. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs the built CLI to completion, as `npm run cli -- ...` does. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  if (!existsSync(CLI_ENTRY)) throw new Error(`${CLI_ENTRY} is missing: run \`npx nest build api\` first`);
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
