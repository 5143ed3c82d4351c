/**
 * Rows per multi-row INSERT: with the widest table (observations, 17 columns) 8,500 bound values, well under SQLite's
 * 32,766 and PostgreSQL's 65,535, and big enough that a 100,000-row import is a couple of hundred statements.
 */
export const rowsPerStatement = 500;

/** `items` in consecutive slices of at most `size` (the last may be shorter). */
export function chunks<T>(items: readonly T[], size = rowsPerStatement): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
