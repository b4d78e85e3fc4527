import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { waitUntil } from '../support/chat-clients';
import { runCli, startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { createScratchDatabase, usingServerDatabase } from '../support/test-app';

const APPLICANTS = 6;

// A real server process killed (SIGKILL) while its SMTP server holds the mail unanswered: after a
// restart every outbox row is delivered exactly once, with the Message-ID it was first given.
describe('mail outbox across a crash', () => {
  let smtp: TestSmtpServer;
  let server: ServerProcess | null = null;
  let dataDir: string | null = null;
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  jest.setTimeout(180_000);

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await smtp?.close();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers each row once after the sender is killed mid-send and restarted', async () => {
    smtp = await startSmtpServer();
    let database: Record<string, string>;
    if (usingServerDatabase()) {
      scratch = await createScratchDatabase();
      database = { DATABASE_URL: scratch.url };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'mn-mail-crash-'));
      database = { DATA_DIR: dataDir };
    }
    const env = { ...database, SMTP_URL: smtp.url, PUBLIC_URL: 'https://mutuals.test', MAIL_POLL_MS: '200', MAIL_LEASE_SECONDS: '3', RATE_LIMITS: 'false' };
    const created = await runCli(['create-user', '--email', 'coordinator@crash.test', '--password', 'a long password here', '--name', 'Coordinator', '--role', 'coordinator'], env);
    expect(created.code).toBe(0);

    smtp.stall(true);
    server = await startServerProcess(env, 90_000);
    const login = await request(server.url).post('/api/v1/auth/login').send({ email: 'coordinator@crash.test', password: 'a long password here' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    for (let i = 0; i < APPLICANTS; i++) {
      const registered = await request(server.url)
        .post('/api/v1/auth/register')
        .send({ email: `applicant-${i}@crash.test`, password: 'a long password here', displayName: `Applicant ${i}` })
        .expect(201);
      await request(server.url).post(`/api/v1/admin/members/${registered.body.user.id}/approve`).set(auth).expect(200);
    }
    // Let the sender claim the mail and hand it to the (silent) SMTP server, then kill it mid-send.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await server.kill('SIGKILL');
    expect(smtp.mails).toHaveLength(0);

    smtp.stall(false);
    server = await startServerProcess(env, 90_000);
    const approvals = () => smtp.mails.filter((m) => /approved/.test(m.subject));
    await waitUntil(() => approvals().length >= APPLICANTS, 30_000, `${APPLICANTS} mails`);
    // Long enough for a second lease to run out: nothing more may arrive.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const ids = approvals().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(APPLICANTS);
    expect(ids).toHaveLength(APPLICANTS);
    expect(new Set(approvals().flatMap((m) => m.to))).toEqual(new Set(Array.from({ length: APPLICANTS }, (_, i) => `applicant-${i}@crash.test`)));
  });
});
