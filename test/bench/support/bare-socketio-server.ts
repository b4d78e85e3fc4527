// The baseline for the chat benchmark: socket.io broadcasting to rooms with nothing else (no
// auth, no storage, no validation). With BARE_REDIS_URL it joins the other bare servers through
// Redis with the adapter the api uses. Prints {"port": n} once listening.
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false });
const redisUrl = process.env.BARE_REDIS_URL;
if (redisUrl) {
  io.adapter(createAdapter(new Redis(redisUrl), new Redis(redisUrl), { key: `${process.env.BARE_KEY_PREFIX}socket.io` }));
}
io.on('connection', (socket) => {
  const room = socket.handshake.auth?.room;
  if (typeof room === 'string') void socket.join(room);
  socket.on('send', (payload: { room: string; body: string }, ack?: (answer: unknown) => void) => {
    io.to(payload.room).emit('msg', { body: payload.body });
    ack?.({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as { port: number }).port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
