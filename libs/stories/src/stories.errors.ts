import type { StoriesErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const StoriesErrors = defineErrors<StoriesErrorCode>({
  invalid: 'invalid',
  storyNotFound: 'not-found',
  notYourStory: 'forbidden',
  storyNotEditable: 'conflict',
  invalidTransition: 'conflict',
  consentMissing: 'conflict',
  notCredited: 'forbidden',
  awaitingApproval: 'forbidden',
});
