import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@mutuals/core';
import { RealtimeService } from '@mutuals/realtime';

const draining = new WeakSet<FastifyInstance>();

/** While shutting down, every answer closes its connection, so keep-alive clients move on. */
export function closeConnectionsWhenDraining(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (_request, reply) => {
    if (draining.has(fastify)) reply.header('Connection', 'close');
  });
}

/**
 * SIGTERM: stop accepting connections, answer what is in flight (HTTP requests and socket events)
 * on connections that then close, tell socket clients to reconnect elsewhere, close idle
 * keep-alive connections as they become idle, then close the app (pools, Redis, database).
 * Bounded by the caller's timer at config.shutdownGraceMs.
 */
export async function shutDownGracefully(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const deadline = Date.now() + config.shutdownGraceMs;
  const server = app.getHttpServer() as Server;
  draining.add(app.getHttpAdapter().getInstance());
  // close() stops listening and closes the connections idle now; the sweep catches those that
  // become idle after their last answer (keep-alive would hold them for 72 s).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await app.get(RealtimeService).drain(deadline);
    await closed;
  } finally {
    clearInterval(sweep);
  }
  await app.close();
}
