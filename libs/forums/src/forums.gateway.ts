import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { SocketRequests } from '@mutuals/realtime';
import { ThreadRefDto } from './dto/forums.dto';
import { threadRoom } from './forums-live';
import { ForumsReadingService } from './forums-reading.service';

/** Watching a thread: the socket joins its room and receives `forum:post.created` from then on. */
@WebSocketGateway()
export class ForumsGateway {
  constructor(
    private readonly reading: ForumsReadingService,
    private readonly requests: SocketRequests,
  ) {}

  @SubscribeMessage('forum:watch')
  watch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, ThreadRefDto, body, async ({ threadId }, user) => {
      // Only a thread the member may read: unknown and hidden ones are refused.
      await this.reading.getThread(threadId, user);
      await socket.join(threadRoom(threadId));
      return { threadId };
    });
  }

  @SubscribeMessage('forum:unwatch')
  unwatch(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.requests.handle(socket, ThreadRefDto, body, async ({ threadId }) => {
      await socket.leave(threadRoom(threadId));
      return { threadId };
    });
  }
}
