import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BUILT_SERVER = join(__dirname, '../../dist/apps/api/src/main.js');
export const BUILT_CLI = join(__dirname, '../../dist/apps/api/src/cli.js');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait: a graceful shutdown. */
  stop(): Promise<number | null>;
  /** SIGKILL: a replica dying. */
  kill(): Promise<void>;
}

function freePort(): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const net = require('node:net') as typeof import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function assertBuilt(): void {
  if (!existsSync(BUILT_SERVER)) throw new Error('dist is not built: run `npm run build` (npm test does it first)');
}

/** The built server as a real process, as `npm start` runs it, ready when /health/ready answers. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  assertBuilt();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`server not ready in ${timeoutMs} ms:\n${output}`);
  }
  const exited = () => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
  return {
    url,
    port,
    child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited();
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
}

/** Runs the built CLI to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
