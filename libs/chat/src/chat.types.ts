// The domain events chat emits, and the one it listens to (declared here by shape: the matching
// lib publishes it, and chat depends on no other lib's code for it).

export interface ChatMessageCreated {
  conversationId: string;
  messageId: string;
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

export interface MentoringAcceptedEvent {
  mentorshipId: string;
  requestId: string;
  mentorId: string;
  menteeId: string;
}

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

declare module '@mutuals/core' {
  interface DomainEventMap {
    'chat.message.created': ChatMessageCreated;
    'chat.mentorship-conversation.opened': ChatMentorshipConversationOpened;
  }
}
