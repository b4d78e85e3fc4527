import request from 'supertest';
import type { ForumPostView, ForumThreadSummary } from '@mutuals/contracts';
import { TestMember, createCoordinator, createMember } from '../support/factories';
import { allPosts, createCategory, createThread, reply } from '../support/forums';
import { type Replicas, TestApp, startReplicas, usingRedis, usingServerDatabase } from '../support/test-app';

// Thread pages and thread lists come from a cache of rendered results (issue 17). Every change to
// a post must show on every page that shows it, at once, for every kind of reader (the author, a
// member, a moderator), and on Postgres + Redis on the other replica too: the change is made on
// one process and read back on both.
const replicas = usingServerDatabase() && usingRedis();

describe(`forum pages after a change (${replicas ? 'two processes, Postgres + Redis' : 'one process'})`, () => {
  let processes: Replicas;
  let one: TestApp;
  let readers: TestApp[];
  let author: TestMember;
  let member: TestMember;
  let moderator: TestMember;
  let category: { id: string; slug: string };

  beforeAll(async () => {
    processes = await startReplicas();
    ({ one, readers } = processes);
    [author, member, moderator] = [await createMember(one), await createMember(one), await createCoordinator(one)];
    category = await createCategory(one, moderator);
  });
  afterAll(async () => {
    await processes?.close();
  });

  /** Every page of the thread, two posts a page (so a change on a later page shows there), on every process. */
  const pagesOf = async (viewer: TestMember, threadId: string) => {
    const seen = await Promise.all(readers.map((app) => allPosts(app, viewer, threadId, 2)));
    for (const posts of seen.slice(1)) expect(posts).toEqual(seen[0]);
    return seen[0]!;
  };
  const listOf = async (viewer: TestMember): Promise<ForumThreadSummary[]> => {
    const seen = await Promise.all(
      readers.map(async (app) => {
        const response = await request(app.url).get(`/api/v1/forums/categories/${category.slug}/threads`).set(viewer.auth).expect(200);
        return response.body.items as ForumThreadSummary[];
      }),
    );
    for (const list of seen.slice(1)) expect(list).toEqual(seen[0]);
    return seen[0]!;
  };
  const postIn = (posts: ForumPostView[], id: string) => posts.find((p) => p.id === id);
  const everyone = () => [author, member, moderator];

  it('shows a new post, an edit, a reaction, a pin, a hide and a delete on every page at once', async () => {
    const older = await createThread(one, author, category.id, { title: 'Older thread', body: 'The older one' });
    const thread = await createThread(one, author, category.id, { title: 'Pension admission', body: 'Opening words' });
    const second = await reply(one, member, thread.id, 'A second post');
    // Everyone has read everything once: the cache holds every page for every kind of reader.
    for (const viewer of everyone()) {
      expect((await pagesOf(viewer, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id, second.id]);
      expect((await listOf(viewer)).map((t) => t.id)).toEqual([thread.id, older.id]);
    }

    // A new post: on the thread's last page, in the list's reply count and the unread counts.
    const third = await reply(one, author, thread.id, 'A third post with **weight**');
    for (const viewer of everyone()) {
      expect((await pagesOf(viewer, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id, second.id, third.id]);
      const listed = (await listOf(viewer)).find((t) => t.id === thread.id)!;
      expect(listed.replyCount).toBe(2);
      expect(listed.unreadCount).toBe(3);
    }
    await request(one.url)
      .post(`/api/v1/forums/threads/${thread.id}/read`)
      .set(member.auth)
      .send({ lastReadPostId: second.id })
      .expect(204);
    expect((await listOf(member)).find((t) => t.id === thread.id)!.unreadCount).toBe(1);

    // An edit: new HTML for all; the Markdown only for its author and moderators.
    await request(one.url).patch(`/api/v1/forums/posts/${third.id}`).set(author.auth).send({ body: 'Edited *words*' }).expect(200);
    for (const viewer of everyone()) {
      const post = postIn(await pagesOf(viewer, thread.id), third.id)!;
      expect(post.bodyHtml).toContain('<em>words</em>');
      expect(post.editedAt).not.toBeNull();
      expect(post.body).toBe(viewer === member ? null : 'Edited *words*');
    }

    // A reaction: the count for all, "mine" for the one who reacted.
    await request(one.url).put(`/api/v1/forums/posts/${third.id}/reactions/heart`).set(member.auth).expect(204);
    for (const viewer of everyone()) {
      const post = postIn(await pagesOf(viewer, thread.id), third.id)!;
      expect(post.reactions).toEqual({ heart: 1 });
      expect(post.myReactions).toEqual(viewer === member ? ['heart'] : []);
    }
    await request(one.url).delete(`/api/v1/forums/posts/${third.id}/reactions/heart`).set(member.auth).expect(204);
    expect(postIn(await pagesOf(member, thread.id), third.id)).toMatchObject({ reactions: {}, myReactions: [] });

    // A pin: the older thread goes first in every list.
    await request(one.url).post(`/api/v1/admin/forums/threads/${older.id}/pin`).set(moderator.auth).send({ value: true }).expect(200);
    for (const viewer of everyone()) {
      const list = await listOf(viewer);
      expect(list.map((t) => [t.id, t.pinned])).toEqual([
        [older.id, true],
        [thread.id, false],
      ]);
    }

    // A hide: gone for members (pages, reply count, unread), still there, marked, for moderators.
    await request(one.url).post(`/api/v1/admin/posts/${second.id}/hide`).set(moderator.auth).expect(200);
    for (const viewer of [author, member]) {
      expect((await pagesOf(viewer, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id, third.id]);
      expect((await listOf(viewer)).find((t) => t.id === thread.id)!.replyCount).toBe(1);
    }
    expect(postIn(await pagesOf(moderator, thread.id), second.id)?.status).toBe('hidden');
    await request(one.url).post(`/api/v1/admin/posts/${second.id}/restore`).set(moderator.auth).expect(200);
    expect((await pagesOf(member, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id, second.id, third.id]);
    expect((await listOf(member)).find((t) => t.id === thread.id)!.replyCount).toBe(2);

    // A delete: a tombstone without words for everyone, one reply fewer.
    await request(one.url).delete(`/api/v1/forums/posts/${third.id}`).set(author.auth).expect(204);
    for (const viewer of everyone()) {
      expect(postIn(await pagesOf(viewer, thread.id), third.id)).toMatchObject({ status: 'deleted', bodyHtml: '', body: null });
      expect((await listOf(viewer)).find((t) => t.id === thread.id)!.replyCount).toBe(1);
    }
  });

  it("takes a thread whose opening post is hidden out of members' pages and lists, and keeps it for moderators", async () => {
    const thread = await createThread(one, author, category.id, { title: 'Soon hidden' });
    for (const viewer of everyone()) {
      await pagesOf(viewer, thread.id);
      await listOf(viewer);
    }
    await request(one.url).post(`/api/v1/admin/posts/${thread.firstPost.id}/hide`).set(moderator.auth).expect(200);
    for (const viewer of [author, member]) {
      for (const app of readers) await request(app.url).get(`/api/v1/forums/threads/${thread.id}/posts`).set(viewer.auth).expect(404);
      expect((await listOf(viewer)).map((t) => t.id)).not.toContain(thread.id);
    }
    expect((await listOf(moderator)).find((t) => t.id === thread.id)?.hidden).toBe(true);
    expect((await pagesOf(moderator, thread.id))[0]?.status).toBe('hidden');
  });

  it("shows an author's new name on pages and lists at once", async () => {
    const thread = await createThread(one, author, category.id, { title: 'Who wrote this' });
    await pagesOf(member, thread.id);
    await listOf(member);
    await request(one.url).patch('/api/v1/me/profile').set(author.auth).send({ displayName: 'Renamed Author' }).expect(200);
    expect((await pagesOf(member, thread.id))[0]!.author.displayName).toBe('Renamed Author');
    expect((await listOf(member)).find((t) => t.id === thread.id)!.author.displayName).toBe('Renamed Author');
  });

  it('ends a session at once on every process: logout, and suspension', async () => {
    const leaving = await createMember(one);
    const suspended = await createMember(one);
    for (const app of readers) {
      await request(app.url).get('/api/v1/forums/categories').set(leaving.auth).expect(200);
      await request(app.url).get('/api/v1/forums/categories').set(suspended.auth).expect(200);
    }
    await request(one.url).post('/api/v1/auth/logout').set(leaving.auth).expect(204);
    await request(one.url).post(`/api/v1/admin/members/${suspended.id}/suspend`).set(moderator.auth).expect(200);
    for (const app of readers) {
      await request(app.url).get('/api/v1/forums/categories').set(leaving.auth).expect(401);
      await request(app.url).get('/api/v1/forums/categories').set(suspended.auth).expect(401);
    }
  });
});
