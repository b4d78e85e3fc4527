import { defineErrors } from '@mutuals/core';

export const NotificationsErrors = defineErrors({
  invalid: 'invalid',
  mailNotFound: 'not-found',
  mailNotDead: 'conflict',
  unsubscribeLinkInvalid: 'not-found',
});
