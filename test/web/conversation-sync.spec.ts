// The chat sync engine of the web client against a fake socket and a fake server: no browser.
import type { ChatHistoryPage, ChatMessageView } from '@mutuals/contracts';
import type { AckResult } from '../../apps/web/src/api/ack';
import { ConversationSync, type HistorySource, type SyncSocket } from '../../apps/web/src/chat/conversationSync';

const CONVERSATION = 'c1';
const SYNC_PAGE = 3;

/** The server's side of one conversation: seqs without gaps, one stored message per clientId. */
class FakeServer {
  readonly messages: ChatMessageView[] = [];

  store(clientId: string, body: string, senderId = 'me'): ChatMessageView {
    const existing = this.messages.find((m) => m.clientId === clientId);
    if (existing) return existing;
    const seq = this.messages.length + 1;
    const message: ChatMessageView = {
      id: `m${seq}`,
      conversationId: CONVERSATION,
      seq,
      senderId,
      clientId,
      body,
      bodyHtml: `<p>${body}</p>`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 9, seq)).toISOString(),
      editedAt: null,
      deleted: false,
      attachments: [],
    };
    this.messages.push(message);
    return message;
  }

  history: HistorySource = {
    latest: async (): Promise<ChatHistoryPage> => ({ items: this.messages.slice(-SYNC_PAGE), hasMore: this.messages.length > SYNC_PAGE }),
    before: async (seq: number): Promise<ChatHistoryPage> => {
      const older = this.messages.filter((m) => m.seq < seq);
      return { items: older.slice(-SYNC_PAGE), hasMore: older.length > SYNC_PAGE };
    },
  };
}

type Listener = (payload: never) => void;

/** A socket.io stand-in: listeners, acks answered by the fake server, and a switch to go offline. */
class FakeSocket implements SyncSocket {
  connected = true;
  /** When set, the server stores sends but their acks are lost on the way back. */
  loseAcks = false;
  readonly sent: { event: string; payload: Record<string, unknown> }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly server: FakeServer) {}

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
  }

  async request<T extends object>(event: string, payload: unknown): Promise<AckResult<T>> {
    const body = payload as Record<string, unknown>;
    this.sent.push({ event, payload: body });
    const timeout = { ok: false as const, error: { code: 'timeout', message: 'The server did not answer in time' } };
    if (!this.connected) return timeout;
    if (event === 'chat:sync') {
      const after = this.server.messages.filter((m) => m.seq > (body.afterSeq as number));
      return { ok: true, messages: after.slice(0, SYNC_PAGE), hasMore: after.length > SYNC_PAGE } as AckResult<T>;
    }
    if (event === 'chat:send') {
      const message = this.server.store(body.clientId as string, body.body as string);
      return this.loseAcks ? timeout : ({ ok: true, message } as AckResult<T>);
    }
    throw new Error(`unexpected ${event}`);
  }

  /** The server pushes an event to this client. */
  push(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  }

  reconnect() {
    this.connected = true;
    this.push('connect', undefined);
  }

  requests(event: string) {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload);
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

function setUp(stored = 0) {
  const server = new FakeServer();
  for (let i = 1; i <= stored; i++) server.store(`earlier-${i}`, `earlier ${i}`, 'other');
  const socket = new FakeSocket(server);
  let ids = 0;
  const sync = new ConversationSync({
    conversationId: CONVERSATION,
    socket,
    history: server.history,
    newClientId: () => `client-${++ids}`,
  });
  const stop = sync.start();
  const seqs = () => sync.getSnapshot().messages.map((m) => m.seq);
  return { server, socket, sync, stop, seqs };
}

