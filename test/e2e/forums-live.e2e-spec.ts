import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import type { ForumPostCreatedEvent } from '@mutuals/contracts';
import { SOCKET_EVENT_LIMIT } from '@mutuals/realtime';
import { createCoordinator, createMember, type TestMember } from '../support/factories';
import { createCategory, createThread, reply } from '../support/forums';
import { TestApp, startTestApp } from '../support/test-app';

describe('forums: live replies and posting limits', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  async function connect(member: TestMember): Promise<Socket> {
    const socket = io(t.url, { auth: { token: member.token }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const ask = (socket: Socket, event: string, payload: unknown) =>
    socket.timeout(5000).emitWithAck(event, payload) as Promise<{ ok: boolean; error?: { code: string } }>;
  const collect = (socket: Socket, event: string) => {
    const seen: ForumPostCreatedEvent[] = [];
    socket.on(event, (payload: ForumPostCreatedEvent) => seen.push(payload));
    return seen;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('sends forum:post.created to watchers of the thread only, without the Markdown source', async () => {
    // Coordinators are held to the general limit only, so this test can post freely.
    const [author, watcher, bystander] = [await createCoordinator(t), await createMember(t), await createMember(t)];
    const category = await createCategory(t, author);
    const thread = await createThread(t, author, category.id);
    const [watching, notWatching] = [await connect(watcher), await connect(bystander)];
    expect(await ask(watching, 'forum:watch', { threadId: thread.id })).toEqual({ ok: true, threadId: thread.id });
    const received = collect(watching, 'forum:post.created');
    const missed = collect(notWatching, 'forum:post.created');
    const posted = await reply(t, author, thread.id, 'Live **reply**');
    await settle();
    expect(received).toEqual([
      {
        threadId: thread.id,
        post: expect.objectContaining({ id: posted.id, seq: 2, bodyHtml: '<p>Live <strong>reply</strong></p>\n', body: null }),
      },
    ]);
    expect(missed).toEqual([]);

    expect(await ask(watching, 'forum:unwatch', { threadId: thread.id })).toMatchObject({ ok: true });
    await reply(t, author, thread.id, 'after unwatching');
    await settle();
    expect(received).toHaveLength(1);
  });

  it('never sends a hidden post: hiding tells watchers to drop it, restoring does not announce it', async () => {
    const [author, watcher] = [await createCoordinator(t), await createMember(t)];
    const category = await createCategory(t, author);
    const thread = await createThread(t, author, category.id);
    const socket = await connect(watcher);
    await ask(socket, 'forum:watch', { threadId: thread.id });
    const created = collect(socket, 'forum:post.created');
    const removed = collect(socket, 'forum:post.removed');
    const post = await reply(t, author, thread.id, 'to be hidden');
    await settle();
    expect(created).toHaveLength(1);
    await request(t.url).post(`/api/v1/admin/posts/${post.id}/hide`).set(author.auth).expect(200);
    await settle();
    expect(removed).toEqual([{ threadId: thread.id, postId: post.id }]);
    await request(t.url).post(`/api/v1/admin/posts/${post.id}/restore`).set(author.auth).expect(200);
    await settle();
    expect(created).toHaveLength(1);
  });

  it('broadcasts an edit of a visible post, but nothing of a moderator’s edit of a hidden one', async () => {
    const [author, moderator, watcher] = [await createCoordinator(t), await createCoordinator(t), await createMember(t)];
    const category = await createCategory(t, author);
    const thread = await createThread(t, author, category.id);
    const socket = await connect(watcher);
    await ask(socket, 'forum:watch', { threadId: thread.id });
    const updated = collect(socket, 'forum:post.updated');
    const post = await reply(t, author, thread.id, 'first words');
    await request(t.url).patch(`/api/v1/forums/posts/${post.id}`).set(author.auth).send({ body: 'better words' }).expect(200);
    await request(t.url).post(`/api/v1/admin/posts/${post.id}/hide`).set(moderator.auth).expect(200);
    await request(t.url).patch(`/api/v1/forums/posts/${post.id}`).set(moderator.auth).send({ body: 'secret moderator note' }).expect(200);
    await settle();
    expect(updated).toEqual([
      { threadId: thread.id, post: expect.objectContaining({ id: post.id, bodyHtml: '<p>better words</p>\n', body: null }) },
    ]);
  });

  it('tells watchers nothing more of a thread once its opening post is hidden', async () => {
    const [author, watcher] = [await createCoordinator(t), await createMember(t)];
    const category = await createCategory(t, author);
    const thread = await createThread(t, author, category.id);
    const socket = await connect(watcher);
    await ask(socket, 'forum:watch', { threadId: thread.id });
    const created = collect(socket, 'forum:post.created');
    const updated = collect(socket, 'forum:post.updated');
    await request(t.url).post(`/api/v1/admin/posts/${thread.firstPost.id}/hide`).set(author.auth).expect(200);
    const later = await reply(t, author, thread.id, 'moderators only now');
    await request(t.url).patch(`/api/v1/forums/posts/${later.id}`).set(author.auth).send({ body: 'still moderators only' }).expect(200);
    await settle();
    expect([...created, ...updated]).toEqual([]);
    expect(await ask(socket, 'forum:watch', { threadId: thread.id })).toMatchObject({ ok: false, error: { code: 'threadNotFound' } });
  });

  it('limits how often one member may watch threads, across all their sockets', async () => {
    const [host, member] = [await createCoordinator(t), await createMember(t)];
    const category = await createCategory(t, host);
    const thread = await createThread(t, host, category.id);
    const [one, two] = [await connect(member), await connect(member)];
    const answers = await Promise.all(
      Array.from({ length: SOCKET_EVENT_LIMIT.max + 10 }, (_, i) =>
        ask(i % 2 ? one : two, i % 3 ? 'forum:watch' : 'forum:unwatch', { threadId: thread.id }),
      ),
    );
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(10);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'rateLimited' } });
  });

  it('refuses to watch an unknown thread or a malformed id', async () => {
    const member = await createMember(t);
    const socket = await connect(member);
    expect(await ask(socket, 'forum:watch', { threadId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'threadNotFound' },
    });
    expect(await ask(socket, 'forum:watch', { threadId: 'x' })).toMatchObject({ ok: false, error: { code: 'validationFailed' } });
    expect(await ask(socket, 'forum:watch', null)).toMatchObject({ ok: false });
  });

  it('slows a member on their first day of posting to 2 posts a minute, with Retry-After', async () => {
    const [member, host] = [await createMember(t), await createCoordinator(t)];
    const category = await createCategory(t, host);
    const thread = await createThread(t, host, category.id);
    await reply(t, member, thread.id, 'one');
    await reply(t, member, thread.id, 'two');
    const refused = await request(t.url)
      .post(`/api/v1/forums/threads/${thread.id}/posts`)
      .set(member.auth)
      .send({ body: 'three' })
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.detail).toMatch(/new member/);
  });

  it('holds everyone to 6 posts a minute', async () => {
    const coordinator = await createCoordinator(t);
    const category = await createCategory(t, coordinator);
    const thread = await createThread(t, coordinator, category.id);
    for (let i = 0; i < 5; i++) await reply(t, coordinator, thread.id, `post ${i}`);
    await request(t.url).post(`/api/v1/forums/threads/${thread.id}/posts`).set(coordinator.auth).send({ body: 'seventh' }).expect(429);
  });
});
