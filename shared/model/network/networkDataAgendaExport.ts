import type { NetworkDataAgenda } from '../../schemas/networks.ts';
import { domainWords } from '../cycles/packWords.ts';

/**
 * The network's data agenda as "the network's list of asks to national bodies": one table for CSV and XLSX, and the
 * same words as blocks for a Word document, so the three forms cannot disagree. Cells are plain text here; the
 * writers neutralise formula cells.
 */

type AgendaMetric = NetworkDataAgenda['metrics'][number];

/** "held by the ICB, no data-sharing agreement: 6 of 8 places; …" */
function counted(entries: readonly { text: string; count: number }[], places: number): string {
  return entries
    .map(({ text, count }) => `${text}: ${count} of ${places} ${places === 1 ? 'place' : 'places'}`)
    .join('; ');
}

const reasonsOf = (metric: AgendaMetric) => metric.reasons.map(({ reason, count }) => ({ text: reason, count }));
const ownersOf = (metric: AgendaMetric) => metric.owners.map(({ owner, count }) => ({ text: owner, count }));
const stepsOf = (metric: AgendaMetric) => metric.nextSteps.map(({ nextStep, count }) => ({ text: nextStep, count }));

/** The columns of the agenda table. */
export const networkAgendaHeader = [
  'Metric',
  'Indicator',
  'Domain',
  'Places holding it',
  'Missing',
  'Not accessible',
  'Partial',
  'Available',
  'Not yet mapped',
  'Reasons',
  'Owners',
  'Next steps',
] as const;

/** The agenda as one row per metric, under `networkAgendaHeader`. */
export function networkAgendaRows(agenda: NetworkDataAgenda): string[][] {
  return agenda.metrics.map((metric) => [
    metric.name,
    metric.indicator,
    domainWords(metric.domain),
    `${metric.places} of ${agenda.places}`,
    String(metric.missing),
    String(metric.notAccessible),
    String(metric.partial),
    String(metric.available),
    String(metric.notMapped),
    counted(reasonsOf(metric), agenda.places),
    counted(ownersOf(metric), agenda.places),
    counted(stepsOf(metric), agenda.places),
  ]);
}

/** A block of the Word document, as plain data (the server turns it into docx paragraphs and tables). */
export type AgendaBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italics?: boolean }
  | { kind: 'bullet'; text: string }
  | { kind: 'table'; caption: string; columns: { heading: string; weight: number }[]; rows: string[][] };

/** The agenda as a document: what it is and the rule, a summary table, then one section per metric. */
export function networkAgendaBlocks(agenda: NetworkDataAgenda, networkName: string): AgendaBlock[] {
  const blocks: AgendaBlock[] = [
    { kind: 'title', text: `${networkName}: shared data development agenda` },
    {
      kind: 'paragraph',
      text:
        `The metrics of the network's common template whose data most places cannot get, from the data mapping of ` +
        `${agenda.places} ${agenda.places === 1 ? 'place' : 'places'}: the network's list of asks to national bodies.`,
    },
    { kind: 'paragraph', text: agenda.rule, italics: true },
  ];
  if (agenda.metrics.length === 0) {
    return [
      ...blocks,
      { kind: 'paragraph', text: 'No metric is missing or not accessible in most places.', italics: true },
    ];
  }
  blocks.push({
    kind: 'table',
    caption: 'Metrics missing or not accessible in most places',
    columns: [
      { heading: 'Metric', weight: 4 },
      { heading: 'Domain', weight: 2 },
      { heading: 'Missing', weight: 1.2 },
      { heading: 'Not accessible', weight: 1.4 },
      { heading: 'Partial', weight: 1.2 },
      { heading: 'Available', weight: 1.2 },
    ],
    rows: agenda.metrics.map((metric) => [
      metric.name,
      domainWords(metric.domain),
      String(metric.missing),
      String(metric.notAccessible),
      String(metric.partial),
      String(metric.available),
    ]),
  });
  for (const metric of agenda.metrics) {
    blocks.push({ kind: 'heading', text: metric.name });
    if (metric.indicator !== '') blocks.push({ kind: 'paragraph', text: `Indicator: ${metric.indicator}` });
    blocks.push({
      kind: 'paragraph',
      text:
        `Missing in ${metric.missing}, not accessible in ${metric.notAccessible}, partial in ${metric.partial} and ` +
        `available in ${metric.available} of the ${metric.places} places holding it` +
        (metric.notMapped > 0 ? ` (${metric.notMapped} not yet mapped).` : '.'),
    });
    for (const [title, entries] of [
      ['Why the data cannot be had', reasonsOf(metric)],
      ['Who holds them', ownersOf(metric)],
      ['Next steps', stepsOf(metric)],
    ] as const) {
      if (entries.length === 0) continue;
      blocks.push({ kind: 'paragraph', text: title });
      for (const entry of entries) {
        blocks.push({ kind: 'bullet', text: `${entry.text}: ${entry.count} of ${agenda.places} places` });
      }
    }
  }
  return blocks;
}
