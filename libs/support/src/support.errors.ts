import type { SupportErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const SupportErrors = defineErrors<SupportErrorCode>({
  invalidSupportRequest: 'invalid',
  applicationIncomplete: 'invalid',
  applicationNotFound: 'not-found',
  notYourMove: 'forbidden',
  invalidSupportTransition: 'conflict',
  noOrganisation: 'conflict',
  assessmentIncomplete: 'conflict',
  fundExhausted: 'conflict',
  fundBelowCommitted: 'conflict',
  partnerNotFound: 'not-found',
  notAnAdviser: 'forbidden',
  allocationExceeded: 'conflict',
});
