import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The SQL of what chat holds of one member: removed with their account, listed in their download. */
@Injectable()
export class ChatMemberDataRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Their messages keep their place (seq) as deleted messages without words, so the others'
   * histories and syncs stay whole; they leave every conversation.
   */
  async removeMember(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE messages SET body = '', body_html = '', deleted_at = COALESCE(deleted_at, now()) WHERE sender_id = $1`, [
      userId,
    ]);
    await manager.query('DELETE FROM conversation_members WHERE user_id = $1', [userId]);
  }

  /** Their conversations and the messages they sent; never what others wrote. */
  async exportOf(userId: string) {
    const [conversations, messages] = await Promise.all([
      this.db.query(
        `SELECT c.id, c.kind, c.title, cm.joined_at, cm.left_at FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
          WHERE cm.user_id = $1 ORDER BY cm.joined_at`,
        [userId],
      ),
      this.db.query(
        `SELECT id, conversation_id, seq, body, created_at, edited_at FROM messages
          WHERE sender_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
        [userId],
      ),
    ]);
    return { conversations, messagesSent: messages };
  }
}
