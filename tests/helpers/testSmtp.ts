import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { onTestFinished } from 'vitest';

/** One message an SMTP server received: the envelope's recipients, the subject, and the decoded message text. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The whole message with quoted-printable and encoded words decoded: search it for links and words. */
  text: string;
}

/** Decodes quoted-printable (soft line breaks, `=XX` bytes) as UTF-8. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  return { to, subject, text: decodeQuotedPrintable(rest.join('\n\n')) };
}

/**
 * A real SMTP server in this process on port 0 (no TLS, no authentication needed), collecting what it receives.
 * `close` stops it (sending then fails as with a mail server that is down); `reopen` listens again on the same port.
 * Closed when the current test finishes.
 */
export async function startTestSmtp() {
  const received: ReceivedMail[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      closeTimeout: 1_000,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(
            parse(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
  const listen = (server: SMTPServer, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  let server: SMTPServer | null = make();
  const port = await listen(server, 0);
  const close = () =>
    new Promise<void>((resolve) => {
      const closing = server;
      server = null;
      if (!closing) resolve();
      else closing.close(() => resolve());
    });
  onTestFinished(close);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** What reached one address. */
    to: (address: string) => received.filter((mail) => mail.to.includes(address)),
    close,
    reopen: async () => {
      server = make();
      await listen(server, port);
    },
  };
}
