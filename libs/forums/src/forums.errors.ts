import type { ForumsErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const ForumsErrors = defineErrors<ForumsErrorCode>({
  categoryNotFound: 'not-found',
  categoryTaken: 'conflict',
  threadNotFound: 'not-found',
  postNotFound: 'not-found',
  flagNotFound: 'not-found',
  threadLocked: 'forbidden',
  categoryArchived: 'forbidden',
  notYourPost: 'forbidden',
  alreadyFlagged: 'conflict',
  flagResolved: 'conflict',
  notHidden: 'conflict',
  invalid: 'invalid',
});
