import { normaliseScopes, scopeNeeded, tokenAllows, visiblePrefix } from './api-token-scopes';

describe('API token scopes', () => {
  it('needs read for GET and HEAD, write for every other method, admin for coordinator routes', () => {
    expect(scopeNeeded('GET', false)).toBe('read');
    expect(scopeNeeded('head', false)).toBe('read');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(scopeNeeded(method, false)).toBe('write');
    for (const method of ['GET', 'POST', 'DELETE']) expect(scopeNeeded(method, true)).toBe('admin');
  });

  it('refuses a write with a read-only token and a coordinator route without admin', () => {
    expect(tokenAllows(['read'], 'POST', false)).toBe(false);
    expect(tokenAllows(['read', 'write'], 'GET', true)).toBe(false);
    expect(tokenAllows(['admin'], 'GET', false)).toBe(false);
    expect(tokenAllows(['admin'], 'POST', true)).toBe(true);
  });

  it('keeps known scopes once each in a fixed order, and shows twelve characters of a token', () => {
    expect(normaliseScopes(['write', 'read', 'write', 'root'])).toEqual(['read', 'write']);
    expect(visiblePrefix('mnp_abcdefghijklmnop')).toBe('mnp_abcdefgh');
  });
});
