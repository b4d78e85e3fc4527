import type { AccountsErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

/** Refusals of account recovery, verification, settings, deletion and OpenID sign-in. */
export const AccountErrors = defineErrors<AccountsErrorCode>({
  linkExpiredOrUsed: 'invalid',
  wrongPassword: 'invalid',
  sameEmail: 'invalid',
  alreadyVerified: 'conflict',
  unknownProvider: 'not-found',
  providerSignInFailed: 'unauthenticated',
});
