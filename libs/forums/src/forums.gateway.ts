import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { isUUID } from 'class-validator';
import { acknowledge, socketUser } from '@mutuals/realtime';
import { ForumsErrors } from './forums.errors';
import { ForumsService, threadRoom } from './forums.service';

function threadIdOf(body: unknown): string {
  const threadId = (body as { threadId?: unknown } | null)?.threadId;
  if (typeof threadId !== 'string' || !isUUID(threadId)) {
    throw ForumsErrors.invalid('threadId must be a UUID', [{ field: 'threadId', message: 'must be a UUID' }]);
  }
  return threadId;
}

/** Watching a thread: the socket joins its room and receives `forum:post.created` from then on. */
@WebSocketGateway()
export class ForumsGateway {
  constructor(private readonly forums: ForumsService) {}

  @SubscribeMessage('forum:watch')
  watch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      const threadId = threadIdOf(body);
      // Every signed-in member may read every thread; the check still refuses unknown ones.
      await this.forums.getThread(threadId, socketUser(socket));
      await socket.join(threadRoom(threadId));
      return { threadId };
    });
  }

  @SubscribeMessage('forum:unwatch')
  unwatch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(async () => {
      const threadId = threadIdOf(body);
      await socket.leave(threadRoom(threadId));
      return { threadId };
    });
  }
}
