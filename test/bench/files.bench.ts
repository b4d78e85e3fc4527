// Serving avatars: 64 concurrent connections downloading cached avatars from the real api (its own
// process, Postgres storage, the visibility check and session lookup on every request) against a
// bare node:http server streaming the same bytes from disk (also its own process), in the same
// run; load comes from this process with autocannon. Uploads are measured too (each is decoded,
// resized and re-encoded by sharp). @fastify/static is not the baseline: its current major is
// ESM-only and the project dropped it; a bare node:http file server is the floor it would approach.
//   npm run bench -- files          (DATABASE_URL default postgres://postgres@127.0.0.1:5432/test)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import sharp from 'sharp';
import { startServerProcess } from '../support/server-process';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: Buffer;
  requests?: { method: 'GET'; path: string }[];
}) => Promise<AutocannonResult>;

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = 'mn_bench_files';
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MEMBERS = 20;

async function recreateDatabase(): Promise<string> {
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

const photo = (i: number) =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: (i * 37) % 255, g: (i * 91) % 255, b: 160 } } })
    .composite([
      { input: Buffer.from(`<svg width="1200" height="900"><circle cx="600" cy="450" r="${200 + i * 5}" fill="#f5b942"/></svg>`) },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();

function multipart(bytes: Buffer, boundary: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

async function json<T>(url: string, init: RequestInit & { token?: string }): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: {
      ...(init.body && typeof init.body === 'string' && { 'content-type': 'application/json' }),
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** A bare node:http server in its own process, streaming files from a directory with an ETag. */
function startBareServer(dir: string): Promise<{ port: number; stop(): void }> {
  const source = `
    const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
    const dir = ${JSON.stringify(dir)};
    const server = http.createServer((req, res) => {
      const file = path.join(dir, path.basename(req.url));
      fs.stat(file, (error, stat) => {
        if (error) { res.statusCode = 404; return res.end(); }
        res.writeHead(200, { 'content-type': 'image/webp', 'content-length': stat.size, etag: '"' + stat.mtimeMs + '-' + stat.size + '"',
          'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
        fs.createReadStream(file).pipe(res);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ port: (JSON.parse(line) as { port: number }).port, stop: () => child.kill() }),
    );
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

const figures = (r: AutocannonResult) =>
  `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx + r.errors} failed`;

async function main(): Promise<void> {
  const databaseUrl = await recreateDatabase();
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20', RATE_LIMITS: 'false' });
  const bare = mkdtempSync(join(tmpdir(), 'mn-bench-files-'));
  let baseline: { port: number; stop(): void } | null = null;
  try {
    const api = `${server.url}/api/v1`;
    const tokens: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const { token } = await json<{ token: string }>(`${api}/auth/register`, {
        method: 'POST',
        body: JSON.stringify({ email: `bench${i}@bench.example`, password: 'correct horse battery', displayName: `Bench Member ${i}` }),
      });
      tokens.push(token);
    }

    // Uploads: one large photo re-encoded into a 256 px avatar per request.
    const boundary = 'benchboundary1234';
    const uploadBody = multipart(await photo(0), boundary);
    const uploads = await autocannon({
      url: `${api}/files?purpose=avatar`,
      connections: 4,
      duration: 5,
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: uploadBody,
    });

    // Avatars set for every member, then the same bytes written to disk for the baseline.
    const urls: string[] = [];
    for (const [i, token] of tokens.entries()) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await photo(i + 1))], { type: 'image/jpeg' }), 'me.jpg');
      const file = await json<{ id: string; url: string }>(`${api}/files?purpose=avatar`, { method: 'POST', body: form, token });
      await json(`${api}/me/avatar`, { method: 'PUT', body: JSON.stringify({ fileId: file.id }), token });
      urls.push(file.url);
      const bytes = Buffer.from(
        await (await fetch(`${server.url}${file.url}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
      );
      writeFileSync(join(bare, `${i}.webp`), bytes);
    }
    baseline = await startBareServer(bare);

    const viewer = tokens[MEMBERS - 1]!;
    const apiRun = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: `Bearer ${viewer}` },
      requests: urls.map((path) => ({ method: 'GET', path })),
    });
    const bareRun = await autocannon({
      url: `http://127.0.0.1:${baseline.port}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: urls.map((_, i) => ({ method: 'GET', path: `/${i}.webp` })),
    });

    console.log(`uploads (1200x900 JPEG -> 256 px WebP avatar, 4 connections, 5 s): ${figures(uploads)}`);
    console.log(`downloads of ${MEMBERS} cached avatars, ${CONNECTIONS} connections, ${SECONDS} s:`);
    console.log(`  api (session + visibility check + memory cache): ${figures(apiRun)}`);
    console.log(`  bare node:http from disk:                        ${figures(bareRun)}`);
    console.log(
      `  api / bare throughput: ${(apiRun.requests.average / bareRun.requests.average).toFixed(2)}; p99 ratio ${(apiRun.latency.p99 / Math.max(1, bareRun.latency.p99)).toFixed(2)}`,
    );
  } finally {
    baseline?.stop();
    await server.stop();
    rmSync(bare, { recursive: true, force: true });
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
