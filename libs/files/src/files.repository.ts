import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A file's row, without its bytes. */
export interface FileRow {
  id: string;
  owner_id: string;
  purpose: string;
  content_type: string;
  name: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  alt: string;
  attached_kind: string | null;
  attached_id: string | null;
  storage: string;
}

export type NewFileRow = Omit<FileRow, 'attached_kind' | 'attached_id' | 'alt'>;

const COLUMNS = 'id, owner_id, purpose, content_type, name, size, sha256, width, height, alt, attached_kind, attached_id, storage';

/** Every SQL statement of file rows. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, file: NewFileRow): Promise<void> {
    await manager.query(
      `INSERT INTO files (id, owner_id, purpose, content_type, name, size, sha256, width, height, storage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [file.id, file.owner_id, file.purpose, file.content_type, file.name, file.size, file.sha256, file.width, file.height, file.storage],
    );
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<FileRow | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM files WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Bytes a member holds, drafts included; taken under a per-member advisory lock so that parallel uploads add up. */
  async bytesHeldLocked(manager: EntityManager, ownerId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('files:' || $1))`, [ownerId]);
    const [row] = await manager.query(`SELECT COALESCE(sum(size), 0)::bigint AS bytes FROM files WHERE owner_id = $1`, [ownerId]);
    return Number(row.bytes);
  }

  /**
   * Claims a member's drafts of the given purposes for one owner object, setting their alt text;
   * answers the rows claimed (fewer than asked means some were not the member's drafts).
   */
  async claimDrafts(
    manager: EntityManager,
    input: { ownerId: string; purposes: string[]; kind: string; targetId: string; files: { id: string; alt: string }[] },
  ): Promise<FileRow[]> {
    if (input.files.length === 0) return [];
    const [rows] = await manager.query(
      `UPDATE files f SET attached_kind = $3, attached_id = $4, alt = a.alt
         FROM unnest($5::uuid[], $6::text[]) AS a(id, alt)
        WHERE f.id = a.id AND f.owner_id = $1 AND f.purpose = ANY($2) AND f.attached_kind IS NULL
        RETURNING ${COLUMNS.split(', ')
          .map((c) => `f.${c}`)
          .join(', ')}`,
      [input.ownerId, input.purposes, input.kind, input.targetId, input.files.map((f) => f.id), input.files.map((f) => f.alt)],
    );
    return rows;
  }

  /** The files attached to each of the given objects, in upload order. */
  async attachedTo(kind: string, targetIds: string[]): Promise<FileRow[]> {
    if (targetIds.length === 0) return [];
    return this.db.query(
      `SELECT ${COLUMNS} FROM files WHERE attached_kind = $1 AND attached_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [kind, targetIds],
    );
  }

  /** Detaches and deletes what an owner object held (a replaced avatar); answers the ids. */
  async deleteAttached(manager: EntityManager, kind: string, targetId: string, except: string | null): Promise<string[]> {
    const [rows] = await manager.query(
      `DELETE FROM files WHERE attached_kind = $1 AND attached_id = $2 AND ($3::uuid IS NULL OR id <> $3) RETURNING id`,
      [kind, targetId, except],
    );
    return (rows as { id: string }[]).map((r) => r.id);
  }

  /**
   * A leaving member's own files: their avatar, their unattached uploads, their chat attachments
   * and, when they ask for their posts to be erased, their forum attachments. Answers the ids.
   */
  async deleteMemberFiles(manager: EntityManager, userId: string, erase: boolean): Promise<string[]> {
    const [rows] = await manager.query(
      `DELETE FROM files
        WHERE (attached_kind = 'avatar' AND attached_id = $1)
           OR (owner_id = $1 AND (attached_kind IS NULL OR attached_kind = 'chat-message' OR ($2::boolean AND attached_kind = 'forum-post')))
       RETURNING id`,
      [userId, erase],
    );
    return (rows as { id: string }[]).map((r) => r.id);
  }

  /** Drafts nobody attached within a day: an abandoned composer. */
  async deleteStaleDrafts(ownerId: string): Promise<string[]> {
    const [rows] = await this.db.query(
      `DELETE FROM files WHERE owner_id = $1 AND attached_kind IS NULL AND created_at < now() - interval '1 day' RETURNING id`,
      [ownerId],
    );
    return (rows as { id: string }[]).map((r) => r.id);
  }
}
