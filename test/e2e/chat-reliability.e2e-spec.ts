import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ChatMessageView, ConversationView } from '@mutuals/contracts';
import { chatClient, collect, range, send, seqsOf, sleep, syncAll, waitUntil } from '../support/chat-clients';
import { createMember } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

describe('chat reliability', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function groupOf(size: number) {
    const members = await Promise.all(Array.from({ length: size }, () => createMember(t)));
    const [owner, ...others] = members;
    const response = await request(t.url)
      .post('/api/v1/chat/conversations')
      .set(owner!.auth)
      .send({ kind: 'group', title: 'Reliability', memberIds: others.map((m) => m.id) })
      .expect(201);
    return { members, conversation: response.body as ConversationView };
  }

  it('gives concurrent senders seqs 1..200 with no gap and no duplicate', async () => {
    const { members, conversation } = await groupOf(5);
    const sockets = await Promise.all(members.map((m) => chatClient(t.url, m.token, [conversation.id])));
    try {
      const acks = await Promise.all(
        sockets.map((socket, s) => Promise.all(range(1, 40).map((i) => send(socket, conversation.id, `sender ${s} message ${i}`)))),
      );
      const flat = acks.flat();
      expect(flat.every((a) => a.ok)).toBe(true);
      const acked = flat.map((a) => (a as { message: ChatMessageView }).message);
      expect(seqsOf(acked)).toEqual(range(1, 200));
      const stored = await syncAll(sockets[0]!, conversation.id, 0);
      expect(stored.map((m) => m.seq)).toEqual(range(1, 200));
      for (const member of members) expect(stored.filter((m) => m.senderId === member.id)).toHaveLength(40);
    } finally {
      sockets.forEach((s) => s.close());
    }
  });

  it('answers concurrent retries of one clientId with one stored message', async () => {
    const { members, conversation } = await groupOf(2);
    const socket = await chatClient(t.url, members[0]!.token, [conversation.id]);
    try {
      const clientId = randomUUID();
      const acks = await Promise.all(range(1, 8).map(() => send(socket, conversation.id, 'once only', clientId)));
      const ids = new Set(acks.map((a) => (a.ok ? a.message.id : 'refused')));
      expect(ids.size).toBe(1);
      expect([...ids][0]).not.toBe('refused');
      const stored = await syncAll(socket, conversation.id, 0);
      expect(stored.map((m) => m.seq)).toEqual([1]);
      expect((await send(socket, conversation.id, 'next')).ok && true).toBe(true);
      expect((await syncAll(socket, conversation.id, 0)).map((m) => m.seq)).toEqual([1, 2]);
    } finally {
      socket.close();
    }
  });

  it('brings a client that dropped mid-stream up to date through sync, each missed message once', async () => {
    const { members, conversation } = await groupOf(3);
    const [reader, ...senders] = members;
    const senderSockets = await Promise.all(senders.map((m) => chatClient(t.url, m.token, [conversation.id])));
    let readerSocket = await chatClient(t.url, reader!.token, [conversation.id]);
    const held = new Map<number, ChatMessageView>();
    const hold = (m: ChatMessageView) => {
      if (held.has(m.seq)) throw new Error(`seq ${m.seq} arrived twice`);
      held.set(m.seq, m);
    };
    readerSocket.on('chat:message', hold);
    let stop = false;
    const sent: number[] = [];
    const streams = senderSockets.map(async (socket, s) => {
      for (let i = 0; !stop && i < 200; i++) {
        const ack = await send(socket, conversation.id, `stream ${s}.${i}`);
        if (ack.ok) sent.push(ack.message.seq);
        await sleep(5);
      }
    });
    try {
      await waitUntil(() => held.size >= 10, 10_000, 'the stream to start');
      readerSocket.close();
      const seenBeforeDrop = held.size;
      await sleep(400);
      expect(sent.length).toBeGreaterThan(seenBeforeDrop);
      readerSocket = await chatClient(t.url, reader!.token);
      // Live messages after reconnecting and the sync answer may overlap: a client keys by seq.
      const live = collect<ChatMessageView>(readerSocket, 'chat:message');
      const highest = Math.max(...held.keys());
      const missed = await syncAll(readerSocket, conversation.id, highest);
      expect(missed[0]!.seq).toBe(highest + 1);
      expect(seqsOf(missed)).toEqual(range(highest + 1, highest + missed.length));
      missed.forEach(hold);
      stop = true;
      await Promise.all(streams);
      const total = sent.length;
      await waitUntil(() => new Set([...held.keys(), ...live.map((m) => m.seq)]).size >= total, 10_000, 'the last live messages');
      for (const m of live) if (!held.has(m.seq)) hold(m);
      expect([...held.keys()].sort((a, b) => a - b)).toEqual(range(1, total));
      expect(seqsOf(sent.map((seq) => ({ seq })))).toEqual(range(1, total));
    } finally {
      stop = true;
      readerSocket.close();
      senderSockets.forEach((s) => s.close());
    }
  });
});
