// The domain events chat emits; listeners import the payload types from chat's front door.

export interface ChatRecipient {
  userId: string;
  lastReadSeq: number;
}

export interface ChatMessageCreated {
  conversationId: string;
  messageId: string;
  /** Its place in the conversation: a member has read it once their lastReadSeq reaches it. */
  seq: number;
  senderId: string;
  /** Current members other than the sender, with their read positions as the message was stored. */
  recipients: ChatRecipient[];
  /** The first 140 characters of the plain text. */
  preview: string;
}

declare module '@mutuals/core' {
  interface DomainEventMap {
    'chat.message.created': ChatMessageCreated;
  }
}
