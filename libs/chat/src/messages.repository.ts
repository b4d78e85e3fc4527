import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowsOf } from '@mutuals/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChatRecipient } from './chat.events';

export interface MessageRow {
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

const MESSAGE_COLUMNS =
  'm.id, m.conversation_id, m.seq, m.sender_id, m.client_id, m.body, m.body_html, m.created_at, m.edited_at, m.deleted_at';

/** The SQL of messages and read positions. */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends messages in one statement, in the order given (the caller orders them so that every
   * transaction takes the conversations' locks in the same order). Each goes through
   * chat_append_message (see the ChatAppendWithoutSubtransaction migration): its seq is taken under the
   * conversation's row lock and committed with it, or not at all. Answers, by the input's index,
   * the stored row with the other current members and where each has read to; an index without
   * a row is a repeated clientId or a sender who is not a current member.
   */
  async appendMany(
    inputs: { conversationId: string; senderId: string; clientId: string; body: string; html: string }[],
    manager: EntityManager,
  ): Promise<Map<number, MessageRow & { recipients: ChatRecipient[] }>> {
    const rows: (MessageRow & { recipients: ChatRecipient[]; n: string })[] = await manager.query(
      `SELECT i.n, m.*, (SELECT COALESCE(json_agg(json_build_object('userId', cm.user_id, 'lastReadSeq', cm.last_read_seq)), '[]')
         FROM conversation_members cm
         WHERE cm.conversation_id = m.conversation_id AND cm.left_at IS NULL AND cm.user_id <> m.sender_id) AS recipients
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS i(conversation_id, sender_id, client_id, body, html, n)
       CROSS JOIN LATERAL chat_append_message(i.conversation_id, i.sender_id, i.client_id, i.body, i.html) m
       ORDER BY i.n`,
      [
        inputs.map((i) => i.conversationId),
        inputs.map((i) => i.senderId),
        inputs.map((i) => i.clientId),
        inputs.map((i) => i.body),
        inputs.map((i) => i.html),
      ],
    );
    return new Map(rows.map(({ n, ...row }) => [Number(n) - 1, row]));
  }

  async byClientId(conversationId: string, senderId: string, clientId: string): Promise<MessageRow | undefined> {
    const [row]: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.sender_id = $2 AND m.client_id = $3`,
      [conversationId, senderId, clientId],
    );
    return row;
  }

  /** After `afterSeq` oldest first, or before `beforeSeq` newest first; limit + 1 tells whether more lie beyond. */
  page(conversationId: string, direction: { afterSeq: number } | { beforeSeq: number }, limit: number): Promise<MessageRow[]> {
    const newer = 'afterSeq' in direction;
    return this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND ${newer ? 'm.seq > $2' : 'm.seq < $2'}
       ORDER BY m.seq ${newer ? 'ASC' : 'DESC'} LIMIT $3`,
      [conversationId, newer ? direction.afterSeq : direction.beforeSeq, limit],
    );
  }

  /** Moves the member's read position forward (never back, never past the last message); undefined unless a current member. */
  async markRead(conversationId: string, userId: string, seq: number): Promise<number | undefined> {
    const [row] = await rowsOf<{ last_read_seq: number }>(
      this.db.manager,
      `UPDATE conversation_members cm SET last_read_seq = GREATEST(cm.last_read_seq, LEAST($3::int, c.last_seq))
         FROM conversations c
        WHERE c.id = cm.conversation_id AND cm.conversation_id = $1 AND cm.user_id = $2 AND cm.left_at IS NULL
        RETURNING cm.last_read_seq`,
      [conversationId, userId, seq],
    );
    return row?.last_read_seq;
  }

  /** The message if the user is a current member of its conversation. */
  async findForMember(messageId: string, userId: string): Promise<MessageRow | undefined> {
    const [row]: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $2 AND cm.left_at IS NULL
       WHERE m.id = $1`,
      [messageId, userId],
    );
    return row;
  }

  async edit(messageId: string, body: string, html: string): Promise<MessageRow> {
    const [row] = await rowsOf<MessageRow>(
      this.db.manager,
      `UPDATE messages m SET body = $2, body_html = $3, edited_at = now() WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
      [messageId, body, html],
    );
    return row!;
  }

  /** A tombstone: the seq stays (no gap), the text goes. */
  async tombstone(messageId: string): Promise<MessageRow> {
    const [row] = await rowsOf<MessageRow>(
      this.db.manager,
      `UPDATE messages m SET body = '', body_html = '', deleted_at = now() WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
      [messageId],
    );
    return row!;
  }
}
