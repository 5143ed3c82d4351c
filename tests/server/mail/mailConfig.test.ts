import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';

describe('mail settings', () => {
  it('needs no SMTP server, and sends as Common Ground by default', () => {
    const config = readConfig({});
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Common Ground <no-reply@localhost>');
  });

  it('takes an smtp:// or smtps:// URL and a sender', () => {
    const config = readConfig({
      SMTP_URL: 'smtps://board:secret@mail.example.org:465',
      MAIL_FROM: 'Board <b@example.org>',
    });
    expect(config.smtpUrl).toBe('smtps://board:secret@mail.example.org:465');
    expect(config.mailFrom).toBe('Board <b@example.org>');
  });

  it('names SMTP_URL when it is not an SMTP address', () => {
    expect(() => readConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL: must be an smtp:\/\//);
  });
});
