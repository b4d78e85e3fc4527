import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GenericErrors } from '../errors/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An Origin header names this site: listed in ALLOWED_ORIGINS, or (none listed) the request's own host. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!origin) return false;
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A browser says where a request comes from (Origin, Sec-Fetch-Site); a client with neither
 * header is not a browser and carries no ambient credentials to abuse.
 */
function fromAnotherSite(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return !originAllowed(origin, request.headers.host, allowedOrigins);
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/**
 * Sign-in, registration and every other state change may not come from another site's page
 * (login CSRF signs a visitor into the attacker's account). Bearer callers are exempt: a page
 * elsewhere cannot make a browser send our token.
 */
export function installOriginCheck(fastify: FastifyInstance, allowedOrigins: readonly string[]): void {
  fastify.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || /^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    if (fromAnotherSite(request, allowedOrigins)) {
      throw GenericErrors.crossSiteRequest('Requests that change something must come from this site');
    }
  });
}
