export { ChatModule } from './chat.module';
export { ChatConversationsService } from './chat-conversations.service';
export { ChatMessagesService, type SentMessage } from './chat-messages.service';
export { PresenceService } from './presence.service';
export { conversationRoom } from './chat.types';
