// Which scope a request needs, in plain TypeScript (no framework): the guard asks it for every
// request that comes with a personal API token.

export const API_TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Every personal API token starts with this, so that it is recognised (and found by secret scanners). */
export const API_TOKEN_PREFIX = 'mnp_';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The one scope a request needs: `admin` for a coordinator route (any method), else `read` for
 * GET and HEAD, else `write`. OPTIONS needs `read` too.
 */
export function scopeNeeded(method: string, coordinatorRoute: boolean): ApiTokenScope {
  if (coordinatorRoute) return 'admin';
  const upper = method.toUpperCase();
  return READ_METHODS.has(upper) || upper === 'OPTIONS' ? 'read' : 'write';
}

export function tokenAllows(scopes: readonly string[], method: string, coordinatorRoute: boolean): boolean {
  return scopes.includes(scopeNeeded(method, coordinatorRoute));
}

/** Scopes as stored: known ones only, once each, in a fixed order. */
export function normaliseScopes(scopes: readonly string[]): ApiTokenScope[] {
  return API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope));
}

/** The part of a token shown in lists: the prefix and eight characters of the secret. */
export const visiblePrefix = (secret: string): string => secret.slice(0, API_TOKEN_PREFIX.length + 8);
