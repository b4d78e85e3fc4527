import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentInput, ChatHistoryPage, ChatMessageView, ConversationKind, ConversationRole, ConversationView, FileView } from '@mutuals/contracts';
import { DomainEvents, renderMarkdown } from '@mutuals/core';
import { FilesService } from '@mutuals/files';
import { IdentityService } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { RealtimeService } from '@mutuals/realtime';
import { DataSource, EntityManager } from 'typeorm';
import { ChatErrors } from './chat.errors';
import { assertBodySize } from './chat-input';
import { conversationRoom } from './chat.types';
import { PresenceService } from './presence.service';

/** The most messages one sync answer or history page carries. */
export const SYNC_BATCH = 500;
const CONVERSATION_LIST_LIMIT = 200;

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  client_id: string;
  body: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

interface ConversationRow {
  id: string;
  kind: ConversationKind;
  title: string | null;
  created_by: string;
  mentorship_id: string | null;
  last_seq: number;
  last_message_at: Date | null;
  created_at: Date;
  unread_count: number;
  members: { userId: string; role: ConversationRole; lastReadSeq: number }[];
  last_message: MessageRow | null;
}

const MESSAGE_COLUMNS =
  'm.id, m.conversation_id, m.seq, m.sender_id, m.client_id, m.body, m.body_html, m.created_at, m.edited_at, m.deleted_at';

function toMessageView(row: MessageRow, attachments: Map<string, FileView[]> = new Map()): ChatMessageView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    clientId: row.client_id,
    body: row.body,
    bodyHtml: row.body_html,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    deleted: row.deleted_at !== null,
    attachments: row.deleted_at === null ? (attachments.get(row.id) ?? []) : [],
  };
}

export interface SentMessage {
  message: ChatMessageView;
  /** false: the clientId was seen before and this is the original message. */
  created: boolean;
}

/**
 * Conversations, members and messages. Every read and write checks that the caller is a current
 * member (404 otherwise); a message's seq comes from the conversation row, bumped in the
 * inserting transaction, so that concurrent senders queue on its lock and seqs have no gaps.
 */
