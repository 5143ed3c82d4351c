/** Number formatting and markdown tables for the report. */

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Whole number with thousands separators; "—" for a missing figure. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? grouped.format(Math.round(value)) : '—';
}

/** Milliseconds: one decimal below 10, whole above. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(1) : formatCount(value);
}

export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)} %` : '—';
}

export function formatMiB(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1_048_576).toFixed(1) : '—';
}

export function formatKiB(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '—';
}

/** ours / anchor as "1.23×"; "—" when either side is missing or the anchor is zero. */
export function formatRatio(ours: number, anchor: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(anchor) || anchor === 0) return '—';
  const ratio = ours / anchor;
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

/** A markdown table (prettier aligns it when the report is written). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
