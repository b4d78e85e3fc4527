import type { EntityManager } from 'typeorm';

/** A byte range, both ends included (HTTP's `bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where the bytes of a file live. The row describing the file is always in Postgres; `put` runs
 * inside the transaction that inserts it, so that a file is stored exactly when its row is.
 */
export interface FileStorage {
  readonly kind: 'postgres' | 's3';
  put(manager: EntityManager, fileId: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The whole file, or the range asked for. */
  read(fileId: string, range?: ByteRange): Promise<Buffer>;
  /** After the row is gone; a missing object is not an error. */
  remove(fileIds: string[]): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
