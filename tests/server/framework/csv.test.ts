import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  frameworkToRows,
  planFrameworkImport,
  readFramework,
  type FrameworkImportPlan,
} from '../../../shared/model/framework/index.ts';
import { applyTemplate } from '../../../shared/templates/index.ts';
import { frameworkToCsv, maxFrameworkFileBytes, parseFrameworkCsv } from '../../../server/framework/index.ts';
import { buildIndicator, buildMetric, buildOutcome, buildRow } from '../../shared/model/framework/factories.ts';

function importInto(doc: Y.Doc, file: string | Uint8Array): FrameworkImportPlan {
  const parsed = parseFrameworkCsv(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const plan = planFrameworkImport(doc, parsed.rows);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  plan.apply(doc);
  return plan;
}

/** A framework whose texts hold everything that breaks naive CSV handling. */
function awkwardDoc(): Y.Doc {
  const doc = new Y.Doc();
  const outcome = addOutcome(
    doc,
    buildOutcome({
      statement: '=HYPERLINK("http://evil.example","Click")',
      description: 'Safe, "secure"\nand stable; at home',
    }),
  );
  const indicator = addIndicator(
    doc,
    buildIndicator({ name: '@SUM(A1:A9)', definition: "'=already quoted", outcomeIds: [outcome] }),
  );
  addMetric(doc, buildMetric(indicator, { name: '-1 + 2', definition: '  leading and trailing spaces  ', unit: '+%' }));
  addMetric(
    doc,
    buildMetric(indicator, { name: 'Café visits – “quoted”', definition: '\tTabbed\r\nlines', source: 'ONS' }),
  );
  return doc;
}

describe('framework CSV', () => {
  it('round-trips the default template: export, import, export gives the same file', () => {
    const source = new Y.Doc();
    applyTemplate(source, 'common-outcomes');
    const exported = frameworkToCsv(frameworkToRows(readFramework(source)));
    const copy = new Y.Doc();
    importInto(copy, new TextEncoder().encode(exported));
    expect(frameworkToCsv(frameworkToRows(readFramework(copy)))).toBe(exported);
  });

  it('round-trips awkward text: quotes, commas, line breaks, spaces, accents and would-be formulas', () => {
    const source = awkwardDoc();
    const exported = frameworkToCsv(frameworkToRows(readFramework(source)));
    const copy = new Y.Doc();
    importInto(copy, exported);
    expect(frameworkToRows(readFramework(copy))).toEqual(frameworkToRows(readFramework(source)));
    expect(frameworkToCsv(frameworkToRows(readFramework(copy)))).toBe(exported);
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    const exported = frameworkToCsv(frameworkToRows(readFramework(awkwardDoc())));
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(exported).toContain(",'@SUM(A1:A9),");
    expect(exported).toContain(",'-1 + 2,");
    expect(exported).toContain(",'+%,");
    expect(exported).toContain(`,"'\tTabbed`);
    expect(exported).toContain(",''=already quoted,");
    expect(exported).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('starts with a byte order mark and ends lines with CRLF, as Excel expects', () => {
    const exported = frameworkToCsv([buildRow()]);
    expect(exported.startsWith('\uFEFFDomain,Level,Outcome id,')).toBe(true);
    expect(exported.split('\r\n')).toHaveLength(3);
  });

  it('matches columns by header whatever their order and case, ignoring unknown ones', () => {
    const csv = [
      'metric,Notes,LEVEL,Outcome,domain,Indicator,polarity',
      'Admissions per 10000,ignore me,Babies children and young people,Children are safe,Safe,Injury admissions,lower is better',
    ].join('\n');
    const doc = new Y.Doc();
    importInto(doc, csv);
    expect(readFramework(doc).metrics[0]).toMatchObject({ name: 'Admissions per 10000', polarity: 'lower-is-better' });
  });

  it('reads semicolon-separated files, as Excel writes them in some locales', () => {
    const csv = 'Domain;Level;Outcome;Indicator;Metric\nHealthy;System;Every baby is screened;Blood spot;Coverage, %\n';
    const doc = new Y.Doc();
    importInto(doc, csv);
    expect(readFramework(doc).outcomes[0]?.statement).toBe('Every baby is screened');
  });

  it('reports a missing column on row 1', () => {
    const parsed = parseFrameworkCsv('Domain,Level,Outcome,Indicator\nSafe,System,x,y\n');
    expect(parsed).toEqual({
      ok: false,
      errors: [{ row: 1, column: 'Metric', message: 'The column Metric is missing' }],
    });
  });

  it('numbers errors by spreadsheet row, blank lines included, and imports nothing', () => {
    const rows = frameworkToCsv([buildRow(), buildRow({ Domain: 'Nowhere' })]).replace(
      /\r\n(?=[^\r\n]*Nowhere)/,
      '\r\n\r\n',
    );
    const parsed = parseFrameworkCsv(rows);
    if (!parsed.ok) throw new Error('the file should parse');
    const doc = new Y.Doc();
    const plan = planFrameworkImport(doc, parsed.rows);
    expect(plan.ok ? [] : plan.errors.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 4, column: 'Domain' },
    ]);
    expect(readFramework(doc).outcomes).toEqual([]);
  });

  it('refuses files that are too large or not UTF-8', () => {
    expect(parseFrameworkCsv('x'.repeat(maxFrameworkFileBytes + 1))).toMatchObject({ ok: false });
    const latin1 = new Uint8Array([0x44, 0x6f, 0x6d, 0x61, 0x69, 0x6e, 0x0a, 0x43, 0x61, 0x66, 0xe9]);
    const parsed = parseFrameworkCsv(latin1);
    expect(parsed.ok ? '' : parsed.errors[0]!.message).toMatch(/not UTF-8/);
  });

  it('refuses an empty file', () => {
    expect(parseFrameworkCsv('')).toMatchObject({
      ok: false,
      errors: [{ row: null, message: expect.stringMatching(/empty/) as string }],
    });
  });
});
