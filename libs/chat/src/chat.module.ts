import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mutuals/identity';
import { ProfilesModule } from '@mutuals/profiles';
import { ChatMentorshipListener } from './chat-mentorship.listener';
import { ChatMemberDataRepository } from './chat-member-data.repository';
import { ChatMemberDataService } from './chat-member-data.service';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { ConversationMemberEntity } from './conversation-member.entity';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { PresenceService } from './presence.service';

@Module({
  imports: [IdentityModule, ProfilesModule, TypeOrmModule.forFeature([ConversationEntity, ConversationMemberEntity, MessageEntity])],
  controllers: [ChatController],
  providers: [ChatService, ChatGateway, PresenceService, ChatMentorshipListener, ChatMemberDataRepository, ChatMemberDataService],
  exports: [ChatService, PresenceService, ChatMemberDataService],
})
export class ChatModule {}
