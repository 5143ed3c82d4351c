import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EvidenceStatement } from '../../../client/evidence/EvidenceStatement.tsx';
import { formatInterval998 } from '../../../client/evidence/formatObservation.ts';
import { seriesRows, summariseSeries } from '../../../shared/model/evidence/index.ts';
import type { EvidenceMethod } from '../../../shared/schemas/evidenceMethods.ts';
import type { EvidenceArea, Observation } from '../../../shared/schemas/observations.ts';
import { buildObservation as observation } from '../../shared/model/evidence/observationFactory.ts';

const areas: EvidenceArea[] = [
  { code: 'E09000024', name: 'Merton', role: 'area' },
  { code: 'E92000001', name: 'England', role: 'england' },
];

const buildObservation = (overrides: Partial<Observation> = {}): Observation =>
  observation({
    ...{ value: 53, lowerCi: 50.5, upperCi: 55.5, count: 530, lowerCi998: 49, upperCi998: 57, quintile: 5 },
    ...overrides,
  });

/** The statement as text: what a screen reader (or anyone without colour) gets. */
function statementText(method: EvidenceMethod): string {
  const observations = [
    buildObservation(),
    buildObservation({ areaCode: 'E92000001', areaName: 'England', value: 50 }),
  ];
  const summary = summariseSeries(seriesRows(observations, areas), areas, 'lower-is-better', method);
  const html = renderToStaticMarkup(
    createElement(EvidenceStatement, { summary, areaName: 'Merton', regionName: null, unit: '%' }),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('EvidenceStatement: the method in words, in text', () => {
  it('shows both tiers as text marks and names the method and the 99.8% interval', () => {
    // 95% interval 50.5–55.5 excludes England's 50; the 99.8% interval 49–57 does not.
    const text = statementText({
      comparison: 'ci-95-and-99.8',
      valueType: 'proportion',
      source: 'fingertips-metadata',
    });
    expect(text).toContain('95% confidence interval 50.5% to 55.5%; 99.8% interval 49% to 57%');
    expect(text).toContain('worse than England (95% interval only)');
    expect(text).toContain('95%: Worse');
    expect(text).toContain('99.8%: Similar');
    expect(text).toContain(
      "Compared by the 95% and the 99.8% confidence intervals against England's value (two tiers)",
    );
    expect(text).toContain('Methods from the imported Fingertips indicator metadata');
    // One year only: Fingertips' test needs five.
    expect(text).toContain('Recent trend could not be calculated');
  });

  it('words quintiles as higher or lower', () => {
    const text = statementText({ comparison: 'quintiles', valueType: 'proportion', source: 'fingertips-metadata' });
    expect(text).toContain('Highest quintile');
    expect(text).toContain('highest quintile of areas in England');
    expect(text).not.toMatch(/\b(better|worse) than England/);
  });

  it('writes the 99.8% interval only when the data has one', () => {
    expect(formatInterval998(buildObservation(), '%')).toBe('49% to 57%');
    expect(formatInterval998(buildObservation({ lowerCi998: null }), '%')).toBe('');
    expect(formatInterval998(buildObservation({ suppressed: true }), '%')).toBe('suppressed (<5)');
  });
});
