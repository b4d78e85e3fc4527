export { RealtimeModule } from './realtime.module';
export { RealtimeService } from './realtime.service';
export { RealtimeAdapter, MAX_SOCKET_MESSAGE_BYTES, socketUser } from './realtime.adapter';
export { acknowledge, type Ack } from './acknowledge';
export { SocketRequests, SOCKET_EVENT_LIMIT } from './socket-requests';
export { userRoom } from './rooms';
