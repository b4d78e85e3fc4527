import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import {
  type AttachmentInput,
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatHistoryPage,
  type ChatMessageView,
  type ChatTypingBroadcast,
} from '@mutuals/contracts';
import { DomainEvents, type RateLimit, RateLimiter, renderMarkdown } from '@mutuals/core';
import { FilesService } from '@mutuals/files';
import { type AuthUser, IdentityService } from '@mutuals/identity';
import { RealtimeService } from '@mutuals/realtime';
import { ChatConversationsService } from './chat-conversations.service';
import { ChatErrors } from './chat.errors';
import type { ChatMessageCreated } from './chat.events';
import { CommitBatches } from './commit-batches';
import { conversationRoom } from './chat.types';
import { toMessageView } from './message-view';
import { type MessageRow, MessagesRepository } from './messages.repository';

/** The most messages one sync answer or history page carries. */
export const SYNC_BATCH = 500;

const messagesSent = new Counter({
  name: 'chat_messages_sent_total',
  help: 'Chat messages stored (a repeated clientId is not counted again)',
});

const sendTransactions = new Counter({
  name: 'chat_send_transactions_total',
  help: 'Transactions that stored chat messages (several concurrent sends share one; see CommitBatches)',
});

/** One budget per member, whatever they send through: HTTP and every socket of theirs draw on it. */
export const SEND_LIMIT: RateLimit = { name: 'chat messages', max: 50, windowSeconds: 10 };

export interface SentMessage {
  message: ChatMessageView;
  /** false: the clientId was seen before and this is the original message. */
  created: boolean;
}

/**
 * Messages: sending, history and sync, read positions, edits, typing. The rules of sending (a
 * member awaiting approval may not, a size limit, a send budget per member) live here, so HTTP and
 * socket answer them the same way. A message's seq comes from the conversation row, bumped in the
 * inserting statement, so concurrent senders queue on its lock and seqs have no gaps.
 */
/** A message on its way to the database, checked and rendered. */
interface PendingAppend {
  sender: AuthUser;
  conversationId: string;
  input: { clientId: string; body: string; attachments?: AttachmentInput[] };
  rendered: { html: string; text: string };
}

/**
 * Group commit in lanes: a conversation always goes through the same lane (by its id), each lane
 * has one transaction in flight, and the sends that arrive meanwhile share its next one. Lanes of
 * one process never wait on each other's conversation locks, and a conversation's messages are
 * stored in the order they came; fewer lanes than pool connections, so reads and other writes
 * keep connections of their own.
 */
export const SEND_LANES = 4;
const SEND_BATCH_MAX = 256;

/** A lane for the conversation: the same on every replica, from the last 8 hex digits of its uuid. */
function laneOf(conversationId: string): number {
  return (Number.parseInt(conversationId.slice(-8), 16) || 0) % SEND_LANES;
}

@Injectable()
export class ChatMessagesService {
  private readonly lanes = Array.from(
    { length: SEND_LANES },
    () => new CommitBatches<PendingAppend, ChatMessageView | null>(1, SEND_BATCH_MAX, (batch) => this.store(batch)),
  );

  constructor(
    private readonly messages: MessagesRepository,
    private readonly conversations: ChatConversationsService,
    private readonly identity: IdentityService,
    private readonly realtime: RealtimeService,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly files: FilesService,
  ) {}

  /**
   * Stores a message and only then answers; a clientId the sender used before in this
   * conversation answers the original message instead of storing another. `sendBudgetTaken`: the
   * caller has already counted this send against SEND_LIMIT (the socket gateway, with its event budget).
   */
  async send(
    sender: AuthUser,
    conversationId: string,
    input: { clientId: string; body: string; attachments?: AttachmentInput[] },
    { sendBudgetTaken = false } = {},
  ): Promise<SentMessage> {
    await this.assertMaySend(sender);
    assertBodySize(input.body);
    if (!sendBudgetTaken) await this.limiter.consume(SEND_LIMIT, `member:${sender.id}`);
    const rendered = renderMarkdown(input.body, { mode: 'chat' });
    const stored = await this.lanes[laneOf(conversationId)]!.submit({ sender, conversationId, input, rendered });
    if (!stored) return { message: await this.originalOf(sender.id, conversationId, input.clientId), created: false };
    messagesSent.inc();
    this.realtime.toRoom(conversationRoom(conversationId), 'chat:message', stored);
    return { message: stored, created: true };
  }

