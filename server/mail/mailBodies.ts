import { escapeHtml } from '../http/escapeHtml.ts';

/** What one email says: the partnership, what happened, and the one screen to open. */
export interface MailContent {
  subject: string;
  /** The partnership the email is about (every email names it). */
  partnershipName: string | null;
  /** Paragraphs in plain words. */
  paragraphs: readonly string[];
  /** Words quoted from the app (a comment), shown as a quotation. */
  quote?: string | undefined;
  link: { label: string; url: string };
}

export interface MailBodies {
  text: string;
  html: string;
}

/** The plain-text and HTML bodies of one message's content, without the footer (digests put several together). */
export function contentBodies(content: MailContent): MailBodies {
  const heading = content.partnershipName ? `${content.partnershipName}: ${content.subject}` : content.subject;
  const text = [
    heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.quote ? [content.quote.replace(/^/gm, '> '), ''] : []),
    `${content.link.label}: ${content.link.url}`,
  ].join('\n');
  const html = [
    `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(heading)}</h2>`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(content.quote
      ? [
          `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${escapeHtml(content.quote)}</blockquote>`,
        ]
      : []),
    `<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>`,
  ].join('\n');
  return { text, html };
}

/** Why the reader gets this email and how to stop it; null for invitations, which go to an address, not a member. */
export interface MailFooter {
  reason: string;
  unsubscribeUrl: string | null;
  preferencesUrl: string | null;
}

/** A whole message: bodies with the footer, the HTML in a minimal document. */
export function wrapBodies(bodies: MailBodies, footer: MailFooter): MailBodies {
  const textFooter = [
    '--',
    footer.reason,
    ...(footer.preferencesUrl ? [`Choose how often Common Ground emails you: ${footer.preferencesUrl}`] : []),
    ...(footer.unsubscribeUrl ? [`Stop these emails: ${footer.unsubscribeUrl}`] : []),
  ].join('\n');
  const htmlFooter = [
    `<p style="color:#555;font-size:13px;border-top:1px solid #ddd;padding-top:8px">${escapeHtml(footer.reason)}`,
    ...(footer.preferencesUrl
      ? [`<br><a href="${escapeHtml(footer.preferencesUrl)}">Choose how often Common Ground emails you</a>`]
      : []),
    ...(footer.unsubscribeUrl ? [`<br><a href="${escapeHtml(footer.unsubscribeUrl)}">Stop these emails</a>`] : []),
    '</p>',
  ].join('');
  return {
    text: `${bodies.text}\n\n${textFooter}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:600px">\n${bodies.html}\n${htmlFooter}\n</body></html>`,
  };
}

/** Joins the held messages of a day into one digest's bodies. */
export function digestBodies(items: readonly { subject: string; text: string; html: string | null }[]): MailBodies {
  return {
    text: items.map((item) => item.text).join('\n\n* * *\n\n'),
    html: items.map((item) => item.html ?? `<pre>${escapeHtml(item.text)}</pre>`).join('\n<hr>\n'),
  };
}

/** A moment as a board member reads it: "4 December 2026 at 14:30" (UK time). */
export function whenInWords(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${day} at ${time}`;
}
