import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ChatHistoryPage, ChatMessageView, ConversationView } from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreateConversationDto, EditMessageDto, HistoryQuery, MarkConversationReadDto, RenameGroupDto, SendMessageDto } from './chat.dto';
import { ChatConversationsService } from './chat-conversations.service';
import { ChatMessagesService } from './chat-messages.service';

const id = new ParseUUIDPipe();

@ApiTags('chat')
@Controller('chat')
export class ChatController {
  constructor(
    private readonly conversations: ChatConversationsService,
    private readonly messages: ChatMessagesService,
  ) {}

  @Get('conversations')
  list(@CurrentUser() user: AuthUser): Promise<ConversationView[]> {
    return this.conversations.listConversations(user.id);
  }

  /** 201 for a new conversation; 200 with the existing one for a direct pair that has one. */
  @Post('conversations')
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateConversationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConversationView> {
    const { conversation, created } = await this.conversations.createConversation(user.id, body);
    reply.status(created ? 201 : 200);
    return conversation;
  }

  @Get('conversations/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string): Promise<ConversationView> {
    return this.conversations.getConversation(user.id, conversationId);
  }

  @Get('conversations/:id/messages')
  history(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Query() query: HistoryQuery): Promise<ChatHistoryPage> {
    return this.messages.history(user.id, conversationId, query);
  }

  /** 201 once stored; the same clientId again answers the original message with 200. */
  @Post('conversations/:id/messages')
  async send(
    @CurrentUser() user: AuthUser,
    @Param('id', id) conversationId: string,
    @Body() body: SendMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatMessageView> {
    const { message, created } = await this.messages.send(user, conversationId, body);
    reply.status(created ? 201 : 200);
    return message;
  }

  /** Reading is allowed while awaiting approval. */
  @AllowPending()
  @Post('conversations/:id/read')
  @HttpCode(200)
  read(
    @CurrentUser() user: AuthUser,
    @Param('id', id) conversationId: string,
    @Body() body: MarkConversationReadDto,
  ): Promise<{ seq: number }> {
    return this.messages.markRead(user.id, conversationId, body.seq);
  }

  @Patch('conversations/:id')
  rename(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Body() body: RenameGroupDto): Promise<ConversationView> {
    return this.conversations.renameGroup(user.id, conversationId, body.title);
  }

  @Post('conversations/:id/members/:userId')
  @HttpCode(200)
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id', id) conversationId: string,
    @Param('userId', id) userId: string,
  ): Promise<ConversationView> {
    return this.conversations.addMember(user.id, conversationId, userId);
  }

  @Delete('conversations/:id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Param('userId', id) userId: string): Promise<void> {
    return this.conversations.removeMember(user.id, conversationId, userId);
  }

  @Patch('messages/:id')
  edit(@CurrentUser() user: AuthUser, @Param('id', id) messageId: string, @Body() body: EditMessageDto): Promise<ChatMessageView> {
    return this.messages.edit(user.id, messageId, body.body);
  }

  /** Sender only; answers the tombstone. */
  @Delete('messages/:id')
  remove(@CurrentUser() user: AuthUser, @Param('id', id) messageId: string): Promise<ChatMessageView> {
    return this.messages.remove(user.id, messageId);
  }
}