@Injectable()
export class ChatService {
  private readonly logger = new Logger('Chat');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
    private readonly events: DomainEvents,
    private readonly files: FilesService,
  ) {}

  /** Messages as clients see them, with their attachments. */
  private async messageViews(rows: MessageRow[]): Promise<ChatMessageView[]> {
    const attachments = await this.files.attachmentsOf(
      'chat-message',
      rows.filter((r) => r.deleted_at === null).map((r) => r.id),
    );
    return rows.map((row) => toMessageView(row, attachments));
  }

  /** For the files lib: a message's files are seen by the conversation's current members while it is not deleted. */
  async maySeeMessage(userId: string, messageId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT 1 FROM messages m
         JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $2 AND cm.left_at IS NULL
        WHERE m.id = $1 AND m.deleted_at IS NULL`,
      [messageId, userId],
    );
    return Boolean(row);
  }

  // ---- conversations ----------------------------------------------------------------------

  async listConversations(userId: string): Promise<ConversationView[]> {
    return this.conversationViews(userId, null);
  }

  async getConversation(userId: string, conversationId: string): Promise<ConversationView> {
    const [view] = await this.conversationViews(userId, conversationId);
    if (!view) throw ChatErrors.conversationNotFound('No such conversation');
    return view;
  }

  /** The caller's conversations in one query: members, last message and unread count included. */
  private async conversationViews(userId: string, onlyId: string | null): Promise<ConversationView[]> {
    const rows: ConversationRow[] = await this.db.query(
      `SELECT c.id, c.kind, c.title, c.created_by, c.mentorship_id, c.last_seq, c.last_message_at, c.created_at,
         (SELECT count(*)::int FROM messages u
           WHERE u.conversation_id = c.id AND u.seq > me.last_read_seq AND u.sender_id <> me.user_id AND u.deleted_at IS NULL) AS unread_count,
         (SELECT json_agg(json_build_object('userId', cm.user_id, 'role', cm.role, 'lastReadSeq', cm.last_read_seq) ORDER BY cm.joined_at, cm.user_id)
           FROM conversation_members cm WHERE cm.conversation_id = c.id AND cm.left_at IS NULL) AS members,
         (SELECT row_to_json(m) FROM messages m WHERE m.conversation_id = c.id AND m.seq = c.last_seq) AS last_message
       FROM conversation_members me
       JOIN conversations c ON c.id = me.conversation_id
       WHERE me.user_id = $1 AND me.left_at IS NULL AND ($2::uuid IS NULL OR c.id = $2::uuid)
       ORDER BY c.last_message_at DESC NULLS LAST, c.created_at DESC
       LIMIT ${CONVERSATION_LIST_LIMIT}`,
      [userId, onlyId],
    );
    const memberIds = rows.flatMap((r) => r.members.map((m) => m.userId));
    const lastMessages = rows.flatMap((r) => (r.last_message ? [r.last_message] : []));
    const [users, online, attachments] = await Promise.all([
      this.identity.getUserSummaries(memberIds),
      this.presence.onlineAmong(memberIds),
      this.files.attachmentsOf(
        'chat-message',
        lastMessages.filter((m) => m.deleted_at === null).map((m) => m.id),
      ),
    ]);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.kind === 'mentorship' ? mentorshipTitle(row, userId, users) : row.title,
      createdBy: row.created_by,
      mentorshipId: row.mentorship_id,
      lastSeq: row.last_seq,
      unreadCount: row.unread_count,
      lastMessage: row.last_message ? toMessageView(row.last_message, attachments) : null,
      lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
      createdAt: new Date(row.created_at).toISOString(),
      members: row.members.map((m) => {
        const user = users.get(m.userId);
        return {
          id: m.userId,
          displayName: user?.displayName ?? 'Former member',
          handle: user?.handle ?? '',
          avatarUrl: user?.avatarUrl ?? null,
          role: m.role,
          lastReadSeq: m.lastReadSeq,
          online: online.has(m.userId),
        };
      }),
    }));
  }

  /** A direct conversation is one per pair: asking again answers the existing one (created: false). */
  async createConversation(
    creatorId: string,
    input: { kind: 'direct' | 'group'; memberIds: string[]; title?: string },
  ): Promise<{ conversation: ConversationView; created: boolean }> {
    const others = [...new Set(input.memberIds)].filter((id) => id !== creatorId);
    if (input.kind === 'direct' && (others.length !== 1 || input.memberIds.length !== 1)) {
      throw ChatErrors.invalid('A direct conversation has exactly one other member', [
        { field: 'memberIds', message: 'must hold exactly one member other than you' },
      ]);
    }
    if (input.kind === 'group' && others.length === 0) {
      throw ChatErrors.invalid('A group needs at least one other member', [
        { field: 'memberIds', message: 'must name at least one other member' },
      ]);
    }
    const title = input.title?.trim() ?? '';
    if (input.kind === 'group' && !title)
      throw ChatErrors.invalid('A group needs a title', [{ field: 'title', message: 'must not be empty' }]);
    await this.assertUsersExist(others);

    const { id, created } = await this.db.transaction(async (em) => {
      if (input.kind === 'direct') {
        const directKey = [creatorId, others[0]].sort().join(':');
        const [inserted] = await em.query(
          `INSERT INTO conversations (kind, created_by, direct_key) VALUES ('direct', $1, $2) ON CONFLICT (direct_key) DO NOTHING RETURNING id`,
          [creatorId, directKey],
        );
        if (!inserted) {
          const [existing] = await em.query(`SELECT id FROM conversations WHERE direct_key = $1`, [directKey]);
          return { id: existing.id as string, created: false };
        }
        await this.insertMembers(em, inserted.id, [creatorId, others[0]!], null);
        return { id: inserted.id as string, created: true };
      }
      const [inserted] = await em.query(`INSERT INTO conversations (kind, title, created_by) VALUES ('group', $1, $2) RETURNING id`, [
        title,
        creatorId,
      ]);
      await this.insertMembers(em, inserted.id, [creatorId, ...others], creatorId);
      return { id: inserted.id as string, created: true };
    });
    if (created) for (const memberId of [creatorId, ...others]) this.realtime.joinRoom(memberId, conversationRoom(id));
    return { conversation: await this.getConversation(creatorId, id), created };
  }

  private async insertMembers(em: EntityManager, conversationId: string, userIds: string[], ownerId: string | null): Promise<void> {
    await em.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role)
       SELECT $1, u, CASE WHEN u = $3::uuid THEN 'owner' ELSE 'member' END FROM unnest($2::uuid[]) AS u
       ON CONFLICT (conversation_id, user_id) DO NOTHING`,
      [conversationId, userIds, ownerId],
    );
  }

  private async assertUsersExist(ids: string[]): Promise<void> {
    const found = await this.identity.getUserSummaries(ids);
    if (ids.some((id) => !found.has(id))) {
      throw ChatErrors.invalid('Some of those members do not exist', [
        { field: 'memberIds', message: 'includes someone who is not a member' },
      ]);
    }
  }

  /** The creator adds a member to their group; the member's sockets join its room at once. */
  async addMember(callerId: string, conversationId: string, userId: string): Promise<ConversationView> {
    await this.assertGroupOwner(callerId, conversationId);
    await this.assertUsersExist([userId]);
    await this.db.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role) VALUES ($1, $2, 'member')
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET left_at = NULL, joined_at = now() WHERE conversation_members.left_at IS NOT NULL`,
      [conversationId, userId],
    );
    this.realtime.joinRoom(userId, conversationRoom(conversationId));
    return this.getConversation(callerId, conversationId);
  }

  /** The creator removes a member, or a member leaves; they leave the room at once. */
  async removeMember(callerId: string, conversationId: string, userId: string): Promise<void> {
    const role = await this.memberRole(callerId, conversationId);
    const kind = await this.kindOf(conversationId);
    if (kind !== 'group') throw ChatErrors.notAGroup('Only groups have members added or removed');
    if (userId === callerId ? role === 'owner' : role !== 'owner') {
      throw ChatErrors.notOwner(
        userId === callerId ? 'The creator of a group cannot leave it' : 'Only the creator of the group manages its members',
      );
    }
    const [removed] = await this.db.query(
      `WITH gone AS (UPDATE conversation_members SET left_at = now() WHERE conversation_id = $1 AND user_id = $2 AND left_at IS NULL RETURNING user_id)
       SELECT user_id FROM gone`,
      [conversationId, userId],
    );
    if (!removed) throw ChatErrors.conversationNotFound('That member is not in this conversation');
    this.realtime.leaveRoom(userId, conversationRoom(conversationId));
  }

  private async assertGroupOwner(callerId: string, conversationId: string): Promise<void> {
    const role = await this.memberRole(callerId, conversationId);
    if ((await this.kindOf(conversationId)) !== 'group') throw ChatErrors.notAGroup('Only groups have members added or removed');
    if (role !== 'owner') throw ChatErrors.notOwner('Only the creator of the group manages its members');
  }

  private async kindOf(conversationId: string): Promise<ConversationKind> {
    const [row] = await this.db.query(`SELECT kind FROM conversations WHERE id = $1`, [conversationId]);
    return row.kind;
  }

  /** The caller's role in the conversation; 404 unless a current member. */
  private async memberRole(userId: string, conversationId: string): Promise<ConversationRole> {
    const [row] = await this.db.query(
      `SELECT role FROM conversation_members WHERE conversation_id = $1 AND user_id = $2 AND left_at IS NULL`,
      [conversationId, userId],
    );
    if (!row) throw ChatErrors.conversationNotFound('No such conversation');
    return row.role;
  }

  async assertMember(userId: string, conversationId: string): Promise<void> {
    await this.memberRole(userId, conversationId);
  }

  /** The rooms a connecting socket joins. */
  async conversationIdsOf(userId: string): Promise<string[]> {
    const rows: { conversation_id: string }[] = await this.db.query(
      `SELECT conversation_id FROM conversation_members WHERE user_id = $1 AND left_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.conversation_id);
  }

  private async currentMemberIds(conversationId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND left_at IS NULL`,
      [conversationId],
    );
    return rows.map((r) => r.user_id);
  }

  // ---- messages ---------------------------------------------------------------------------

  /**
   * Stores a message and only then answers; a clientId the sender used before in this
   * conversation answers the original message instead of storing another.
   */
  async send(senderId: string, conversationId: string, input: { clientId: string; body: string; attachments?: AttachmentInput[] }): Promise<SentMessage> {
    assertBodySize(input.body);
    const rendered = renderMarkdown(input.body, { mode: 'chat' });
    // One statement (see the ChatAppendMessage migration): the seq is taken under the conversation's
    // row lock and committed with the message, or not at all; no row means a repeat or a non-member.
    // Attachments are claimed in the message's transaction: both are stored, or neither.
    const { row, attached } = await this.db.transaction(async (manager) => {
      const [row]: (MessageRow & { recipient_ids: string[] | null })[] = await manager.query(
        `SELECT m.*, (SELECT array_agg(cm.user_id) FROM conversation_members cm
           WHERE cm.conversation_id = m.conversation_id AND cm.left_at IS NULL AND cm.user_id <> m.sender_id) AS recipient_ids
         FROM chat_append_message($1, $2, $3, $4, $5) m`,
        [conversationId, senderId, input.clientId, input.body, rendered.html],
      );
      const attached = row ? await this.files.attach(manager, senderId, 'chat-message', row.id, input.attachments ?? []) : [];
      return { row, attached };
    });
    if (!row) return { message: await this.originalOf(senderId, conversationId, input.clientId), created: false };

    const message = toMessageView(row, new Map([[row.id, attached]]));
    this.realtime.toRoom(conversationRoom(conversationId), 'chat:message', message);
    try {
      await this.events.emit('chat.message.created', {
        conversationId,
        messageId: message.id,
        seq: message.seq,
        senderId,
        recipientIds: row.recipient_ids ?? [],
        preview: rendered.text.slice(0, 140),
      });
    } catch (error) {
      // The message is stored and delivered; a failing listener must not turn that into an error.
      this.logger.error({ err: error }, 'a chat.message.created listener failed');
    }
    return { message, created: true };
  }

  /** The message a repeated clientId refers to; 404 when the sender is not a member (or never sent it). */
  private async originalOf(senderId: string, conversationId: string, clientId: string): Promise<ChatMessageView> {
    await this.assertMember(senderId, conversationId);
    const [row] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.sender_id = $2 AND m.client_id = $3`,
      [conversationId, senderId, clientId],
    );
    if (!row) throw ChatErrors.conversationNotFound('No such conversation');
    return (await this.messageViews([row]))[0]!;
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
    await this.assertMember(userId, conversationId);
    const limit = Math.min(query.limit, SYNC_BATCH);
    const newer = query.afterSeq !== undefined;
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND ${newer ? 'm.seq > $2' : 'm.seq < $2'}
       ORDER BY m.seq ${newer ? 'ASC' : 'DESC'} LIMIT $3`,
      [conversationId, newer ? query.afterSeq : (query.beforeSeq ?? 2 ** 31 - 1), limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    if (!newer) page.reverse();
    return { items: await this.messageViews(page), hasMore };
  }

  /** Moves the member's read position forward (never back, never past the last message). */
  async markRead(userId: string, conversationId: string, seq: number): Promise<{ seq: number }> {
    const [row] = await this.db.query(
      `WITH moved AS (
         UPDATE conversation_members cm SET last_read_seq = GREATEST(cm.last_read_seq, LEAST($3::int, c.last_seq))
         FROM conversations c
         WHERE c.id = cm.conversation_id AND cm.conversation_id = $1 AND cm.user_id = $2 AND cm.left_at IS NULL
         RETURNING cm.last_read_seq)
       SELECT last_read_seq FROM moved`,
      [conversationId, userId, seq],
    );
    if (!row) throw ChatErrors.conversationNotFound('No such conversation');
    const readSeq: number = row.last_read_seq;
    this.realtime.toRoom(conversationRoom(conversationId), 'chat:read', { conversationId, userId, seq: readSeq });
    return { seq: readSeq };
  }

  async edit(userId: string, messageId: string, body: string): Promise<ChatMessageView> {
    assertBodySize(body);
    const original = await this.ownMessage(userId, messageId);
    if (original.deleted_at) throw ChatErrors.messageDeleted('A deleted message cannot be edited');
    const rendered = renderMarkdown(body, { mode: 'chat' });
    const [row] = await this.db.query(
      `WITH m AS (UPDATE messages SET body = $2, body_html = $3, edited_at = now() WHERE id = $1 RETURNING *) SELECT ${MESSAGE_COLUMNS} FROM m`,
      [messageId, body, rendered.html],
    );
    return this.announceChange(row);
  }

  /** Leaves a tombstone: the seq stays (no gap), the text goes. Deleting twice is harmless. */
  async remove(userId: string, messageId: string): Promise<ChatMessageView> {
    const original = await this.ownMessage(userId, messageId);
    if (original.deleted_at) return toMessageView(original);
    const [row] = await this.db.query(
      `WITH m AS (UPDATE messages SET body = '', body_html = '', deleted_at = now() WHERE id = $1 RETURNING *) SELECT ${MESSAGE_COLUMNS} FROM m`,
      [messageId],
    );
    return this.announceChange(row);
  }

  /** Edits and deletions reach current members by their user rooms: a removed member hears nothing. */
  private async announceChange(row: MessageRow): Promise<ChatMessageView> {
    const [message] = await this.messageViews([row]);
    this.realtime.toUsers(await this.currentMemberIds(message.conversationId), 'chat:message.updated', message);
    return message;
  }

  private async ownMessage(userId: string, messageId: string): Promise<MessageRow> {
    const [row] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $2 AND cm.left_at IS NULL
       WHERE m.id = $1`,
      [messageId, userId],
    );
    if (!row) throw ChatErrors.messageNotFound('No such message');
    if (row.sender_id !== userId) throw ChatErrors.notSender('Only the sender may change a message');
    return row;
  }

  // ---- mentorship -------------------------------------------------------------------------

  /** One conversation per mentorship, made on its acceptance; calling again answers the same one. */
  async openMentorshipConversation(input: {
    mentorshipId: string;
    mentorId: string;
    menteeId: string;
  }): Promise<{ conversationId: string }> {
    const mentee = (await this.profiles.getPublicProfiles([input.menteeId])).get(input.menteeId);
    const menteeName =
      mentee?.organisation?.name ??
      mentee?.displayName ??
      (await this.identity.getUserSummaries([input.menteeId])).get(input.menteeId)?.displayName ??
      'mentee';
    const title = `Mentoring: ${menteeName}`.slice(0, 120);
    const { id, created } = await this.db.transaction(async (em) => {
      const [inserted] = await em.query(
        `INSERT INTO conversations (kind, title, created_by, mentorship_id) VALUES ('mentorship', $1, $2, $3)
         ON CONFLICT (mentorship_id) DO NOTHING RETURNING id`,
        [title, input.mentorId, input.mentorshipId],
      );
      if (!inserted) {
        const [existing] = await em.query(`SELECT id FROM conversations WHERE mentorship_id = $1`, [input.mentorshipId]);
        return { id: existing.id as string, created: false };
      }
      await this.insertMembers(em, inserted.id, [input.mentorId, input.menteeId], null);
      return { id: inserted.id as string, created: true };
    });
    if (created) for (const userId of [input.mentorId, input.menteeId]) this.realtime.joinRoom(userId, conversationRoom(id));
    await this.events.emit('chat.mentorship-conversation.opened', { mentorshipId: input.mentorshipId, conversationId: id });
    return { conversationId: id };
  }
}

/**
 * A mentorship conversation is named, for each viewer, after the other person of the pair: a
 * mentor with two mentees from one organisation sees two names, not the organisation twice.
 */
function mentorshipTitle(row: ConversationRow, viewerId: string, users: Map<string, { displayName: string }>): string {
  const other = row.members.find((m) => m.userId !== viewerId);
  const name = other ? users.get(other.userId)?.displayName : undefined;
  return name ? `Mentoring with ${name}` : (row.title ?? 'Mentoring');
}
