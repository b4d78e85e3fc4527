import { OnDomainEvent } from '@mutuals/core';
import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { SessionsRevoked } from '@mutuals/identity';
import { sessionRoom, userRoom } from './rooms';

/**
 * How libs reach connected members without knowing about sockets or replicas: rooms are joined
 * and left by user, so with the Redis adapter it works on every replica.
 */
@Injectable()
export class RealtimeService {
  private readonly logger = new Logger('Realtime');
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  toUser(userId: string, event: string, payload: unknown): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }

  toUsers(userIds: readonly string[], event: string, payload: unknown): void {
    if (userIds.length === 0) return;
    this.server?.to(userIds.map(userRoom)).emit(event, payload);
  }

  toRoom(room: string, event: string, payload: unknown, exceptUserId?: string): void {
    if (!this.server) return;
    const target = this.server.to(room);
    (exceptUserId ? target.except(userRoom(exceptUserId)) : target).emit(event, payload);
  }

  /** Every socket of the member, on every replica, joins the room. */
  joinRoom(userId: string, room: string): void {
    this.server?.in(userRoom(userId)).socketsJoin(room);
  }

  leaveRoom(userId: string, room: string): void {
    this.server?.in(userRoom(userId)).socketsLeave(room);
  }

  /** userIds among `candidates` with at least one socket connected anywhere. */
  async connectedUsers(candidates: readonly string[]): Promise<Set<string>> {
    if (!this.server || candidates.length === 0) return new Set();
    const sockets = await this.server.in(candidates.map(userRoom)).fetchSockets();
    return new Set(sockets.map((s) => (s.data as { user: { id: string } }).user.id));
  }

  // after-commit: cut sockets only once the revocation is stored; a failed cut is retried and never undoes a sign-out.
  @OnDomainEvent('identity.sessions.revoked', { phase: 'after-commit' })
  onSessionsRevoked(event: SessionsRevoked): void {
    if (!this.server) return;
    const rooms = event.sessionIds ? event.sessionIds.map(sessionRoom) : [userRoom(event.userId)];
    this.server.in(rooms).disconnectSockets(true);
    this.logger.log(`cut sockets of ${event.userId}`);
  }
}
