import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedRows, firstRow, rowsOf, type SqlRunner } from '@mutuals/core';
import type { StoryConsent, StoryOrganisationCredit, StoryOutcome, StoryStatus } from '@mutuals/contracts';
import { DataSource } from 'typeorm';

/** A story's row as stored. */
export interface StoryRow {
  id: string;
  slug: string;
  author_id: string;
  title: string;
  summary: string;
  body: string;
  body_html: string;
  sector: string;
  region: string | null;
  stage: string | null;
  organisation_id: string | null;
  mentorship_id: string | null;
  status: StoryStatus;
  featured: boolean;
  reason: string | null;
  outcomes: StoryOutcome[];
  organisation_credits: StoryOrganisationCredit[];
  cover_url: string | null;
  cover_alt: string;
  cover_width: number | null;
  cover_height: number | null;
  discussion_thread_id: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  published_at: Date | null;
}

export interface CreditRow {
  story_id: string;
  user_id: string;
  role: string;
  consent: StoryConsent;
  consented_at: Date | null;
  asked_at: Date | null;
}

/** The fields an author writes; the rest follow from the workflow. */
export type StoryContent = Pick<
  StoryRow,
  | 'title'
  | 'summary'
  | 'body'
  | 'body_html'
  | 'sector'
  | 'region'
  | 'stage'
  | 'organisation_id'
  | 'mentorship_id'
  | 'outcomes'
  | 'organisation_credits'
  | 'cover_url'
  | 'cover_alt'
  | 'cover_width'
  | 'cover_height'
>;

export interface PublicFilter {
  sector?: string;
  region?: string;
  stage?: string;
  /** Words found in an outcome's label (case-insensitive): "contracts", "staff". */
  outcome?: string;
  featured?: boolean;
}

const COLUMNS = `id, slug, author_id, title, summary, body, body_html, sector, region, stage, organisation_id, mentorship_id, status,
  featured, reason, outcomes, organisation_credits, cover_url, cover_alt, cover_width, cover_height, discussion_thread_id,
  created_at, updated_at, submitted_at, published_at`;
const CREDIT_COLUMNS = 'story_id, user_id, role, consent, consented_at, asked_at';
const CONTENT_FIELDS = [
  'title',
  'summary',
  'body',
  'body_html',
  'sector',
  'region',
  'stage',
  'organisation_id',
  'mentorship_id',
  'outcomes',
  'organisation_credits',
  'cover_url',
  'cover_alt',
  'cover_width',
  'cover_height',
] as const satisfies readonly (keyof StoryContent)[];
const JSON_FIELDS: ReadonlySet<string> = new Set(['outcomes', 'organisation_credits']);

const asParameter = (field: string, value: unknown) => (JSON_FIELDS.has(field) ? JSON.stringify(value) : value);

