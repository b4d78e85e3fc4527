import type { FastifyInstance } from 'fastify';

/**
 * API answers depend on who asks: no browser, proxy or shared cache may keep one unless its
 * route says otherwise by setting Cache-Control itself.
 */
export function installNoStoreForApi(fastify: FastifyInstance, apiPrefix: string): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(apiPrefix) && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
