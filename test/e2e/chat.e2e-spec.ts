import { randomUUID } from 'node:crypto';
import { ChatConversationsService, SEND_LIMIT } from '@mutuals/chat';
import { SOCKET_EVENT_LIMIT } from '@mutuals/realtime';
import { DomainEvents } from '@mutuals/core';
import { ProfilesService } from '@mutuals/profiles';
import request from 'supertest';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessageView, type ConversationView } from '@mutuals/contracts';
import { ask, chatClient, collect, connectSocket, send, sleep, waitUntil } from '../support/chat-clients';
import { TestMember, createCoordinator, createMember, createOrganisation, setProfile, signInWithCookies } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

describe('chat', () => {
  let t: TestApp;
  const sockets: { close(): void }[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await t.close();
  });

  const api = () => request(t.url);
  const client = async (member: TestMember, conversationIds: string[] = []) => {
    const socket = await chatClient(t.url, member.token, conversationIds);
    sockets.push(socket);
    return socket;
  };
  async function direct(a: TestMember, b: TestMember): Promise<ConversationView> {
    return (
      await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'direct', memberIds: [b.id] })
        .expect(201)
    ).body;
  }
  async function group(owner: TestMember, members: TestMember[], title = 'Finance leads'): Promise<ConversationView> {
    return (
      await api()
        .post('/api/v1/chat/conversations')
        .set(owner.auth)
        .send({ kind: 'group', title, memberIds: members.map((m) => m.id) })
        .expect(201)
    ).body;
  }
  const post = (member: TestMember, conversationId: string, body: string, clientId = randomUUID()) =>
    api().post(`/api/v1/chat/conversations/${conversationId}/messages`).set(member.auth).send({ clientId, body });

  describe('conversations over REST', () => {
    it('makes one direct conversation per pair, answering the existing one with 200 from either side', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const first = await direct(a, b);
      expect(first).toMatchObject({ kind: 'direct', title: null, lastMessage: null, unreadCount: 0, lastSeq: 0 });
      expect(first.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
      const again = await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'direct', memberIds: [b.id] })
        .expect(200);
      const reverse = await api()
        .post('/api/v1/chat/conversations')
        .set(b.auth)
        .send({ kind: 'direct', memberIds: [a.id] })
        .expect(200);
      expect(again.body.id).toBe(first.id);
      expect(reverse.body.id).toBe(first.id);
    });

    it('lists every bad field of a conversation request', async () => {
      const a = await createMember(t);
      const bad = await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'channel', memberIds: ['nope'], extra: 1 })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind', 'memberIds', 'extra']));
      await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'direct', memberIds: [a.id] })
        .expect(400);
      await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'direct', memberIds: [randomUUID()] })
        .expect(400);
      const untitled = await api()
        .post('/api/v1/chat/conversations')
        .set(a.auth)
        .send({ kind: 'group', memberIds: [(await createMember(t)).id] })
        .expect(400);
      expect(untitled.body.errors.map((e: { field: string }) => e.field)).toContain('title');
    });

    it('lets only the creator of a group add and remove members', async () => {
      const [owner, member, newcomer, outsider] = [
        await createMember(t),
        await createMember(t),
        await createMember(t),
        await createMember(t),
      ];
      const g = await group(owner, [member]);
      expect(g.members.find((m) => m.id === owner.id)?.role).toBe('owner');
      await api().post(`/api/v1/chat/conversations/${g.id}/members/${newcomer.id}`).set(member.auth).expect(403);
      await api().post(`/api/v1/chat/conversations/${g.id}/members/${newcomer.id}`).set(outsider.auth).expect(404);
      const grown = await api().post(`/api/v1/chat/conversations/${g.id}/members/${newcomer.id}`).set(owner.auth).expect(200);
      expect(grown.body.members.map((m: { id: string }) => m.id)).toContain(newcomer.id);
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${newcomer.id}`).set(member.auth).expect(403);
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${newcomer.id}`).set(owner.auth).expect(204);
      await api().get(`/api/v1/chat/conversations/${g.id}`).set(newcomer.auth).expect(404);
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${member.id}`).set(member.auth).expect(204);
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${owner.id}`).set(owner.auth).expect(403);
      const d = await direct(owner, outsider);
      await api().post(`/api/v1/chat/conversations/${d.id}/members/${member.id}`).set(owner.auth).expect(400);
    });

    it('hides a conversation from non-members: 404 to read, send or look, 400 for a malformed id', async () => {
      const [a, b, stranger] = [await createMember(t), await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      await post(a, d.id, 'private').expect(201);
      await api().get(`/api/v1/chat/conversations/${d.id}`).set(stranger.auth).expect(404);
      await api().get(`/api/v1/chat/conversations/${d.id}/messages`).set(stranger.auth).expect(404);
      await post(stranger, d.id, 'let me in').expect(404);
      await api().get('/api/v1/chat/conversations/not-a-uuid/messages').set(a.auth).expect(400);
      await api().get('/api/v1/chat/conversations').expect(401);
      const list = await api().get('/api/v1/chat/conversations').set(stranger.auth).expect(200);
      expect(list.body.map((c: { id: string }) => c.id)).not.toContain(d.id);
    });
  });

  describe('messages over REST', () => {
    it('stores a message once per clientId: 201, then 200 with the same message', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const clientId = randomUUID();
      const first = await post(a, d.id, 'Hello **there** <script>alert(1)</script>', clientId).expect(201);
      expect(first.body).toMatchObject({ conversationId: d.id, seq: 1, senderId: a.id, clientId, deleted: false, editedAt: null });
      expect(first.body.bodyHtml).toContain('<strong>there</strong>');
      expect(first.body.bodyHtml).not.toContain('<script');
      const retry = await post(a, d.id, 'Hello **there** <script>alert(1)</script>', clientId).expect(200);
      expect(retry.body).toEqual(first.body);
      const history = await api().get(`/api/v1/chat/conversations/${d.id}/messages`).set(b.auth).expect(200);
      expect(history.body.items).toHaveLength(1);
    });

    it('refuses empty, over-long and malformed messages', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const bad = await api().post(`/api/v1/chat/conversations/${d.id}/messages`).set(a.auth).send({ clientId: 'x', body: '' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'clientId']);
      await post(a, d.id, 'x'.repeat(4001)).expect(400);
      await post(a, d.id, 'x'.repeat(4000)).expect(201);
    });

    it('pages history by seq, older with beforeSeq and newer with afterSeq', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      for (let i = 1; i <= 7; i++) await post(i % 2 ? a : b, d.id, `message ${i}`).expect(201);
      const latest = await api().get(`/api/v1/chat/conversations/${d.id}/messages?limit=3`).set(a.auth).expect(200);
      expect(latest.body.items.map((m: ChatMessageView) => m.seq)).toEqual([5, 6, 7]);
      expect(latest.body.hasMore).toBe(true);
      const older = await api().get(`/api/v1/chat/conversations/${d.id}/messages?limit=3&beforeSeq=5`).set(a.auth).expect(200);
      expect(older.body.items.map((m: ChatMessageView) => m.seq)).toEqual([2, 3, 4]);
      const oldest = await api().get(`/api/v1/chat/conversations/${d.id}/messages?limit=3&beforeSeq=2`).set(a.auth).expect(200);
      expect(oldest.body).toMatchObject({ hasMore: false });
      expect(oldest.body.items.map((m: ChatMessageView) => m.seq)).toEqual([1]);
      const newer = await api().get(`/api/v1/chat/conversations/${d.id}/messages?afterSeq=5`).set(a.auth).expect(200);
      expect(newer.body.items.map((m: ChatMessageView) => m.seq)).toEqual([6, 7]);
      await api().get(`/api/v1/chat/conversations/${d.id}/messages?afterSeq=1&beforeSeq=5`).set(a.auth).expect(400);
      await api().get(`/api/v1/chat/conversations/${d.id}/messages?limit=500`).set(a.auth).expect(400);
    });

    it('lists conversations with the last message and an unread count that reading clears', async () => {
      const [a, b, c] = [await createMember(t), await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const g = await group(a, [b, c], 'Planning');
      await post(a, d.id, 'one').expect(201);
      await post(a, d.id, 'two').expect(201);
      await post(b, d.id, 'mine').expect(201);
      await post(c, g.id, 'group hello').expect(201);
      const list = await api().get('/api/v1/chat/conversations').set(b.auth).expect(200);
      const byId = new Map<string, ConversationView>(list.body.map((x: ConversationView) => [x.id, x]));
      expect(byId.get(d.id)).toMatchObject({ unreadCount: 2, lastSeq: 3, lastMessage: { body: 'mine', seq: 3 } });
      expect(byId.get(g.id)).toMatchObject({ unreadCount: 1, title: 'Planning', lastMessage: { body: 'group hello' } });
      expect(list.body[0].id).toBe(g.id);
      await api().post(`/api/v1/chat/conversations/${d.id}/read`).set(b.auth).send({ seq: 99 }).expect(200, { seq: 3 });
      await api().post(`/api/v1/chat/conversations/${d.id}/read`).set(b.auth).send({ seq: 1 }).expect(200, { seq: 3 });
      const after = await api().get(`/api/v1/chat/conversations/${d.id}`).set(b.auth).expect(200);
      expect(after.body.unreadCount).toBe(0);
      expect(after.body.members.find((m: { id: string }) => m.id === b.id).lastReadSeq).toBe(3);
    });

    it('lets only the sender edit or delete, leaving a tombstone, announced to current members only', async () => {
      const [owner, stays, removed] = [await createMember(t), await createMember(t), await createMember(t)];
      const g = await group(owner, [stays, removed]);
      const message = (await post(owner, g.id, 'first draft').expect(201)).body as ChatMessageView;
      const staysSocket = await client(stays, [g.id]);
      const removedSocket = await client(removed, [g.id]);
      const staysSaw = collect<ChatMessageView>(staysSocket, 'chat:message.updated');
      const removedSaw = collect<ChatMessageView>(removedSocket, 'chat:message.updated');
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${removed.id}`).set(owner.auth).expect(204);

      await api().patch(`/api/v1/chat/messages/${message.id}`).set(stays.auth).send({ body: 'hijack' }).expect(403);
      await api().patch(`/api/v1/chat/messages/${message.id}`).set(removed.auth).send({ body: 'hijack' }).expect(404);
      const edited = await api().patch(`/api/v1/chat/messages/${message.id}`).set(owner.auth).send({ body: 'final _text_' }).expect(200);
      expect(edited.body).toMatchObject({ body: 'final _text_', seq: 1, deleted: false, editedAt: expect.any(String) });
      expect(edited.body.bodyHtml).toContain('<em>text</em>');
      await api().delete(`/api/v1/chat/messages/${message.id}`).set(stays.auth).expect(403);
      const deleted = await api().delete(`/api/v1/chat/messages/${message.id}`).set(owner.auth).expect(200);
      expect(deleted.body).toMatchObject({ id: message.id, seq: 1, deleted: true, body: '', bodyHtml: '' });
      await api().patch(`/api/v1/chat/messages/${message.id}`).set(owner.auth).send({ body: 'back' }).expect(409);

      await waitUntil(() => staysSaw.length === 2, 5000, 'both updates');
      expect(staysSaw.map((m) => m.deleted)).toEqual([false, true]);
      await sleep(200);
      expect(removedSaw).toEqual([]);
      const history = await api().get(`/api/v1/chat/conversations/${g.id}/messages`).set(stays.auth).expect(200);
      expect(history.body.items).toEqual([expect.objectContaining({ seq: 1, deleted: true, body: '' })]);
    });

    it('lets a member awaiting approval read but not send', async () => {
      const [a, pending] = [await createMember(t), await createMember(t, { status: 'pending' })];
      const d = await direct(a, pending);
      await post(a, d.id, 'welcome').expect(201);
      await api().get(`/api/v1/chat/conversations/${d.id}/messages`).set(pending.auth).expect(200);
      const refused = await post(pending, d.id, 'hi').expect(403);
      expect(refused.body.detail).toMatch(/approval/);
      const socket = await client(pending, [d.id]);
      const answer = await send(socket, d.id, 'hi');
      expect(answer).toMatchObject({ ok: false, error: { code: 'awaitingApproval' } });
      expect(await ask(socket, 'chat:read', { conversationId: d.id, seq: 1 })).toMatchObject({ ok: true, seq: 1 });
    });
  });

  describe('mentorship conversations', () => {
    it('opens one conversation per accepted mentorship, however often it hears of it, and answers the link to whoever asks', async () => {
      const [mentor, mentee] = [await createMember(t), await createMember(t)];
      const organisation = await createOrganisation(t, mentee, { name: 'Riverside Leisure Trust', kind: 'aspiring' });
      await setProfile(t, mentee, { organisationId: organisation.id } as never);
      const emitter = t.app.get(DomainEvents);
      const mentorshipId = randomUUID();
      const accepted = { mentorshipId, requestId: randomUUID(), mentorId: mentor.id, menteeId: mentee.id };
      await emitter.emit('mentoring.accepted', accepted);
      await emitter.emit('mentoring.accepted', accepted);
      const list = await api().get('/api/v1/chat/conversations').set(mentee.auth).expect(200);
      const opened = list.body.filter((c: ConversationView) => c.mentorshipId === mentorshipId);
      expect(opened).toHaveLength(1);
      const links = await t.app.get(ChatConversationsService).conversationIdsForMentorships([mentorshipId]);
      expect(links.get(mentorshipId)).toBe(opened[0].id);
      const view = await api().get(`/api/v1/chat/conversations/${opened[0].id}`).set(mentee.auth).expect(200);
      expect(view.body).toMatchObject({ kind: 'mentorship', mentorshipId, title: `Mentoring with ${mentor.displayName}` });
      expect(view.body.members.map((m: { id: string }) => m.id).sort()).toEqual([mentor.id, mentee.id].sort());
    });

    it('names a mentorship conversation after the other person, so two mentees of one organisation are told apart', async () => {
      const mentor = await createMember(t);
      const first = await createMember(t, { displayName: 'Amara Okafor' });
      const second = await createMember(t, { displayName: 'Tom Whitley' });
      const organisation = await createOrganisation(t, first, { name: 'Millbrook Care', kind: 'aspiring' });
      await t.app.get(ProfilesService).addOrganisationMember(organisation.id, second.id);
      const emitter = t.app.get(DomainEvents);
      for (const mentee of [first, second]) {
        await emitter.emit('mentoring.accepted', {
          mentorshipId: randomUUID(),
          requestId: randomUUID(),
          mentorId: mentor.id,
          menteeId: mentee.id,
        });
      }
      const mentorList = await api().get('/api/v1/chat/conversations').set(mentor.auth).expect(200);
      expect(mentorList.body.map((c: { title: string }) => c.title).sort()).toEqual([
        'Mentoring with Amara Okafor',
        'Mentoring with Tom Whitley',
      ]);
      const menteeList = await api().get('/api/v1/chat/conversations').set(second.auth).expect(200);
      expect(menteeList.body.map((c: { title: string }) => c.title)).toEqual([`Mentoring with ${mentor.displayName}`]);
    });
  });

  describe('sockets', () => {
    it('refuses a connection without a valid token', async () => {
      await expect(connectSocket(t.url, null)).rejects.toThrow(/unauthorized/);
      await expect(connectSocket(t.url, { token: 'forged' })).rejects.toThrow(/unauthorized/);
    });

    it('accepts the session cookie from its own origin only', async () => {
      const member = await createMember(t);
      const { cookie } = await signInWithCookies(t, member.email);
      await expect(connectSocket(t.url, null, { extraHeaders: { Cookie: cookie, Origin: 'https://evil.example' } })).rejects.toThrow(
        /unauthorized/,
      );
      await expect(connectSocket(t.url, null, { extraHeaders: { Cookie: cookie } })).rejects.toThrow(/unauthorized/);
      const own = await connectSocket(t.url, null, { extraHeaders: { Cookie: cookie, Origin: t.url } });
      sockets.push(own);
      expect(own.connected).toBe(true);
    });

    it('acknowledges a send once stored, broadcasts it to the room, and answers a repeated clientId with the original', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const [sa, sb] = [await client(a, [d.id]), await client(b, [d.id])];
      const received = collect<ChatMessageView>(sb, 'chat:message');
      const clientId = randomUUID();
      const ack = await send(sa, d.id, 'over the *socket*', clientId);
      expect(ack).toMatchObject({ ok: true, message: { seq: 1, senderId: a.id, clientId, body: 'over the *socket*' } });
      const stored = await api().get(`/api/v1/chat/conversations/${d.id}/messages`).set(b.auth).expect(200);
      expect(stored.body.items).toHaveLength(1);
      await waitUntil(() => received.length === 1, 5000, 'the broadcast');
      expect(received[0]!.bodyHtml).toContain('<em>socket</em>');
      const again = await send(sa, d.id, 'over the *socket*', clientId);
      expect(again).toEqual(ack);
      await sleep(150);
      expect(received).toHaveLength(1);
    });

    it('answers bad payloads, over-long bodies and non-members with error acks', async () => {
      const [a, b, stranger] = [await createMember(t), await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const sa = await client(a, [d.id]);
      expect(await ask(sa, 'chat:send', 'not an object')).toMatchObject({ ok: false, error: { code: 'validationFailed' } });
      expect(await ask(sa, 'chat:send', { conversationId: d.id, clientId: 'x', body: 7 })).toMatchObject({
        ok: false,
        error: { code: 'validationFailed', message: expect.stringMatching(/clientId.*body/) },
      });
      expect(await send(sa, d.id, 'x'.repeat(4001))).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
      expect(await ask(sa, 'chat:sync', { conversationId: d.id, afterSeq: -1 })).toMatchObject({
        ok: false,
        error: { code: 'validationFailed' },
      });
      expect(await ask(sa, 'chat:read', { conversationId: d.id })).toMatchObject({ ok: false, error: { code: 'validationFailed' } });

      const ss = await client(stranger);
      const strangerSaw = collect(ss, 'chat:message');
      expect(await ask(ss, 'chat:join', { conversationId: d.id })).toMatchObject({ ok: false, error: { code: 'conversationNotFound' } });
      expect(await send(ss, d.id, 'intrude')).toMatchObject({ ok: false, error: { code: 'conversationNotFound' } });
      expect(await ask(ss, 'chat:sync', { conversationId: d.id, afterSeq: 0 })).toMatchObject({
        ok: false,
        error: { code: 'conversationNotFound' },
      });
      expect(await ask(ss, 'chat:typing', { conversationId: d.id })).toMatchObject({ ok: false, error: { code: 'conversationNotFound' } });
      expect(await ask(ss, 'chat:read', { conversationId: d.id, seq: 1 })).toMatchObject({
        ok: false,
        error: { code: 'conversationNotFound' },
      });
      await send(sa, d.id, 'members only');
      await sleep(150);
      expect(strangerSaw).toEqual([]);
      const history = await api().get(`/api/v1/chat/conversations/${d.id}/messages`).set(a.auth).expect(200);
      expect(history.body.items.map((m: ChatMessageView) => m.body)).toEqual(['members only']);
    });

    it('limits how fast one socket may send', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const sa = await client(a, [d.id]);
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => send(sa, d.id, `burst ${i}`)));
      const refused = answers.filter((x) => !x.ok);
      expect(refused.length).toBe(10);
      expect(refused[0]).toMatchObject({ ok: false, error: { code: 'rateLimited' } });
    });

    it('gives a member one send budget, shared by HTTP and every socket of theirs', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const [one, two] = [await client(a, [d.id]), await client(a, [d.id])];
      const [bySocket, byHttp] = await Promise.all([
        Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2 ? one : two, d.id, `socket ${i}`))),
        Promise.all(Array.from({ length: 20 }, (_, i) => post(a, d.id, `http ${i}`))),
      ]);
      const stored = bySocket.filter((x) => x.ok).length + byHttp.filter((r) => r.status === 201).length;
      expect(stored).toBe(SEND_LIMIT.max);
      expect(bySocket.filter((x) => !x.ok).every((x) => !x.ok && x.error.code === 'rateLimited')).toBe(true);
      expect(byHttp.filter((r) => r.status !== 201).every((r) => r.status === 429)).toBe(true);
    });

    it('answers an over-long or malformed message the same way over HTTP and socket, with the same code', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const socket = await client(a, [d.id]);
      const tooLong = 'x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1);
      const overHttp = await post(a, d.id, tooLong).expect(400);
      expect(overHttp.body).toMatchObject({
        code: 'tooLarge',
        errors: [{ field: 'body', message: expect.stringContaining(String(CHAT_MESSAGE_MAX_LENGTH)) }],
      });
      expect(await send(socket, d.id, tooLong)).toEqual({
        ok: false,
        error: { code: 'tooLarge', message: overHttp.body.detail, errors: overHttp.body.errors },
      });
      const malformed = { clientId: 'not-a-uuid', body: 'hello' };
      const malformedHttp = await api().post(`/api/v1/chat/conversations/${d.id}/messages`).set(a.auth).send(malformed).expect(400);
      expect(malformedHttp.body.code).toBe('validationFailed');
      expect(await ask(socket, 'chat:send', { conversationId: d.id, ...malformed })).toEqual({
        ok: false,
        error: { code: 'validationFailed', message: malformedHttp.body.detail, errors: malformedHttp.body.errors },
      });
    });

    it('limits typing announcements per member, across all their sockets', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      // No rooms joined: typing needs none, and every event counts.
      const [one, two] = [await client(a), await client(a)];
      const answers = await Promise.all(
        Array.from({ length: SOCKET_EVENT_LIMIT.max + 10 }, (_, i) => ask(i % 2 ? one : two, 'chat:typing', { conversationId: d.id })),
      );
      const refused = answers.filter((x) => !x.ok);
      expect(refused).toHaveLength(10);
      expect(refused[0]).toMatchObject({ error: { code: 'rateLimited' } });
    });

    it('relays typing to the others, throttled, and read positions to the room', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const [sa, sb] = [await client(a, [d.id]), await client(b, [d.id])];
      const typingSeenByB = collect(sb, 'chat:typing');
      const typingSeenByA = collect(sa, 'chat:typing');
      expect(await ask(sa, 'chat:typing', { conversationId: d.id })).toEqual({ ok: true, sent: true });
      expect(await ask(sa, 'chat:typing', { conversationId: d.id })).toEqual({ ok: true, sent: false });
      await waitUntil(() => typingSeenByB.length === 1, 5000, 'typing');
      expect(typingSeenByB[0]).toEqual({ conversationId: d.id, userId: a.id });
      const reads = collect(sa, 'chat:read');
      await send(sa, d.id, 'one');
      await send(sa, d.id, 'two');
      expect(await ask(sb, 'chat:read', { conversationId: d.id, seq: 2 })).toEqual({ ok: true, seq: 2 });
      expect(await ask(sb, 'chat:read', { conversationId: d.id, seq: 1 })).toEqual({ ok: true, seq: 2 });
      await waitUntil(() => reads.length === 2, 5000, 'read receipts');
      expect(reads[0]).toEqual({ conversationId: d.id, userId: b.id, seq: 2 });
      expect(typingSeenByA).toEqual([]);
    });

    it('shows a member online while any of their sockets is connected', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const d = await direct(a, b);
      const watcher = await client(a, [d.id]);
      const presence = collect<{ userId: string; online: boolean }>(watcher, 'presence');
      const first = await client(b);
      const second = await client(b);
      await waitUntil(() => presence.length >= 1, 5000, 'online');
      const view = await api().get(`/api/v1/chat/conversations/${d.id}`).set(a.auth).expect(200);
      expect(view.body.members.find((m: { id: string }) => m.id === b.id).online).toBe(true);
      first.close();
      await sleep(300);
      expect(presence).toEqual([{ userId: b.id, online: true }]);
      second.close();
      await waitUntil(() => presence.length === 2, 5000, 'offline');
      expect(presence[1]).toEqual({ userId: b.id, online: false });
    });

    it('takes a removed member out of the room at once', async () => {
      const [owner, member] = [await createMember(t), await createMember(t)];
      const g = await group(owner, [member]);
      const [so, sm] = [await client(owner, [g.id]), await client(member, [g.id])];
      const memberSaw = collect<ChatMessageView>(sm, 'chat:message');
      const typing = collect(sm, 'chat:typing');
      await send(so, g.id, 'before');
      await waitUntil(() => memberSaw.length === 1, 5000, 'the first message');
      await api().delete(`/api/v1/chat/conversations/${g.id}/members/${member.id}`).set(owner.auth).expect(204);
      await send(so, g.id, 'after');
      await ask(so, 'chat:typing', { conversationId: g.id });
      await sleep(300);
      expect(memberSaw.map((m) => m.body)).toEqual(['before']);
      expect(typing).toEqual([]);
      expect(await send(sm, g.id, 'still here?')).toMatchObject({ ok: false, error: { code: 'conversationNotFound' } });
    });

    it('joins a new conversation room for members already connected', async () => {
      const [a, b] = [await createMember(t), await createMember(t)];
      const sb = await client(b);
      const received = collect<ChatMessageView>(sb, 'chat:message');
      const d = await direct(a, b);
      await sleep(100);
      await post(a, d.id, 'hello there').expect(201);
      await waitUntil(() => received.length === 1, 5000, 'the message in a conversation made after connecting');
    });

    it('cuts a live socket when its member is suspended', async () => {
      const [coordinator, member] = [await createCoordinator(t), await createMember(t)];
      const socket = await client(member);
      const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await api().post(`/api/v1/admin/members/${member.id}/suspend`).set(coordinator.auth).expect(200);
      expect(await cut).toBe('io server disconnect');
      await expect(connectSocket(t.url, { token: member.token })).rejects.toThrow(/unauthorized/);
    });
  });
});
