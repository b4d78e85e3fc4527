// A local SMTP server in a process of its own for the mail benchmark: it accepts and counts mail
// without parsing it, and reports its URL, then its count when asked.
import { startSmtpServer } from '../../support/smtp-server';

void startSmtpServer({ parse: false }).then((smtp) => {
  process.send!({ url: smtp.url });
  process.on('message', () => process.send!({ received: smtp.mails.length }));
  process.on('disconnect', () => process.exit(0));
});
