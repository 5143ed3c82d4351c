import { describe, expect, it } from 'vitest';
import type { DataStatus, MetricDataMapping } from '../../../../shared/schemas/dataMapping.ts';
import type { Metric } from '../../../../shared/schemas/framework.ts';
import { networkDataAgenda, type PlaceDataMapping } from '../../../../shared/model/network/networkDataAgenda.ts';
import {
  networkAgendaBlocks,
  networkAgendaHeader,
  networkAgendaRows,
} from '../../../../shared/model/network/networkDataAgendaExport.ts';
import { networkTemplateAt } from '../../../../shared/model/network/networkTemplate.ts';
import { smallTemplate } from './factories.ts';

const template = networkTemplateAt([], Infinity, smallTemplate);

/** One held metric: its template id, and its mapping (or none when nobody has mapped it). */
interface Held {
  templateId: string | null;
  status?: DataStatus | null;
  reason?: string;
  owner?: string;
  nextStep?: string;
  unmapped?: true;
}

let sequence = 0;
function place(partnershipId: string, held: Held[]): PlaceDataMapping {
  const metrics: Pick<Metric, 'id' | 'templateId'>[] = [];
  const mappings = new Map<string, MetricDataMapping>();
  for (const entry of held) {
    const id = `${partnershipId}-m${++sequence}`;
    metrics.push({ id, templateId: entry.templateId });
    if (entry.unmapped) continue;
    mappings.set(id, {
      metricId: id,
      status: entry.status ?? null,
      reason: entry.reason ?? '',
      owner: entry.owner ?? '',
      nextStep: entry.nextStep ?? '',
      reviewedAt: null,
      reviewedBy: null,
    });
  }
  return { partnershipId, metrics, mappings };
}

const icb = 'Held by the ICB, no data-sharing agreement';
const gld = 't.met.gld';
const fsm = 't.met.fsm';
const obese = 't.met.obese';

// Six places share their data mapping. Hand count table:
//             p1       p2        p3        p4         p5          p6
//   gld       missing  not-acc   not-acc   available  missing     (dropped)
//   fsm       missing  missing   partial   (no entry) status null missing
//   obese     missing  missing   missing   not-acc    not-acc     missing + available (held twice)
// gld: 2 missing + 2 not accessible = 4 > 3 → listed; fsm: 3 missing = 3, not more than half → not listed;
// obese: 3 + 2 = 5 → listed first; p6 counts once, as available (its more usable mapping).
const places = [
  place('p1', [
    { templateId: gld, status: 'missing', reason: icb, owner: 'ICB', nextStep: 'Agree a data-sharing agreement' },
    { templateId: fsm, status: 'missing' },
    { templateId: obese, status: 'missing' },
    { templateId: 'local.only', status: 'missing', reason: 'Not on the template' },
    { templateId: null, status: 'missing' },
  ]),
  place('p2', [
    {
      templateId: gld,
      status: 'not-accessible',
      reason: ' held by the ICB,  no data-sharing agreement ',
      owner: 'icb',
      nextStep: 'agree a data-sharing agreement',
    },
    { templateId: fsm, status: 'missing' },
    { templateId: obese, status: 'missing' },
  ]),
  place('p3', [
    { templateId: gld, status: 'not-accessible', reason: icb, owner: 'ICB' },
    { templateId: fsm, status: 'partial' },
    { templateId: obese, status: 'missing' },
  ]),
  place('p4', [
    { templateId: gld, status: 'available', reason: 'Ignored: the data are there', owner: 'Council' },
    { templateId: fsm, unmapped: true },
    { templateId: obese, status: 'not-accessible' },
  ]),
  place('p5', [
    { templateId: gld, status: 'missing', reason: 'Not collected locally', nextStep: 'Ask DfE to publish by ward' },
    { templateId: fsm, status: null },
    { templateId: obese, status: 'not-accessible' },
  ]),
  place('p6', [
    { templateId: fsm, status: 'missing' },
    { templateId: obese, status: 'missing' },
    { templateId: obese, status: 'available' },
  ]),
];

describe('networkDataAgenda', () => {
  const agenda = networkDataAgenda(template, places);

  it('lists the metrics more than half of the sharing places lack, most lacking first, as hand counted', () => {
    expect(agenda.places).toBe(6);
    expect(agenda.rule).toMatch(/more than half/);
    expect(
      agenda.metrics.map((metric) => [
        metric.templateId,
        metric.places,
        metric.missing,
        metric.notAccessible,
        metric.partial,
        metric.available,
        metric.notMapped,
      ]),
    ).toEqual([
      [obese, 6, 3, 2, 0, 1, 0],
      [gld, 5, 2, 2, 0, 1, 0],
    ]);
  });

  it('names each metric with its template wording, indicator and domain', () => {
    expect(agenda.metrics[1]).toMatchObject({
      name: 'Percentage of children with a good level of development',
      indicator: 'Good level of development',
      domain: 'learning',
    });
  });

  it('aggregates reasons, owners and next steps of the places lacking the data, by text as people read it', () => {
    expect(agenda.metrics[1]).toMatchObject({
      reasons: [
        { reason: icb, count: 3 },
        { reason: 'Not collected locally', count: 1 },
      ],
      owners: [{ owner: 'ICB', count: 3 }],
      nextSteps: [
        { nextStep: 'Agree a data-sharing agreement', count: 2 },
        { nextStep: 'Ask DfE to publish by ward', count: 1 },
      ],
    });
    expect(agenda.metrics[0]!.reasons).toEqual([]);
  });

  it('has nothing to list without places', () => {
    expect(networkDataAgenda(template, [])).toMatchObject({ places: 0, metrics: [] });
  });

  it('counts a metric nobody has mapped as not mapped', () => {
    const unmapped = networkDataAgenda(template, [
      place('x', [{ templateId: gld, status: 'missing' }]),
      place('y', [{ templateId: gld, unmapped: true }]),
      place('z', [{ templateId: gld, status: 'missing' }]),
    ]);
    expect(unmapped.metrics).toMatchObject([{ templateId: gld, missing: 2, notMapped: 1, places: 3 }]);
  });
});

describe('network data agenda exports', () => {
  const agenda = networkDataAgenda(template, places);

  it('gives one row per listed metric, counts out of the sharing places', () => {
    const rows = networkAgendaRows(agenda);
    expect(networkAgendaHeader).toHaveLength(rows[0]!.length);
    expect(rows[1]).toEqual([
      'Percentage of children with a good level of development',
      'Good level of development',
      'Learning',
      '5 of 6',
      '2',
      '2',
      '0',
      '1',
      '0',
      `${icb}: 3 of 6 places; Not collected locally: 1 of 6 places`,
      'ICB: 3 of 6 places',
      'Agree a data-sharing agreement: 2 of 6 places; Ask DfE to publish by ward: 1 of 6 places',
    ]);
  });

  it('writes the document as the list of asks: title, rule, summary table, a section per metric', () => {
    const blocks = networkAgendaBlocks(agenda, 'London family hubs');
    expect(blocks[0]).toEqual({ kind: 'title', text: 'London family hubs: shared data development agenda' });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: agenda.rule, italics: true });
    const table = blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((row) => row[0])).toEqual([
      'Reception children living with obesity',
      'Percentage of children with a good level of development',
    ]);
    expect(blocks).toContainEqual({ kind: 'bullet', text: `${icb}: 3 of 6 places` });
    expect(networkAgendaBlocks({ ...agenda, metrics: [] }, 'N').at(-1)).toMatchObject({
      kind: 'paragraph',
      italics: true,
    });
  });
});
