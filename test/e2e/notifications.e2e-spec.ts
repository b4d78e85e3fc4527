import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { NotificationsService } from '@mutuals/notifications';
import { createCoordinator, createMember } from '../support/factories';
import { allPosts, createCategory, createThread, reply } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

// The feed as a member sees it: what forum activity puts there, live and stored, and what a
// moderator's hide takes away again.
describe('notifications from the forums', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const connect = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  it('pushes and stores a mention, and withdraws it when a moderator hides the post', async () => {
    const coordinator = await createCoordinator(t);
    const [author, mentioned] = [await createMember(t), await createMember(t)];
    const category = await createCategory(t, coordinator);
    const thread = await createThread(t, author, category.id);
    const socket = await connect(mentioned.token);
    const pushed = new Promise<{ kind: string; title: string; link: string }>((resolve) => socket.once('notification', resolve));

    const post = await reply(t, author, thread.id, `What do you think, @${mentioned.handle}?`);
    expect(await pushed).toMatchObject({ kind: 'forum.mention', link: `/forums/threads/${thread.id}?post=${post.id}` });
    const feed = await request(t.url).get('/api/v1/notifications').set(mentioned.auth).expect(200);
    expect(feed.body).toMatchObject({
      unreadCount: 1,
      items: [expect.objectContaining({ kind: 'forum.mention', body: expect.stringContaining('What do you think') })],
    });

    await request(t.url)
      .post(`/api/v1/admin/posts/${post.id}/hide`)
      .set(coordinator.auth)
      .expect((r) => expect(r.status).toBeLessThan(300));
    const after = await request(t.url).get('/api/v1/notifications').set(mentioned.auth).expect(200);
    expect(after.body).toMatchObject({ unreadCount: 0, items: [] });
  });

  it('stores a post and its notifications together: a failed feed write fails the reply, and its retry stores both once', async () => {
    // A newcomer (two posts a minute): the failed reply gives its allowance back for the retry.
    const [author, mentioned] = [await createMember(t), await createMember(t)];
    const category = await createCategory(t, await createCoordinator(t));
    const thread = await createThread(t, author, category.id);
    // What a database restart did to the feed's write: it throws once.
    const feedWrite = jest
      .spyOn(t.app.get(NotificationsService), 'store')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const submission = { body: `Over to you, @${mentioned.handle}`, clientId: randomUUID() };
    const send = () => request(t.url).post(`/api/v1/forums/threads/${thread.id}/posts`).set(author.auth).send(submission);
    try {
      const failed = await send();
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(feedWrite).toHaveBeenCalledTimes(1);
      expect((await allPosts(t, author, thread.id)).map((p) => p.seq)).toEqual([1]);
      const retried = await send().expect(201);
      expect((await allPosts(t, author, thread.id)).map((p) => p.id)).toEqual([thread.firstPost.id, retried.body.id]);
      const feed = await request(t.url).get('/api/v1/notifications').set(mentioned.auth).expect(200);
      expect(feed.body.items).toEqual([
        expect.objectContaining({ kind: 'forum.mention', link: `/forums/threads/${thread.id}?post=${retried.body.id}` }),
      ]);
    } finally {
      feedWrite.mockRestore();
    }
  });

  it('withdraws every notification about a thread whose opening post a moderator hides', async () => {
    const coordinator = await createCoordinator(t);
    const [author, replier] = [await createMember(t), await createMember(t)];
    const category = await createCategory(t, coordinator);
    const thread = await createThread(t, author, category.id, { title: 'Something nobody should see' });
    await reply(t, replier, thread.id, 'A reply the author hears of');
    const before = await request(t.url).get('/api/v1/notifications').set(author.auth).expect(200);
    expect(before.body.items.map((n: { title: string }) => n.title)).toEqual([expect.stringContaining('Something nobody should see')]);
    await request(t.url).post(`/api/v1/admin/posts/${thread.firstPost.id}/hide`).set(coordinator.auth).expect(200);
    const after = await request(t.url).get('/api/v1/notifications').set(author.auth).expect(200);
    expect(after.body).toMatchObject({ unreadCount: 0, items: [] });
  });

  it('tells the thread’s author of a reply, but never the replier of their own post', async () => {
    const [author, replier] = [await createMember(t), await createMember(t)];
    const category = await createCategory(t, await createCoordinator(t));
    const thread = await createThread(t, author, category.id);
    await reply(t, replier, thread.id, 'We had the same question last year.', thread.firstPost.id);
    const authorFeed = await request(t.url).get('/api/v1/notifications').set(author.auth).expect(200);
    expect(authorFeed.body.items.map((n: { kind: string }) => n.kind)).toEqual(['forum.reply']);
    const replierFeed = await request(t.url).get('/api/v1/notifications').set(replier.auth).expect(200);
    expect(replierFeed.body.items).toEqual([]);
  });
});
