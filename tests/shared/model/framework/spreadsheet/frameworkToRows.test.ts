import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addOutcome,
  frameworkToRows,
  readFramework,
  unlinkIndicator,
} from '../../../../../shared/model/framework/index.ts';
import { frameworkColumns } from '../../../../../shared/schemas/framework.ts';
import { buildIndicator, buildOutcome, seedFramework } from '../factories.ts';

describe('framework to spreadsheet rows', () => {
  it('writes one row per metric, repeating an indicator under every outcome it serves', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators, metrics } = seedFramework(doc);
    const rows = frameworkToRows(readFramework(doc));
    expect(rows.map((row) => [row['Outcome id'], row['Indicator id'], row['Metric id']])).toEqual([
      [outcomes[0], indicators[0], metrics[0]],
      [outcomes[0], indicators[0], metrics[1]],
      [outcomes[1], indicators[1], metrics[2]],
      [outcomes[2], indicators[0], metrics[0]],
      [outcomes[2], indicators[0], metrics[1]],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(frameworkColumns);
  });

  it('uses labels people read, not internal keys', () => {
    const doc = new Y.Doc();
    seedFramework(doc);
    const [row] = frameworkToRows(readFramework(doc));
    expect(row).toMatchObject({
      Domain: 'Safe',
      Level: 'Babies, children and young people',
      'Age stages': 'Age 0 to 2; Age 3 to 4',
      'Outcome scope': 'Local',
      Polarity: 'Lower is better',
      Breakdowns: 'Sex; Ward or locality',
    });
  });

  it('gives outcomes without indicators, indicators without metrics and unlinked indicators a row of their own', () => {
    const doc = new Y.Doc();
    const lonely = addOutcome(doc, buildOutcome());
    const bare = addIndicator(doc, buildIndicator({ outcomeIds: [lonely] }));
    const unlinked = addIndicator(doc, buildIndicator({ outcomeIds: [lonely] }));
    unlinkIndicator(doc, unlinked, lonely);
    const rows = frameworkToRows(readFramework(doc));
    expect(rows.map((row) => [row['Outcome id'], row['Indicator id'], row['Metric id']])).toEqual([
      [lonely, bare, ''],
      ['', unlinked, ''],
    ]);
    expect(rows[1]).toMatchObject({ Domain: '', Level: '', Outcome: '' });
  });
});
