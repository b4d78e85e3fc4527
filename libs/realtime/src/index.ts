export { RealtimeModule } from './realtime.module';
export { RealtimeService } from './realtime.service';
export { RealtimeAdapter, MAX_SOCKET_MESSAGE_BYTES, socketUser } from './realtime.adapter';
export { acknowledge, type Ack } from './acknowledge';
export { userRoom } from './rooms';
