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
  archivedAt: Date | null;
}

export interface CategoryFields {
  slug: string;
  name: string;
  description: string;
  sectorSlug: string | null;
}

/**
 * The stripe a thread's posts count in (forum_category_counts): a digit of its random id, so
 * threads spread over 16 rows a category and a thread always counts in the same one.
 */
export const categoryStripeSql = (threadId: string) => `(get_byte(uuid_send(${threadId}), 15) % 16)`;

/**
 * Adds counts to categories' stripes: `rows` is a query of category_id, stripe, thread_count,
 * post_count and last_activity_at, at most one row per category and stripe.
 */
export const addToStripesSql = (rows: string) =>
  `INSERT INTO forum_category_counts AS k (category_id, stripe, thread_count, post_count, last_activity_at) ${rows}
   ON CONFLICT (category_id, stripe) DO UPDATE SET thread_count = k.thread_count + EXCLUDED.thread_count,
      post_count = k.post_count + EXCLUDED.post_count, last_activity_at = GREATEST(k.last_activity_at, EXCLUDED.last_activity_at)`;

/** The SQL of forum categories and their counters. */
@Injectable()
export class ForumCategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** In their order, with their stripes' counts added; archived ones only when asked (coordinators). */
  all(includeArchived: boolean): Promise<CategoryRow[]> {
    return this.db.query(
      `SELECT c.id, c.slug, c.name, c.description, c.sector_slug AS "sectorSlug", c.position,
              c.thread_count + COALESCE(s.threads, 0) AS "threadCount", c.post_count + COALESCE(s.posts, 0) AS "postCount",
              GREATEST(c.last_activity_at, s.at) AS "lastActivityAt", c.archived_at AS "archivedAt"
         FROM forum_categories c
         LEFT JOIN (SELECT category_id, sum(thread_count)::int AS threads, sum(post_count)::int AS posts, max(last_activity_at) AS at
                      FROM forum_category_counts GROUP BY category_id) s ON s.category_id = c.id
        WHERE $1 OR c.archived_at IS NULL ORDER BY c.position, c.name`,
      [includeArchived],
    );
  }

  /** Goes last unless given a place; raises unique_violation for a slug in use. */
  async insert(input: CategoryFields & { position: number | null }): Promise<string> {
    const [row] = await rowsOf<{ id: string }>(
      this.db.manager,
      `INSERT INTO forum_categories (slug, name, description, sector_slug, position)
       VALUES ($1, $2, $3, $4, COALESCE($5, (SELECT COALESCE(max(position) + 1, 0) FROM forum_categories))) RETURNING id`,
      [input.slug, input.name, input.description, input.sectorSlug, input.position],
    );
    return row!.id;
  }

  /** These categories, in this order, unless any category exists already (archived ones too). */
  async insertIfNone(categories: readonly Omit<CategoryFields, 'sectorSlug'>[]): Promise<void> {
    await this.db.query(
      `INSERT INTO forum_categories (slug, name, description, position)
       SELECT slug, name, description, position - 1 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) WITH ORDINALITY AS c(slug, name, description, position)
       WHERE NOT EXISTS (SELECT 1 FROM forum_categories)
       ON CONFLICT (slug) DO NOTHING`, // replicas starting together: the second finds the first's rows
      [categories.map((c) => c.slug), categories.map((c) => c.name), categories.map((c) => c.description)],
    );
  }

  /** Changes what is given (a null sectorSlug clears it; undefined leaves it); false when there is no such category. */
  async update(id: string, input: { name?: string; description?: string; sectorSlug?: string | null }): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      this.db.manager,
      `UPDATE forum_categories SET name = COALESCE($2, name), description = COALESCE($3, description),
              sector_slug = CASE WHEN $4 THEN $5 ELSE sector_slug END
        WHERE id = $1 RETURNING id`,
      [id, input.name ?? null, input.description ?? null, input.sectorSlug !== undefined, input.sectorSlug ?? null],
    );
    return rows.length === 1;
  }

  /** Every category's id, locked for a reorder. */
  async lockAllIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM forum_categories FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  async setOrder(ids: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE forum_categories c SET position = o.position FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE c.id = o.id`,
      [ids],
    );
  }

  /** Archives (keeping the first time) or brings back; false when there is no such category. */
  async setArchived(id: string, archived: boolean): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      this.db.manager,
      `UPDATE forum_categories SET archived_at = CASE WHEN $2 THEN COALESCE(archived_at, now()) END WHERE id = $1 RETURNING id`,
      [id, archived],
    );
    return rows.length === 1;
  }

  /** The category of this slug, made last in order if there is none; safe for replicas racing. */
  async ensure(category: Omit<CategoryFields, 'sectorSlug'>): Promise<{ id: string; archived: boolean }> {
    await this.db.query(
      `INSERT INTO forum_categories (slug, name, description, position)
       VALUES ($1, $2, $3, (SELECT COALESCE(max(position) + 1, 0) FROM forum_categories))
       ON CONFLICT (slug) DO NOTHING`,
      [category.slug, category.name, category.description],
    );
    const [row]: { id: string; archived: boolean }[] = await this.db.query(
      `SELECT id, archived_at IS NOT NULL AS archived FROM forum_categories WHERE slug = $1`,
      [category.slug],
    );
    return row!;
  }

  async idOfSlug(slug: string): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM forum_categories WHERE slug = $1`, [slug]);
    return row?.id;
  }

  /** Whether the category exists, whether it is archived (read-only), and its slug. */
  async state(id: string): Promise<{ archived: boolean; slug: string } | undefined> {
    const [row]: { archived: boolean; slug: string }[] = await this.db.query(
      `SELECT archived_at IS NOT NULL AS archived, slug FROM forum_categories WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** A thread's posts or the thread itself left or re-entered view: its stripe of the category's counts follows. */
  async moveCounts(
    categoryId: string,
    threadId: string,
    counts: { threads: number; posts: number },
    manager: EntityManager,
  ): Promise<void> {
    if (counts.threads === 0 && counts.posts === 0) return;
    await manager.query(addToStripesSql(`SELECT $1::uuid, ${categoryStripeSql('$2::uuid')}, $3::int, $4::int, NULL::timestamptz`), [
      categoryId,
      threadId,
      counts.threads,
      counts.posts,
    ]);
  }
}
