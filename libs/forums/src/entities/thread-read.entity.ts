import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('forum_thread_reads')
export class ForumThreadReadEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId!: string;

  /** Posts with a higher seq are unread; it only ever moves forward. */
  @Column({ type: 'int' })
  lastReadSeq!: number;

  @Column({ type: 'uuid' })
  lastReadPostId!: string;

  @Column({ type: 'timestamptz' })
  readAt!: Date;
}
