import { OnDomainEvent } from '@mutuals/core';
import { Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import type { ServerSocketEvents } from '@mutuals/contracts';
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
  private draining = false;
  /** Client events taken in whose acknowledgement has not gone out yet. */
  private inFlight = 0;
  private drained: (() => void) | null = null;

  attach(server: Server): void {
    this.server = server;
    server.on('connection', (socket: Socket) => socket.use((packet, next) => this.track(packet, next)));
  }

  /**
   * Shutdown: new client events are answered "restarting" at once, those already taken in are
   * acknowledged (until the deadline), then every transport is closed. Closing the transport,
   * not disconnecting the socket, is what makes socket.io clients reconnect by themselves (to
   * another replica) and sync what they missed; a server-side disconnect would make them stop.
   */
  async drain(deadline: number): Promise<void> {
    this.draining = true;
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
      });
    }
    if (this.inFlight > 0) this.logger.warn(`${this.inFlight} socket events still unanswered at the shutdown deadline`);
    for (const socket of this.server?.of('/').sockets.values() ?? []) socket.conn.close();
  }

  private track(packet: unknown[], next: (error?: Error) => void): void {
    const last = packet.length - 1;
    const ack = packet[last];
    if (typeof ack !== 'function') {
      if (!this.draining) next();
      return;
    }
    if (this.draining) {
      ack({ ok: false, error: { code: 'restarting', message: 'The server is restarting: send again once reconnected' } });
      return;
    }
    this.inFlight++;
    let answered = false;
    packet[last] = (...answer: unknown[]) => {
      if (!answered) {
        answered = true;
        if (--this.inFlight === 0) this.drained?.();
      }
      (ack as (...args: unknown[]) => void)(...answer);
    };
    next();
  }

  /** Pushes only the events of ServerSocketEvents (@mutuals/contracts), each with its payload type. */
  toUser<Event extends keyof ServerSocketEvents>(userId: string, event: Event, payload: ServerSocketEvents[Event]): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }

  toUsers<Event extends keyof ServerSocketEvents>(userIds: readonly string[], event: Event, payload: ServerSocketEvents[Event]): void {
    if (userIds.length === 0) return;
    this.server?.to(userIds.map(userRoom)).emit(event, payload);
  }

  toRoom<Event extends keyof ServerSocketEvents>(
    room: string,
    event: Event,
    payload: ServerSocketEvents[Event],
    exceptUserId?: string,
  ): void {
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
    const sockets = await this.server.in(candidates.map(userRoom)).timeout(3000).fetchSockets();
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
