// Spreadsheet programs run a cell that starts with one of these as a formula ("CSV injection"). Leading apostrophes
// are part of the pattern so that a value that itself starts with an apostrophe survives the round trip.
const escapedOnExport = /^'*[=+\-@\t\r]/;
const escapedOnImport = /^'+[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would run as a formula, so it shows as text instead. */
export function neutraliseCell(value: string): string {
  return escapedOnExport.test(value) ? `'${value}` : value;
}

/** Removes the apostrophe `neutraliseCell` added, so an exported file imports back unchanged. */
export function restoreCell(value: string): string {
  return escapedOnImport.test(value) ? value.slice(1) : value;
}
