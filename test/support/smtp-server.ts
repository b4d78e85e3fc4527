// A real SMTP server on a free loopback port for tests and benchmarks: it collects every mail,
// parsed (mailparser), and lets a test wait for the mail to an address. Point the app at it with
// SMTP_URL: smtp.url. Reusable by any suite that needs a mail (reset links, verification...).
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** Raw header values by lower-case name. */
  headers: Map<string, string>;
  /** The calendar invitation sent with it (text/calendar), if any. */
  calendar: string | null;
  /** The raw value of a header, e.g. header('list-unsubscribe'). */
  header(name: string): string | undefined;
  /** The first link in the plain text starting with `prefix`. */
  link(prefix: string): string | undefined;
}

export interface TestSmtpServer {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first mail to `address` matching `filter`, received before or after the call. */
  waitFor(address: string, options?: { timeoutMs?: number; filter?: (mail: ReceivedMail) => boolean }): Promise<ReceivedMail>;
  /** Mail to one address. */
  to(address: string): ReceivedMail[];
  /** While set, DATA is held without an answer (to kill a sender mid-send). */
  stall(value: boolean): void;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { parse?: boolean } = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let stalled = false;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // A held mail is never accepted: the sender dies waiting, as if the network had dropped.
        if (stalled) return;
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const done = (mail: ReceivedMail) => {
          mails.push(mail);
          waiters.forEach((wake) => wake());
          callback();
        };
        if (options.parse === false) {
          const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString();
          const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
          return done(toMail(to, '', '', messageId, '', '', new Map([['message-id', messageId]]), null));
        }
        simpleParser(raw)
          .then((parsed) =>
            done(
              toMail(
                to,
                parsed.from?.text ?? '',
                parsed.subject ?? '',
                parsed.messageId ?? '',
                parsed.text ?? '',
                typeof parsed.html === 'string' ? parsed.html : '',
                new Map(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
                parsed.attachments.find((a) => /^(text\/calendar|application\/ics)/.test(a.contentType))?.content.toString('utf8') ?? null,
              ),
            ),
          )
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const matching = (address: string, filter?: (mail: ReceivedMail) => boolean) =>
    mails.find((m) => m.to.includes(address.toLowerCase()) && (!filter || filter(m)));

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address.toLowerCase())),
    stall: (value) => {
      stalled = value;
    },
    waitFor: (address, { timeoutMs = 10_000, filter } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = matching(address, filter);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no mail to ${address} within ${timeoutMs} ms (received ${mails.length}: ${mails.map((m) => `${m.to} ${m.subject}`).join('; ')})`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function toMail(
  to: string[],
  from: string,
  subject: string,
  messageId: string,
  text: string,
  html: string,
  headers: Map<string, string>,
  calendar: string | null,
): ReceivedMail {
  return {
    calendar,
    to,
    from,
    subject,
    messageId,
    text,
    html,
    headers,
    header: (name) => headers.get(name.toLowerCase()),
    link(prefix) {
      return text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S*`))?.[0]?.replace(/[).,]+$/, '');
    },
  };
}
