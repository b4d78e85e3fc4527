import { WebSocketGateway } from '@nestjs/websockets';

/** Makes sure the one socket.io server exists even before any lib adds handlers to it. */
@WebSocketGateway()
export class RealtimeGateway {}
