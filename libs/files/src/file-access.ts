import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@mutuals/identity';

/**
 * Answers whether a member may see the object a file belongs to (a post, a message). The lib
 * that owns those objects registers one at start-up, so that files never reads its tables.
 */
export type FileOwnerCheck = (viewer: AuthUser, targetId: string) => Promise<boolean>;

/** What files may be attached to, beyond the profiles and resources files handles itself. */
export type AttachmentTarget = 'forum-post' | 'chat-message';

@Injectable()
export class FileAccessRegistry {
  private readonly checks = new Map<string, FileOwnerCheck>();

  register(kind: AttachmentTarget, check: FileOwnerCheck): void {
    if (this.checks.has(kind)) throw new Error(`a visibility check for ${kind} files is already registered`);
    this.checks.set(kind, check);
  }

  /** Deny by default: a kind nobody registered is visible to no one. */
  async mayView(viewer: AuthUser, kind: string, targetId: string): Promise<boolean> {
    const check = this.checks.get(kind);
    return check ? check(viewer, targetId) : false;
  }
}
