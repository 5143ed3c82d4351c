/**
 * Ballot receipts. When a ballot is accepted its voter gets a receipt code: 20 random bytes written as 32 characters
 * of Crockford's base32 in groups of four (no I, L, O or U, so it can be read aloud and typed back). The server keeps
 * only the code's SHA-256 with the ballot, never the code, and never who it was given to; once the round closes the
 * round publishes every counted ballot beside its receipt hash, so the voter can find their ballot and anyone can
 * recount the list. Browsers and Node both have `crypto.getRandomValues` and `crypto.subtle`.
 */

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeBytes = 20;
/** The length of a code without its dashes: 160 bits at 5 bits a character. */
export const receiptLength = (codeBytes * 8) / 5;

/** A fresh receipt code, e.g. "7K2Q-M9XD-…" (eight groups of four). */
export function newReceiptCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(codeBytes));
  let bits = 0;
  let buffer = 0;
  let text = '';
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += alphabet[(buffer >> bits) & 31];
    }
  }
  return text.match(/.{4}/g)!.join('-');
}

/**
 * A code as typed back, in its canonical form: upper case, without spaces or dashes, the look-alike letters read as
 * the digits they stand for (O → 0, I and L → 1), as Crockford's base32 does. Null when it cannot be a receipt.
 */
export function normaliseReceipt(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== receiptLength) return null;
  for (const character of text) if (!alphabet.includes(character)) return null;
  return text;
}

/** The SHA-256 of a receipt's canonical form, in hex: what the ballot row keeps and the published list shows. */
export async function receiptHash(code: string): Promise<string> {
  const canonical = normaliseReceipt(code);
  if (canonical === null) throw new Error('Not a receipt code');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
