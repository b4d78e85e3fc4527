import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForumCategoryEntity } from './category.entity';

/**
 * What changed a category's counts since its own columns were set, in stripes: a thread's posts
 * always count in the stripe of its id (CATEGORY_STRIPE_SQL), so posters in different threads of
 * one category rarely wait on the same row, and a reader adds the category's few stripes to its
 * columns. A stripe is a delta: a hide can take it below zero when the post counted in the columns.
 */
@Entity('forum_category_counts')
export class ForumCategoryCountEntity {
  @PrimaryColumn({ type: 'uuid' })
  categoryId!: string;

  @PrimaryColumn({ type: 'smallint' })
  stripe!: number;

  @Column({ type: 'int', default: 0 })
  threadCount!: number;

  @Column({ type: 'int', default: 0 })
  postCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt!: Date | null;

  @ManyToOne(() => ForumCategoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_id' })
  category?: ForumCategoryEntity;
}
