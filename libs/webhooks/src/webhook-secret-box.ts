// Webhook signing secrets at rest, in plain TypeScript: AES-256-GCM under a key of the operator's
// (WEBHOOK_SECRET_KEYS), bound to the hook's id so a sealed secret copied onto another row does not
// open. The sealed form is base64url(iv ‖ tag ‖ ciphertext); the key's id is stored beside it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealSecret(secret: string, webhookId: string, key: SecretKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv).setAAD(Buffer.from(webhookId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** Throws when the sealed secret was not made with this key for this hook, or was altered. */
export function openSecret(sealed: string, webhookId: string, key: SecretKey): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(webhookId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
