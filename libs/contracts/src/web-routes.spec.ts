import { isWebClientPath, matchesWebRoute } from './web-routes';

describe('web client routes', () => {
  it('matches fixed paths exactly and parameters as one non-empty segment', () => {
    expect(matchesWebRoute('/members/:id', '/members/abc')).toBe(true);
    expect(matchesWebRoute('/members/:id', '/members/abc/')).toBe(true);
    expect(matchesWebRoute('/members/:id', '/members')).toBe(false);
    expect(matchesWebRoute('/members/:id', '/members/abc/def')).toBe(false);
    expect(matchesWebRoute('/', '/')).toBe(true);
  });

  it('knows the pages of the client and nothing else', () => {
    for (const path of ['/', '/forums/threads/1', '/forums/search', '/chat/x', '/admin', '/admin/flags'])
      expect(isWebClientPath(path)).toBe(true);
    for (const path of ['/nowhere', '/forums/threads', '/admin/nowhere', '/members/a/b', '/index.php'])
      expect(isWebClientPath(path)).toBe(false);
  });
});
