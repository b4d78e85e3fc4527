import request from 'supertest';
import type { ConversationView } from '@mutuals/contracts';
import { chatClient, send, waitUntil } from '../support/chat-clients';
import { createMember } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';

// What an operator's Prometheus scrapes (loopback may read /metrics; who else may is security-edge's).
describe('/metrics for operators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const scrape = async () => (await request(t.url).get('/metrics').expect(200)).text;
  /** The value of one series, e.g. value(text, 'db_pool_connections{state="total"}'). */
  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    if (!line) throw new Error(`no series ${series} in /metrics`);
    return Number(line.slice(series.length + 1));
  };

  it('times HTTP answers by route pattern, never by the URL asked', async () => {
    const member = await createMember(t);
    await request(t.url).get(`/api/v1/members/${member.id}`).set(member.auth).expect(200);
    await request(t.url).get('/api/v1/no/such/thing').set(member.auth).expect(404);
    const text = await scrape();
    expect(
      value(text, 'http_request_duration_seconds_count{method="GET",route="/api/v1/members/:id",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(text, 'http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(member.id);
    expect(text).not.toContain('/no/such/thing');
  });

  it('counts sockets, chat messages sent and their deliveries, and the mail they queue', async () => {
    const [a, b] = [await createMember(t), await createMember(t)];
    const created = await request(t.url)
      .post('/api/v1/chat/conversations')
      .set(a.auth)
      .send({ kind: 'group', title: 'Metrics', memberIds: [b.id] })
      .expect(201);
    const conversation = created.body as ConversationView;
    const before = await scrape();
    const [sa, sb] = [await chatClient(t.url, a.token, [conversation.id]), await chatClient(t.url, b.token, [conversation.id])];
    try {
      const received: unknown[] = [];
      sb.on('chat:message', (m) => received.push(m));
      expect((await send(sa, conversation.id, 'hello')).ok).toBe(true);
      await waitUntil(() => received.length === 1, 5000, 'the delivery');
      const after = await scrape();
      const grew = (series: string) => value(after, series) - (before.includes(`${series} `) ? value(before, series) : 0);
      expect(value(after, 'socketio_connected_sockets')).toBe(value(before, 'socketio_connected_sockets') + 2);
      expect(grew('chat_messages_sent_total')).toBe(1);
      // To both members' sockets: the sender's other tabs see it too.
      expect(grew('socketio_events_delivered_total{event="chat:message"}')).toBe(2);
      expect(grew('socketio_events_received_total{event="chat:send"}')).toBe(1);
      // b has not read it: the unread-chat mail waits in the outbox.
      expect(value(after, 'mail_outbox_messages{status="pending"}')).toBeGreaterThanOrEqual(1);
    } finally {
      sa.close();
      sb.close();
    }
  });

  it('shows the database pool and the event loop delay', async () => {
    const text = await scrape();
    expect(value(text, 'db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    // A count of queries queued for a connection: on the embedded pool of one, the scrape's own
    // queries (the outbox counts) or a background sweep can be the one waiting.
    const waiting = value(text, 'db_pool_connections{state="waiting"}');
    expect(Number.isInteger(waiting) && waiting >= 0).toBe(true);
    expect(value(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
  });
});
