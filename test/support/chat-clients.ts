// socket.io clients for the chat suites: connect as a member, ask with an ack, collect events.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessageView } from '@mutuals/contracts';

export type AckAnswer = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** Connects with a bearer token (or the given options) and resolves once the handshake is accepted. */
export function connectSocket(url: string, auth: { token?: string } | null, extra: { extraHeaders?: Record<string, string> } = {}): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(auth && { auth }),
    ...extra,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function ask<T = AckAnswer>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Connects and joins the conversations' rooms, so that no broadcast races the join. */
export async function chatClient(url: string, token: string, conversationIds: string[] = []): Promise<Socket> {
  const socket = await connectSocket(url, { token });
  for (const conversationId of conversationIds) {
    const answer = await ask(socket, 'chat:join', { conversationId });
    if (!answer.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
  }
  return socket;
}

/** Every payload of `event` from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function waitUntil(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function send(socket: Socket, conversationId: string, body: string, clientId: string = randomUUID()) {
  return ask<{ ok: true; message: ChatMessageView } | { ok: false; error: { code: string; message: string } }>(socket, 'chat:send', { conversationId, clientId, body });
}

/** What a reconnecting client does: everything after the highest seq it holds, in batches. */
export async function syncAll(socket: Socket, conversationId: string, afterSeq: number): Promise<ChatMessageView[]> {
  const all: ChatMessageView[] = [];
  let after = afterSeq;
  for (;;) {
    const answer = await ask<{ ok: true; messages: ChatMessageView[]; hasMore: boolean } | { ok: false }>(socket, 'chat:sync', { conversationId, afterSeq: after });
    if (!answer.ok) throw new Error(`sync refused: ${JSON.stringify(answer)}`);
    all.push(...answer.messages);
    if (!answer.hasMore || answer.messages.length === 0) return all;
    after = answer.messages[answer.messages.length - 1]!.seq;
  }
}

/** Asserts seqs 1..n each exactly once, in order. */
export function seqsOf(messages: { seq: number }[]): number[] {
  return [...messages].map((m) => m.seq).sort((a, b) => a - b);
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
