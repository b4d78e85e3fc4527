// The load side of the soak (test/bench/soak.bench.ts), a process of its own (one or two of them
// for thousands of sockets). Reads its plan from the JSON file named by argv[2]. Every member opens
// one socket.io connection (websocket, through the proxy) and holds it; once all are connected the
// process prints {"connected": n, ...} and waits for a line "start" on stdin, so that every worker
// starts together. Then each member acts at Poisson arrivals (exponential gaps, mean
// `meanIntervalSeconds`), whatever its earlier actions are still doing (an open model): it reads a
// thread, lists a category's threads, searches, posts a reply (HTTP with its bearer token) or sends
// a chat message (socket.io, acknowledged once stored). Each chat message should reach every socket
// of its conversation once (the sender's too): lost and doubled deliveries are counted. Prints one
// JSON result line at the end with every latency, so that the parent can merge workers.
//   target 'app': the api's routes; target 'bare': the baselines' (bare-forums-server, bare-socketio-server).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';

export const SOAK_KINDS = ['thread', 'list', 'search', 'post', 'chat'] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];

/** The share of each kind of action (reading threads 60%, lists 15%, searching 10%, posting 5%, chatting 10%). */
export const SOAK_MIX: Record<SoakKind, number> = { thread: 0.6, list: 0.15, search: 0.1, post: 0.05, chat: 0.1 };

export interface SoakPlan {
  target: 'app' | 'bare';
  worker: number;
  /** The proxy. */
  url: string;
  members: { token: string; conversationId: string }[];
  /** Most recently active first: reads and replies favour the head of the list. */
  threadIds: string[];
  categorySlugs: string[];
  searches: string[];
  seconds: number;
  meanIntervalSeconds: number;
  /** A request or an acknowledgement slower than this is an error. */
  timeoutMs: number;
}

export interface KindResult {
  count: number;
  errors: number;
  firstError?: string;
  /** Every latency in ms (0.1 ms steps), for the parent to merge across workers. */
  latencies: number[];
}

export interface SoakResult {
  worker: number;
  connected: number;
  connectFailures: number;
  connectSeconds: number;
  /** Sockets the server or proxy closed during the soak. */
  drops: number;
  firstDrop?: string;
  kinds: Record<SoakKind, KindResult>;
  chat: {
    sent: number;
    acked: number;
    expectedDeliveries: number;
    deliveries: number;
    lost: number;
    duplicates: number;
    /** From the send to each socket's receipt, ms. */
    deliveryLatencies: number[];
  };
  /** Actions still unanswered when the drain ended (counted among the errors). */
  unfinished: number;
}

interface Member {
  index: number;
  token: string;
  conversationId: string;
  socket?: Socket;
}

const log = (plan: SoakPlan, text: string) => process.stderr.write(`  [soak worker ${plan.worker}] ${text}\n`);

/** A uniform draw skewed to the head: index 0 (the most active thread) is the likeliest. */
const skewed = <T>(list: T[]): T => list[Math.floor(list.length * Math.random() ** 2)]!;
const pick = <T>(list: T[]): T => list[Math.floor(list.length * Math.random())]!;

