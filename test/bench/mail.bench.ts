// Mail benchmark: a daily digest for 5,000 members with realistic activity (each watching a few
// threads, 3 to 40 new posts each), built and queued; then the outbox draining to a local SMTP
// server (its own process); the baseline, measured in the same run, sends the same mails straight
// through nodemailer (same pool, same rendered content) with no outbox.
//   npm run bench -- mail        (Postgres when DATABASE_URL is set, else embedded PGlite)
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import 'reflect-metadata';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { DigestService } from '@mutuals/notifications';
import { MailRenderer } from '../../libs/notifications/src/mail/mail-renderer';
import { OutboxWorker } from '../../libs/notifications/src/mail/outbox-worker';
import { smtpOptions } from '../../libs/notifications/src/mail/mail-sender';
import { startTestApp } from '../support/test-app';

const MEMBERS = Number(process.env.MAIL_BENCH_MEMBERS ?? 5_000);
const THREADS = 400;
/** As many mails in flight as the outbox worker claims at once. */
const CONCURRENCY = 50;

function startSmtpProcess(): Promise<{ url: string; received(): Promise<number>; stop(): void }> {
  const child = fork(join(__dirname, 'support/smtp-sink.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
  const ask = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m: { received: number }) => resolve(m.received));
      child.send('count');
    });
  return new Promise((resolve) =>
    child.once('message', (m: { url: string }) => resolve({ url: m.url, received: ask, stop: () => child.kill() })),
  );
}

async function main() {
  const smtp = await startSmtpProcess();
  const t = await startTestApp({
    rateLimits: false,
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://mutuals.example', MAIL_POLL_MS: '600000', LOG_LEVEL: 'silent' },
  });
  const db = t.app.get(DataSource);
  const run = randomBytes(3).toString('hex');
  console.log(`seeding ${MEMBERS} members and their activity (${process.env.DATABASE_URL ? 'Postgres' : 'embedded PGlite'})...`);
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, handle, role, status)
     SELECT 'bench-' || $1 || '-' || i || '@bench.example', 'x', 'Bench Member ' || i, 'b' || $1 || i, 'member', 'active' FROM generate_series(1, $2) i`,
    [run, MEMBERS],
  );
  const yesterday = new Date(Date.now() - 30 * 3_600_000);
  await db.query(
    `INSERT INTO digest_subscriptions (user_id, frequency, covered_until) SELECT id, 'daily', $2 FROM users WHERE email LIKE $1`,
    [`bench-${run}-%`, yesterday],
  );
  // Each member watches 1 to 5 threads, each with 3 to 8 new posts since the last digest.
  await db.query(
    `INSERT INTO digest_items (user_id, kind, group_title, text, link, created_at)
     SELECT u.id, 'forum.watching', 'Thread ' || th, 'A realistic preview of a post about pensions, TUPE and the business case, number ' || p,
            '/forums/threads/' || th || '?post=' || p, $2::timestamptz + (p || ' minutes')::interval
     FROM users u
     CROSS JOIN LATERAL generate_series(1, 1 + (abs(hashtext(u.id::text)) % 5)) w
     CROSS JOIN LATERAL (SELECT (abs(hashtext(u.id::text || w)) % $3) AS th) t
     CROSS JOIN LATERAL generate_series(1, 3 + (abs(hashtext(u.id::text || th)) % 6)) p
     WHERE u.email LIKE $1`,
    [`bench-${run}-%`, new Date(yesterday.getTime() + 60_000), THREADS],
  );
  const [{ count: items }] = await db.query(`SELECT count(*)::int AS count FROM digest_items`);

  let started = performance.now();
  const queued = await t.app.get(DigestService).queueDue(new Date());
  const buildMs = performance.now() - started;
  console.log(
    `digest: ${queued} digests from ${items} items built and queued in ${buildMs.toFixed(0)} ms (${((queued / buildMs) * 1000).toFixed(0)}/s)`,
  );

  // Baseline: the same mails rendered by the same renderer and sent straight through nodemailer
  // (the same pool settings and concurrency), with no outbox: no rows claimed, kept or recorded.
  const rows: { kind: string; payload: Record<string, unknown>; user_id: string; to_address: null; message_id: string }[] = await db.query(
    `SELECT kind, payload, user_id, to_address, message_id FROM mail_outbox WHERE kind = 'digest' AND status = 'pending'`,
  );
  const renderer = t.app.get(MailRenderer);
  const direct = async () => {
    const transport = nodemailer.createTransport(smtpOptions(smtp.url, 120));
    const begun = performance.now();
    for (let i = 0; i < rows.length; i += CONCURRENCY) {
      const batch = rows.slice(i, i + CONCURRENCY);
      const mails = await renderer.renderMany(batch);
      await Promise.all(
        mails.map((m, j) =>
          transport.sendMail({
            from: 'bench@mutuals.example',
            to: m!.to,
            subject: m!.subject,
            html: m!.html,
            text: m!.text,
            headers: m!.headers,
            messageId: `<direct-${j}-${batch[j]!.message_id.slice(1)}`,
          }),
        ),
      );
    }
    transport.close();
    return performance.now() - begun;
  };
  const directBefore = await direct();

  started = performance.now();
  const sent = await t.app.get(OutboxWorker).drain();
  const drainMs = performance.now() - started;
  const directAfter = await direct();
  const directMs = (directBefore + directAfter) / 2;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const received = await smtp.received();
  console.log(
    `outbox: ${sent} mails claimed, rendered, kept, sent and recorded in ${drainMs.toFixed(0)} ms (${((sent / drainMs) * 1000).toFixed(0)}/s)`,
  );
  console.log(
    `baseline: ${rows.length} mails rendered and sent straight through nodemailer in ${directBefore.toFixed(0)} ms before and ${directAfter.toFixed(0)} ms after (${((rows.length / directMs) * 1000).toFixed(0)}/s on average)`,
  );
  console.log(`the SMTP server received ${received} mails (${rows.length} by the outbox, ${2 * rows.length} by the baseline runs)`);
  console.log(
    `ratio: outbox drain / direct send = ${(drainMs / directMs).toFixed(2)}x; digest build and queue + drain / direct send = ${((buildMs + drainMs) / directMs).toFixed(2)}x`,
  );
  await t.close();
  smtp.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
