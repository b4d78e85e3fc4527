import { randomUUID } from 'node:crypto';
import { DomainEvents } from '@mutuals/core';
import request from 'supertest';
import type { ForumPostView, ForumThreadSummary } from '@mutuals/contracts';
import type { ForumPostCreated } from '@mutuals/forums';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { allPosts, createCategory, createThread, reply } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

describe('forums', () => {
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
  const threadsOf = async (viewer: TestMember, slug: string): Promise<ForumThreadSummary[]> =>
    (
      await request(t.url)
        .get(api(`/forums/categories/${slug}/threads`))
        .set(viewer.auth)
        .expect(200)
    ).body.items;
  const categoryOf = async (viewer: TestMember, slug: string) =>
    (await request(t.url).get(api('/forums/categories')).set(viewer.auth).expect(200)).body.find((c: { slug: string }) => c.slug === slug);
  const flagAndHide = async (reporter: TestMember, postId: string) => {
    const flag = await request(t.url)
      .post(api(`/forums/posts/${postId}/flags`))
      .set(reporter.auth)
      .send({ reason: 'Personal details of staff' })
      .expect(201);
    await request(t.url)
      .post(api(`/admin/flags/${flag.body.id}/resolve`))
      .set(moderator.auth)
      .send({ action: 'hide' })
      .expect(200);
  };
  const search = async (viewer: TestMember, q: string, extra: object = {}) =>
    (
      await request(t.url)
        .get(api('/forums/search'))
        .query({ q, ...extra })
        .set(viewer.auth)
        .expect(200)
    ).body;

  describe('categories', () => {
    it('lets a coordinator add a category that every member then lists', async () => {
      const member = await createMember(t);
      const { slug } = await createCategory(t, moderator);
      expect(await categoryOf(member, slug)).toMatchObject({ slug, threadCount: 0, postCount: 0, lastActivityAt: null, sectorSlug: null });
    });

    it('refuses a category from a member, a duplicate slug, and bad fields', async () => {
      const member = await createMember(t);
      await request(t.url)
        .post(api('/admin/forums/categories'))
        .set(member.auth)
        .send({ slug: 'x-y', name: 'X', description: '' })
        .expect(403);
      const { slug } = await createCategory(t, moderator);
      await request(t.url)
        .post(api('/admin/forums/categories'))
        .set(moderator.auth)
        .send({ slug, name: 'Again', description: '' })
        .expect(409);
      const bad = await request(t.url)
        .post(api('/admin/forums/categories'))
        .set(moderator.auth)
        .send({ slug: 'Not A Slug', name: 1, extra: true })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['slug', 'name', 'description', 'extra']),
      );
    });

    it('answers 404 for the threads of an unknown category and 401 when signed out', async () => {
      const member = await createMember(t);
      await request(t.url).get(api('/forums/categories/no-such-category/threads')).set(member.auth).expect(404);
      await request(t.url).get(api('/forums/categories')).expect(401);
    });
  });

  describe('threads and posts', () => {
    it('starts a thread with its first post and subscribes its author', async () => {
      const author = await createMember(t);
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id, {
        title: 'Pension admission agreements',
        body: 'Has anyone **negotiated** one?',
      });
      expect(thread).toMatchObject({
        title: 'Pension admission agreements',
        categoryId: category.id,
        categorySlug: category.slug,
        replyCount: 0,
        pinned: false,
        locked: false,
        subscribed: true,
        author: { id: author.id },
      });
      expect(thread.firstPost).toMatchObject({
        seq: 1,
        bodyHtml: '<p>Has anyone <strong>negotiated</strong> one?</p>\n',
        status: 'visible',
        reactions: {},
        myReactions: [],
        editedAt: null,
      });
      const fetched = await request(t.url)
        .get(api(`/forums/threads/${thread.id}`))
        .set(author.auth)
        .expect(200);
      expect(fetched.body).toMatchObject({ id: thread.id, subscribed: true });
    });

    it('lists every bad field of a new thread, and refuses an unknown category', async () => {
      const author = await createMember(t);
      const bad = await request(t.url)
        .post(api('/forums/threads'))
        .set(author.auth)
        .send({ categoryId: 'nope', title: 'x', body: '   ' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['categoryId', 'title', 'body']));
      const unknown = await request(t.url)
        .post(api('/forums/threads'))
        .set(author.auth)
        .send({ categoryId: '00000000-0000-4000-8000-000000000000', title: 'Fine title', body: 'b' })
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'categoryId', message: 'is not a category' }]);
      await request(t.url)
        .post(api('/forums/threads'))
        .set(author.auth)
        .send({ categoryId: '00000000-0000-4000-8000-000000000000', title: 'Long', body: 'x'.repeat(20_001) })
        .expect(400);
    });

    it('lets a pending member read but not post', async () => {
      const pending = await createMember(t, { status: 'pending' });
      const author = await createMember(t);
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      await request(t.url)
        .get(api(`/forums/threads/${thread.id}/posts`))
        .set(pending.auth)
        .expect(200);
      const refused = await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(pending.auth)
        .send({ body: 'hi' })
        .expect(403);
      expect(refused.body.detail).toMatch(/approval/i);
      await request(t.url)
        .post(api('/forums/threads'))
        .set(pending.auth)
        .send({ categoryId: category.id, title: 'Hello all', body: 'hi' })
        .expect(403);
      await request(t.url)
        .put(api(`/forums/posts/${thread.firstPost.id}/reactions/heart`))
        .set(pending.auth)
        .expect(403);
    });

    it('answers 404 for an unknown thread and 400 for a malformed id', async () => {
      const member = await createMember(t);
      await request(t.url).get(api('/forums/threads/00000000-0000-4000-8000-000000000000')).set(member.auth).expect(404);
      await request(t.url).get(api('/forums/threads/00000000-0000-4000-8000-000000000000/posts')).set(member.auth).expect(404);
      await request(t.url)
        .post(api('/forums/threads/00000000-0000-4000-8000-000000000000/posts'))
        .set(member.auth)
        .send({ body: 'x' })
        .expect(404);
      await request(t.url).get(api('/forums/threads/not-a-uuid')).set(member.auth).expect(400);
    });

    it('replies to a post in the same thread only', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const one = await createThread(t, a, category.id);
      const other = await createThread(t, a, category.id);
      const answer = await reply(t, b, one.id, 'We did, via the LGPS', one.firstPost.id);
      expect(answer).toMatchObject({ seq: 2, replyToPostId: one.firstPost.id, author: { id: b.id } });
      const wrong = await request(t.url)
        .post(api(`/forums/threads/${one.id}/posts`))
        .set(b.auth)
        .send({ body: 'x', replyToPostId: other.firstPost.id })
        .expect(400);
      expect(wrong.body.errors[0].field).toBe('replyToPostId');
      await request(t.url)
        .post(api(`/forums/threads/${one.id}/posts`))
        .set(b.auth)
        .send({ body: 'x', replyToPostId: 'bad' })
        .expect(400);
    });

    it('refuses replies to a locked thread with 403, except from moderators', async () => {
      const member = await createMember(t);
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, member, category.id);
      await request(t.url)
        .post(api(`/admin/forums/threads/${thread.id}/lock`))
        .set(member.auth)
        .send({ value: true })
        .expect(403);
      const locked = await request(t.url)
        .post(api(`/admin/forums/threads/${thread.id}/lock`))
        .set(moderator.auth)
        .send({ value: true })
        .expect(200);
      expect(locked.body.locked).toBe(true);
      const refused = await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(member.auth)
        .send({ body: 'one more' })
        .expect(403);
      expect(refused.body.detail).toMatch(/locked/);
      await request(t.url)
        .patch(api(`/forums/posts/${thread.firstPost.id}`))
        .set(member.auth)
        .send({ body: 'edited' })
        .expect(403);
      await reply(t, moderator, thread.id, 'Closing this one, see the newer thread');
      await request(t.url)
        .post(api(`/admin/forums/threads/${thread.id}/lock`))
        .set(moderator.auth)
        .send({ value: 'yes' })
        .expect(400);
    });

    it('edits a post by its author or a moderator, keeping the history; 403 for anyone else', async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id, { body: 'first draft' });
      const postId = thread.firstPost.id;
      const denied = await request(t.url)
        .patch(api(`/forums/posts/${postId}`))
        .set(other.auth)
        .send({ body: 'vandalised' })
        .expect(403);
      expect(denied.body.detail).toMatch(/author/);
      const edited = await request(t.url)
        .patch(api(`/forums/posts/${postId}`))
        .set(author.auth)
        .send({ body: 'second draft' })
        .expect(200);
      expect(edited.body).toMatchObject({ bodyHtml: '<p>second draft</p>\n', body: 'second draft', editedAt: expect.any(String) });
      await request(t.url)
        .patch(api(`/forums/posts/${postId}`))
        .set(moderator.auth)
        .send({ body: 'third draft' })
        .expect(200);
      const history = await request(t.url)
        .get(api(`/forums/posts/${postId}/revisions`))
        .set(author.auth)
        .expect(200);
      expect(history.body.map((r: { body: string }) => r.body)).toEqual(['second draft', 'first draft']);
      await request(t.url)
        .get(api(`/forums/posts/${postId}/revisions`))
        .set(other.auth)
        .expect(403);
      await request(t.url)
        .patch(api(`/forums/posts/${postId}`))
        .set(author.auth)
        .send({ body: '' })
        .expect(400);
      // Markdown source is only for those who may edit.
      expect(
        (
          await request(t.url)
            .get(api(`/forums/posts/${postId}`))
            .set(other.auth)
            .expect(200)
        ).body.body,
      ).toBeNull();
    });

    it('deletes as a tombstone: the place stays, the words and counts go', async () => {
      const [author, other] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const second = await reply(t, author, thread.id, 'Something I regret writing');
      await request(t.url)
        .delete(api(`/forums/posts/${second.id}`))
        .set(other.auth)
        .expect(403);
      await request(t.url)
        .delete(api(`/forums/posts/${second.id}`))
        .set(author.auth)
        .expect(204);
      const posts = await allPosts(t, other, thread.id);
      expect(posts.map((p) => [p.seq, p.status, p.bodyHtml])).toEqual([
        [1, 'visible', '<p>First post</p>\n'],
        [2, 'deleted', ''],
      ]);
      expect((await threadsOf(other, category.slug))[0]).toMatchObject({ replyCount: 0 });
      expect(await categoryOf(other, category.slug)).toMatchObject({ postCount: 1 });
      await request(t.url)
        .patch(api(`/forums/posts/${second.id}`))
        .set(author.auth)
        .send({ body: 'back' })
        .expect(404);
      await request(t.url)
        .delete(api(`/forums/posts/${second.id}`))
        .set(author.auth)
        .expect(404);
      expect((await search(other, 'regret')).items).toEqual([]);
    });
  });

  describe('hidden posts', () => {
    it('hides a flagged post from members (404) while moderators still see it, marked hidden', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const bad = await reply(t, author, thread.id, 'Buy cheap watches zanzibarquux');
      await flagAndHide(reader, bad.id);
      await request(t.url)
        .get(api(`/forums/posts/${bad.id}`))
        .set(reader.auth)
        .expect(404);
      await request(t.url)
        .get(api(`/forums/posts/${bad.id}`))
        .set(author.auth)
        .expect(404);
      expect((await allPosts(t, reader, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id]);
      const seen = await allPosts(t, moderator, thread.id);
      expect(seen.map((p) => [p.id, p.status])).toEqual([
        [thread.firstPost.id, 'visible'],
        [bad.id, 'hidden'],
      ]);
      await request(t.url)
        .patch(api(`/forums/posts/${bad.id}`))
        .set(author.auth)
        .send({ body: 'x' })
        .expect(404);
      await request(t.url)
        .put(api(`/forums/posts/${bad.id}/reactions/heart`))
        .set(reader.auth)
        .expect(404);
      await request(t.url)
        .post(api(`/forums/posts/${bad.id}/flags`))
        .set(reader.auth)
        .send({ reason: 'again please' })
        .expect(404);
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(reader.auth)
        .send({ body: 'x', replyToPostId: bad.id })
        .expect(400);
    });

    it('keeps a hidden post out of search, counts, unread counts and the thread list, and back in on restore', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const bad = await reply(t, author, thread.id, 'Our quixotically named spreadsheet');
      expect((await search(reader, 'quixotically')).items.map((i: { postId: string }) => i.postId)).toEqual([bad.id]);
      expect(await categoryOf(reader, category.slug)).toMatchObject({ postCount: 2 });
      await flagAndHide(reader, bad.id);
      expect((await search(reader, 'quixotically')).items).toEqual([]);
      expect((await search(moderator, 'quixotically')).items).toEqual([]);
      expect(await categoryOf(reader, category.slug)).toMatchObject({ postCount: 1 });
      const listed = (await threadsOf(reader, category.slug))[0]!;
      expect(listed).toMatchObject({ replyCount: 0, unreadCount: 1, lastPostAt: thread.firstPost.createdAt });
      const restored = await request(t.url)
        .post(api(`/admin/posts/${bad.id}/restore`))
        .set(moderator.auth)
        .expect(200);
      expect(restored.body.status).toBe('visible');
      expect((await search(reader, 'quixotically')).items).toHaveLength(1);
      expect((await threadsOf(reader, category.slug))[0]).toMatchObject({ replyCount: 1, unreadCount: 2 });
      await request(t.url)
        .post(api(`/admin/posts/${bad.id}/restore`))
        .set(reader.auth)
        .expect(403);
      await request(t.url)
        .delete(api(`/forums/posts/${bad.id}`))
        .set(author.auth)
        .expect(204);
      await request(t.url)
        .post(api(`/admin/posts/${bad.id}/restore`))
        .set(moderator.auth)
        .expect(409);
    });

    it('withdraws the text of a hidden post from the quotes of its replies', async () => {
      const [author, replier, reader] = [await createMember(t), await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const quoted = await reply(t, author, thread.id, 'The secret phrase is marmalade-otter');
      const answer = await reply(
        t,
        replier,
        thread.id,
        `> **@${author.handle}** wrote:\n> The secret phrase is marmalade-otter\n\nI disagree with this`,
        quoted.id,
      );
      expect(answer.bodyHtml).toContain('marmalade-otter');
      expect(answer.bodyHtml).toContain('<p>I disagree with this</p>');
      // Quotes are not the replier's words: search finds the original only.
      expect((await search(reader, 'marmalade otter')).items.map((i: { postId: string }) => i.postId)).toEqual([quoted.id]);
      await flagAndHide(reader, quoted.id);
      const [, shown] = (await allPosts(t, reader, thread.id)).filter((p) => p.seq >= 1);
      expect(shown!.id).toBe(answer.id);
      expect(shown!.bodyHtml).not.toContain('marmalade');
      expect(shown!.bodyHtml).toContain('no longer available');
      expect(shown!.bodyHtml).toContain('<p>I disagree with this</p>');
    });
    it('hides the whole thread from members when its opening post is hidden, and shows it to moderators marked', async () => {
      const [author, reader, watcher] = [await createMember(t), await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id, { title: 'Selling our members’ data uglyvortex', body: 'Spam uglyvortex' });
      const answer = await reply(t, reader, thread.id, 'A fair reply mentioning uglyvortex');
      await request(t.url)
        .put(api(`/forums/threads/${thread.id}/subscription`))
        .set(watcher.auth)
        .expect(204);
      expect(await categoryOf(reader, category.slug)).toMatchObject({ threadCount: 1 });
      await flagAndHide(reader, thread.firstPost.id);

      for (const member of [reader, author]) {
        expect(await threadsOf(member, category.slug)).toEqual([]);
        await request(t.url)
          .get(api(`/forums/threads/${thread.id}`))
          .set(member.auth)
          .expect(404);
        await request(t.url)
          .get(api(`/forums/threads/${thread.id}/posts`))
          .set(member.auth)
          .expect(404);
        await request(t.url)
          .get(api(`/forums/posts/${answer.id}`))
          .set(member.auth)
          .expect(404);
      }
      expect((await search(reader, 'uglyvortex')).items).toEqual([]);
      expect(await categoryOf(reader, category.slug)).toMatchObject({ threadCount: 0 });
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(reader.auth)
        .send({ body: 'still here?' })
        .expect(404);
      await request(t.url)
        .put(api(`/forums/posts/${answer.id}/reactions/heart`))
        .set(reader.auth)
        .expect(404);
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/read`))
        .set(reader.auth)
        .send({ lastReadPostId: answer.id })
        .expect(404);
      await request(t.url)
        .put(api(`/forums/threads/${thread.id}/subscription`))
        .set(reader.auth)
        .expect(404);
      await request(t.url)
        .post(api(`/forums/posts/${answer.id}/flags`))
        .set(reader.auth)
        .send({ reason: 'for the record' })
        .expect(404);

      const listed = await threadsOf(moderator, category.slug);
      expect(listed).toEqual([expect.objectContaining({ id: thread.id, hidden: true })]);
      const shown = await request(t.url)
        .get(api(`/forums/threads/${thread.id}`))
        .set(moderator.auth)
        .expect(200);
      expect(shown.body).toMatchObject({ hidden: true, title: thread.title });
      // A moderator may still write in it; no member hears of it.
      const events: ForumPostCreated[] = [];
      const stopObserving = t.app.get(DomainEvents).observe('forum.post.created', (e) => events.push(e));
      try {
        await reply(t, moderator, thread.id, `Closing this, @${watcher.handle}`);
      } finally {
        stopObserving();
      }
      expect(events).toEqual([expect.objectContaining({ mentionedUserIds: [], subscriberIds: [], replyToAuthorId: null })]);

      await request(t.url)
        .post(api(`/admin/posts/${thread.firstPost.id}/restore`))
        .set(moderator.auth)
        .expect(200);
      expect(await threadsOf(reader, category.slug)).toEqual([expect.objectContaining({ id: thread.id, hidden: false })]);
      expect(await categoryOf(reader, category.slug)).toMatchObject({ threadCount: 1 });
      await request(t.url)
        .get(api(`/forums/threads/${thread.id}`))
        .set(reader.auth)
        .expect(200);
    });
  });

  describe('idempotency keys', () => {
    it('answers a retried thread with the one stored (200), not a second thread', async () => {
      const author = await createMember(t);
      const category = await createCategory(t, moderator);
      const submission = { categoryId: category.id, title: 'Pensions after transfer', body: 'Who kept the LGPS?', clientId: randomUUID() };
      const first = await request(t.url).post(api('/forums/threads')).set(author.auth).send(submission).expect(201);
      const retry = await request(t.url).post(api('/forums/threads')).set(author.auth).send(submission).expect(200);
      expect(retry.body).toMatchObject({ id: first.body.id, title: submission.title, firstPost: { id: first.body.firstPost.id } });
      expect((await threadsOf(author, category.slug)).map((th) => th.id)).toEqual([first.body.id]);
      // The key is the author's own: another member's identical key makes their own thread.
      const other = await createMember(t);
      const theirs = await request(t.url).post(api('/forums/threads')).set(other.auth).send(submission).expect(201);
      expect(theirs.body.id).not.toBe(first.body.id);
    });

    it('stores one thread when the same submission arrives twice at once', async () => {
      const author = await createMember(t);
      const category = await createCategory(t, moderator);
      const submission = { categoryId: category.id, title: 'Double click', body: 'Sent twice', clientId: randomUUID() };
      const answers = await Promise.all([1, 2, 3].map(() => request(t.url).post(api('/forums/threads')).set(author.auth).send(submission)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await threadsOf(author, category.slug)).toHaveLength(1);
      expect(await categoryOf(author, category.slug)).toMatchObject({ threadCount: 1, postCount: 1 });
    });

    it('stores one reply when the same submission arrives twice at once, with no gap in the seqs', async () => {
      const [author, replier] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const submission = { body: 'Only once, please', clientId: randomUUID() };
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() =>
          request(t.url)
            .post(api(`/forums/threads/${thread.id}/posts`))
            .set(replier.auth)
            .send(submission),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const next = await reply(t, replier, thread.id, 'And then another');
      expect((await allPosts(t, author, thread.id)).map((p) => [p.seq, p.body ?? p.bodyHtml])).toEqual([
        [1, 'First post'],
        [2, expect.stringContaining('Only once')],
        [3, expect.stringContaining('And then another')],
      ]);
      expect(next.seq).toBe(3);
      const retry = await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(replier.auth)
        .send(submission)
        .expect(200);
      expect(retry.body).toMatchObject({ id: answers[0]!.body.id, seq: 2 });
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/posts`))
        .set(replier.auth)
        .send({ body: 'x', clientId: 'not-a-uuid' })
        .expect(400);
    });
  });

  describe('reactions', () => {
    it('counts reactions by slug and shows the caller theirs; unknown ones are 400', async () => {
      const [author, a, b] = [await createMember(t), await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const path = (emoji: string) => api(`/forums/posts/${thread.firstPost.id}/reactions/${emoji}`);
      await request(t.url).put(path('thumbs-up')).set(a.auth).expect(204);
      await request(t.url).put(path('thumbs-up')).set(a.auth).expect(204);
      await request(t.url).put(path('thumbs-up')).set(b.auth).expect(204);
      await request(t.url).put(path('tada')).set(a.auth).expect(204);
      const bad = await request(t.url).put(path('poop')).set(a.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('emoji');
      let [post] = await allPosts(t, a, thread.id);
      expect(post).toMatchObject({ reactions: { 'thumbs-up': 2, tada: 1 }, myReactions: ['thumbs-up', 'tada'] });
      await request(t.url).delete(path('thumbs-up')).set(a.auth).expect(204);
      [post] = await allPosts(t, b, thread.id);
      expect(post).toMatchObject({ reactions: { 'thumbs-up': 1, tada: 1 }, myReactions: ['thumbs-up'] });
      await request(t.url).put(api('/forums/posts/00000000-0000-4000-8000-000000000000/reactions/heart')).set(a.auth).expect(404);
    });
  });

  describe('read state', () => {
    it('counts unread visible posts per member and thread, and only moves forward', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const second = await reply(t, author, thread.id, 'two');
      expect((await threadsOf(reader, category.slug))[0]!.unreadCount).toBe(2);
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/read`))
        .set(reader.auth)
        .send({ lastReadPostId: second.id })
        .expect(204);
      expect((await threadsOf(reader, category.slug))[0]!.unreadCount).toBe(0);
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/read`))
        .set(reader.auth)
        .send({ lastReadPostId: thread.firstPost.id })
        .expect(204);
      const view = await request(t.url)
        .get(api(`/forums/threads/${thread.id}`))
        .set(reader.auth)
        .expect(200);
      expect(view.body).toMatchObject({ unreadCount: 0, lastReadPostId: second.id });
      await reply(t, author, thread.id, 'three');
      const hidden = await reply(t, author, thread.id, 'four');
      expect((await threadsOf(reader, category.slug))[0]!.unreadCount).toBe(2);
      await flagAndHide(reader, hidden.id);
      expect((await threadsOf(reader, category.slug))[0]!.unreadCount).toBe(1);
      const bad = await request(t.url)
        .post(api(`/forums/threads/${thread.id}/read`))
        .set(reader.auth)
        .send({ lastReadPostId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('lastReadPostId');
      await request(t.url)
        .post(api(`/forums/threads/${thread.id}/read`))
        .set(reader.auth)
        .send({})
        .expect(400);
    });
  });

  describe('pagination', () => {
    it('neither repeats nor skips a post while others are posting', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      for (let i = 2; i <= 12; i++) await reply(t, author, thread.id, `post ${i}`);
      const seen: ForumPostView[] = [];
      let cursor: string | null = null;
      let written = 12;
      do {
        const page: request.Response = await request(t.url)
          .get(api(`/forums/threads/${thread.id}/posts`))
          .query({ limit: 5, ...(cursor && { cursor }) })
          .set(reader.auth)
          .expect(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
        // Others post between page loads, as happens on a busy thread.
        if (written < 20) await Promise.all([1, 2].map(() => reply(t, author, thread.id, `post ${++written}`)));
      } while (cursor);
      expect(seen.map((p) => p.seq)).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
      expect(seen.length).toBeGreaterThanOrEqual(12);
    });

    it('refuses a cursor it did not give out and limits outside 1..100', async () => {
      const member = await createMember(t);
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, member, category.id);
      await request(t.url)
        .get(api(`/forums/threads/${thread.id}/posts`))
        .query({ cursor: 'junk' })
        .set(member.auth)
        .expect(400);
      const limit = await request(t.url)
        .get(api(`/forums/threads/${thread.id}/posts`))
        .query({ limit: 500 })
        .set(member.auth)
        .expect(400);
      expect(limit.body.errors[0].field).toBe('limit');
    });

    it('lists pinned threads first, then by latest activity, page after page', async () => {
      const member = await createMember(t);
      const category = await createCategory(t, moderator);
      const threads = [];
      for (let i = 0; i < 5; i++) threads.push(await createThread(t, member, category.id, { title: `Thread number ${i}` }));
      await request(t.url)
        .post(api(`/admin/forums/threads/${threads[1]!.id}/pin`))
        .set(moderator.auth)
        .send({ value: true })
        .expect(200);
      await reply(t, member, threads[0]!.id, 'bump');
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(t.url)
          .get(api(`/forums/categories/${category.slug}/threads`))
          .query({ limit: 2, ...(cursor && { cursor }) })
          .set(member.auth)
          .expect(200);
        ids.push(...page.body.items.map((i: { id: string }) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(ids).toEqual([threads[1]!, threads[0]!, threads[4]!, threads[3]!, threads[2]!].map((th) => th.id));
      expect((await threadsOf(member, category.slug))[0]).toMatchObject({ pinned: true });
      await request(t.url)
        .post(api(`/admin/forums/threads/${threads[1]!.id}/pin`))
        .set(member.auth)
        .send({ value: false })
        .expect(403);
      await request(t.url)
        .post(api('/admin/forums/threads/00000000-0000-4000-8000-000000000000/pin'))
        .set(moderator.auth)
        .send({ value: true })
        .expect(404);
    });
  });

  describe('counters', () => {
    it('keeps category and thread counters right under concurrent posting', async () => {
      const members = await Promise.all([1, 2, 3, 4].map(() => createMember(t)));
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, members[0]!, category.id);
      await createThread(t, members[1]!, category.id);
      await Promise.all(members.flatMap((m) => [1, 2, 3].map((i) => reply(t, m, thread.id, `reply ${i}`))));
      expect(await categoryOf(members[0]!, category.slug)).toMatchObject({
        threadCount: 2,
        postCount: 14,
        lastActivityAt: expect.any(String),
      });
      const listed = (await threadsOf(members[0]!, category.slug)).find((th) => th.id === thread.id)!;
      expect(listed.replyCount).toBe(12);
      expect((await allPosts(t, members[0]!, thread.id)).map((p) => p.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    });
  });

  describe('search', () => {
    it('ranks stronger matches first and highlights them in escaped snippets', async () => {
      const [author, reader] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const weak = await createThread(t, author, category.id, {
        title: 'Board meeting notes',
        body: 'We touched on the asset lock briefly.',
      });
      const strong = await createThread(t, author, category.id, {
        title: 'CIC asset lock explained',
        body: 'The asset lock stops assets leaving the CIC. Our asset lock (worth < £1m & rising) survived the re-tender.',
      });
      const found = await search(reader, 'asset lock');
      expect(found.items.map((i: { postId: string }) => i.postId)).toEqual([strong.firstPost.id, weak.firstPost.id]);
      expect(found.items[0]).toMatchObject({
        threadId: strong.id,
        title: 'CIC asset lock explained',
        categorySlug: category.slug,
        author: { id: author.id },
      });
      expect(found.items[0].snippet).toContain('<mark>asset</mark> <mark>lock</mark>');
      expect(found.items[0].snippet).toContain('&lt; £1m &amp; rising');
      expect(found.items[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
    });

    it('understands web search syntax, filters by category and pages through results', async () => {
      const author = await createMember(t);
      const [one, two] = [await createCategory(t, moderator), await createCategory(t, moderator)];
      await createThread(t, author, one.id, {
        title: 'Staff engagement survey',
        body: 'Pulse surveys every quarter for xylophonic engagement',
      });
      await createThread(t, author, two.id, {
        title: 'Engagement and ownership',
        body: 'xylophonic engagement through the employee council',
      });
      await createThread(t, author, two.id, { title: 'Something else', body: 'xylophonic but no match for the other word' });
      expect((await search(author, 'xylophonic engagement')).items).toHaveLength(2);
      expect((await search(author, 'xylophonic -council')).items).toHaveLength(2);
      expect((await search(author, '"xylophonic engagement"', { categoryId: one.id })).items).toHaveLength(1);
      const first = await search(author, 'xylophonic', { limit: 2 });
      expect(first.items).toHaveLength(2);
      const second = await search(author, 'xylophonic', { limit: 2, cursor: first.nextCursor });
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const ids = [...first.items, ...second.items].map((i: { postId: string }) => i.postId);
      expect(new Set(ids).size).toBe(3);
    });

    it('refuses an empty query and a bad category id', async () => {
      const member = await createMember(t);
      await request(t.url).get(api('/forums/search')).query({ q: '  ' }).set(member.auth).expect(400);
      const bad = await request(t.url).get(api('/forums/search')).query({ q: 'x', categoryId: 'nope' }).set(member.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('categoryId');
    });
  });

  describe('flags and the moderation queue', () => {
    it('queues a flag for coordinators only; a second flag by the same member is a conflict', async () => {
      const [author, reporter] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id, { body: 'Call me on 07700 900123' });
      const flag = await request(t.url)
        .post(api(`/forums/posts/${thread.firstPost.id}/flags`))
        .set(reporter.auth)
        .send({ reason: 'Personal phone number' })
        .expect(201);
      expect(flag.body).toMatchObject({ id: expect.any(String), postId: thread.firstPost.id, status: 'open' });
      await request(t.url)
        .post(api(`/forums/posts/${thread.firstPost.id}/flags`))
        .set(reporter.auth)
        .send({ reason: 'Personal phone number' })
        .expect(409);
      await request(t.url)
        .post(api(`/forums/posts/${thread.firstPost.id}/flags`))
        .set(reporter.auth)
        .send({ reason: '' })
        .expect(400);
      await request(t.url).get(api('/admin/flags')).set(reporter.auth).expect(403);
      const queue = await request(t.url).get(api('/admin/flags')).query({ limit: 100 }).set(moderator.auth).expect(200);
      const entry = queue.body.items.find((f: { id: string }) => f.id === flag.body.id);
      expect(entry).toMatchObject({
        reason: 'Personal phone number',
        status: 'open',
        reporter: { id: reporter.id },
        post: { id: thread.firstPost.id, threadTitle: thread.title, bodyHtml: expect.stringContaining('07700') },
      });
    });

    it('dismisses a flag leaving the post, and refuses to resolve it twice', async () => {
      const [author, reporter] = [await createMember(t), await createMember(t)];
      const category = await createCategory(t, moderator);
      const thread = await createThread(t, author, category.id);
      const flag = await request(t.url)
        .post(api(`/forums/posts/${thread.firstPost.id}/flags`))
        .set(reporter.auth)
        .send({ reason: 'I just disagree' })
        .expect(201);
      await request(t.url)
        .post(api(`/admin/flags/${flag.body.id}/resolve`))
        .set(moderator.auth)
        .send({ action: 'delete' })
        .expect(400);
      await request(t.url)
        .post(api(`/admin/flags/${flag.body.id}/resolve`))
        .set(reporter.auth)
        .send({ action: 'dismiss' })
        .expect(403);
      const resolved = await request(t.url)
        .post(api(`/admin/flags/${flag.body.id}/resolve`))
        .set(moderator.auth)
        .send({ action: 'dismiss' })
        .expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'dismiss', resolvedAt: expect.any(String) });
      await request(t.url)
        .post(api(`/admin/flags/${flag.body.id}/resolve`))
        .set(moderator.auth)
        .send({ action: 'hide' })
        .expect(409);
      await request(t.url)
        .get(api(`/forums/posts/${thread.firstPost.id}`))
        .set(reporter.auth)
        .expect(200);
      const done = await request(t.url).get(api('/admin/flags')).query({ status: 'resolved', limit: 100 }).set(moderator.auth).expect(200);
      expect(done.body.items.map((f: { id: string }) => f.id)).toContain(flag.body.id);
      await request(t.url)
        .post(api('/admin/flags/00000000-0000-4000-8000-000000000000/resolve'))
        .set(moderator.auth)
        .send({ action: 'dismiss' })
        .expect(404);
    });
  });

  describe('subscriptions and events', () => {
    it('tells notifications who replied, who was mentioned and who watches, and nothing of removed posts', async () => {
      const events: ForumPostCreated[] = [];
      const removed: string[] = [];
      const emitter = t.app.get(DomainEvents);
      const onCreated = (e: ForumPostCreated) => events.push(e);
      const onRemoved = (e: { postId: string }) => removed.push(e.postId);
      const stopObserving = [
        emitter.observe('forum.post.created', onCreated),
        emitter.observe('forum.post.hidden', onRemoved),
        emitter.observe('forum.post.deleted', onRemoved),
      ];
      try {
        const [author, watcher, mentioned, replier, pending] = [
          await createMember(t),
          await createMember(t),
          await createMember(t),
          await createMember(t),
          await createMember(t, { status: 'pending' }),
        ];
        const category = await createCategory(t, moderator);
        const thread = await createThread(t, author, category.id);
        await request(t.url)
          .put(api(`/forums/threads/${thread.id}/subscription`))
          .set(watcher.auth)
          .expect(204);
        await request(t.url)
          .put(api(`/forums/threads/${thread.id}/subscription`))
          .set(pending.auth)
          .expect(204);
        await request(t.url)
          .delete(api(`/forums/threads/${thread.id}/subscription`))
          .set(pending.auth)
          .expect(204);
        const answer = await reply(
          t,
          replier,
          thread.id,
          `> quoting @${pending.handle}\n\nThanks @${mentioned.handle} and @${pending.handle} and @nobody-here`,
          thread.firstPost.id,
        );
        const event = events.find((e) => e.postId === answer.id)!;
        expect(event).toMatchObject({
          threadId: thread.id,
          threadTitle: thread.title,
          categorySlug: category.slug,
          authorId: replier.id,
          replyToAuthorId: author.id,
          mentionedUserIds: [mentioned.id],
          link: `/forums/threads/${thread.id}?post=${answer.id}`,
          preview: expect.stringContaining('Thanks @'),
        });
        expect(event.preview).not.toContain('quoting');
        expect(event.subscriberIds.sort()).toEqual([author.id, watcher.id].sort());
        const view = await request(t.url)
          .get(api(`/forums/threads/${thread.id}`))
          .set(replier.auth)
          .expect(200);
        expect(view.body.subscribed).toBe(true);
        await request(t.url)
          .delete(api(`/forums/posts/${answer.id}`))
          .set(replier.auth)
          .expect(204);
        expect(removed).toContain(answer.id);
        await request(t.url).put(api('/forums/threads/00000000-0000-4000-8000-000000000000/subscription')).set(watcher.auth).expect(404);
      } finally {
        stopObserving.forEach((stop) => stop());
      }
    });
  });

  describe('preview', () => {
    it('renders the composer preview with the server renderer', async () => {
      const member = await createMember(t);
      const response = await request(t.url)
        .post(api('/forums/preview'))
        .set(member.auth)
        .send({ body: '**hi** <script>x</script> [l](javascript:alert(1))' })
        .expect(200);
      expect(response.body.html).toContain('<strong>hi</strong>');
      expect(response.body.html).not.toMatch(/<script|href="javascript:/i);
      await request(t.url).post(api('/forums/preview')).set(member.auth).send({ body: 42 }).expect(400);
    });
  });
});
