import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FlagStatus = 'open' | 'resolved';
export type FlagResolution = 'hide' | 'dismiss';

@Entity('forum_flags')
@Index('forum_flags_queue_idx', ['status', 'createdAt', 'id'])
@Index('forum_flags_post_idx', ['postId'])
export class ForumFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  postId!: string;

  @Column({ type: 'uuid' })
  reporterId!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: FlagStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution!: FlagResolution | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
