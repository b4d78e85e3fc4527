import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldError, GenericErrors } from '../errors/domain-error';
import { invalidInput } from '../errors/validation';

export const JSON_MEDIA_TYPE = 'application/json';
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** Deeper JSON than this is refused while parsing, before validation could recurse into it. */
export const MAX_JSON_DEPTH = 32;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface BodyRouteConfig {
  acceptsBody?: string[];
}

/**
 * The media types a route takes besides JSON, e.g. `@AcceptsBody('multipart/form-data')` on an
 * upload route (its parser registered by that lib). Every other unsafe request must send JSON.
 */
export const AcceptsBody = (...mediaTypes: string[]) => RouteConfig({ acceptsBody: mediaTypes } satisfies BodyRouteConfig);

function mediaTypeOf(request: FastifyRequest): string | null {
  const header = request.headers['content-type'];
  return header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A cross-site HTML form can only send urlencoded, multipart or text/plain bodies; refusing every
 * media type a route does not name (415) takes that door away before any parsing.
 */
function refuseUnlistedMediaTypes(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const type = mediaTypeOf(request);
  if (type === null && !hasBody(request)) return;
  const accepted = [JSON_MEDIA_TYPE, ...((request.routeOptions.config as BodyRouteConfig | undefined)?.acceptsBody ?? [])];
  if (type === null || !accepted.includes(type)) {
    throw GenericErrors.unsupportedMediaType(`Send the body as ${accepted.join(' or ')}`);
  }
}

/** True when brackets nest deeper than `limit`; strings (and escapes in them) are skipped. */
export function nestsDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// An upload's buffers and streams are not text: never walked (a file could be megabytes).
function isBinary(value: object): boolean {
  return ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function';
}

/** Paths of every string holding a NUL ("bio", "mentor.expertise.0"): Postgres text cannot store one. */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (value === null || typeof value !== 'object' || isBinary(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(key.includes('\u0000') ? [path ? `${path}.${key}` : key] : []),
    ...fieldsWithNul(child, path ? `${path}.${key}` : key),
  ]);
}

/** A 400 naming every field that holds a NUL; used for HTTP requests and socket payloads alike. */
export function refuseNul(...parts: unknown[]): void {
  const fields = [...new Set(parts.flatMap((part) => fieldsWithNul(part)))];
  if (fields.length === 0) return;
  throw invalidInput(fields.map((field): FieldError => ({ field, message: 'must not contain NUL characters' })));
}

function refuseNulCharacters(request: FastifyRequest): void {
  refuseNul(request.params, request.query, request.body);
}

/**
 * Request bodies, decided once for every route: JSON only (unless a route names more), parsed
 * with a depth bound, and no NUL in any string of the body, query or path.
 */
export function installRequestBodyRules(fastify: FastifyInstance, bodyLimit: number): void {
  // Fastify's own text/plain parser would let a cross-site form in; forms pass only where a route allows them.
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body.toString();
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(invalidInput([{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  // Parsed for the few routes that name it (RFC 8058 one-click unsubscribe); refused elsewhere.
  fastify.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body.toString())));
  });
  fastify.addHook('onRequest', async (request) => refuseUnlistedMediaTypes(request));
  fastify.addHook('preValidation', async (request) => refuseNulCharacters(request));
}
