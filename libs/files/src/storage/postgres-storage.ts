import { DataSource, EntityManager } from 'typeorm';
import { ByteRange, FileStorage } from './file-storage';

/**
 * The default: bytes in the `data` column of the file's own row (bytea), written in the same
 * transaction, shared by every replica and backed up with everything else. Ranges are cut by
 * Postgres, so a range request reads only its part.
 */
export class PostgresFileStorage implements FileStorage {
  readonly kind = 'postgres';

  constructor(private readonly db: DataSource) {}

  async put(manager: EntityManager, fileId: string, bytes: Buffer): Promise<void> {
    await manager.query(`UPDATE files SET data = $2 WHERE id = $1`, [fileId, bytes]);
  }

  async read(fileId: string, range?: ByteRange): Promise<Buffer> {
    const [row]: { data: Buffer }[] = range
      ? await this.db.query(`SELECT substring(data FROM $2 FOR $3) AS data FROM files WHERE id = $1`, [
          fileId,
          range.start + 1,
          range.end - range.start + 1,
        ])
      : await this.db.query(`SELECT data FROM files WHERE id = $1`, [fileId]);
    if (!row?.data) throw new Error(`file ${fileId} has no stored bytes`);
    return row.data;
  }

  async remove(): Promise<void> {
    // The bytes went with the row.
  }
}
