import { Counter, Gauge } from 'prom-client';
import type { Server, Socket } from 'socket.io';

const connected = new Gauge({ name: 'socketio_connected_sockets', help: 'Sockets connected to this process' });

const received = new Counter({
  name: 'socketio_events_received_total',
  help: 'Client events taken in, by event ("other" for names no handler knows)',
  labelNames: ['event'],
});

const delivered = new Counter({
  name: 'socketio_events_delivered_total',
  help: 'Events written to sockets of this process, by event: one per receiving socket (a chat message to a room of ten counts ten)',
  labelNames: ['event'],
});

/** The event name of an encoded socket.io EVENT packet (`2["chat:message",…]`), read without parsing the payload. */
export function eventNameOf(encoded: unknown): string | null {
  if (typeof encoded !== 'string' || !encoded.startsWith('2["')) return null;
  const end = encoded.indexOf('"', 3);
  return end > 3 ? encoded.slice(3, end) : null;
}

/** Counts what the server's sockets take in and what is written to them, whichever replica sent it. */
export function watchSocketTraffic(server: Server): void {
  server.engine.on(
    'connection',
    (connection: { on(event: 'packetCreate', listener: (packet: { type: string; data?: unknown }) => void): void }) => {
      connection.on('packetCreate', (packet) => {
        if (packet.type !== 'message') return;
        const event = eventNameOf(packet.data);
        if (event) delivered.inc({ event });
      });
    },
  );
  server.on('connection', (socket: Socket) => {
    connected.inc();
    socket.once('disconnect', () => connected.dec());
    socket.use(([event], next) => {
      // Only names a handler listens to become labels: a client cannot invent series.
      received.inc({ event: typeof event === 'string' && socket.listenerCount(event) > 0 ? event : 'other' });
      next();
    });
  });
}