  /**
   * Stores messages in one transaction, taking the conversations' row locks in one order (by id,
   * each conversation's messages in the order they came) so that two shared transactions never
   * wait on each other in a circle. Attachments are claimed in the message's transaction: both are
   * stored, or neither. A repeated clientId stores nothing (null), so its files are not claimed
   * twice. The event carries the recipients' read positions, so its listeners (the unread-chat
   * mail) need no query back into chat.
   */
  private async store(appends: PendingAppend[]): Promise<(ChatMessageView | null)[]> {
    const order = appends.map((_, i) => i);
    order.sort((a, b) => {
      const [x, y] = [appends[a]!.conversationId, appends[b]!.conversationId];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    sendTransactions.inc();
    const stored: (ChatMessageView | null)[] = new Array(appends.length).fill(null);
    await this.events.transaction(async ({ manager, emitMany }) => {
      const rows = await this.messages.appendMany(
        order.map((i) => {
          const { sender, conversationId, input, rendered } = appends[i]!;
          return { conversationId, senderId: sender.id, clientId: input.clientId, body: input.body, html: rendered.html };
        }),
        manager,
      );
      const events: ChatMessageCreated[] = [];
      for (const [position, row] of [...rows].sort(([a], [b]) => a - b)) {
        const i = order[position]!;
        const { sender, input, rendered } = appends[i]!;
        const attached = await this.files.attach(manager, sender.id, 'chat-message', row.id, input.attachments ?? []);
        events.push({
          conversationId: row.conversation_id,
          messageId: row.id,
          seq: row.seq,
          senderId: sender.id,
          recipients: row.recipients,
          preview: rendered.text.slice(0, 140),
        });
        stored[i] = toMessageView(row, new Map([[row.id, attached]]));
      }
      await emitMany('chat.message.created', events);
    });
    return stored;
  }

  /** Everything after `afterSeq`, oldest first, at most SYNC_BATCH at a time. */
  async sync(userId: string, conversationId: string, afterSeq: number): Promise<{ messages: ChatMessageView[]; hasMore: boolean }> {
    const page = await this.history(userId, conversationId, { afterSeq, limit: SYNC_BATCH });
    return { messages: page.items, hasMore: page.hasMore };
  }

  /** A page of history ordered by seq: before `beforeSeq` (older), after `afterSeq` (newer), or the latest. */
  async history(
    userId: string,
    conversationId: string,
    query: { beforeSeq?: number; afterSeq?: number; limit: number },
  ): Promise<ChatHistoryPage> {
    if (query.beforeSeq !== undefined && query.afterSeq !== undefined) {
      throw ChatErrors.invalid('Ask for messages before a seq or after one, not both', [
        { field: 'afterSeq', message: 'cannot be combined with beforeSeq' },
      ]);
    }
    await this.conversations.assertMember(userId, conversationId);
    const limit = Math.min(query.limit, SYNC_BATCH);
    const newer = query.afterSeq !== undefined;
    const rows = await this.messages.page(
      conversationId,
      newer ? { afterSeq: query.afterSeq! } : { beforeSeq: query.beforeSeq ?? 2 ** 31 - 1 },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    if (!newer) page.reverse();
    return { items: await this.messageViews(page), hasMore: rows.length > limit };
  }

  /** Moves the member's read position forward (never back, never past the last message) and tells the room. */
  async markRead(userId: string, conversationId: string, seq: number): Promise<{ seq: number }> {
    const readSeq = await this.messages.markRead(conversationId, userId, seq);
    if (readSeq === undefined) throw ChatErrors.conversationNotFound('No such conversation');
    this.realtime.toRoom(conversationRoom(conversationId), 'chat:read', { conversationId, userId, seq: readSeq });
    return { seq: readSeq };
  }

  /** Tells the others in the conversation that the member is typing. */
  async announceTyping(userId: string, conversationId: string): Promise<void> {
    await this.conversations.assertMember(userId, conversationId);
    const event: ChatTypingBroadcast = { conversationId, userId };
    this.realtime.toRoom(conversationRoom(conversationId), 'chat:typing', event, userId);
  }

  async edit(userId: string, messageId: string, body: string): Promise<ChatMessageView> {
    assertBodySize(body);
    const original = await this.ownMessage(userId, messageId);
    if (original.deleted_at) throw ChatErrors.messageDeleted('A deleted message cannot be edited');
    const rendered = renderMarkdown(body, { mode: 'chat' });
    return this.announceChange(await this.messages.edit(messageId, body, rendered.html));
  }

  /** Leaves a tombstone: the seq stays (no gap), the text goes. Deleting twice is harmless. */
  async remove(userId: string, messageId: string): Promise<ChatMessageView> {
    const original = await this.ownMessage(userId, messageId);
    if (original.deleted_at) return toMessageView(original);
    return this.announceChange(await this.messages.tombstone(messageId));
  }

  /**
   * A member awaiting approval may read but not send. A caller's status may be the one at sign-in
   * or socket connect, so a pending one is looked up again: an approval takes effect at once.
   */
  private async assertMaySend(sender: AuthUser): Promise<void> {
    if (sender.status === 'active') return;
    const current = (await this.identity.getUserSummaries([sender.id])).get(sender.id);
    if (current?.status !== 'active') throw ChatErrors.awaitingApproval('Your account is awaiting approval');
  }

  /** The message a repeated clientId refers to; 404 when the sender is not a member (or never sent it). */
  private async originalOf(senderId: string, conversationId: string, clientId: string): Promise<ChatMessageView> {
    await this.conversations.assertMember(senderId, conversationId);
    const row = await this.messages.byClientId(conversationId, senderId, clientId);
    if (!row) throw ChatErrors.conversationNotFound('No such conversation');
    return (await this.messageViews([row]))[0]!;
  }

  /** Edits and deletions reach current members by their user rooms: a removed member hears nothing. */
  private async announceChange(row: MessageRow): Promise<ChatMessageView> {
    const [message] = await this.messageViews([row]);
    this.realtime.toUsers(await this.conversations.currentMemberIds(message.conversationId), 'chat:message.updated', message);
    return message;
  }

  /** For the files lib: a message's files are seen by the conversation's current members while it is not deleted. */
  async mayViewMessageFiles(userId: string, messageId: string): Promise<boolean> {
    const row = await this.messages.findForMember(messageId, userId);
    return row !== undefined && row.deleted_at === null;
  }

  /** Messages as clients see them, with their attachments. */
  private async messageViews(rows: MessageRow[]): Promise<ChatMessageView[]> {
    const attachments = await this.files.attachmentsOf(
      'chat-message',
      rows.filter((r) => r.deleted_at === null).map((r) => r.id),
    );
    return rows.map((row) => toMessageView(row, attachments));
  }

  private async ownMessage(userId: string, messageId: string): Promise<MessageRow> {
    const row = await this.messages.findForMember(messageId, userId);
    if (!row) throw ChatErrors.messageNotFound('No such message');
    if (row.sender_id !== userId) throw ChatErrors.notSender('Only the sender may change a message');
    return row;
  }
}

/** The same answer on every channel: 400 with the code `tooLarge`, naming the body. */
function assertBodySize(body: string): void {
  if (body.length > CHAT_MESSAGE_MAX_LENGTH) {
    throw ChatErrors.tooLarge(`A message may hold at most ${CHAT_MESSAGE_MAX_LENGTH} characters`, [
      { field: 'body', message: `must be at most ${CHAT_MESSAGE_MAX_LENGTH} characters` },
    ]);
  }
}
