import type { PartnershipsErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const PartnershipsErrors = defineErrors<PartnershipsErrorCode>({
  invalid: 'invalid',
  opportunityNotFound: 'not-found',
  interestNotFound: 'not-found',
  capabilitiesNotFound: 'not-found',
  noOrganisation: 'conflict',
  notVcse: 'conflict',
  posterOnly: 'forbidden',
  ownOpportunity: 'conflict',
  duplicateInterest: 'conflict',
  opportunityClosed: 'conflict',
  invalidTransition: 'conflict',
  nothingShortlisted: 'conflict',
});
