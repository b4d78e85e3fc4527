import { Global, Module } from '@nestjs/common';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import { SocketRequests } from './socket-requests';

@Global()
@Module({ providers: [RealtimeService, RealtimeGateway, SocketRequests], exports: [RealtimeService, SocketRequests] })
export class RealtimeModule {}