function connect(plan: SoakPlan, member: Member): Promise<Socket> {
  const socket = io(plan.url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: plan.timeoutMs,
    auth: plan.target === 'app' ? { token: member.token } : { room: member.conversationId },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectAll(plan: SoakPlan, members: Member[]): Promise<{ failures: number; seconds: number }> {
  const started = performance.now();
  let next = 0;
  let done = 0;
  let failures = 0;
  const progress = setInterval(() => log(plan, `${done}/${members.length} sockets connected`), 5000);
  const worker = async () => {
    while (next < members.length) {
      const member = members[next++]!;
      for (let attempt = 1; attempt <= 3 && !member.socket; attempt++) {
        try {
          const socket = await connect(plan, member);
          if (plan.target === 'app') {
            // The server joins the member's rooms on connect; the join ack makes sure it has before the load starts.
            const answer = await socket.timeout(plan.timeoutMs).emitWithAck('chat:join', { conversationId: member.conversationId });
            if (!answer.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
          }
          member.socket = socket;
        } catch (error) {
          if (attempt === 3) {
            failures++;
            log(plan, `member ${member.index} could not connect: ${(error as Error).message}`);
          }
        }
      }
      done++;
    }
  };
  await Promise.all(Array.from({ length: 25 }, worker));
  clearInterval(progress);
  return { failures, seconds: (performance.now() - started) / 1000 };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request; resolves with an error text, or null when it answered 2xx. */
function http(plan: SoakPlan, method: 'GET' | 'POST', path: string, token: string, body?: string): Promise<string | null> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = plan.target === 'app' ? { authorization: `Bearer ${token}` } : {};
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const req = request(`${plan.url}${path}`, { method, headers, agent, timeout: plan.timeoutMs }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        if (text.length < 300) text += chunk.toString();
      });
      res.on('end', () => {
        const ok = res.statusCode! >= 200 && res.statusCode! < 300;
        resolve(ok ? null : `${method} ${path.split('?')[0]} answered ${res.statusCode}: ${text.slice(0, 200)}`);
      });
      res.on('error', (error) => resolve(`${method} ${path}: ${error.message}`));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${plan.timeoutMs} ms`)));
    req.on('error', (error) => resolve(`${method} ${path.split('?')[0]}: ${error.message}`));
    req.end(body);
  });
}

async function run(plan: SoakPlan): Promise<SoakResult> {
  const members: Member[] = plan.members.map((m, index) => ({ index, ...m }));
  const { failures, seconds: connectSeconds } = await connectAll(plan, members);
  const live = members.filter((m) => m.socket);
  process.stdout.write(`${JSON.stringify({ connected: live.length, connectFailures: failures, connectSeconds })}\n`);
  // Wait for the parent's go, once every worker is connected.
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'start') {
        lines.close();
        resolve();
      }
    });
  });

  const kinds = Object.fromEntries(SOAK_KINDS.map((k) => [k, { count: 0, errors: 0, latencies: [] as number[] }])) as Record<
    SoakKind,
    KindResult
  >;
  const fail = (kind: SoakKind, error: string) => {
    kinds[kind].errors++;
    kinds[kind].firstError ??= error;
  };
  let pending = 0;
  let drops = 0;
  let firstDrop: string | undefined;
  let stopping = false;

  // Who is in each conversation now, and what each chat message still expects.
  const rooms = new Map<string, Set<number>>();
  for (const m of live) {
    if (!rooms.has(m.conversationId)) rooms.set(m.conversationId, new Set());
    rooms.get(m.conversationId)!.add(m.index);
  }
  const messages: { sentAt: number; expected: number; receivedBy: Set<number>; acked: boolean }[] = [];
  const deliveryLatencies: number[] = [];
  let duplicates = 0;
  const prefix = `soak ${plan.worker} `;
  for (const m of live) {
    const onMessage = (body: unknown) => {
      if (typeof body !== 'string' || !body.startsWith(prefix)) return;
      const message = messages[Number(body.slice(prefix.length))];
      if (!message) return;
      if (message.receivedBy.has(m.index)) {
        duplicates++;
        return;
      }
      message.receivedBy.add(m.index);
      deliveryLatencies.push(Math.round((performance.now() - message.sentAt) * 10) / 10);
    };
    if (plan.target === 'app') m.socket!.on('chat:message', (message: { body?: unknown }) => onMessage(message.body));
    else m.socket!.on('msg', (message: { body?: unknown }) => onMessage(message.body));
    m.socket!.on('disconnect', (reason) => {
      if (stopping) return;
      drops++;
      firstDrop ??= `member ${m.index}: ${reason}`;
      rooms.get(m.conversationId)!.delete(m.index);
    });
  }

  const paths =
    plan.target === 'app'
      ? {
          thread: (id: string) => `/api/v1/forums/threads/${id}/posts?limit=20`,
          list: (slug: string) => `/api/v1/forums/categories/${slug}/threads?limit=20`,
          search: (q: string) => `/api/v1/forums/search?q=${encodeURIComponent(q)}&limit=20`,
          post: (id: string) => `/api/v1/forums/threads/${id}/posts`,
        }
      : {
          thread: (id: string) => `/threads/${id}/posts`,
          list: (slug: string) => `/categories/${slug}/threads`,
          search: (q: string) => `/search?q=${encodeURIComponent(q)}`,
          post: (id: string) => `/threads/${id}/posts`,
        };

  const timed = async (kind: SoakKind, work: () => Promise<string | null>) => {
    const started = performance.now();
    kinds[kind].count++;
    pending++;
    try {
      const error = await work();
      if (error) fail(kind, error);
      else kinds[kind].latencies.push(Math.round((performance.now() - started) * 10) / 10);
    } catch (error) {
      fail(kind, (error as Error).message);
    } finally {
      pending--;
    }
  };

  let posts = 0;
  const act = (member: Member) => {
    const draw = Math.random();
    let kind: SoakKind = 'chat';
    let sum = 0;
    for (const k of SOAK_KINDS) {
      sum += SOAK_MIX[k];
      if (draw < sum) {
        kind = k;
        break;
      }
    }
    switch (kind) {
      case 'thread':
        return timed(kind, () => http(plan, 'GET', paths.thread(skewed(plan.threadIds)), member.token));
      case 'list':
        return timed(kind, () => http(plan, 'GET', paths.list(pick(plan.categorySlugs)), member.token));
      case 'search':
        return timed(kind, () => http(plan, 'GET', paths.search(pick(plan.searches)), member.token));
      case 'post': {
        const body = JSON.stringify({
          body: `Soak reply ${plan.worker}-${posts++}: the **pension** admission agreement came back from the actuary.`,
        });
        return timed(kind, () => http(plan, 'POST', paths.post(skewed(plan.threadIds)), member.token, body));
      }
      case 'chat': {
        const socket = member.socket;
        if (!socket?.connected) return timed(kind, async () => 'chat: the socket is closed');
        const k = messages.length;
        const message = {
          sentAt: performance.now(),
          expected: rooms.get(member.conversationId)!.size,
          receivedBy: new Set<number>(),
          acked: false,
        };
        messages.push(message);
        const body = `${prefix}${k}`;
        return timed(kind, async () => {
          const answer = (await (plan.target === 'app'
            ? socket
                .timeout(plan.timeoutMs)
                .emitWithAck('chat:send', { conversationId: member.conversationId, clientId: randomUUID(), body })
            : socket.timeout(plan.timeoutMs).emitWithAck('send', { room: member.conversationId, body }))) as {
            ok: boolean;
            error?: unknown;
          };
          if (!answer.ok) return `chat:send refused: ${JSON.stringify(answer).slice(0, 200)}`;
          message.acked = true;
          return null;
        });
      }
    }
  };

  // Poisson arrivals per member: exponential gaps, each member on its own timer.
  const meanMs = plan.meanIntervalSeconds * 1000;
  const gap = () => -Math.log(1 - Math.random()) * meanMs;
  const endsAt = performance.now() + plan.seconds * 1000;
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (member: Member) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (performance.now() >= endsAt) return;
      void act(member);
      schedule(member);
    }, gap());
    timers.add(timer);
  };
  live.forEach(schedule);
  const progress = setInterval(() => {
    const done = SOAK_KINDS.reduce((n, k) => n + kinds[k].count, 0);
    const errors = SOAK_KINDS.reduce((n, k) => n + kinds[k].errors, 0);
    log(
      plan,
      `${Math.round((plan.seconds * 1000 - (endsAt - performance.now())) / 1000)} s: ${done} actions, ${errors} errors, ${pending} in flight, ${drops} sockets dropped`,
    );
  }, 30_000);
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000));
  timers.forEach(clearTimeout);
  clearInterval(progress);

  // Let the answers and the last deliveries arrive.
  const expectedNow = () => messages.filter((m) => m.acked).reduce((n, m) => n + m.expected, 0);
  const deliveredNow = () => messages.reduce((n, m) => n + m.receivedBy.size, 0);
  const drainUntil = performance.now() + plan.timeoutMs + 2000;
  while (performance.now() < drainUntil && (pending > 0 || deliveredNow() < expectedNow())) await new Promise((r) => setTimeout(r, 100));
  stopping = true;
  const unfinished = pending;
  const acked = messages.filter((m) => m.acked);
  // Deliveries of acknowledged messages only: one that failed may never have been stored.
  const expectedDeliveries = acked.reduce((n, m) => n + m.expected, 0);
  const deliveries = acked.reduce((n, m) => n + Math.min(m.receivedBy.size, m.expected), 0);
  live.forEach((m) => m.socket!.close());
  agent.destroy();
  return {
    worker: plan.worker,
    connected: live.length,
    connectFailures: failures,
    connectSeconds,
    drops,
    firstDrop,
    kinds,
    chat: {
      sent: messages.length,
      acked: acked.length,
      expectedDeliveries,
      deliveries,
      lost: expectedDeliveries - deliveries,
      duplicates,
      deliveryLatencies,
    },
    unfinished,
  };
}

if (require.main === module) {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SoakPlan;
  run(plan).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
