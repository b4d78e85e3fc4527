import { Injectable } from '@nestjs/common';

const MAX_ENTRY_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * Small files (avatars, logos, pictures in posts) kept in memory, least recently used out first.
 * A file's bytes never change under its id, so an entry is never stale; visibility is still
 * checked on every download before anything is read from here.
 */
@Injectable()
export class FileCache {
  private readonly entries = new Map<string, Buffer>();
  private total = 0;

  get(id: string): Buffer | undefined {
    const bytes = this.entries.get(id);
    if (bytes) {
      this.entries.delete(id);
      this.entries.set(id, bytes);
    }
    return bytes;
  }

  set(id: string, bytes: Buffer): void {
    if (bytes.length > MAX_ENTRY_BYTES || this.entries.has(id)) return;
    this.entries.set(id, bytes);
    this.total += bytes.length;
    for (const [oldest, evicted] of this.entries) {
      if (this.total <= MAX_TOTAL_BYTES) break;
      this.entries.delete(oldest);
      this.total -= evicted.length;
    }
  }

  delete(id: string): void {
    const bytes = this.entries.get(id);
    if (!bytes) return;
    this.entries.delete(id);
    this.total -= bytes.length;
  }
}
