import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { ChatConversationsService } from './chat-conversations.service';
import { ChatMentorshipListener } from './chat-mentorship.listener';
import { ChatMemberDataRepository } from './chat-member-data.repository';
import { ChatMemberDataService } from './chat-member-data.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ConversationMemberEntity } from './conversation-member.entity';
import { ConversationEntity } from './conversation.entity';
import { ConversationsRepository } from './conversations.repository';
import { MessageEntity } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { PresenceService } from './presence.service';

@Module({
  imports: [
    IdentityModule,
    ProfilesModule,
    FilesModule,
    TypeOrmModule.forFeature([ConversationEntity, ConversationMemberEntity, MessageEntity]),
  ],
  controllers: [ChatController],
  providers: [
    ConversationsRepository,
    MessagesRepository,
    ChatConversationsService,
    ChatMessagesService,
    PresenceService,
    ChatGateway,
    ChatMentorshipListener,
    ChatMemberDataRepository,
    ChatMemberDataService,
  ],
  exports: [ChatConversationsService, ChatMemberDataService],
})
export class ChatModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly messages: ChatMessagesService,
  ) {}

  /** Files sent in a conversation are seen by its members. */
  onModuleInit(): void {
    this.fileAccess.register('chat-message', (viewer, messageId) => this.messages.mayViewMessageFiles(viewer.id, messageId));
  }
}
