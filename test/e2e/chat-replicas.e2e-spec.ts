import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type { ChatMessageView, ConversationView } from '@mutuals/contracts';
import { ask, chatClient, collect, range, send, sleep, syncAll, waitUntil } from '../support/chat-clients';
import { TestMember, createMember } from '../support/factories';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { TestApp, createScratchDatabase, startTestApp, usingRedis, usingServerDatabase } from '../support/test-app';

// Two api processes sharing Postgres and Redis must behave as one. Needs both servers: CI sets
// DATABASE_URL and REDIS_URL; without them this suite is skipped and says why.
const replicasPossible = usingRedis() && usingServerDatabase();
const describeReplicas = replicasPossible ? describe : describe.skip;
if (!replicasPossible)
  console.warn('chat replicas: skipped, set DATABASE_URL and REDIS_URL to run two api processes against one Postgres and Redis');

describeReplicas('chat across two api processes (Postgres + Redis)', () => {
  let database: { url: string; drop(): Promise<void> };
  const redisKeyPrefix = `mn-test-${randomBytes(4).toString('hex')}:`;
  let one: TestApp;
  let two: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    database = await createScratchDatabase();
    one = await startTestApp({ databaseUrl: database.url, redisKeyPrefix });
    two = await startTestApp({ databaseUrl: database.url, redisKeyPrefix });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  async function conversationOf(members: TestMember[]): Promise<ConversationView> {
    const [owner, ...others] = members;
    const response = await request(one.url)
      .post('/api/v1/chat/conversations')
      .set(owner!.auth)
      .send({ kind: 'group', title: 'Across replicas', memberIds: others.map((m) => m.id) })
      .expect(201);
    return response.body;
  }
  const connect = async (app: { url: string }, member: TestMember, ids: string[] = []) => {
    const socket = await chatClient(app.url, member.token, ids);
    sockets.push(socket);
    return socket;
  };

  it('delivers messages, typing, reads and presence between clients on different processes', async () => {
    const [a, b] = [await createMember(one), await createMember(one)];
    const c = await conversationOf([a, b]);
    const sa = await connect(one, a, [c.id]);
    const presence = collect<{ userId: string; online: boolean }>(sa, 'presence');
    const sb = await connect(two, b, [c.id]);
    await waitUntil(() => presence.some((p) => p.userId === b.id && p.online), 5000, 'presence from the other process');
    const onOne = await request(one.url).get(`/api/v1/chat/conversations/${c.id}`).set(a.auth).expect(200);
    expect(onOne.body.members.find((m: { id: string }) => m.id === b.id).online).toBe(true);

    const atB = collect<ChatMessageView>(sb, 'chat:message');
    const atA = collect<ChatMessageView>(sa, 'chat:message');
    expect(await send(sa, c.id, 'from one')).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(await send(sb, c.id, 'from two')).toMatchObject({ ok: true, message: { seq: 2 } });
    await waitUntil(() => atB.length === 2 && atA.length === 2, 5000, 'both messages on both sides');
    expect(atB.map((m) => m.body)).toEqual(['from one', 'from two']);

    const typing = collect(sa, 'chat:typing');
    await ask(sb, 'chat:typing', { conversationId: c.id });
    const reads = collect(sa, 'chat:read');
    await ask(sb, 'chat:read', { conversationId: c.id, seq: 2 });
    await waitUntil(() => typing.length === 1 && reads.length === 1, 5000, 'typing and read from the other process');

    sb.close();
    await waitUntil(() => presence.some((p) => p.userId === b.id && !p.online), 5000, 'offline from the other process');
  });

  it('takes a removed member out of the room on the other process at once', async () => {
    const [owner, member] = [await createMember(one), await createMember(one)];
    const c = await conversationOf([owner, member]);
    const so = await connect(one, owner, [c.id]);
    const sm = await connect(two, member, [c.id]);
    const seen = collect<ChatMessageView>(sm, 'chat:message');
    const updates = collect<ChatMessageView>(sm, 'chat:message.updated');
    const first = await send(so, c.id, 'before');
    await waitUntil(() => seen.length === 1, 5000, 'the first message');
    await request(one.url).delete(`/api/v1/chat/conversations/${c.id}/members/${member.id}`).set(owner.auth).expect(204);
    await sleep(100);
    await send(so, c.id, 'after');
    if (first.ok) await request(one.url).delete(`/api/v1/chat/messages/${first.message.id}`).set(owner.auth).expect(200);
    await sleep(400);
    expect(seen.map((m) => m.body)).toEqual(['before']);
    expect(updates).toEqual([]);
  });

  it('joins a new conversation room on every process', async () => {
    const [a, b] = [await createMember(one), await createMember(one)];
    const sb = await connect(two, b);
    const seen = collect<ChatMessageView>(sb, 'chat:message');
    const c = await conversationOf([a, b]);
    await sleep(200);
    await request(one.url)
      .post(`/api/v1/chat/conversations/${c.id}/messages`)
      .set(a.auth)
      .send({ clientId: randomUUID(), body: 'made on one' })
      .expect(201);
    await waitUntil(() => seen.length === 1, 5000, 'the message on the other process');
  });

  describe('when a process is killed with SIGKILL', () => {
    let servers: ServerProcess[] = [];
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    });

    /** A client that keeps sending with its own clientIds and, when its server goes, moves to the next. */
    class FailoverClient {
      socket!: Socket;
      readonly held = new Map<number, ChatMessageView>();
      readonly acked = new Map<string, number>();
      failovers = 0;
      constructor(
        private readonly member: TestMember,
        private readonly conversationId: string,
        private urls: string[],
      ) {}

      async connect(): Promise<void> {
        for (;;) {
          try {
            this.socket = await chatClient(this.urls[0]!, this.member.token, [this.conversationId]);
            this.socket.on('chat:message', (m: ChatMessageView) => this.hold(m));
            // Recovery is never trusted alone: ask for everything after the last seq held without a gap.
            for (const m of await syncAll(this.socket, this.conversationId, this.contiguous())) this.hold(m);
            return;
          } catch {
            this.urls = [...this.urls.slice(1), this.urls[0]!];
            await sleep(100);
          }
        }
      }

      private hold(message: ChatMessageView): void {
        const known = this.held.get(message.seq);
        if (known && known.id !== message.id) throw new Error(`two messages with seq ${message.seq}`);
        this.held.set(message.seq, message);
      }

      /** The last seq up to which every message is held: a live broadcast can be lost with its replica. */
      contiguous(): number {
        let seq = 0;
        while (this.held.has(seq + 1)) seq++;
        return seq;
      }

      async sendUntilAcked(body: string): Promise<void> {
        const clientId = randomUUID();
        for (;;) {
          try {
            if (!this.socket.connected) throw new Error('disconnected');
            const answer = await ask<{ ok: boolean; message?: ChatMessageView }>(
              this.socket,
              'chat:send',
              { conversationId: this.conversationId, clientId, body },
              2000,
            );
            if (answer.ok && answer.message) {
              this.acked.set(clientId, answer.message.seq);
              this.hold(answer.message);
              return;
            }
          } catch {
            this.failovers += 1;
            this.socket.close();
            this.urls = [...this.urls.slice(1), this.urls[0]!];
            await this.connect();
          }
        }
      }
    }

    it('stores every acknowledged message once, and every client ends with the full sequence', async () => {
      const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL!, REDIS_KEY_PREFIX: redisKeyPrefix, RATE_LIMITS: 'false' };
      servers = [await startServerProcess(env), await startServerProcess(env)];
      const members = await Promise.all(range(1, 4).map(() => createMember(one)));
      const c = await conversationOf(members);
      const [victim, survivor] = servers as [ServerProcess, ServerProcess];
      const clients = members.map(
        (m, i) => new FailoverClient(m, c.id, i % 2 === 0 ? [victim.url, survivor.url] : [survivor.url, victim.url]),
      );
      await Promise.all(clients.map((client) => client.connect()));

      const perClient = 60;
      const streams = clients.map(async (client, i) => {
        for (let n = 0; n < perClient; n++) {
          await client.sendUntilAcked(`client ${i} message ${n}`);
          await sleep(10);
        }
      });
      await waitUntil(() => clients.reduce((sum, cl) => sum + cl.acked.size, 0) >= 60, 20_000, 'messages before the kill');
      await victim.kill('SIGKILL');
      await Promise.all(streams);

      const total = perClient * clients.length;
      expect(clients.filter((cl) => cl.failovers > 0).length).toBeGreaterThanOrEqual(2);
      for (const client of clients) {
        for (const m of await syncAll(client.socket, c.id, client.contiguous())) client.held.set(m.seq, m);
        expect([...client.held.keys()].sort((x, y) => x - y)).toEqual(range(1, total));
        client.socket.close();
      }

      const db = new Client({ connectionString: database.url });
      await db.connect();
      try {
        const rows = (await db.query(`SELECT seq, client_id FROM messages WHERE conversation_id = $1 ORDER BY seq`, [c.id])).rows as {
          seq: number;
          client_id: string;
        }[];
        expect(rows.map((r) => r.seq)).toEqual(range(1, total));
        const stored = new Map(rows.map((r) => [r.client_id, r.seq]));
        expect(stored.size).toBe(total);
        for (const client of clients) for (const [clientId, seq] of client.acked) expect(stored.get(clientId)).toBe(seq);
      } finally {
        await db.end();
      }
    });
  });
});
