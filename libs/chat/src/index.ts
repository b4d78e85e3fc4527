export { ChatModule } from './chat.module';
export { ChatService, type SentMessage } from './chat.service';
export { PresenceService } from './presence.service';
export * from './chat.types';
export { ChatErrors } from './chat.errors';
