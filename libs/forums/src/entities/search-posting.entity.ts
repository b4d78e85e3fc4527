import { Entity, PrimaryColumn } from 'typeorm';

/**
 * One word of one visible post, with the post's score for that word alone (forum-search.repository.ts):
 * a word's posts, read backwards along the primary key, come most relevant and recent first.
 * Kept by triggers on forum_posts (migration SearchPostings), so every write path keeps it exact.
 */
@Entity('forum_search_postings')
export class ForumSearchPostingEntity {
  /** A lexeme of the post's tsvector, as stored there. */
  @PrimaryColumn({ type: 'text' })
  term!: string;

  /** forum_search_score(the post's rank for this word alone, its creation time). */
  @PrimaryColumn({ type: 'double precision' })
  impact!: number;

  @PrimaryColumn({ type: 'uuid' })
  postId!: string;
}
