import type { ChatErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const ChatErrors = defineErrors<ChatErrorCode>({
  invalid: 'invalid',
  conversationNotFound: 'not-found',
  messageNotFound: 'not-found',
  notOwner: 'forbidden',
  notSender: 'forbidden',
  awaitingApproval: 'forbidden',
  notAGroup: 'invalid',
  messageDeleted: 'conflict',
  tooLarge: 'too-large',
  rateLimited: 'rate-limited',
});
