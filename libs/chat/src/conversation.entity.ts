import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ConversationKind } from '@mutuals/contracts';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: ConversationKind;

  @Column({ type: 'varchar', length: 120, nullable: true })
  title!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  /** "<smaller id>:<larger id>" for a direct conversation, so that a pair has only one. */
  @Index('conversations_direct_key_uq', { unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  directKey!: string | null;

  @Index('conversations_mentorship_uq', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  mentorshipId!: string | null;

  /** The seq of the newest message; bumped under the row lock of the inserting transaction. */
  @Column({ type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
