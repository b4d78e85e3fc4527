// The sync engine of one chat conversation, free of React and of socket.io so it can be tested
// against a fake socket. Messages are held by seq, so a live event, a history page and a sync
// answer can overlap without doubling anything. Every seq up to `contiguous` is held (or lies
// before the loaded window): a message that arrives past a gap, and every reconnect, asks the
// server for everything after it. Sends carry a clientId made once per message and reused on
// every retry, so the server stores each at most once.
import type { ChatHistoryPage, ChatMessageView, ChatSendAck, ChatSyncAck, AttachmentInput } from '@mutuals/contracts';
import type { AckResult } from '../api/ack';

/** What the engine needs of a socket: listeners, and emits that resolve with the server's ack. */
export interface SyncSocket {
  on(event: string, listener: (payload: never) => void): unknown;
  off(event: string, listener: (payload: never) => void): unknown;
  request<T extends object>(event: string, payload: unknown): Promise<AckResult<T>>;
}

/** Pages of history over HTTP: the latest, and those before a seq (scrolling up). */
export interface HistorySource {
  latest(): Promise<ChatHistoryPage>;
  before(seq: number): Promise<ChatHistoryPage>;
}

export interface PendingSend {
  clientId: string;
  body: string;
  /** Uploads sent with it (files made with purpose attachment). */
  attachments: AttachmentInput[];
  /** Why the last attempt failed; null while sending. */
  failed: string | null;
}

/** What a screen shows; a new object after every change. */
export interface SyncSnapshot {
  /** Oldest first. */
  messages: ChatMessageView[];
  pending: PendingSend[];
  hasOlder: boolean;
  loaded: boolean;
  /** True while catching up after a reconnect. */
  resyncing: boolean;
  loadError: unknown;
}

/** Held messages, to start a revisited conversation from what was already on screen. */
export interface HeldHistory {
  messages: ChatMessageView[];
  hasOlder: boolean;
}

export interface ConversationSyncOptions {
  conversationId: string;
  socket: SyncSocket;
  history: HistorySource;
  newClientId: () => string;
  initial?: HeldHistory;
}

export class ConversationSync {
  private readonly conversationId: string;
  private readonly socket: SyncSocket;
  private readonly history: HistorySource;
  private readonly newClientId: () => string;
  private readonly initial: HeldHistory | undefined;
  private readonly held = new Map<number, ChatMessageView>();
  private contiguous = 0;
  private pending: PendingSend[] = [];
  private hasOlder = false;
  private loaded = false;
  private loading: Promise<void> | null = null;
  private resyncing = false;
  private loadError: unknown = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private readonly listeners = new Set<() => void>();
  private snapshot: SyncSnapshot;

  constructor(options: ConversationSyncOptions) {
    this.conversationId = options.conversationId;
    this.socket = options.socket;
    this.history = options.history;
    this.newClientId = options.newClientId;
    this.initial = options.initial;
    this.snapshot = this.takeSnapshot();
  }

