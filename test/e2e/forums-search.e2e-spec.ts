import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { ForumSearchPage } from '@mutuals/contracts';
import { TestMember, createCoordinator, createMember } from '../support/factories';
import { createCategory, createThread, reply } from '../support/forums';
import { type Replicas, TestApp, startReplicas, usingRedis, usingServerDatabase } from '../support/test-app';

// Forum search (issue 17): ranked from impact-ordered postings kept by triggers, served from a
// cache of results. The ranking is checked against the whole table ranked by the same score, and
// every change that takes a post out of a search must show at once, on Postgres + Redis on the
// other replica too.
const replicas = usingServerDatabase() && usingRedis();

describe(`forum search (${replicas ? 'two processes, Postgres + Redis' : 'one process'})`, () => {
  let processes: Replicas;
  let one: TestApp;
  let readers: TestApp[];
  let author: TestMember;
  let reader: TestMember;
  let moderator: TestMember;
  let category: { id: string; slug: string };

  beforeAll(async () => {
    processes = await startReplicas();
    ({ one, readers } = processes);
    [author, reader, moderator] = [await createMember(one), await createMember(one), await createCoordinator(one)];
    category = await createCategory(one, moderator);
  });
  afterAll(async () => {
    await processes?.close();
  });

  /** A word no other test uses: the stemmer keeps it as it is. */
  const unique = () =>
    `zq${randomBytes(4)
      .toString('hex')
      .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const page = async (
    q: string,
    query: { limit?: number; cursor?: string; categoryId?: string } = {},
    app = one,
  ): Promise<ForumSearchPage> =>
    (
      await request(app.url)
        .get('/api/v1/forums/search')
        .query({ q, ...query })
        .set(reader.auth)
        .expect(200)
    ).body;
  /** The post ids found, the same on every process. */
  const found = async (q: string, query: { limit?: number; categoryId?: string } = {}) => {
    const seen = await Promise.all(readers.map(async (app) => (await page(q, query, app)).items.map((i) => i.postId)));
    for (const ids of seen.slice(1)) expect(ids).toEqual(seen[0]);
    return seen[0]!;
  };
  /** Every page, following nextCursor. */
  const allPages = async (q: string, limit: number) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(q, { limit, ...(cursor && { cursor }) });
      ids.push(...next.items.map((i) => i.postId));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };
  /** What search should find: every visible match in a visible thread, by its score (the sum of its words' ranks, and its age), over the whole table. */
  const truth = async (q: string): Promise<string[]> =>
    (
      await one.app.get(DataSource).query(
        `SELECT p.id FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
          WHERE p.status = 'visible' AND NOT t.hidden AND p.search @@ websearch_to_tsquery('english', $1)
          ORDER BY forum_search_score((SELECT sum(ts_rank_cd(p.search, forum_search_term(term))::float8)
                                         FROM forum_search_terms(websearch_to_tsquery('english', $1)) term), p.created_at) DESC, p.id DESC`,
        [q],
      )
    ).map((r: { id: string }) => r.id);
  const backdate = (postId: string, days: number) =>
    one.app.get(DataSource).query(`UPDATE forum_posts SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [postId, days]);

  it('ranks a title match above a body match, and a recent post above an old one as relevant', async () => {
    const word = unique();
    const inBody = await createThread(one, author, category.id, { title: 'Notes from the board', body: `We touched on ${word} briefly.` });
    const inTitle = await createThread(one, author, category.id, { title: `All about ${word}`, body: 'The rest is elsewhere.' });
    expect(await found(word)).toEqual([inTitle.firstPost.id, inBody.firstPost.id]);

    const other = unique();
    const old = await createThread(one, author, category.id, { title: 'Older', body: `An ${other} question` });
    const recent = await createThread(one, author, category.id, { title: 'Newer', body: `An ${other} question` });
    await backdate(recent.firstPost.id, 10);
    await backdate(old.firstPost.id, 400);
    expect(await found(other)).toEqual([recent.firstPost.id, old.firstPost.id]);
    // Twice the relevance is worth one half-life (180 days) of age.
    const twice = await createThread(one, author, category.id, { title: 'Twice', body: `${other} and ${other} again` });
    await backdate(twice.firstPost.id, 150);
    expect(await truth(other)).toEqual([twice.firstPost.id, recent.firstPost.id, old.firstPost.id]);
    expect(await found(other)).toEqual(await truth(other));
  });

  it('pages through every match once, in rank order, for one word and for either of two (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            words: fc.constantFrom('first', 'second', 'both'),
            times: fc.integer({ min: 1, max: 3 }),
            inTitle: fc.boolean(),
            days: fc.integer({ min: 0, max: 700 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (posts, either, limit) => {
          const [first, second] = [unique(), unique()];
          const thread = await createThread(one, author, category.id, { title: 'Property', body: 'Opening words' });
          for (const post of posts) {
            const chosen = post.words === 'both' ? [first, second] : [post.words === 'first' ? first : second];
            const words = Array.from({ length: post.times }, () => chosen.join(' ')).join(' and ');
            const made = post.inTitle
              ? (await createThread(one, author, category.id, { title: words, body: 'Body' })).firstPost
              : await reply(one, author, thread.id, `About ${words}.`);
            await backdate(made.id, post.days);
          }
          const q = either ? `${first} or ${second}` : first;
          const expected = await truth(q);
          expect(expected).toHaveLength(either ? posts.length : posts.filter((p) => p.words !== 'second').length);
          expect(await allPages(q, limit)).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('understands phrases, exclusions and OR, and finds a few matches in a small category among many', async () => {
    const [word, common] = [unique(), unique()];
    const small = await createCategory(one, moderator);
    const phrase = await createThread(one, author, category.id, { title: 'Phrase', body: `the ${word} ${common} together` });
    const apart = await createThread(one, author, category.id, { title: 'Apart', body: `${common} first, and then ${word}` });
    expect(await found(`"${word} ${common}"`)).toEqual([phrase.firstPost.id]);
    expect((await found(`${word} ${common}`)).sort()).toEqual([phrase.firstPost.id, apart.firstPost.id].sort());
    expect(await found(`${word} -together`)).toEqual([apart.firstPost.id]);
    expect(await found(`-${word}`)).toEqual([]);

    // Many more recent matches elsewhere than a page holds: the small category's are still found.
    const big = await createThread(one, author, category.id, { title: 'Big', body: `${common} here` });
    for (let i = 0; i < 12; i++) await reply(one, author, big.id, `${common} again, ${i}`);
    const inSmall = await createThread(one, author, small.id, { title: 'Small', body: `${common} in a small place` });
    await backdate(inSmall.firstPost.id, 900);
    expect(await found(common, { categoryId: small.id, limit: 5 })).toEqual([inSmall.firstPost.id]);
    expect(await found(`${common} or ${word}`, { limit: 100 })).toHaveLength(16);
  });

  it('never finds a hidden, deleted or edited-away post, nor a hidden thread, from the cache or elsewhere', async () => {
    const word = unique();
    const thread = await createThread(one, author, category.id, { title: 'Visible', body: `first ${word}` });
    const second = await reply(one, author, thread.id, `second ${word}`);
    const third = await reply(one, author, thread.id, `third ${word}`);
    const fourth = await reply(one, author, thread.id, `fourth ${word}`);
    const hiddenThread = await createThread(one, author, category.id, { title: 'To hide', body: `opening ${word}` });
    const inHiddenThread = await reply(one, author, hiddenThread.id, `inside ${word}`);
    const everything = [thread.firstPost.id, second.id, third.id, fourth.id, hiddenThread.firstPost.id, inHiddenThread.id];
    // Read once, so that every process holds the results in its cache.
    expect((await found(word)).sort()).toEqual([...everything].sort());
    expect(await found(word)).toEqual(await truth(word));

    await request(one.url).post(`/api/v1/admin/posts/${second.id}/hide`).set(moderator.auth).expect(200);
    expect(await found(word)).not.toContain(second.id);
    await request(one.url).delete(`/api/v1/forums/posts/${third.id}`).set(author.auth).expect(204);
    expect(await found(word)).not.toContain(third.id);
    await request(one.url).patch(`/api/v1/forums/posts/${fourth.id}`).set(author.auth).send({ body: 'fourth, reworded' }).expect(200);
    expect(await found(word)).not.toContain(fourth.id);
    // Hiding the opening post hides the thread, and with it every post in it.
    await request(one.url).post(`/api/v1/admin/posts/${hiddenThread.firstPost.id}/hide`).set(moderator.auth).expect(200);
    expect(await found(word)).toEqual([thread.firstPost.id]);
    expect(await found(word)).toEqual(await truth(word));

    await request(one.url).post(`/api/v1/admin/posts/${second.id}/restore`).set(moderator.auth).expect(200);
    await request(one.url)
      .patch(`/api/v1/forums/posts/${fourth.id}`)
      .set(author.auth)
      .send({ body: `fourth ${word} is back` })
      .expect(200);
    expect((await found(word)).sort()).toEqual([thread.firstPost.id, second.id, fourth.id].sort());
    const fifth = await reply(one, reader, thread.id, `fifth ${word}`);
    expect(await found(word)).toContain(fifth.id);
    expect(await found(word)).toEqual(await truth(word));
  });

  it('forgets an erased member’s words', async () => {
    const word = unique();
    const leaving = await createMember(one, { password: 'correct horse battery' });
    const thread = await createThread(one, leaving, category.id, { title: `Leaving ${word}`, body: `my ${word}` });
    const staying = await reply(one, author, thread.id, `their ${word}`);
    expect((await found(word)).sort()).toEqual([thread.firstPost.id, staying.id].sort());
    await request(one.url).delete('/api/v1/me').set(leaving.auth).send({ password: 'correct horse battery', erase: true }).expect(204);
    expect(await found(word)).toEqual([staying.id]);
    const [{ left }] = await one.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS left FROM forum_search_postings WHERE post_id = $1`, [thread.firstPost.id]);
    expect(left).toBe(0);
  });

  // A search of many words costs more than jit_above_cost; compiling it took about 80 ms a query.
  (usingServerDatabase() ? it : it.skip)('runs its statements without JIT compilation on a server database', async () => {
    const [{ jit }] = await one.app.get(DataSource).query(`SELECT current_setting('jit') AS jit`);
    expect(jit).toBe('off');
  });
});
