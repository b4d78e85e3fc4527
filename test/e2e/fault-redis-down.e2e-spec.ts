import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { ChatMessageView } from '@mutuals/contracts';
import { chatClient, collect, sleep, waitUntil } from '../support/chat-clients';
import { FaultMember, Store, createActiveMembers, prepareStore, signIn, timeUntil } from '../support/fault-world';
import { ScratchRedis, startScratchRedis } from '../support/scratch-servers';
import { ServerProcess, startServerProcess } from '../support/server-process';

// Issue 10 item 12: Redis going away degrades only what needs it. Sign-in and chat keep working
// (rate limits count in the process), readiness says "degraded", and presence is right again the
// moment Redis returns, empty, as after a crash. The redis-server is the test's own.
describe('Redis goes away and comes back (real api process, own redis-server)', () => {
  let store: Store;
  let members: FaultMember[];
  let redis: ScratchRedis;
  let server: ServerProcess | null = null;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    store = await prepareStore();
    members = await createActiveMembers(store.env, 2);
    redis = await startScratchRedis();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.kill('SIGKILL');
    await redis?.stop();
    await store?.drop();
  });

  it('keeps sign-in and chat working, says it is degraded, and shows presence at once when Redis returns', async () => {
    server = await startServerProcess({ ...store.env, REDIS_URL: redis.url }, 90_000);
    const url = server.url;
    const [alice, bob] = [await signIn(url, members[0]!), await signIn(url, members[1]!)];
    const created = await fetch(`${url}/api/v1/chat/conversations`, {
      method: 'POST',
      headers: { ...alice.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'group', title: 'Redis outage', memberIds: [bob.id] }),
    });
    const conversationId = ((await created.json()) as { id: string }).id;
    const aliceSocket = await chatClient(url, alice.token, [conversationId]);
    const bobSocket = await chatClient(url, bob.token, [conversationId]);
    sockets.push(aliceSocket, bobSocket);
    const bobOnline = async () => {
      const response = await fetch(`${url}/api/v1/chat/conversations/${conversationId}`, { headers: alice.auth });
      if (response.status !== 200) throw new Error(`conversation answered ${response.status}`);
      const view = (await response.json()) as { members: { id: string; online: boolean }[] };
      return view.members.find((m) => m.id === bob.id)!.online;
    };
    const readiness = async () => {
      const response = await fetch(`${url}/health/ready`);
      return { status: response.status, body: (await response.json()) as { status: string; checks: { redis: string } } };
    };
    expect(await bobOnline()).toBe(true);

    await redis.stop();
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = Date.now();
      return [await work(), Date.now() - started];
    };
    const [signInStatus, signInMs] = await timed(async () => {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(members[0]),
      });
      return response.status;
    });
    const atBob = collect<ChatMessageView>(bobSocket, 'chat:message');
    const [socketAck, socketSendMs] = await timed(() =>
      aliceSocket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: randomUUID(), body: 'while Redis is away' }),
    );
    await waitUntil(() => atBob.length === 1, 5000, 'the message at Bob on the same process');
    const [restStatus, restSendMs] = await timed(async () => {
      const response = await fetch(`${url}/api/v1/chat/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { ...bob.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: randomUUID(), body: 'over REST too' }),
      });
      return response.status;
    });
    const presenceDuringOutage = await bobOnline();
    const readyDuringOutage = await readiness();

    await redis.start();
    const redisBackMs = await timeUntil(async () => (await readiness()).body.checks.redis === 'up', 10_000, 'readiness seeing Redis again');
    // From the moment the server uses Redis again, Bob must never show offline.
    const presenceAfterReturn: boolean[] = [];
    for (let probe = 0; probe < 20; probe++) {
      presenceAfterReturn.push(await bobOnline());
      await sleep(100);
    }
    const readyAfter = await readiness();

    console.log(
      `Redis outage figures: ${JSON.stringify({
        signIn: { status: signInStatus, ms: signInMs },
        socketSend: { ack: (socketAck as { ok: boolean }).ok, ms: socketSendMs },
        restSend: { status: restStatus, ms: restSendMs },
        presenceDuringOutage,
        readyDuringOutage,
        redisBackMs,
        offlineAnswersAfterReturn: presenceAfterReturn.filter((online) => !online).length,
        readyAfter,
      })}`,
    );
    expect(signInStatus).toBe(200);
    expect(signInMs).toBeLessThan(1000);
    expect(socketAck).toMatchObject({ ok: true });
    expect(socketSendMs).toBeLessThan(1000);
    expect(restStatus).toBe(201);
    expect(presenceDuringOutage).toBe(true);
    expect(readyDuringOutage).toEqual({ status: 200, body: { status: 'degraded', checks: { database: 'up', redis: 'down' } } });
    expect(presenceAfterReturn.every(Boolean)).toBe(true);
    expect(readyAfter).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'up', redis: 'up' } } });
  });
});
