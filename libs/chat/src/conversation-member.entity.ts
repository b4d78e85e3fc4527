import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConversationRole } from '@mutuals/contracts';

@Entity('conversation_members')
@Index('conversation_members_user_idx', ['userId', 'conversationId'])
export class ConversationMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  conversationId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 8, default: 'member' })
  role!: ConversationRole;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt!: Date;

  /** Set when removed from a group; the row stays so that re-adding keeps the read position. */
  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  lastReadSeq!: number;
}
