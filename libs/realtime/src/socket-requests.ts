import { Injectable, type Type } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { type RateLimit, RateLimiter, createValidationPipe, refuseNul } from '@mutuals/core';
import type { AuthUser } from '@mutuals/identity';
import { type Ack, acknowledge } from './acknowledge';
import { socketUser } from './realtime.adapter';

/**
 * Every client event a member sends, counted across all their sockets (and, with Redis, every
 * replica): ample for a person typing and reading, a wall for a script looping on one event.
 */
export const SOCKET_EVENT_LIMIT: RateLimit = { name: 'socket requests', max: 120, windowSeconds: 10 };

/**
 * The one way a gateway handles a client event: the member's event budget, the payload through
 * the HTTP edge's rules (no NUL; the very ValidationPipe with the same DTO classes and field errors),
 * then the service call; the acknowledgement carries the DomainError's code, as problem+json does.
 */
@Injectable()
export class SocketRequests {
  private readonly pipe = createValidationPipe();

  constructor(private readonly limiter: RateLimiter) {}

  /** `budgets`: the member's other budgets the work draws on, counted with the event budget in one round trip. */
  handle<Payload extends object, Result extends object>(
    socket: Socket,
    payloadType: Type<Payload>,
    body: unknown,
    work: (input: Payload, user: AuthUser) => Promise<Result>,
    budgets: RateLimit[] = [],
  ): Promise<Ack<Result>> {
    return acknowledge(async () => {
      const user = socketUser(socket);
      await this.limiter.consumeEach([SOCKET_EVENT_LIMIT, ...budgets].map((limit) => ({ limit, key: `member:${user.id}` })));
      refuseNul(body);
      const input = (await this.pipe.transform(body, { type: 'body', metatype: payloadType })) as Payload;
      return work(input, user);
    });
  }
}
