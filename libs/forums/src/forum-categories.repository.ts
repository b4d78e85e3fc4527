import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowsOf } from '@mutuals/core';
import { DataSource, EntityManager } from 'typeorm';

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  sectorSlug: string | null;
  position: number;
  threadCount: number;
  postCount: number;
  lastActivityAt: Date | null;
}

/** The SQL of forum categories and their counters. */
@Injectable()
export class ForumCategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  all(): Promise<CategoryRow[]> {
    return this.db.query(
      `SELECT id, slug, name, description, sector_slug AS "sectorSlug", position, thread_count AS "threadCount",
              post_count AS "postCount", last_activity_at AS "lastActivityAt"
         FROM forum_categories ORDER BY position, name`,
    );
  }

  /** Raises unique_violation for a slug in use. */
  async insert(input: { slug: string; name: string; description: string; sectorSlug: string | null; position: number }): Promise<void> {
    await this.db.query(`INSERT INTO forum_categories (slug, name, description, sector_slug, position) VALUES ($1, $2, $3, $4, $5)`, [
      input.slug,
      input.name,
      input.description,
      input.sectorSlug,
      input.position,
    ]);
  }

  async idOfSlug(slug: string): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM forum_categories WHERE slug = $1`, [slug]);
    return row?.id;
  }

  async exists(id: string): Promise<boolean> {
    const [row] = await this.db.query(`SELECT 1 FROM forum_categories WHERE id = $1`, [id]);
    return row !== undefined;
  }

  /** A new visible post; answers the category's slug (for the post's link). */
  async countPost(categoryId: string, at: Date, manager: EntityManager): Promise<string> {
    const [row] = await rowsOf<{ slug: string }>(
      manager,
      `UPDATE forum_categories SET post_count = post_count + 1, last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1 RETURNING slug`,
      [categoryId, at],
    );
    return row!.slug;
  }

  async moveCounts(categoryId: string, counts: { threads: number; posts: number }, manager: EntityManager): Promise<void> {
    if (counts.threads === 0 && counts.posts === 0) return;
    await manager.query(`UPDATE forum_categories SET thread_count = thread_count + $2, post_count = post_count + $3 WHERE id = $1`, [
      categoryId,
      counts.threads,
      counts.posts,
    ]);
  }
}
