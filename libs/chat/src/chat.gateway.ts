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
import { RateLimit, RateLimiter } from '@mutuals/core';
import { IdentityService } from '@mutuals/identity';
import { acknowledge, socketUser, userRoom } from '@mutuals/realtime';
import { ChatErrors } from './chat.errors';
import { parseConversationRef, parseRead, parseSend, parseSync } from './chat-input';
import { ChatService } from './chat.service';
import { conversationRoom } from './chat.types';
import { PresenceService } from './presence.service';

/** Per socket: sends, and everything else a client asks (sync, read, join). */
export const SOCKET_SEND_LIMIT: RateLimit = { name: 'chat messages', max: 50, windowSeconds: 10 };
const SOCKET_REQUEST_LIMIT: RateLimit = { name: 'chat requests', max: 120, windowSeconds: 10 };
/** One typing broadcast per socket and conversation in this long. */
export const TYPING_THROTTLE_MS = 2000;

interface ChatSocketState {
  lastTypingAt: Map<string, number>;
}

/** The chat:* events on the shared socket.io server; every handler answers an acknowledgement. */
@WebSocketGateway()
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');
  @WebSocketServer() private readonly server!: Server;
  private readonly typingState = new WeakMap<Socket, ChatSocketState>();

  constructor(
    private readonly chat: ChatService,
    private readonly presence: PresenceService,
    private readonly limiter: RateLimiter,
    private readonly identity: IdentityService,
  ) {}

  async handleConnection(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    if (!user) return;
    try {
      const conversationIds = await this.chat.conversationIdsOf(user.id);
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
        this.announcePresence(user.id, await this.chat.conversationIdsOf(user.id), false);
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

  @SubscribeMessage('chat:send')
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      await this.limit(socket, SOCKET_SEND_LIMIT);
      const input = parseSend(body);
      await this.assertMaySend(socket);
      const { message } = await this.chat.send(socketUser(socket).id, input.conversationId, input);
      // A send ends a typing burst: the next keystroke may announce typing again at once.
      this.typingState.get(socket)?.lastTypingAt.delete(input.conversationId);
      return { message };
    });
  }

  @SubscribeMessage('chat:sync')
  sync(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      await this.limit(socket, SOCKET_REQUEST_LIMIT);
      const input = parseSync(body);
      const userId = socketUser(socket).id;
      const result = await this.chat.sync(userId, input.conversationId, input.afterSeq);
      // A member added while this socket was away is in the conversation's room from now on.
      await socket.join(conversationRoom(input.conversationId));
      return result;
    });
  }

  /** Joins the conversation's room (after a membership check), e.g. for one created elsewhere. */
  @SubscribeMessage('chat:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      await this.limit(socket, SOCKET_REQUEST_LIMIT);
      const { conversationId } = parseConversationRef(body);
      await this.chat.assertMember(socketUser(socket).id, conversationId);
      await socket.join(conversationRoom(conversationId));
      return {};
    });
  }

  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      const { conversationId } = parseConversationRef(body);
      const state = this.typingState.get(socket) ?? { lastTypingAt: new Map<string, number>() };
      this.typingState.set(socket, state);
      const now = Date.now();
      if (now - (state.lastTypingAt.get(conversationId) ?? 0) < TYPING_THROTTLE_MS) return { sent: false };
      const userId = socketUser(socket).id;
      await this.chat.assertMember(userId, conversationId);
      state.lastTypingAt.set(conversationId, now);
      this.server.to(conversationRoom(conversationId)).except(userRoom(userId)).emit('chat:typing', { conversationId, userId });
      return { sent: true };
    });
  }

  @SubscribeMessage('chat:read')
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      await this.limit(socket, SOCKET_REQUEST_LIMIT);
      const input = parseRead(body);
      return this.chat.markRead(socketUser(socket).id, input.conversationId, input.seq);
    });
  }

  private async limit(socket: Socket, limit: RateLimit): Promise<void> {
    if (!(await this.limiter.allows(limit, `socket:${socket.id}`))) {
      throw ChatErrors.rateLimited(`Too many ${limit.name}; slow down`);
    }
  }

  /**
   * A member awaiting approval may read but not send. The socket's status is the one at connect,
   * so a pending one is looked up again: an approval takes effect without reconnecting.
   */
  private async assertMaySend(socket: Socket): Promise<void> {
    const user = socketUser(socket);
    if (user.status !== 'pending') return;
    const current = (await this.identity.getUserSummaries([user.id])).get(user.id);
    if (current?.status !== 'active') throw ChatErrors.awaitingApproval('Your account is awaiting approval');
    user.status = current.status;
  }
}
