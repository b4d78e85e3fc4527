import { Parser } from 'htmlparser2';
import request from 'supertest';
import { XSS_VECTORS } from '../support/xss-vectors';
import { createCoordinator, createMember } from '../support/factories';
import { allPosts, createCategory, createThread } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel', 'target', 'class'],
  ol: ['start'],
  code: ['class'],
  th: ['class'],
  td: ['class'],
  blockquote: ['class'],
};
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
]);

/** What a browser would act on in stored HTML: any tag, attribute or link outside the allow-list. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (!ALLOWED_TAGS.has(tag)) problems.push(`<${tag}>`);
        for (const [name, value] of Object.entries(attributes)) {
          if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) problems.push(`<${tag} ${name}>`);
          if (name === 'href') {
            const protocol = (() => {
              try {
                return new URL(value, 'https://mutuals.test/').protocol;
              } catch {
                return 'unparseable';
              }
            })();
            if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`href=${value}`);
          }
        }
        if (tag === 'a' && attributes.rel !== 'nofollow ugc noopener') problems.push(`rel=${attributes.rel}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return problems;
}

// A NUL character is refused at the edge for every field (400 naming it), before any renderer.
const WITH_NUL = XSS_VECTORS.filter((vector) => vector.includes('\u0000'));
const STORABLE = XSS_VECTORS.filter((vector) => !vector.includes('\u0000'));

describe('forums: hostile Markdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`stores only allow-listed HTML for each of the ${XSS_VECTORS.length} vectors (refusing the ${WITH_NUL.length} with a NUL), as a thread, a reply and an edit`, async () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
    const author = await createMember(t);
    const category = await createCategory(t, await createCoordinator(t));
    const thread = await createThread(t, author, category.id, { title: 'XSS corpus', body: XSS_VECTORS[0]! });
    for (const vector of STORABLE) {
      await request(t.url)
        .post(`/api/v1/forums/threads/${thread.id}/posts`)
        .set(author.auth)
        .send({ body: vector, replyToPostId: thread.firstPost.id })
        .expect(201);
    }
    for (const vector of WITH_NUL) {
      const refused = await request(t.url)
        .post(`/api/v1/forums/threads/${thread.id}/posts`)
        .set(author.auth)
        .send({ body: vector })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'body', message: 'must not contain NUL characters' }]);
    }
    const posts = await allPosts(t, author, thread.id);
    expect(posts).toHaveLength(STORABLE.length + 1);
    const failures = posts.flatMap((p, i) => unsafeParts(p.bodyHtml).map((problem) => `vector ${i}: ${problem} in ${p.bodyHtml}`));
    expect(failures).toEqual([]);

    // Edits go through the same renderer, quote splitting included.
    const edited = await request(t.url)
      .patch(`/api/v1/forums/posts/${posts[1]!.id}`)
      .set(author.auth)
      .send({ body: `> ${STORABLE.join('\n> ')}\n\n${STORABLE.join('\n\n')}` })
      .expect(200);
    expect(unsafeParts(edited.body.bodyHtml)).toEqual([]);
  });

  it('keeps preview and search snippets as safe as stored posts', async () => {
    const author = await createMember(t);
    const category = await createCategory(t, await createCoordinator(t));
    await createThread(t, author, category.id, {
      title: 'Snippet vectors',
      body: `ploughshare ${XSS_VECTORS.slice(0, 40).join(' ploughshare ')}`,
    });
    for (const vector of STORABLE) {
      const preview = await request(t.url).post('/api/v1/forums/preview').set(author.auth).send({ body: vector }).expect(200);
      expect(unsafeParts(preview.body.html)).toEqual([]);
    }
    const found = await request(t.url).get('/api/v1/forums/search').query({ q: 'ploughshare' }).set(author.auth).expect(200);
    expect(found.body.items).toHaveLength(1);
    const parts: string[] = [];
    new Parser({ onopentag: (tag) => parts.push(tag) }).end(found.body.items[0].snippet);
    expect(new Set(parts)).toEqual(new Set(['mark']));
  });
});
