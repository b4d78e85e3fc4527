import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { SigningKeyRepository } from './signing-key.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const withKey = (key: Buffer) => new UnsubscribeTokens({ getOrCreate: async () => key } as unknown as SigningKeyRepository);

describe('unsubscribe tokens', () => {
  const tokens = withKey(randomBytes(32));

  it('gives back the member and kind it was signed for, dotted kinds included', async () => {
    const userId = randomUUID();
    for (const kind of ['forum.mention', 'chat.unread', 'digest'] as const) {
      expect(await tokens.verify(await tokens.sign({ userId, kind }))).toEqual({ userId, kind });
    }
  });

  it('refuses a token signed with another deployment’s key', async () => {
    const foreign = await withKey(randomBytes(32)).sign({ userId: randomUUID(), kind: 'digest' });
    expect(await tokens.verify(foreign)).toBeNull();
  });

  it('never lets a changed token grant anything else', async () => {
    const grant = { userId: randomUUID(), kind: 'mentoring.requested' as const };
    const token = await tokens.sign(grant);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCabc012-_.'), async (at, char) => {
        fc.pre(token[at] !== char);
        const altered = token.slice(0, at) + char + token.slice(at + 1);
        // Refused, or (a change in base64url's unused trailing bits decodes to the same bytes) the same grant.
        expect([null, grant]).toContainEqual(await tokens.verify(altered));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses malformed input and unknown kinds', async () => {
    const userId = randomUUID();
    for (const bad of ['', '.', 'a.b.c', 'not-a-token', `${Buffer.from(`${userId}.account.security`).toString('base64url')}.x`]) {
      expect(await tokens.verify(bad)).toBeNull();
    }
  });
});
