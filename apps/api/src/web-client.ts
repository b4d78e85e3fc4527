import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isWebClientPath } from '@mutuals/contracts';

/** One file of the built client, held in memory: the whole build is well under a megabyte. */
interface ClientFile {
  body: Buffer;
  gzipped: Buffer | null;
  type: string;
  etag: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function clientFile(body: Buffer, extension: string, cacheControl: string): ClientFile {
  return {
    body,
    gzipped: COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body) : null,
    type: TYPES[extension],
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    cacheControl,
  };
}

function loadClient(root: string): Map<string, ClientFile> {
  const files = new Map<string, ClientFile>();
  for (const path of listFiles(root)) {
    const extension = extname(path);
    // Source maps stay on the build machine; unknown kinds are not ours to serve.
    if (extension === '.map' || !TYPES[extension]) continue;
    const urlPath = '/' + relative(root, path).split(sep).join('/');
    // Vite names every asset by its content hash, so those never change; the rest are revalidated.
    const cacheControl = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    files.set(urlPath, clientFile(readFileSync(path), extension, cacheControl));
  }
  return files;
}

function send(request: FastifyRequest, reply: FastifyReply, file: ClientFile, status = 200): FastifyReply {
  reply
    .status(status)
    .header('Content-Type', file.type)
    .header('ETag', file.etag)
    .header('Cache-Control', file.cacheControl)
    .header('Vary', 'Accept-Encoding');
  if (status === 200 && request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (file.gzipped && acceptsGzip) return reply.header('Content-Encoding', 'gzip').send(file.gzipped);
  return reply.send(file.body);
}

const SERVER_PATHS = /^\/(api|health|metrics|socket\.io)(\/|$)/;

/** A page the server renders itself into index.html (the public stories), so crawlers without JavaScript see it. */
export interface ServerRenderedPage {
  status: 200 | 301 | 404;
  location?: string;
  head?: string;
  body?: string;
}

export interface ServerRenderedPages {
  page(path: string, query: URLSearchParams): Promise<ServerRenderedPage | null>;
}

/**
 * index.html with the page's head tags in place of the default title and description, and its
 * static body inside #root (the client replaces it when it starts). Kept per rendered page object,
 * which the pages' own cache holds until a story changes.
 */
function withPage(index: ClientFile, page: ServerRenderedPage, cache: WeakMap<ServerRenderedPage, ClientFile>): ClientFile {
  const known = cache.get(page);
  if (known) return known;
  let html = index.body.toString('utf8');
  if (page.head)
    html = html
      .replace(/<title>[^<]*<\/title>/, '')
      .replace(/<meta name="description"[^>]*>/, '')
      .replace('</head>', `    ${page.head}\n  </head>`);
  if (page.body) html = html.replace('<div id="root"></div>', `<div id="root">${page.body}</div>`);
  const file = clientFile(Buffer.from(html), '.html', 'no-cache');
  cache.set(page, file);
  return file;
}

/**
 * Serves the built single-page client at /: its files by exact path, and index.html for the
 * client's pages (WEB_ROUTES of @mutuals/contracts); any other path gets index.html with 404, so
 * the client shows its not-found page and the status is honest. Paths the server owns stay
 * problem+json 404s.
 */
export function serveWebClient(fastify: FastifyInstance, root: string, rendered?: ServerRenderedPages): void {
  const files = loadClient(root);
  const index = files.get('/index.html');
  if (!index) throw new Error(`The web client at ${root} has no index.html: run npm run build:web`);
  const renderedFiles = new WeakMap<ServerRenderedPage, ClientFile>();
  fastify.get('/*', async (request, reply) => {
    const [rawPath, search] = request.url.split('?');
    const path = decodeURIComponentSafe(rawPath ?? '/');
    if (SERVER_PATHS.test(path)) {
      return reply
        .status(404)
        .header('Content-Type', 'application/problem+json; charset=utf-8')
        .send({
          type: 'https://mutuals.network/problems/404',
          title: 'Not found',
          status: 404,
          code: 'notFound',
          detail: `No route for GET ${path}`,
        });
    }
    const file = files.get(path);
    if (file) return send(request, reply, file);
    // A missing hashed asset is a real 404, not a page (an old tab asking for a replaced build).
    if (path.startsWith('/assets/')) return reply.status(404).header('Content-Type', 'text/plain; charset=utf-8').send('Not found');
    const page = rendered && (await rendered.page(path, new URLSearchParams(search ?? '')));
    if (page?.status === 301) return reply.status(301).header('Location', page.location!).header('Cache-Control', 'no-cache').send();
    if (page) return send(request, reply, withPage(index, page, renderedFiles), page.status);
    return send(request, reply, index, isWebClientPath(path) ? 200 : 404);
  });
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The interactive API reference at /api/docs: Swagger UI's own files (from swagger-ui-dist) and a
 * page that loads the committed contract; no inline script, so the strict CSP holds here too.
 */
export function serveApiReference(fastify: FastifyInstance, documents: ReadonlyMap<string, Buffer>): void {
  const documentUrl = '/api/docs/openapi.json';
  // Its folder only: the package's main module loads the 3 MB browser bundle into this process (about 38 MB RSS).
  const dist = dirname(require.resolve('swagger-ui-dist/package.json'));
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mutuals Network API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-initializer.js"></script></body></html>`;
  const initializer = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(documentUrl)}, dom_id: '#swagger-ui' });`;
  const files = new Map<string, ClientFile>([
    ['/api/docs', clientFile(Buffer.from(page), '.html', 'no-cache')],
    ['/api/docs/swagger-initializer.js', clientFile(Buffer.from(initializer), '.js', 'no-cache')],
    ['/api/docs/swagger-ui.css', clientFile(readFileSync(join(dist, 'swagger-ui.css')), '.css', 'public, max-age=86400')],
    ['/api/docs/swagger-ui-bundle.js', clientFile(readFileSync(join(dist, 'swagger-ui-bundle.js')), '.js', 'public, max-age=86400')],
  ]);
  for (const [name, document] of documents) files.set(`/api/docs/${name}`, clientFile(document, '.json', 'no-cache'));
  for (const [path, file] of files) fastify.get(path, (request, reply) => send(request, reply, file));
}
