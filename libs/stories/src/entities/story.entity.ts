import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One success story, from its author's draft to the public page. */
@Entity('stories')
@Index('stories_public_idx', ['status', 'publishedAt', 'id'])
@Index('stories_author_idx', ['authorId', 'updatedAt'])
@Index('stories_review_idx', ['status', 'submittedAt'])
export class StoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The current slug; every slug it ever had is in story_slugs, so old links still reach it. */
  @Column({ type: 'varchar', length: 120, unique: true })
  slug!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'varchar', length: 300 })
  summary!: string;

  /** Markdown source. */
  @Column({ type: 'text' })
  body!: string;

  /** Sanitised HTML rendered from body by the shared renderer. */
  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'varchar', length: 64 })
  sector!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  stage!: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  /** A story about a mentorship credits both sides of it. */
  @Column({ type: 'uuid', nullable: true })
  mentorshipId!: string | null;

  /** draft, submitted, changes_requested, published, withdrawn. */
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: string;

  /** Only a published story is featured (cleared when it leaves published). */
  @Column({ type: 'boolean', default: false })
  featured!: boolean;

  /** The coordinator's reason for requesting changes or withdrawing. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** [{ label, value }] */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  outcomes!: unknown;

  /** [{ organisationId, name, role }]: organisations are named, not asked. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  organisationCredits!: unknown;

  /** The cover's immutable URL and shape, copied from the claimed upload (files keeps the bytes). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  coverUrl!: string | null;

  @Column({ type: 'varchar', length: 300, default: '' })
  coverAlt!: string;

  @Column({ type: 'int', nullable: true })
  coverWidth!: number | null;

  @Column({ type: 'int', nullable: true })
  coverHeight!: number | null;

  @Column({ type: 'uuid', nullable: true })
  discussionThreadId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
