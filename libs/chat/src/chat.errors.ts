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
  // A field rule like any other (400), with its own code so clients can say "shorten it".
  tooLarge: 'invalid',
});
