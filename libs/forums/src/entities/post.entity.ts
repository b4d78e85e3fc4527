import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForumThreadEntity } from './thread.entity';

export const POST_STATUSES = ['visible', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

@Entity('forum_posts')
@Index('forum_posts_thread_seq_key', ['threadId', 'seq'], { unique: true })
@Index('forum_posts_author_idx', ['authorId', 'createdAt'])
@Index('forum_posts_client_key', ['authorId', 'clientId'], { unique: true })
export class ForumPostEntity {
  /** Made by the service, so the thread's last_post_id can be set in the same statement. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => ForumThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ForumThreadEntity;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'uuid' })
  authorId!: string;

  /** Markdown as written, the leading quote included. */
  @Column({ type: 'text' })
  body!: string;

  /** The post's own words, rendered and sanitised (without the leading quote). */
  @Column({ type: 'text' })
  bodyHtml!: string;

  /**
   * The leading blockquote of a reply, rendered apart so that it is shown only while the quoted
   * post is still visible.
   */
  @Column({ type: 'text', nullable: true })
  quoteHtml!: string | null;

  /** Plain text of the post's own words: snippets and previews. */
  @Column({ type: 'text' })
  plainText!: string;

  @Column({ type: 'uuid', nullable: true })
  replyToPostId!: string | null;

  /** The author's idempotency key for a reply: a retried post answers this one instead of storing another. */
  @Column({ type: 'uuid', nullable: true })
  clientId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'visible' })
  status!: PostStatus;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  /**
   * Title (first post, weight A) and own words (weight B); set by the service with the text. Its
   * words are indexed in forum_search_postings by a trigger while the post is visible.
   */
  @Column({ type: 'tsvector', select: false })
  search!: string;
}
