import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import { Server, ServerOptions, Socket } from 'socket.io';
import { AppConfig, RedisService, originAllowed } from '@mutuals/core';
import { AuthUser, IdentityService, SESSION_COOKIE, readCookie } from '@mutuals/identity';
import { watchSocketTraffic } from './realtime-metrics';
import { RealtimeService } from './realtime.service';
import { sessionRoom, userRoom } from './rooms';

export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

/** The socket's caller, set once by the handshake middleware. */
export function socketUser(socket: Socket): AuthUser {
  return (socket.data as { user: AuthUser }).user;
}

/**
 * The adapter publishes and forgets: while Redis is away each publish would reject unhandled and
 * crash the process. Delivery to this process's own sockets does not depend on it, so a failed
 * fan-out to other replicas is only logged (by the connection's error handler).
 */
function publishingQuietly(client: Redis): Redis {
  const publish = client.publish.bind(client) as (channel: string, message: string | Buffer) => Promise<number>;
  client.publish = ((channel: string, message: string | Buffer) => {
    const sent = publish(channel, message);
    sent.catch(() => undefined);
    return sent;
  }) as typeof client.publish;
  return client;
}

/**
 * One socket.io server for chat, forums and notifications. The handshake is authenticated here,
 * in the server's middleware, because Nest guards do not run on connect.
 */
export class RealtimeAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      serveClient: false,
      cors: undefined,
    });
    const redis = this.app.get(RedisService);
    if (redis.enabled) {
      // Not the sharded adapter: its broadcast awaits the Redis publish before delivering to this
      // process's own sockets, which cost seconds per message across two replicas (see the chat bench).
      const adapter = createAdapter(publishingQuietly(redis.connect('socket.io pub')), redis.connect('socket.io sub'), {
        key: `${this.config.redisKeyPrefix}socket.io`,
        requestsTimeout: 3000,
      });
      server.adapter(adapter);
      this.logger.log('socket.io fan-out through Redis');
    }
    const identity = this.app.get(IdentityService);
    server.use((socket, next) => {
      this.authenticate(socket, identity)
        .then((user) => {
          if (!user) return next(new Error('unauthorized'));
          socket.data = { user };
          void socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
          next();
        })
        .catch((error: Error) => {
          this.logger.warn(`handshake failed: ${error.message}`);
          next(new Error('unauthorized'));
        });
    });
    this.app.get(RealtimeService).attach(server);
    watchSocketTraffic(server);
    return server;
  }

  /**
   * What Nest's own binding does (an event's payload and ack to its handler; a result with `event`
   * emitted, any other result sent as the ack unless the handler acks itself), as one plain listener
   * per event. Nest builds an rxjs pipeline per event per socket instead, about 20 KB of heap for
   * every socket held open: at thousands of sockets a process, the largest part of its memory.
   */
  override bindMessageHandlers(
    // Nest's own copy of socket.io's types.
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const { event, data: payload } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, payload);
            else if (!isAckHandledManually && typeof ack === 'function') (ack as (response: unknown) => void)(response);
          },
          error: (error: Error) => this.logger.error(`socket event ${String(message)} failed: ${error.message}`),
        });
      });
    }
  }

  private async authenticate(socket: Socket, identity: IdentityService): Promise<AuthUser | null> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string') return identity.authenticate(token, 'bearer');
    const cookie = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
    // A cookie rides along on any cross-site page: only our own origin may use it (CSWSH).
    if (!cookie || !originAllowed(socket.request.headers.origin, socket.request.headers.host, this.config.allowedOrigins)) return null;
    return identity.authenticate(cookie, 'cookie');
  }
}
