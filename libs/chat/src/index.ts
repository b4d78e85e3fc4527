export { ChatModule } from './chat.module';
export { ChatConversationsService } from './chat-conversations.service';
export { ChatMessagesService, SEND_LIMIT, type SentMessage } from './chat-messages.service';
export { PresenceService } from './presence.service';
export { conversationRoom } from './chat.types';
