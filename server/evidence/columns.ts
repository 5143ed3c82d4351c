/** A column a file is read by: its name, other names people or exports give it, and whether it must be there. */
export interface ColumnSpec<K extends string> {
  key: K;
  name: string;
  aliases?: readonly string[];
  required?: boolean;
}

function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Finds each known column in a header row by name, ignoring case, surrounding spaces and order; unknown columns are
 * ignored. Returns the position of each column found, or the problems (a required column missing, one named twice).
 */
export function matchColumns<K extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<K>[],
): { ok: true; positions: Map<K, number> } | { ok: false; problems: string[] } {
  const byName = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(normalise(name), spec);
  const positions = new Map<K, number>();
  const problems: string[] = [];
  header.forEach((cell, index) => {
    const spec = byName.get(normalise(cell));
    if (!spec) return;
    if (positions.has(spec.key)) problems.push(`The column "${spec.name}" appears twice`);
    positions.set(spec.key, index);
  });
  for (const spec of specs) {
    if (spec.required && !positions.has(spec.key)) problems.push(`The column "${spec.name}" is missing`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, positions };
}

/** Reads the cells of one record by column key ('' for a column the file does not have). */
export function recordReader<K extends string>(positions: ReadonlyMap<K, number>, cells: readonly string[]) {
  return (key: K): string => {
    const index = positions.get(key);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
}

/**
 * Reads a number as statistics files write it: plain or with thousands separators; empty is null. Anything else
 * (text, a formula such as =HYPERLINK(...), Infinity) is refused.
 */
export function parseNumberCell(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed) || !/\d/.test(trimmed)) {
    return { ok: false };
  }
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
