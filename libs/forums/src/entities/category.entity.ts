import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('forum_categories')
export class ForumCategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('forum_categories_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'varchar', length: 300 })
  description!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  sectorSlug!: string | null;

  @Column({ type: 'int', default: 0 })
  position!: number;

  /** With its stripes in forum_category_counts (see ForumCategoryCountEntity), kept in the transaction of the change. */
  @Column({ type: 'int', default: 0 })
  threadCount!: number;

  /** Visible posts only; plus its stripes. */
  @Column({ type: 'int', default: 0 })
  postCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt!: Date | null;

  /** Set: hidden from members' list of categories and read-only; its threads stay readable. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
