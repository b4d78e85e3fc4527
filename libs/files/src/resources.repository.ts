import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ResourceRow {
  id: string;
  title: string;
  summary: string;
  support_area: string;
  stage: string;
  file_id: string;
  author_id: string;
  download_count: number;
  created_at: Date;
  /** The keyset: created_at as text keeps its microseconds. */
  at_key: string;
}

const COLUMNS = `r.id, r.title, r.summary, r.support_area, r.stage, r.file_id, r.author_id, r.download_count, r.created_at, r.created_at::text AS at_key`;

/** Every SQL statement of the resource library. */
@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    manager: EntityManager,
    input: { title: string; summary: string; supportArea: string; stage: string; fileId: string; authorId: string; at?: Date },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO resources (title, summary, support_area, stage, file_id, author_id, created_at, search)
       VALUES ($1::text, $2::text, $3, $4, $5, $6, COALESCE($7::timestamptz, now()),
               setweight(to_tsvector('english', $1::text), 'A') || setweight(to_tsvector('english', $2::text), 'B'))
       RETURNING id`,
      [input.title, input.summary, input.supportArea, input.stage, input.fileId, input.authorId, input.at ?? null],
    );
    return row.id;
  }

  async find(id: string): Promise<ResourceRow | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM resources r WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async titles(ids: readonly string[]): Promise<{ id: string; title: string }[]> {
    if (ids.length === 0) return [];
    return this.db.query(`SELECT id, title FROM resources WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Newest first, filtered by words (title weighs more than summary), support area and stage.
   * $1 limit + 1, $2 words, $3 area, $4 stage, then the keyset ($5 created, $6 id).
   */
  async list(filter: { q?: string; supportArea?: string; stage?: string; limit: number; after: string[] | null }): Promise<ResourceRow[]> {
    const params: unknown[] = [filter.limit + 1, filter.q ?? null, filter.supportArea ?? null, filter.stage ?? null];
    if (filter.after) params.push(filter.after[0], filter.after[1]);
    return this.db.query(
      `SELECT ${COLUMNS} FROM resources r
        WHERE ($2::text IS NULL OR r.search @@ websearch_to_tsquery('english', $2))
          AND ($3::text IS NULL OR r.support_area = $3)
          AND ($4::text IS NULL OR r.stage = $4)
          ${filter.after ? 'AND (r.created_at, r.id) < ($5::timestamptz, $6::uuid)' : ''}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      params,
    );
  }

  /** Counts a download; answers the file to send, or null for no such resource. */
  async countDownload(id: string): Promise<string | null> {
    const [rows] = await this.db.query(`UPDATE resources SET download_count = download_count + 1 WHERE id = $1 RETURNING file_id`, [id]);
    return (rows as { file_id: string }[])[0]?.file_id ?? null;
  }

  /** The resource goes with its file (the foreign key cascades). */
  async deleteWithFile(id: string): Promise<string | null> {
    const [rows] = await this.db.query(`DELETE FROM files WHERE id = (SELECT file_id FROM resources WHERE id = $1) RETURNING id`, [id]);
    return (rows as { id: string }[])[0]?.id ?? null;
  }
}
