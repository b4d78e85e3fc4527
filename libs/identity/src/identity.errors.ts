import type { IdentityErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const IdentityErrors = defineErrors<IdentityErrorCode>({
  emailTaken: 'conflict',
  handleTaken: 'conflict',
  badCredentials: 'unauthenticated',
  notSignedIn: 'unauthenticated',
  awaitingApproval: 'forbidden',
  suspended: 'forbidden',
  applicationRejected: 'forbidden',
  coordinatorsOnly: 'forbidden',
  adminsOnly: 'forbidden',
  badCsrfToken: 'forbidden',
  memberNotFound: 'not-found',
  invalidTransition: 'conflict',
  insufficientScope: 'forbidden',
  apiTokenNotAllowed: 'forbidden',
  apiTokenNotFound: 'not-found',
  scopeNotAllowed: 'forbidden',
  invalidExpiry: 'invalid',
});
