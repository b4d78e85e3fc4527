import request from 'supertest';
import type { ForumPostView, ForumThreadSummary } from '@mutuals/contracts';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { allPosts, createCategory, createThread, reply } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * A category's counts move in stripes by thread (forum_category_counts) that every reader adds
 * up: whatever posters, hides, restores and deletions race, the counts a member reads are the
 * ones the posts themselves give, in the category list and in the cached thread list alike.
 */
describe('forum counts under concurrent writes', () => {
  let t: TestApp;
  let moderator: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    moderator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const api = (path: string) => `/api/v1${path}`;
  const categoryOf = async (viewer: TestMember, slug: string) =>
    (await request(t.url).get(api('/forums/categories')).set(viewer.auth).expect(200)).body.find((c: { slug: string }) => c.slug === slug);
  const threadsOf = async (viewer: TestMember, slug: string): Promise<ForumThreadSummary[]> =>
    (
      await request(t.url)
        .get(api(`/forums/categories/${slug}/threads`))
        .query({ limit: 100 })
        .set(viewer.auth)
        .expect(200)
    ).body.items;

  /**
   * What the counts must be, from the posts themselves as a moderator reads them (hidden threads
   * too): the threads members see, and every visible post (a hidden thread's replies still count).
   * Members read the same counts, and their cached thread list the same reply counts.
   */
  async function expectExactCounts(slug: string, member: TestMember): Promise<void> {
    const listed = await threadsOf(moderator, slug);
    const posts = await Promise.all(listed.map((thread) => allPosts(t, moderator, thread.id)));
    const visible = posts.map((list) => list.filter((p) => p.status === 'visible').length);
    for (const [i, thread] of listed.entries()) expect(thread.replyCount).toBe(visible[i]! - (thread.hidden ? 0 : 1));
    const expected = { threadCount: listed.filter((thread) => !thread.hidden).length, postCount: visible.reduce((a, b) => a + b, 0) };
    const newest = posts.flat().reduce((max, p) => (p.createdAt > max ? p.createdAt : max), '');
    for (const reader of [moderator, member]) {
      const category = await categoryOf(reader, slug);
      expect({ threadCount: category.threadCount, postCount: category.postCount }).toEqual(expected);
      expect(category.lastActivityAt).toBe(newest);
    }
    const shown = new Map((await threadsOf(member, slug)).map((thread) => [thread.id, thread.replyCount]));
    expect(shown).toEqual(new Map(listed.filter((thread) => !thread.hidden).map((thread) => [thread.id, thread.replyCount])));
  }

  it('keeps category and thread counts exact while replies, hides, restores and deletions race across many threads', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => createMember(t)));
    const category = await createCategory(t, moderator);
    // Twenty threads: their ids spread over most of the category's 16 stripes.
    const threads = await Promise.all(Array.from({ length: 20 }, (_, i) => createThread(t, members[i % members.length]!, category.id)));
    await expectExactCounts(category.slug, members[0]!);

    const replies: ForumPostView[] = await Promise.all(
      Array.from({ length: 60 }, (_, i) => reply(t, members[i % members.length]!, threads[(i * 7) % threads.length]!.id, `reply ${i}`)),
    );
    await expectExactCounts(category.slug, members[0]!);

    // Another round of replies racing moderation: hides of replies, deletions by their authors, and
    // the last thread's opener hidden (the thread leaves the list and the count; nobody replies there).
    const hidden = replies.slice(0, 10);
    const deleted = replies.slice(10, 16);
    const ownerOf = (post: ForumPostView) => members.find((m) => m.id === post.author.id)!;
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => reply(t, members[i % members.length]!, threads[(i * 3) % 19]!.id, `more ${i}`)),
      ...hidden.map((post) =>
        request(t.url)
          .post(api(`/admin/posts/${post.id}/hide`))
          .set(moderator.auth)
          .send({})
          .expect(200),
      ),
      ...deleted.map((post) =>
        request(t.url)
          .delete(api(`/forums/posts/${post.id}`))
          .set(ownerOf(post).auth)
          .expect(204),
      ),
      request(t.url)
        .post(api(`/admin/posts/${threads[19]!.firstPost.id}/hide`))
        .set(moderator.auth)
        .send({})
        .expect(200),
    ]);
    await expectExactCounts(category.slug, members[0]!);

    await Promise.all([
      ...hidden.slice(0, 5).map((post) =>
        request(t.url)
          .post(api(`/admin/posts/${post.id}/restore`))
          .set(moderator.auth)
          .send({})
          .expect(200),
      ),
      request(t.url)
        .post(api(`/admin/posts/${threads[19]!.firstPost.id}/restore`))
        .set(moderator.auth)
        .send({})
        .expect(200),
      ...Array.from({ length: 19 }, (_, i) => reply(t, members[i % members.length]!, threads[i]!.id, `last ${i}`)),
    ]);
    await expectExactCounts(category.slug, members[0]!);
    expect((await categoryOf(members[0]!, category.slug)).threadCount).toBe(20);
  });
});
