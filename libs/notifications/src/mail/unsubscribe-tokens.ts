import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnsubscribableKind, isSwitchableKind } from '../preferences/notification-kinds';
import { SigningKeyRepository } from './signing-key.repository';

export interface UnsubscribeGrant {
  userId: string;
  kind: UnsubscribableKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Unsubscribe links work without signing in, so the link itself is the proof: the member and the
 * kind, signed with the deployment's key (HMAC-SHA256). They do not expire: an old mail's link
 * must still work, and all it can do is turn one kind of email off for one member.
 */
@Injectable()
export class UnsubscribeTokens {
  private key: Promise<Buffer> | null = null;

  constructor(private readonly keys: SigningKeyRepository) {}

  private secret(): Promise<Buffer> {
    this.key ??= this.keys.getOrCreate('unsubscribe').catch((error) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }

  async sign(grant: UnsubscribeGrant): Promise<string> {
    const body = Buffer.from(`${grant.userId}.${grant.kind}`).toString('base64url');
    return `${body}.${createHmac('sha256', await this.secret())
      .update(body)
      .digest('base64url')}`;
  }

  /** The grant of a genuine token; null for anything forged, altered or malformed. */
  async verify(token: string): Promise<UnsubscribeGrant | null> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = createHmac('sha256', await this.secret())
      .update(body)
      .digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const decoded = Buffer.from(body, 'base64url').toString();
    const userId = decoded.slice(0, decoded.indexOf('.'));
    const kind = decoded.slice(userId.length + 1);
    if (!UUID.test(userId) || (kind !== 'digest' && !isSwitchableKind(kind))) return null;
    return { userId, kind };
  }
}
