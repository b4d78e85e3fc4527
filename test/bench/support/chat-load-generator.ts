// The load side of the chat benchmark, run as its own process so that it does not share a core's
// event loop with the server. Reads its plan from the JSON file named by argv[2]; prints {"connected": n}
// once every socket is connected (the load starts then), then one JSON result line.
//   target 'chat': sockets authenticate with tokens and send chat:send { conversationId, clientId, body }
//   target 'bare': sockets join a room at connect and send 'send' { room, body }
// Each body is the message's number; every socket in the conversation (the sender too) should
// receive it once: latency is from the send to each receipt, on this process's clock.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface LoadPlan {
  target: 'chat' | 'bare';
  /** One URL per server process; connections are spread over them. */
  urls: string[];
  connections: { token?: string; conversationId: string }[];
  ratePerSecond: number;
  seconds: number;
}

export interface LoadResult {
  connected: number;
  connectSeconds: number;
  sent: number;
  acked: number;
  failedAcks: number;
  expectedDeliveries: number;
  deliveries: number;
  duplicates: number;
  lost: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  deliveriesPerSecond: number;
  achievedSendRate: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Which server each connection goes to: the members of a conversation in turn, so that every
 * conversation has sockets on every server and each message crosses between them. (Connection i
 * to server i % servers would put a whole conversation on one server whenever the number of
 * conversations is a multiple of the number of servers, and nothing would cross.)
 */
function serverOf(plan: LoadPlan): number[] {
  const seen = new Map<string, number>();
  return plan.connections.map(({ conversationId }) => {
    const nth = seen.get(conversationId) ?? 0;
    seen.set(conversationId, nth + 1);
    return nth % plan.urls.length;
  });
}

async function connectAll(plan: LoadPlan): Promise<Socket[]> {
  const sockets: Socket[] = new Array(plan.connections.length);
  const servers = serverOf(plan);
  let next = 0;
  const worker = async () => {
    while (next < plan.connections.length) {
      const i = next++;
      const c = plan.connections[i]!;
      const socket = io(plan.urls[servers[i]!]!, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: plan.target === 'chat' ? { token: c.token } : { room: c.conversationId },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      if (plan.target === 'chat') {
        // The server joins rooms on connect; the join ack makes sure it has before load starts.
        const answer = await socket.timeout(10_000).emitWithAck('chat:join', { conversationId: c.conversationId });
        if (!answer.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
      }
      sockets[i] = socket;
    }
  };
  await Promise.all(Array.from({ length: 25 }, worker));
  return sockets;
}

async function run(plan: LoadPlan, onConnected: (count: number) => void): Promise<LoadResult> {
  const connectStarted = performance.now();
  const sockets = await connectAll(plan);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  onConnected(sockets.length);
  const roomSize = new Map<string, number>();
  for (const c of plan.connections) roomSize.set(c.conversationId, (roomSize.get(c.conversationId) ?? 0) + 1);

  const total = plan.ratePerSecond * plan.seconds;
  const sentAt = new Float64Array(total);
  const latencies = new Float64Array(total * Math.max(...roomSize.values()));
  let deliveries = 0;
  let duplicates = 0;
  let expectedDeliveries = 0;
  sockets.forEach((socket) => {
    const seen = new Uint8Array(total);
    const onMessage = (body: string) => {
      const k = Number(body);
      if (!(k >= 0 && k < total)) return;
      if (seen[k]) {
        duplicates++;
        return;
      }
      seen[k] = 1;
      latencies[deliveries++] = performance.now() - sentAt[k]!;
    };
    if (plan.target === 'chat') socket.on('chat:message', (m: { body: string }) => onMessage(m.body));
    else socket.on('msg', (m: { body: string }) => onMessage(m.body));
  });

  let sent = 0;
  let acked = 0;
  let failedAcks = 0;
  const sendOne = (k: number) => {
    const i = k % sockets.length;
    const socket = sockets[i]!;
    const conversationId = plan.connections[i]!.conversationId;
    expectedDeliveries += roomSize.get(conversationId)!;
    sentAt[k] = performance.now();
    const payload =
      plan.target === 'chat' ? { conversationId, clientId: randomUUID(), body: String(k) } : { room: conversationId, body: String(k) };
    socket
      .timeout(10_000)
      .emitWithAck(plan.target === 'chat' ? 'chat:send' : 'send', payload)
      .then((answer: { ok: boolean }) => (answer.ok ? acked++ : failedAcks++))
      .catch(() => failedAcks++);
  };

  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * plan.ratePerSecond));
      while (sent < due) sendOne(sent++);
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  const sendSeconds = (performance.now() - started) / 1000;
  // Let the last messages arrive.
  const drainUntil = performance.now() + 10_000;
  while (performance.now() < drainUntil && (deliveries < expectedDeliveries || acked + failedAcks < sent)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const elapsed = (performance.now() - started) / 1000;
  sockets.forEach((s) => s.close());
  const sorted = latencies.slice(0, deliveries).sort();
  return {
    connected: sockets.length,
    connectSeconds,
    sent,
    acked,
    failedAcks,
    expectedDeliveries,
    deliveries,
    duplicates,
    lost: expectedDeliveries - deliveries,
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    deliveriesPerSecond: deliveries / elapsed,
    achievedSendRate: sent / sendSeconds,
  };
}

if (require.main === module) {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  run(plan, (connected) => process.stdout.write(`${JSON.stringify({ connected })}\n`)).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
