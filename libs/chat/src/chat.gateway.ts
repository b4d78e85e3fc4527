import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { PresenceBroadcast } from '@mutuals/contracts';
import { SocketRequests, socketUser, userRoom } from '@mutuals/realtime';
import { ChatConversationsService } from './chat-conversations.service';
import { ConversationRefDto, ReadEventDto, SendEventDto, SyncEventDto } from './chat.dto';
import { ChatMessagesService, SEND_LIMIT } from './chat-messages.service';
import { conversationRoom } from './chat.types';
import { PresenceService } from './presence.service';

/** One typing broadcast per socket and conversation in this long. */
export const TYPING_THROTTLE_MS = 2000;

/**
 * The chat:* events on the shared socket.io server. Each handler is one service call behind
 * SocketRequests (the member's event budget, the payload's DTO, an acknowledgement); the rules
 * themselves are the services'.
 */
@WebSocketGateway()
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');
  @WebSocketServer() private readonly server!: Server;
  /** When each socket last announced typing, per conversation: a burst of keystrokes is one broadcast. */
  private readonly lastTypingAt = new WeakMap<Socket, Map<string, number>>();

  constructor(
    private readonly conversations: ChatConversationsService,
    private readonly messages: ChatMessagesService,
    private readonly presence: PresenceService,
    private readonly requests: SocketRequests,
  ) {}

  async handleConnection(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    if (!user) return;
    try {
      const conversationIds = await this.conversations.conversationIdsOf(user.id);
      if (socket.disconnected) return;
      await socket.join(conversationIds.map(conversationRoom));
      if (await this.presence.connected(user.id, socket.id)) this.announcePresence(user.id, conversationIds, true);
    } catch (error) {
      this.logger.error({ err: error }, 'could not set up a chat socket');
    }
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    if (!user) return;
    try {
      if (await this.presence.disconnected(user.id, socket.id))
        this.announcePresence(user.id, await this.conversations.conversationIdsOf(user.id), false);
    } catch (error) {
      this.logger.error({ err: error }, 'could not record a chat socket leaving');
    }
  }

  /** To everyone who shares a conversation with the member (socket.io sends each socket one copy). */
  private announcePresence(userId: string, conversationIds: string[], online: boolean): void {
    if (conversationIds.length === 0) return;
    const payload: PresenceBroadcast = { userId, online };
    this.server.to(conversationIds.map(conversationRoom)).except(userRoom(userId)).emit('presence', payload);
  }

  /** The send budget is counted with the socket event budget (one Redis round trip, not two). */
  @SubscribeMessage('chat:send')
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(
      socket,
      SendEventDto,
      body,
      async ({ conversationId, clientId, body: text, attachments }, user) => {
        const { message } = await this.messages.send(
          user,
          conversationId,
          { clientId, body: text, attachments },
          { sendBudgetTaken: true },
        );
        // A send ends a typing burst: the next keystroke may announce typing again at once.
        this.lastTypingAt.get(socket)?.delete(conversationId);
        return { message };
      },
      [SEND_LIMIT],
    );
  }

  @SubscribeMessage('chat:sync')
  sync(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, SyncEventDto, body, async ({ conversationId, afterSeq }, user) => {
      const result = await this.messages.sync(user.id, conversationId, afterSeq);
      // A member added while this socket was away is in the conversation's room from now on.
      await socket.join(conversationRoom(conversationId));
      return result;
    });
  }

  /** Joins the conversation's room (after a membership check), e.g. for one created elsewhere. */
  @SubscribeMessage('chat:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, ConversationRefDto, body, async ({ conversationId }, user) => {
      await this.conversations.assertMember(user.id, conversationId);
      await socket.join(conversationRoom(conversationId));
      return {};
    });
  }

  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, ConversationRefDto, body, async ({ conversationId }, user) => {
      const last = this.lastTypingAt.get(socket) ?? new Map<string, number>();
      this.lastTypingAt.set(socket, last);
      const now = Date.now();
      if (now - (last.get(conversationId) ?? 0) < TYPING_THROTTLE_MS) return { sent: false };
      await this.messages.announceTyping(user.id, conversationId);
      last.set(conversationId, now);
      return { sent: true };
    });
  }

  @SubscribeMessage('chat:read')
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, ReadEventDto, body, ({ conversationId, seq }, user) =>
      this.messages.markRead(user.id, conversationId, seq),
    );
  }
}
