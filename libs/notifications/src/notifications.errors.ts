import type { NotificationsErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const NotificationsErrors = defineErrors<NotificationsErrorCode>({
  invalid: 'invalid',
  mailNotFound: 'not-found',
  mailNotDead: 'conflict',
  unsubscribeLinkInvalid: 'not-found',
});
