import { randomUUID } from 'node:crypto';
import { Agent, get } from 'node:http';
import type { Socket } from 'socket.io-client';
import type { ChatMessageView } from '@mutuals/contracts';
import { chatClient, sleep } from '../support/chat-clients';
import { FaultMember, Store, createActiveMembers, prepareStore, signIn } from '../support/fault-world';
import { ServerProcess, startServerProcess } from '../support/server-process';

// Issue 10 item 10: SIGTERM under load (keep-alive HTTP clients and a socket client sending chat
// messages) ends in a clean exit well inside SHUTDOWN_GRACE_MS, and no message is stored without
// the client learning of it (acknowledged, or found when it syncs or sends again with its clientId).
const GRACE_MS = 10_000;

/** The promise's value, or `fallback` after `ms` (the timer cleared either way). */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

type SendOutcome = 'acked' | 'restarting' | 'unanswered';

/** GET in a loop on one keep-alive connection until the server is gone; counts what came back. */
async function keepAliveClient(url: string, token: string, until: () => boolean, tally: Map<string, number>): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  while (!until()) {
    const outcome = await new Promise<string>((resolve) => {
      const request = get(`${url}/api/v1/me`, { agent, headers: { Authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.statusCode)));
      });
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      request.setTimeout(5000, () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    });
    count(outcome);
    if (outcome === 'ECONNREFUSED') await sleep(50);
  }
  agent.destroy();
}

describe('SIGTERM under load (real api process)', () => {
  let store: Store;
  let members: FaultMember[];
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    store = await prepareStore();
    members = await createActiveMembers(store.env, 2);
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await store?.drop();
  });

  it('exits 0 well within the grace, and every stored chat message reaches its sender', async () => {
    const env = { ...store.env, SHUTDOWN_GRACE_MS: String(GRACE_MS), RATE_LIMITS: 'false' };
    server = await startServerProcess(env, 90_000);
    const [alice, bob] = [await signIn(server.url, members[0]!), await signIn(server.url, members[1]!)];
    const created = await fetch(`${server.url}/api/v1/chat/conversations`, {
      method: 'POST',
      headers: { ...alice.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'group', title: 'Shutdown', memberIds: [bob.id] }),
    });
    const conversationId = ((await created.json()) as { id: string }).id;

    let exited = false;
    const tally = new Map<string, number>();
    const httpClients = [1, 2, 3, 4].map(() => keepAliveClient(server!.url, bob.token, () => exited, tally));

    const socket: Socket = await chatClient(server.url, alice.token, [conversationId]);
    const disconnectReason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const sends: { clientId: string; outcome: Promise<SendOutcome> }[] = [];
    let sending = true;
    const sender = (async () => {
      while (sending && socket.connected) {
        const clientId = randomUUID();
        const outcome = socket
          .timeout(5000)
          .emitWithAck('chat:send', { conversationId, clientId, body: `message ${sends.length}` })
          .then(
            (answer: { ok: boolean; error?: { code: string } }) =>
              answer.ok ? 'acked' : answer.error?.code === 'restarting' ? 'restarting' : 'unanswered',
            () => 'unanswered' as const,
          );
        sends.push({ clientId, outcome });
        await sleep(20);
      }
    })();

    await sleep(1000);
    const signalledAt = Date.now();
    const exitCode = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const code = await within(exitCode, GRACE_MS + 5000, 'still running');
    const exitMs = Date.now() - signalledAt;
    if (code === 'still running') await server.kill('SIGKILL');
    exited = true;
    sending = false;
    await Promise.all([sender, ...httpClients]);
    const reason = await within(disconnectReason, 1000, 'no disconnect');
    socket.close();
    const outcomes = await Promise.all(sends.map((s) => s.outcome));

    // Restart on the same store and read back what was kept.
    server = await startServerProcess(env, 90_000);
    const reader = await signIn(server.url, members[0]!);
    // Every stored message, page by page (a slow machine sends more before the exit than one page holds).
    const readAll = async (url: string): Promise<ChatMessageView[]> => {
      const all: ChatMessageView[] = [];
      for (;;) {
        const afterSeq = all.at(-1)?.seq ?? 0;
        const page = (await (
          await fetch(`${url}/api/v1/chat/conversations/${conversationId}/messages?afterSeq=${afterSeq}&limit=100`, {
            headers: reader.auth,
          })
        ).json()) as { items: ChatMessageView[] };
        all.push(...page.items);
        if (page.items.length < 100) return all;
      }
    };
    let storedMessages = await readAll(server.url);
    const acked = new Set(sends.filter((_, i) => outcomes[i] === 'acked').map((s) => s.clientId));
    const storedIds = new Set(storedMessages.map((m) => m.clientId));

    // The client sends again what it has no acknowledgement for, with the same clientId.
    const unacked = sends.filter((_, i) => outcomes[i] !== 'acked');
    for (const { clientId } of unacked) {
      const again = await fetch(`${server.url}/api/v1/chat/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { ...reader.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, body: 'sent again' }),
      });
      expect([200, 201]).toContain(again.status);
    }
    storedMessages = await readAll(server.url);
    await server.stop();
    server = null;

    const figures = {
      exitCode: code,
      exitMs,
      graceMs: GRACE_MS,
      socketDisconnectReason: reason,
      sends: sends.length,
      acked: acked.size,
      refusedRestarting: outcomes.filter((o) => o === 'restarting').length,
      unanswered: outcomes.filter((o) => o === 'unanswered').length,
      storedBeforeResend: storedIds.size,
      storedUnacked: [...storedIds].filter((id) => !acked.has(id)).length,
      keepAliveAnswers: Object.fromEntries(tally),
    };
    console.log(`SIGTERM figures: ${JSON.stringify(figures)}`);

    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(GRACE_MS / 2);
    // "transport close" is the reason on which socket.io clients reconnect by themselves.
    expect(reason).toBe('transport close');
    for (const clientId of acked) expect(storedIds.has(clientId)).toBe(true);
    // After resending, each message the client wrote is stored exactly once.
    expect(storedMessages.map((m) => m.clientId).sort()).toEqual(sends.map((s) => s.clientId).sort());
    expect([...tally.keys()].filter((k) => k.startsWith('5'))).toEqual([]);
  });
});
