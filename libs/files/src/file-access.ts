import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@mutuals/identity';

/**
 * Answers whether a member may see the object a file belongs to (a post, a message). The lib
 * that owns those objects registers one at start-up, so that files never reads its tables.
 */
export type FileOwnerCheck = (viewer: AuthUser, targetId: string) => Promise<boolean>;

/** Answers whether anyone at all, signed in or not, may see the object (a published story). */
export type PublicFileCheck = (targetId: string) => Promise<boolean>;

/** What files may be attached to, beyond the profiles and resources files handles itself. */
export type AttachmentTarget = 'forum-post' | 'chat-message' | 'story-cover' | 'support-deliverable';

@Injectable()
export class FileAccessRegistry {
  private readonly checks = new Map<string, FileOwnerCheck>();
  private readonly publicChecks = new Map<string, PublicFileCheck>();

  /** `publicly`, when given, opens the kind's files to signed-out visitors for objects it accepts. */
  register(kind: AttachmentTarget, check: FileOwnerCheck, publicly?: PublicFileCheck): void {
    if (this.checks.has(kind)) throw new Error(`a visibility check for ${kind} files is already registered`);
    this.checks.set(kind, check);
    if (publicly) this.publicChecks.set(kind, publicly);
  }

  /** Deny by default: a kind nobody registered is visible to no one. */
  async mayView(viewer: AuthUser | null, kind: string, targetId: string): Promise<boolean> {
    if (!viewer) {
      const publicCheck = this.publicChecks.get(kind);
      return publicCheck ? publicCheck(targetId) : false;
    }
    const check = this.checks.get(kind);
    return check ? check(viewer, targetId) : false;
  }
}