  /** Listens to the socket and loads (once); returns the function that stops listening. */
  start(): () => void {
    this.socket.on('chat:message', this.onMessage);
    this.socket.on('chat:message.updated', this.onUpdated);
    this.socket.on('connect', this.onConnect);
    this.loading ??= this.load();
    return () => {
      this.socket.off('chat:message', this.onMessage);
      this.socket.off('chat:message.updated', this.onUpdated);
      this.socket.off('connect', this.onConnect);
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  /** Sends a new message; it shows as pending until the server's ack (or its echo) arrives. */
  send(body: string, attachments: AttachmentInput[] = []): string {
    const item: PendingSend = { clientId: this.newClientId(), body, attachments, failed: null };
    this.pending = [...this.pending, item];
    this.changed();
    void this.deliver(item);
    return item.clientId;
  }

  /** Sends a pending message again, with the clientId it was first sent with. */
  retry(clientId: string): void {
    const item = this.pending.find((p) => p.clientId === clientId);
    if (item) void this.deliver(item);
  }

  /** One more page of older history. */
  async loadOlder(): Promise<void> {
    const oldest = Math.min(...this.held.keys());
    if (!Number.isFinite(oldest)) return;
    const page = await this.history.before(oldest);
    this.hasOlder = page.hasMore;
    this.merge(page.items);
    this.changed();
  }

  /** A message changed by this person over HTTP (edit, delete). */
  replace(message: ChatMessageView): void {
    this.merge([message], true);
    this.changed();
  }

  /** Everything after the last seq held without a gap, in as many answers as it takes. */
  async sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        for (;;) {
          const answer = await this.socket.request<ChatSyncAck>('chat:sync', { conversationId: this.conversationId, afterSeq: this.contiguous });
          if (!answer.ok) throw new Error(answer.error.message);
          this.merge(answer.messages);
          this.changed();
          if (!answer.hasMore || answer.messages.length === 0) break;
        }
      } while (this.syncAgain);
    })().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async load(): Promise<void> {
    try {
      const page = this.initial ?? (await this.latestAsHeld());
      // The latest page is contiguous by construction; what lies before it loads on scroll.
      this.contiguous = Math.max(0, ...page.messages.map((m) => m.seq));
      this.hasOlder = page.hasOlder;
      this.merge(page.messages);
      this.loaded = true;
      this.changed();
      await this.sync();
    } catch (error) {
      if (!this.loaded) this.loadError = error;
      this.changed();
    }
  }

  private async latestAsHeld(): Promise<HeldHistory> {
    const page = await this.history.latest();
    return { messages: page.items, hasOlder: page.hasMore };
  }

  private async deliver(item: PendingSend): Promise<void> {
    this.setPending(item.clientId, null);
    const answer = await this.socket.request<ChatSendAck>('chat:send', {
      conversationId: this.conversationId,
      clientId: item.clientId,
      body: item.body,
      ...(item.attachments.length > 0 && { attachments: item.attachments }),
    });
    if (answer.ok) {
      this.merge([answer.message]);
      this.pending = this.pending.filter((p) => p.clientId !== item.clientId);
    } else {
      this.setPending(item.clientId, answer.error.message);
    }
    this.changed();
  }

  private setPending(clientId: string, failed: string | null): void {
    this.pending = this.pending.map((p) => (p.clientId === clientId ? { ...p, failed } : p));
    this.changed();
  }

  /** New messages are kept once per seq (a second delivery is ignored); changes replace them. */
  private merge(incoming: readonly ChatMessageView[], replace = false): void {
    for (const m of incoming) {
      if (replace || !this.held.has(m.seq)) this.held.set(m.seq, m);
      if (this.pending.some((p) => p.clientId === m.clientId)) this.pending = this.pending.filter((p) => p.clientId !== m.clientId);
    }
    while (this.held.has(this.contiguous + 1)) this.contiguous++;
  }

  private readonly onMessage = (m: ChatMessageView): void => {
    if (m.conversationId !== this.conversationId) return;
    const gap = this.loaded && m.seq > this.contiguous + 1;
    this.merge([m]);
    this.changed();
    if (gap) void this.sync().catch(() => undefined);
  };

  private readonly onUpdated = (m: ChatMessageView): void => {
    if (m.conversationId !== this.conversationId) return;
    this.merge([m], true);
    this.changed();
  };

  private readonly onConnect = (): void => {
    if (!this.loaded) return;
    this.resyncing = true;
    this.changed();
    this.sync()
      // Sends that never got an answer go again with the same clientId: stored at most once.
      .then(() => Promise.all(this.pending.map((p) => this.deliver(p))))
      .catch(() => undefined)
      .finally(() => {
        this.resyncing = false;
        this.changed();
      });
  };

  private takeSnapshot(): SyncSnapshot {
    return {
      messages: [...this.held.values()].sort((a, b) => a.seq - b.seq),
      pending: this.pending,
      hasOlder: this.hasOlder,
      loaded: this.loaded,
      resyncing: this.resyncing,
      loadError: this.loadError,
    };
  }

  private changed(): void {
    this.snapshot = this.takeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
