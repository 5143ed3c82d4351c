import nodemailer from 'nodemailer';

/** One message as it leaves: the outbox row's address, subject and bodies. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Hands a message to an SMTP server; rejects with the server's (or the connection's) reason. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A nodemailer SMTP transport for `SMTP_URL`, sending as `MAIL_FROM`. Timeouts are short: a message that cannot be
 * handed over within them is retried later by the outbox, never waited on by a request.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
      });
    },
    close: () => transport.close(),
  };
}
