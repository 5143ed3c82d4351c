import { describe, expect, it } from 'vitest';
import {
  comparatorJudgements,
  metricJudgements,
  seriesRows,
  summariseSeries,
} from '../../../../shared/model/evidence/index.ts';
import type { EvidenceMethod } from '../../../../shared/schemas/evidenceMethods.ts';
import type { EvidenceArea, Observation } from '../../../../shared/schemas/observations.ts';
import { buildObservation as observation } from './observationFactory.ts';

const areas: EvidenceArea[] = [
  { code: 'E06000032', name: 'Luton', role: 'area' },
  { code: 'E12000006', name: 'East of England region', role: 'region' },
  { code: 'E92000001', name: 'England', role: 'england' },
];

const buildObservation = (overrides: Partial<Observation> = {}): Observation =>
  observation({
    ...{ areaCode: 'E06000032', areaName: 'Luton', period: '2019/20', periodKey: 20190000, count: 100 },
    ...overrides,
  });

/**
 * Five years of Luton rising 100 → 180 per 1000 (χ² for trend = 33.22, see trend.test.ts), with England at 12% and
 * the region at 17% each year. Luton's latest (2023/24): 18%, 95% interval 15.6–20.4, 99.8% interval 14.4–21.6.
 */
function buildObservations(): Observation[] {
  return [100, 120, 140, 160, 180].flatMap((count, index) => {
    const period = `${2019 + index}/${String(20 + index).padStart(2, '0')}`;
    const periodKey = (2019 + index) * 10_000;
    const value = count / 10;
    return [
      buildObservation({
        period,
        periodKey,
        value,
        count,
        lowerCi: value - 2.4,
        upperCi: value + 2.4,
        lowerCi998: value - 3.6,
        upperCi998: value + 3.6,
      }),
      buildObservation({ areaCode: 'E92000001', areaName: 'England', period, periodKey, value: 12, count: null }),
      buildObservation({ areaCode: 'E12000006', areaName: 'East', period, periodKey, value: 17, count: null }),
    ];
  });
}

const twoTiers: EvidenceMethod = {
  comparison: 'ci-95-and-99.8',
  valueType: 'proportion',
  source: 'fingertips-metadata',
};

describe('summariseSeries by the metric’s methods', () => {
  it('compares by the method and tests the trend by the value type', () => {
    const summary = summariseSeries(seriesRows(buildObservations(), areas), areas, 'lower-is-better', twoTiers);
    // England 12: the 99.8% interval 14.4–21.6 lies wholly above it → worse at 99.8%.
    expect(summary.versusEngland).toMatchObject({ level: '99.8', words: 'worse than England (99.8% interval)' });
    // Region 17: inside both 15.6–20.4 and 14.4–21.6 → similar.
    expect(summary.versusRegion?.words).toBe('similar to East of England region (95% interval)');
    expect(summary.trend).toMatchObject({ method: 'chi-square-for-trend', marker: 'Increasing and getting worse' });
    expect(summary.method).toBe(twoTiers);
  });

  it('keeps the defaults without a method: the 95% interval, and the interval trend', () => {
    const summary = summariseSeries(seriesRows(buildObservations(), areas), areas, 'lower-is-better');
    expect(summary.versusEngland).toMatchObject({ method: 'ci-95', words: 'worse than England' });
    expect(summary.trend.method).toBe('interval-overlap');
  });
});

describe('comparatorJudgements: the evidence answer’s per-comparator judgements', () => {
  it('names each comparator, its method, level and judgement', () => {
    const summary = summariseSeries(seriesRows(buildObservations(), areas), areas, 'lower-is-better', twoTiers);
    expect(comparatorJudgements(summary, areas)).toEqual([
      {
        comparatorCode: 'E92000001',
        comparatorName: 'England',
        role: 'england',
        period: '2023/24',
        method: 'ci-95-and-99.8',
        level: '99.8',
        tiers: [
          { level: '95', direction: 'higher', judgement: 'worse' },
          { level: '99.8', direction: 'higher', judgement: 'worse' },
        ],
        quintile: null,
        direction: 'higher',
        judgement: 'worse',
        words: 'worse than England (99.8% interval)',
      },
      {
        comparatorCode: 'E12000006',
        comparatorName: 'East of England region',
        role: 'region',
        period: '2023/24',
        method: 'ci-95-and-99.8',
        level: '95',
        tiers: [
          { level: '95', direction: 'similar', judgement: 'similar' },
          { level: '99.8', direction: 'similar', judgement: 'similar' },
        ],
        quintile: null,
        direction: 'similar',
        judgement: 'similar',
        words: 'similar to East of England region (95% interval)',
      },
    ]);
  });

  it('gives quintiles for England only, and nothing without a value', () => {
    const quintiles: EvidenceMethod = {
      comparison: 'quintiles',
      valueType: 'proportion',
      source: 'fingertips-metadata',
    };
    const observations = buildObservations().map((observation) =>
      observation.areaCode === 'E06000032' ? { ...observation, quintile: 5 } : observation,
    );
    const judgements = metricJudgements(observations, areas, 'lower-is-better', quintiles);
    expect(judgements.map((judgement) => [judgement.role, judgement.judgement, judgement.words])).toEqual([
      ['england', 'no-judgement', 'highest quintile of areas in England'],
      ['region', 'not-compared', 'not compared with East of England region (quintiles are among all areas in England)'],
    ]);
    expect(metricJudgements([], areas, 'lower-is-better', quintiles)).toEqual([]);
  });
});
