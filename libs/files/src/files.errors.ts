import type { FilesErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const FilesErrors = defineErrors<FilesErrorCode>({
  fileNotFound: 'not-found',
  resourceNotFound: 'not-found',
  emptyFile: 'invalid',
  noFile: 'invalid',
  unsupportedType: 'invalid',
  unreadableImage: 'invalid',
  imageTooLarge: 'too-large',
  fileTooLarge: 'too-large',
  quotaExceeded: 'forbidden',
  notYourFile: 'invalid',
  notYourResource: 'forbidden',
  awaitingApproval: 'forbidden',
  invalid: 'invalid',
});
