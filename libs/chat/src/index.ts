export { ChatModule } from './chat.module';
export { ChatConversationsService } from './chat-conversations.service';
export { SEND_LIMIT } from './chat-messages.service';
export { ChatErrors } from './chat.errors';
export * from './chat.events';
