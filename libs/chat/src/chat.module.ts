import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry, FilesModule } from '@mutuals/files';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { ChatMentorshipListener } from './chat-mentorship.listener';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { ConversationMemberEntity } from './conversation-member.entity';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { PresenceService } from './presence.service';

@Module({
  imports: [IdentityModule, ProfilesModule, FilesModule, TypeOrmModule.forFeature([ConversationEntity, ConversationMemberEntity, MessageEntity])],
  controllers: [ChatController],
  providers: [ChatService, ChatGateway, PresenceService, ChatMentorshipListener],
  exports: [ChatService, PresenceService],
})
export class ChatModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly chat: ChatService,
  ) {}

  /** Files sent in a conversation are seen by its members. */
  onModuleInit(): void {
    this.fileAccess.register('chat-message', (viewer, messageId) => this.chat.maySeeMessage(viewer.id, messageId));
  }
}