/** Every SQL statement of stories, their slugs and their credits. */
@Injectable()
export class StoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(runner: SqlRunner, story: StoryContent & { id: string; slug: string; author_id: string }): Promise<void> {
    const fields = ['id', 'slug', 'author_id', ...CONTENT_FIELDS] as const;
    await runner.query(
      `INSERT INTO stories (${fields.join(', ')}) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')})`,
      fields.map((f) => asParameter(f, story[f])),
    );
  }

  /** Writes the given content fields; updated_at moves. */
  async updateContent(runner: SqlRunner, id: string, change: Partial<StoryContent>): Promise<void> {
    const fields = CONTENT_FIELDS.filter((f) => change[f] !== undefined);
    if (fields.length === 0) return;
    await runner.query(`UPDATE stories SET ${fields.map((f, i) => `${f} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...fields.map((f) => asParameter(f, change[f])),
    ]);
  }

  find(id: string, runner: SqlRunner = this.db.manager): Promise<StoryRow | undefined> {
    return firstRow<StoryRow>(runner, `SELECT ${COLUMNS} FROM stories WHERE id = $1`, [id]);
  }

  /** The story under a row lock, for a change of state. */
  lockForChange(runner: SqlRunner, id: string): Promise<StoryRow | undefined> {
    return firstRow<StoryRow>(runner, `SELECT ${COLUMNS} FROM stories WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The story any of its slugs (current or old) names. */
  bySlug(slug: string): Promise<StoryRow | undefined> {
    return firstRow<StoryRow>(
      this.db.manager,
      `SELECT ${COLUMNS.split(',')
        .map((c) => `s.${c.trim()}`)
        .join(', ')} FROM story_slugs h JOIN stories s ON s.id = h.story_id WHERE h.slug = $1`,
      [slug],
    );
  }

  /**
   * Gives the story the first free slug of `base`, `base-2`, `base-3`...; a slug the story held
   * before is its own again. Answers the slug now current.
   */
  async claimSlug(runner: SqlRunner, storyId: string, base: string): Promise<string> {
    for (let n = 1; n <= 50; n++) {
      const candidate = n === 1 ? base : `${base.slice(0, 110)}-${n}`;
      const owner = await firstRow<{ story_id: string }>(
        runner,
        `INSERT INTO story_slugs (slug, story_id) VALUES ($1, $2)
         ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING story_id`,
        [candidate, storyId],
      );
      if (owner?.story_id === storyId) {
        await runner.query(`UPDATE stories SET slug = $2 WHERE id = $1 AND slug IS DISTINCT FROM $2`, [storyId, candidate]);
        return candidate;
      }
    }
    // Fifty stories of one title: the id's start settles it.
    const unique = `${base.slice(0, 100)}-${storyId.slice(0, 8)}`;
    await runner.query(`INSERT INTO story_slugs (slug, story_id) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING`, [unique, storyId]);
    await runner.query(`UPDATE stories SET slug = $2 WHERE id = $1`, [storyId, unique]);
    return unique;
  }

  async setState(
    runner: SqlRunner,
    id: string,
    change: { status: StoryStatus; reason?: string | null; submitted?: boolean; published?: boolean },
  ): Promise<void> {
    await runner.query(
      `UPDATE stories SET status = $2::varchar, reason = $3,
         submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END,
         published_at = CASE WHEN $5::boolean THEN COALESCE(published_at, now()) ELSE published_at END,
         featured = featured AND $2::varchar = 'published',
         updated_at = now()
       WHERE id = $1`,
      [id, change.status, change.reason ?? null, change.submitted ?? false, change.published ?? false],
    );
  }

  async setFeatured(runner: SqlRunner, id: string, featured: boolean): Promise<void> {
    await runner.query(`UPDATE stories SET featured = $2, updated_at = now() WHERE id = $1`, [id, featured]);
  }

  /** Links the discussion once: a second opening (a retried listener) changes nothing. */
  async setDiscussion(id: string, threadId: string): Promise<boolean> {
    return (
      (await affectedRows(this.db.manager, `UPDATE stories SET discussion_thread_id = $2 WHERE id = $1 AND discussion_thread_id IS NULL`, [
        id,
        threadId,
      ])) === 1
    );
  }

  /** Published stories, newest first (featured first when asked for featured only). */
  listPublished(filter: PublicFilter, after: [string, string] | null, limit: number): Promise<StoryRow[]> {
    return rowsOf<StoryRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM stories
        WHERE status = 'published'
          AND ($1::text IS NULL OR sector = $1)
          AND ($2::text IS NULL OR region = $2)
          AND ($3::text IS NULL OR stage = $3)
          AND ($4::text IS NULL OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(outcomes) o WHERE o->>'label' ILIKE '%' || $4 || '%'))
          AND ($5::boolean IS NULL OR featured = $5)
          AND ($6::timestamptz IS NULL OR (published_at, id) < ($6, $7::uuid))
        ORDER BY published_at DESC, id DESC
        LIMIT $8`,
      [
        filter.sector ?? null,
        filter.region ?? null,
        filter.stage ?? null,
        filter.outcome ? filter.outcome.replace(/[\\%_]/g, (c) => `\\${c}`) : null,
        filter.featured ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
      ],
    );
  }

  /** Every published story's slug and last change, for the sitemap and the feed. */
  published(limit: number): Promise<StoryRow[]> {
    return rowsOf<StoryRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM stories WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT $1`,
      [limit],
    );
  }

  listByAuthor(authorId: string, after: [string, string] | null, limit: number): Promise<StoryRow[]> {
    return rowsOf<StoryRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM stories
        WHERE author_id = $1 AND ($2::timestamptz IS NULL OR (updated_at, id) < ($2, $3::uuid))
        ORDER BY updated_at DESC, id DESC LIMIT $4`,
      [authorId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** What coordinators see: anything handed in (never a draft), oldest submission first. */
  listForReview(status: StoryStatus, after: [string, string] | null, limit: number): Promise<StoryRow[]> {
    return rowsOf<StoryRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM stories
        WHERE status = $1 AND status <> 'draft'
          AND ($2::timestamptz IS NULL OR (submitted_at, id) > ($2, $3::uuid))
        ORDER BY submitted_at, id LIMIT $4`,
      [status, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  // ---- credits ----

  creditsOf(storyIds: readonly string[], runner: SqlRunner = this.db.manager): Promise<CreditRow[]> {
    if (storyIds.length === 0) return Promise.resolve([]);
    return rowsOf<CreditRow>(
      runner,
      `SELECT ${CREDIT_COLUMNS} FROM story_credits WHERE story_id = ANY($1::uuid[]) ORDER BY position, user_id`,
      [storyIds],
    );
  }

  /**
   * Makes the story credit exactly these members, in this order; a member credited before keeps
   * their answer. `givenBy` (the author) consents by writing the story.
   */
  async replaceCredits(runner: SqlRunner, storyId: string, credits: { userId: string; role: string }[], givenBy: string): Promise<void> {
    await runner.query(`DELETE FROM story_credits WHERE story_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [
      storyId,
      credits.map((c) => c.userId),
    ]);
    if (credits.length === 0) return;
    await runner.query(
      `INSERT INTO story_credits (story_id, user_id, role, position, consent, consented_at, asked_at)
       SELECT $1, c.user_id, c.role, c.position - 1,
              CASE WHEN c.user_id = $4 THEN 'given' ELSE 'pending' END,
              CASE WHEN c.user_id = $4 THEN now() END,
              CASE WHEN c.user_id = $4 THEN now() END
         FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS c(user_id, role, position)
       ON CONFLICT (story_id, user_id) DO UPDATE SET role = EXCLUDED.role, position = EXCLUDED.position`,
      [storyId, credits.map((c) => c.userId), credits.map((c) => c.role), givenBy],
    );
  }

  /** Marks the members not yet asked as asked; answers who they are. */
  async askPending(runner: SqlRunner, storyId: string): Promise<string[]> {
    const rows = await rowsOf<{ user_id: string }>(
      runner,
      `UPDATE story_credits SET asked_at = now() WHERE story_id = $1 AND asked_at IS NULL AND consent = 'pending' RETURNING user_id`,
      [storyId],
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * Forgets the answers of these credited members (all but `keep`, the author): they answered an
   * earlier version. Not asked either, so the next submission asks them again. Answers who they are.
   */
  async resetAnswers(runner: SqlRunner, storyId: string, userIds: readonly string[] | null, keep: string): Promise<string[]> {
    const rows = await rowsOf<{ user_id: string }>(
      runner,
      `UPDATE story_credits SET consent = 'pending', consented_at = NULL, asked_at = NULL
        WHERE story_id = $1 AND user_id <> $3 AND consent <> 'pending' AND ($2::uuid[] IS NULL OR user_id = ANY($2::uuid[]))
       RETURNING user_id`,
      [storyId, userIds, keep],
    );
    return rows.map((r) => r.user_id);
  }

  /** Records a member's answer, once they were asked; false when they were not. */
  async setConsent(runner: SqlRunner, storyId: string, userId: string, consent: 'given' | 'declined'): Promise<boolean> {
    return (
      (await affectedRows(
        runner,
        `UPDATE story_credits SET consent = $3, consented_at = now() WHERE story_id = $1 AND user_id = $2 AND asked_at IS NOT NULL`,
        [storyId, userId, consent],
      )) === 1
    );
  }

  /** Stories that asked this member, newest first. */
  creditRequestsFor(userId: string): Promise<(CreditRow & { story: StoryRow })[]> {
    return rowsOf(
      this.db.manager,
      `SELECT ${CREDIT_COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}, to_jsonb(s) AS story
         FROM story_credits c JOIN stories s ON s.id = c.story_id
        WHERE c.user_id = $1 AND c.asked_at IS NOT NULL AND s.author_id <> $1
        ORDER BY c.asked_at DESC, s.id LIMIT 200`,
      [userId],
    );
  }

  // ---- the programme's figures ----

  async countsByState(filter: {
    from?: Date;
    to?: Date;
    sector?: string;
  }): Promise<{ status: StoryStatus; featured: boolean; n: number }[]> {
    return rowsOf(
      this.db.manager,
      `SELECT status, featured, count(*)::int AS n FROM stories
        WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
          AND ($3::text IS NULL OR sector = $3)
        GROUP BY status, featured`,
      [filter.from ?? null, filter.to ?? null, filter.sector ?? null],
    );
  }

  /**
   * A leaving author's stories that go with them: those never published (their unfinished text)
   * or, when they ask for their writing to be erased, all of them. Answers the ids.
   */
  async deleteAuthored(runner: SqlRunner, userId: string, erase: boolean): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(
      runner,
      `DELETE FROM stories WHERE author_id = $1 AND ($2::boolean OR published_at IS NULL) RETURNING id`,
      [userId, erase],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A leaving member's credits in others' stories. Where the story is out (published or
   * withdrawn) their consent covered that version and their link to it goes; anywhere else it
   * counts as declined, so nobody publishes a text naming them that they can no longer approve.
   */
  async removeCredits(runner: SqlRunner, userId: string): Promise<void> {
    await runner.query(
      `DELETE FROM story_credits c USING stories s
        WHERE c.story_id = s.id AND c.user_id = $1 AND s.status IN ('published', 'withdrawn')`,
      [userId],
    );
    await runner.query(`UPDATE story_credits SET consent = 'declined', consented_at = now() WHERE user_id = $1`, [userId]);
  }

  /** The member's download: the stories they wrote, and the stories that credit them with their answer. */
  async exportOf(userId: string) {
    const [written, credited] = await Promise.all([
      this.db.query(
        `SELECT id, slug, title, summary, body, status, featured, reason, outcomes, organisation_credits, created_at, updated_at
           FROM stories WHERE author_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT s.id AS story_id, s.title, c.role, c.consent, c.asked_at, c.consented_at
           FROM story_credits c JOIN stories s ON s.id = c.story_id
          WHERE c.user_id = $1 AND s.author_id <> $1 ORDER BY s.created_at`,
        [userId],
      ),
    ]);
    return { written, credited };
  }
}
