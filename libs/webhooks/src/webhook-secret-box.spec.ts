import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './webhook-secret-box';

describe('webhook secret box', () => {
  const key = { id: 'k1', key: randomBytes(32) };
  const secret = 'whsec_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

  it('opens what it sealed, and never shows the secret in the sealed form', () => {
    const sealed = sealSecret(secret, 'hook-1', key);
    expect(sealed).not.toContain('whsec_');
    expect(openSecret(sealed, 'hook-1', key)).toBe(secret);
    expect(sealSecret(secret, 'hook-1', key)).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses another key, another hook, or a changed byte', () => {
    const sealed = sealSecret(secret, 'hook-1', key);
    expect(() => openSecret(sealed, 'hook-1', { id: 'k2', key: randomBytes(32) })).toThrow();
    expect(() => openSecret(sealed, 'hook-2', key)).toThrow();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openSecret(bytes.toString('base64url'), 'hook-1', key)).toThrow();
  });
});
