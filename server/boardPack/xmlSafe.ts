import type { BoardPack } from '../../shared/schemas/boardPack.ts';

/**
 * Characters XML 1.0 cannot hold, even escaped: C0 controls other than tab, line feed and carriage return, lone
 * surrogates, and U+FFFE/U+FFFF. Word and Excel refuse a file holding one ("unreadable content"), so a single control
 * character typed into an action, an outcome or the meeting's title would otherwise break the pack for everyone.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const notInXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** A string with the characters XML cannot hold removed. */
export function xmlSafeText(text: string): string {
  return text.replace(notInXml, '');
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafeText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, clean(entry)]));
  }
  return value;
}

/** The pack with every string made safe to write into an Office document's XML. */
export function xmlSafePack(pack: BoardPack): BoardPack {
  return clean(pack) as BoardPack;
}
