import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import {
  AppConfig,
  ProblemFilter,
  createValidationPipe,
  installHttpMetrics,
  installNoStoreForApi,
  installOriginCheck,
  installRequestBodyRules,
} from '@mutuals/core';
import { AppModule } from './app.module';
import { readApiDocuments } from './openapi';
import { RealtimeAdapter } from '@mutuals/realtime';
import { serveApiReference, serveWebClient } from './web-client';
import { closeConnectionsWhenDraining } from './shutdown';

const API_PREFIX = 'api/v1';

function webRoot(config: AppConfig): string | null {
  const root = config.webRoot ?? resolve(__dirname, '../../../web');
  return existsSync(join(root, 'index.html')) ? root : null;
}

/** The whole server, configured the same way for `npm start`, the CLI's server mode and tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Tokens, cookies and passwords never reach the log.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger:
      config.logLevel === 'silent'
        ? false
        : config.logLevel === 'debug' || config.logLevel === 'trace'
          ? ['error', 'warn', 'log', 'debug']
          : ['error', 'warn'],
    bufferLogs: false,
    // The body parsers are ours (installRequestBodyRules): JSON only, depth-bounded.
    bodyParser: false,
    // Fail with the error itself, not a bare exit, so callers and tests see why.
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installRequestBodyRules(fastify, config.bodyLimitBytes);
  installOriginCheck(fastify, config.allowedOrigins);
  installNoStoreForApi(fastify, `/${API_PREFIX}/`);
  installHttpMetrics(fastify);
  closeConnectionsWhenDraining(fastify);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.useWebSocketAdapter(new RealtimeAdapter(app, config));

  await app.register(fastifyCookie);
  // Uploads (POST /files) stream their one file; each use sets its own, smaller, size limit.
  await app.register(fastifyMultipart, {
    limits: { fileSize: Math.max(...Object.values(config.files.maxBytes)), files: 1, parts: 3, fieldSize: 1024, headerPairs: 50 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // 'self' covers the same-origin socket (ws: and wss: included) in current browsers.
        connectSrc: ["'self'", ...config.allowedOrigins],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });

  serveApiReference(fastify, readApiDocuments());

  const root = webRoot(config);
  if (root) serveWebClient(fastify, root);
  return app;
}
