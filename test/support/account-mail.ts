import type { ReceivedMail, TestSmtpServer } from './smtp-server';

/** Where mailed links point in the account tests; only the path and the token matter. */
export const ACCOUNT_MAIL_ENV = (smtp: TestSmtpServer) => ({
  SMTP_URL: smtp.url,
  PUBLIC_URL: 'https://mutuals.test',
  MAIL_POLL_MS: '100',
});

/**
 * Account mail as the member receives it, from the test's SMTP server: the single-use links
 * (whose token no API answer carries) and the security notices.
 */
export function accountMailbox(smtp: TestSmtpServer) {
  const taken = new Set<string>();
  return {
    /** The link to `page` in the next mail to the address not read before (so a second request's mail is told from the first). */
    async link(email: string, page: '/reset-password' | '/verify-email'): Promise<URL> {
      const prefix = `https://mutuals.test${page}?token=`;
      const mail = await smtp.waitFor(email, { filter: (m) => !taken.has(m.messageId) && m.link(prefix) !== undefined });
      taken.add(mail.messageId);
      return new URL(mail.link(prefix)!);
    },
    notice(email: string, subject: RegExp): Promise<ReceivedMail> {
      return smtp.waitFor(email, { filter: (m) => subject.test(m.subject) });
    },
    to: (email: string) => smtp.to(email),
  };
}

/** The single-use token, read only from the mailed link. */
export const tokenOf = (link: URL): string => link.searchParams.get('token') ?? '';
