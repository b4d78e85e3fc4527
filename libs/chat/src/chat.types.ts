// The domain events chat emits. Each event's payload is declared once, by the lib that emits it;
// listeners import the type from the emitter's front door.

export interface ChatMessageCreated {
  conversationId: string;
  messageId: string;
  /** Its place in the conversation: a member has read it once their lastReadSeq reaches it. */
  seq: number;
  senderId: string;
  /** Current members other than the sender. */
  recipientIds: string[];
  /** The first 140 characters of the plain text. */
  preview: string;
}

export interface ChatMentorshipConversationOpened {
  mentorshipId: string;
  conversationId: string;
}

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

declare module '@mutuals/core' {
  interface DomainEventMap {
    'chat.message.created': ChatMessageCreated;
    'chat.mentorship-conversation.opened': ChatMentorshipConversationOpened;
  }
}