describe('chat conversation sync', () => {
  it('loads the latest page, then keeps messages in seq order whatever order they arrive in', async () => {
    const { server, socket, sync, seqs } = setUp(2);
    await settle();
    expect(sync.getSnapshot().loaded).toBe(true);
    expect(seqs()).toEqual([1, 2]);

    const third = server.store('x3', 'third', 'other');
    const fourth = server.store('x4', 'fourth', 'other');
    socket.push('chat:message', fourth);
    socket.push('chat:message', third);
    await settle();
    expect(seqs()).toEqual([1, 2, 3, 4]);
  });

  it('fills a gap: a message past a missing seq makes it sync after the last seq held without a gap', async () => {
    const { server, socket, seqs } = setUp(2);
    await settle();
    server.store('x3', 'missed three', 'other');
    server.store('x4', 'missed four', 'other');
    const fifth = server.store('x5', 'five', 'other');
    socket.push('chat:message', fifth);
    await settle();
    expect(socket.requests('chat:sync').at(-1)).toMatchObject({ conversationId: CONVERSATION, afterSeq: 2 });
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('after a reconnect it syncs what it missed, in as many answers as it takes', async () => {
    const { server, socket, sync, seqs } = setUp(1);
    await settle();
    socket.connected = false;
    for (let i = 2; i <= 8; i++) server.store(`x${i}`, `while away ${i}`, 'other');
    socket.reconnect();
    expect(sync.getSnapshot().resyncing).toBe(true);
    await settle();
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(socket.requests('chat:sync').map((p) => p.afterSeq)).toEqual([1, 1, 4, 7]);
    expect(sync.getSnapshot().resyncing).toBe(false);
  });

  it('a send whose ack was lost is stored once: a reconnect finds it by sync, Retry resends the same clientId', async () => {
    const { server, socket, sync } = setUp(1);
    await settle();
    socket.loseAcks = true; // stored, but the ack never comes back
    const first = sync.send('hello');
    const second = sync.send('again');
    await settle();
    expect(sync.getSnapshot().pending).toEqual([
      { clientId: first, body: 'hello', attachments: [], failed: 'The server did not answer in time' },
      { clientId: second, body: 'again', attachments: [], failed: 'The server did not answer in time' },
    ]);

    socket.loseAcks = false;
    sync.retry(second);
    await settle();
    expect(socket.requests('chat:send').map((p) => p.clientId)).toEqual([first, second, second]);
    socket.connected = false;
    socket.reconnect();
    await settle();
    expect(server.messages.map((m) => m.clientId)).toEqual(['earlier-1', first, second]);
    expect(sync.getSnapshot().pending).toEqual([]);
    expect(sync.getSnapshot().messages.map((m) => m.body)).toEqual(['earlier 1', 'hello', 'again']);
  });

  it('a send made while offline goes out on reconnect; Retry also reuses the clientId', async () => {
    const { socket, sync } = setUp(0);
    await settle();
    socket.connected = false;
    const clientId = sync.send('offline');
    await settle();
    sync.retry(clientId);
    await settle();
    expect(sync.getSnapshot().pending[0]?.failed).toBeTruthy();
    socket.reconnect();
    await settle();
    expect(new Set(socket.requests('chat:send').map((p) => p.clientId))).toEqual(new Set([clientId]));
    expect(sync.getSnapshot().messages.map((m) => m.body)).toEqual(['offline']);
  });

  it('ignores a duplicate delivery (live event, sync answer and send ack of one message)', async () => {
    const { server, socket, sync, seqs } = setUp(1);
    await settle();
    const clientId = sync.send('only once');
    await settle();
    const mine = server.messages.find((m) => m.clientId === clientId)!;
    socket.push('chat:message', mine);
    socket.push('chat:message', mine);
    await sync.sync();
    expect(seqs()).toEqual([1, 2]);
    expect(sync.getSnapshot().pending).toEqual([]);
  });

  it('an edit replaces the held message, and events of other conversations are not mixed in', async () => {
    const { server, socket, seqs, sync } = setUp(2);
    await settle();
    socket.push('chat:message.updated', { ...server.messages[0], body: 'edited', editedAt: new Date().toISOString() });
    socket.push('chat:message', { ...server.messages[1], conversationId: 'other', seq: 9 });
    await settle();
    expect(seqs()).toEqual([1, 2]);
    expect(sync.getSnapshot().messages[0]?.body).toBe('edited');
  });

  it('stops listening when stopped, and loads older history on demand', async () => {
    const { server, socket, sync, stop, seqs } = setUp(5);
    await settle();
    expect(seqs()).toEqual([3, 4, 5]);
    expect(sync.getSnapshot().hasOlder).toBe(true);
    await sync.loadOlder();
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
    expect(sync.getSnapshot().hasOlder).toBe(false);
    stop();
    socket.push('chat:message', server.store('x6', 'after stop', 'other'));
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
  });
});
