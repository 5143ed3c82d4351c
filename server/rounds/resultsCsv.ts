import type { RoundResults } from '../../shared/schemas/roundResults.ts';

// A spreadsheet runs a cell starting with one of these as a formula ("CSV injection"); a leading apostrophe makes
// it text. Tabs and carriage returns are included because some programs strip them and then see the formula.
const formulaStart = /^[=+\-@\t\r]/;

/** One cell, neutralised against formula injection and quoted when it must be. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results as a CSV table, one row per candidate, best first. Starts with a BOM so Excel reads UTF-8. */
export function resultsCsv(results: RoundResults): string {
  const organisations = [
    ...new Set(results.candidates.flatMap((c) => c.byOrganisation.map((o) => o.organisation))),
  ].sort();
  const first = results.candidates[0];
  const criteria = first?.criteria ?? [];
  const header = [
    'Rank',
    'Candidate',
    'Type',
    results.aggregateLabel,
    'Mean per ballot',
    'Spread (standard deviation)',
    ...criteria.map((criterion) => `${criterion.label} (mean)`),
    ...(results.method === 'matrix' ? ['Need (mean)', 'Need (spread)', 'Influence (mean)', 'Influence (spread)'] : []),
    'Distribution',
    ...organisations.map((organisation) => `${organisation} (${results.aggregateLabel})`),
  ];
  const rows = results.candidates.map((candidate) => [
    candidate.rank,
    candidate.label,
    candidate.kind,
    candidate.aggregate,
    candidate.mean,
    candidate.spread,
    ...(candidate.criteria ?? []).map((criterion) => criterion.mean),
    ...(candidate.need && candidate.influence
      ? [candidate.need.mean, candidate.need.spread, candidate.influence.mean, candidate.influence.spread]
      : []),
    candidate.distribution.map((bucket) => `${bucket.label}: ${bucket.count}`).join('; '),
    ...organisations.map(
      (organisation) => candidate.byOrganisation.find((o) => o.organisation === organisation)?.aggregate ?? '',
    ),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
