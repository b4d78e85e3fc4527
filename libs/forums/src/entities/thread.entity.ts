import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ForumCategoryEntity } from './category.entity';

@Entity('forum_threads')
@Index('forum_threads_listing_idx', ['categoryId', 'pinned', 'lastPostAt', 'id'])
@Index('forum_threads_client_key', ['authorId', 'clientId'], { unique: true })
export class ForumThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => ForumCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: ForumCategoryEntity;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  /** Its opening post is hidden by a moderator: the thread is gone for members, marked for moderators. */
  @Column({ type: 'boolean', default: false })
  hidden!: boolean;

  /** The author's idempotency key: a retried create answers this thread instead of making another. */
  @Column({ type: 'uuid', nullable: true })
  clientId!: string | null;

  /** The seq of the newest post; bumped under the row lock, so seqs are gapless and in commit order. */
  @Column({ type: 'int', default: 0 })
  lastSeq!: number;

  /** Visible posts after the first. */
  @Column({ type: 'int', default: 0 })
  replyCount!: number;

  /** The newest visible post. */
  @Column({ type: 'timestamptz' })
  lastPostAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  lastPostId!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
