import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ChatHistoryPage, ChatMessageView, ConversationView } from '@mutuals/contracts';
import { AllowPending, AuthUser, CurrentUser } from '@mutuals/identity';
import { CreateConversationDto, EditMessageDto, HistoryQuery, MarkConversationReadDto, RenameGroupDto, SendMessageDto } from './chat.dto';
import { ChatConversationsService } from './chat-conversations.service';
import { ChatMessagesService } from './chat-messages.service';
import { FilesErrors } from '@mutuals/files';
import { ChatErrors } from './chat.errors';
import { Endpoint, GenericErrors } from '@mutuals/core';

const id = new ParseUUIDPipe();

@ApiTags('chat')
@Controller('chat')
export class ChatController {
  constructor(
    private readonly conversations: ChatConversationsService,
    private readonly messages: ChatMessagesService,
  ) {}

  @Endpoint({ summary: "List the caller's conversations", response: 'ConversationView[]', errors: [] })
  @Get('conversations')
  list(@CurrentUser() user: AuthUser): Promise<ConversationView[]> {
    return this.conversations.listConversations(user.id);
  }

  /** 201 for a new conversation; 200 with the existing one for a direct pair that has one. */
  @Endpoint({
    summary: 'Start a conversation (a direct one answers the existing pair with 200)',
    response: 'ConversationView',
    status: [201, 200],
    errors: [ChatErrors.conversationNotFound, ChatErrors.invalid],
  })
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

  @Endpoint({ summary: 'Read a conversation', response: 'ConversationView', errors: [ChatErrors.conversationNotFound] })
  @Get('conversations/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string): Promise<ConversationView> {
    return this.conversations.getConversation(user.id, conversationId);
  }

  @Endpoint({
    summary: "Read a conversation's messages, before or after a sequence number",
    response: 'ChatHistoryPage',
    errors: [ChatErrors.conversationNotFound, ChatErrors.invalid],
  })
  @Get('conversations/:id/messages')
  history(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Query() query: HistoryQuery): Promise<ChatHistoryPage> {
    return this.messages.history(user.id, conversationId, query);
  }

  /** 201 once stored; the same clientId again answers the original message with 200. */
  @Endpoint({
    summary: 'Send a message (the same clientId again answers the original with 200)',
    response: 'ChatMessageView',
    status: [201, 200],
    errors: [
      GenericErrors.rateLimited,
      ChatErrors.awaitingApproval,
      ChatErrors.conversationNotFound,
      ChatErrors.tooLarge,
      FilesErrors.notYourFile,
    ],
  })
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
  @Endpoint({ summary: 'Mark a conversation read up to a message', response: '{ seq: number }', errors: [ChatErrors.conversationNotFound] })
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

  @Endpoint({
    summary: 'Rename a group conversation (its creator only)',
    response: 'ConversationView',
    errors: [ChatErrors.conversationNotFound, ChatErrors.invalid, ChatErrors.notAGroup, ChatErrors.notOwner],
  })
  @Patch('conversations/:id')
  rename(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Body() body: RenameGroupDto): Promise<ConversationView> {
    return this.conversations.renameGroup(user.id, conversationId, body.title);
  }

  @Endpoint({
    summary: 'Add someone to a group conversation',
    response: 'ConversationView',
    errors: [ChatErrors.conversationNotFound, ChatErrors.invalid, ChatErrors.notAGroup, ChatErrors.notOwner],
  })
  @Post('conversations/:id/members/:userId')
  @HttpCode(200)
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id', id) conversationId: string,
    @Param('userId', id) userId: string,
  ): Promise<ConversationView> {
    return this.conversations.addMember(user.id, conversationId, userId);
  }

  @Endpoint({
    summary: 'Remove someone from a group conversation',
    response: null,
    errors: [ChatErrors.conversationNotFound, ChatErrors.notAGroup, ChatErrors.notOwner],
  })
  @Delete('conversations/:id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthUser, @Param('id', id) conversationId: string, @Param('userId', id) userId: string): Promise<void> {
    return this.conversations.removeMember(user.id, conversationId, userId);
  }

  @Endpoint({
    summary: 'Edit one of your messages',
    response: 'ChatMessageView',
    errors: [ChatErrors.messageDeleted, ChatErrors.messageNotFound, ChatErrors.notSender, ChatErrors.tooLarge],
  })
  @Patch('messages/:id')
  edit(@CurrentUser() user: AuthUser, @Param('id', id) messageId: string, @Body() body: EditMessageDto): Promise<ChatMessageView> {
    return this.messages.edit(user.id, messageId, body.body);
  }

  /** Sender only; answers the tombstone. */
  @Endpoint({
    summary: 'Delete one of your messages (answers the tombstone)',
    response: 'ChatMessageView',
    errors: [ChatErrors.messageNotFound, ChatErrors.notSender],
  })
  @Delete('messages/:id')
  remove(@CurrentUser() user: AuthUser, @Param('id', id) messageId: string): Promise<ChatMessageView> {
    return this.messages.remove(user.id, messageId);
  }
}
