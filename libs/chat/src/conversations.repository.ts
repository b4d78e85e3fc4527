import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowsOf } from '@mutuals/core';
import type { ConversationKind, ConversationRole } from '@mutuals/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { MessageRow } from './messages.repository';

/** At most this many conversations in one list (newest activity first). */
const CONVERSATION_LIST_LIMIT = 200;

export interface ConversationRow {
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

/** The SQL of conversations and their members. */
@Injectable()
export class ConversationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The member's conversations (or the one asked) in one query: members, last message and unread count included. */
  listFor(userId: string, onlyId: string | null): Promise<ConversationRow[]> {
    return this.db.query(
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
  }

  /** The pair's direct conversation, made unless it exists; `created` says which. */
  async openDirect(creatorId: string, otherId: string, manager: EntityManager): Promise<{ id: string; created: boolean }> {
    const directKey = [creatorId, otherId].sort().join(':');
    const [inserted] = await rowsOf<{ id: string }>(
      manager,
      `INSERT INTO conversations (kind, created_by, direct_key) VALUES ('direct', $1, $2) ON CONFLICT (direct_key) DO NOTHING RETURNING id`,
      [creatorId, directKey],
    );
    if (inserted) return { id: inserted.id, created: true };
    const [existing]: { id: string }[] = await manager.query(`SELECT id FROM conversations WHERE direct_key = $1`, [directKey]);
    return { id: existing!.id, created: false };
  }

  async insertGroup(title: string, creatorId: string, manager: EntityManager): Promise<string> {
    const [row] = await rowsOf<{ id: string }>(
      manager,
      `INSERT INTO conversations (kind, title, created_by) VALUES ('group', $1, $2) RETURNING id`,
      [title, creatorId],
    );
    return row!.id;
  }

  /** The mentorship's conversation, made unless it exists; `created` says which. */
  async openForMentorship(
    input: { mentorshipId: string; title: string; createdBy: string },
    manager: EntityManager,
  ): Promise<{ id: string; created: boolean }> {
    const [inserted] = await rowsOf<{ id: string }>(
      manager,
      `INSERT INTO conversations (kind, title, created_by, mentorship_id) VALUES ('mentorship', $1, $2, $3)
       ON CONFLICT (mentorship_id) DO NOTHING RETURNING id`,
      [input.title, input.createdBy, input.mentorshipId],
    );
    if (inserted) return { id: inserted.id, created: true };
    const [existing]: { id: string }[] = await manager.query(`SELECT id FROM conversations WHERE mentorship_id = $1`, [input.mentorshipId]);
    return { id: existing!.id, created: false };
  }

  /** The conversation of each mentorship that has one. */
  async idsForMentorships(mentorshipIds: readonly string[]): Promise<Map<string, string>> {
    if (mentorshipIds.length === 0) return new Map();
    const rows: { id: string; mentorship_id: string }[] = await this.db.query(
      `SELECT id, mentorship_id FROM conversations WHERE mentorship_id = ANY($1::uuid[])`,
      [mentorshipIds],
    );
    return new Map(rows.map((r) => [r.mentorship_id, r.id]));
  }

  async insertMembers(conversationId: string, userIds: string[], ownerId: string | null, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role)
       SELECT $1, u, CASE WHEN u = $3::uuid THEN 'owner' ELSE 'member' END FROM unnest($2::uuid[]) AS u
       ON CONFLICT (conversation_id, user_id) DO NOTHING`,
      [conversationId, userIds, ownerId],
    );
  }

  async rename(conversationId: string, title: string): Promise<void> {
    await this.db.query('UPDATE conversations SET title = $2 WHERE id = $1', [conversationId, title]);
  }

  /** Adds a member, or brings back one who left. */
  async addMember(conversationId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role) VALUES ($1, $2, 'member')
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET left_at = NULL, joined_at = now() WHERE conversation_members.left_at IS NOT NULL`,
      [conversationId, userId],
    );
  }

  /** False when they were not a current member. */
  async removeMember(conversationId: string, userId: string): Promise<boolean> {
    const rows = await rowsOf<{ user_id: string }>(
      this.db.manager,
      `UPDATE conversation_members SET left_at = now() WHERE conversation_id = $1 AND user_id = $2 AND left_at IS NULL RETURNING user_id`,
      [conversationId, userId],
    );
    return rows.length === 1;
  }

  async kindOf(conversationId: string): Promise<ConversationKind | undefined> {
    const [row]: { kind: ConversationKind }[] = await this.db.query(`SELECT kind FROM conversations WHERE id = $1`, [conversationId]);
    return row?.kind;
  }

  /** The member's role, or undefined unless they are a current member. */
  async roleOf(userId: string, conversationId: string): Promise<ConversationRole | undefined> {
    const [row]: { role: ConversationRole }[] = await this.db.query(
      `SELECT role FROM conversation_members WHERE conversation_id = $1 AND user_id = $2 AND left_at IS NULL`,
      [conversationId, userId],
    );
    return row?.role;
  }

  async conversationIdsOf(userId: string): Promise<string[]> {
    const rows: { conversation_id: string }[] = await this.db.query(
      `SELECT conversation_id FROM conversation_members WHERE user_id = $1 AND left_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.conversation_id);
  }

  async currentMemberIds(conversationId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await rowsOf<{ user_id: string }>(
      manager,
      `SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND left_at IS NULL`,
      [conversationId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Makes a current member the group's one owner; false when they are not a current member. */
  async handOver(conversationId: string, userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await rowsOf<{ user_id: string }>(
      manager,
      `UPDATE conversation_members SET role = CASE WHEN user_id = $2 THEN 'owner' ELSE 'member' END
        WHERE conversation_id = $1 AND (role = 'owner' OR (user_id = $2 AND left_at IS NULL))
          AND EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND user_id = $2 AND left_at IS NULL)
       RETURNING user_id`,
      [conversationId, userId],
    );
    return rows.some((r) => r.user_id === userId);
  }
}
