import { describe, expect, it } from 'vitest';
import { evidenceHeadline } from '../../../../shared/model/prioritisation/candidateEvidence.ts';
import type { CandidateMetric } from '../../../../shared/schemas/candidateEvidence.ts';

type Judgement = 'better' | 'worse' | 'similar';

/** A metric with data: its judgements against England and the region, and whether it is getting worse. */
function metric(id: string, england: Judgement, region: Judgement, worsening = false): CandidateMetric {
  return {
    metricId: id,
    name: id,
    unit: '%',
    indicatorName: 'Indicator',
    availability: 'available',
    latest: {
      metricId: id,
      areaCode: 'E09000024',
      period: '2023/24',
      periodKey: 20230000,
      value: 5,
      suppressed: false,
      importedAt: '2026-12-01T00:00:00.000Z',
      comparisons: [
        { comparator: 'england', comparatorName: 'England', judgement: england, words: `${england} England` },
        { comparator: 'region', comparatorName: 'London', judgement: region, words: `${region} London` },
      ],
      trend: {
        direction: worsening ? 'increasing' : 'no-significant-change',
        judgement: worsening ? 'getting-worse' : 'none',
        tested: true,
        words: worsening ? 'Increasing and getting worse' : 'No significant change',
      },
    },
  };
}

const noData = (id: string): CandidateMetric => ({
  metricId: id,
  name: id,
  unit: '',
  indicatorName: 'Indicator',
  availability: 'missing',
  latest: null,
});

describe('the one-line evidence headline beside a candidate', () => {
  it.each([
    [[], 'No metrics measure this yet.'],
    [[noData('a')], 'No data yet.'],
    [
      [metric('a', 'similar', 'similar')],
      '1 metric with data, none worse than England or the region, or getting worse.',
    ],
    [
      [metric('a', 'worse', 'worse', true), metric('b', 'better', 'similar'), noData('c')],
      '1 of 3 metrics worse than England; 1 better than England; 1 worse than the region; 1 getting worse; 1 without data.',
    ],
    [[metric('a', 'similar', 'worse')], '1 worse than the region.'],
  ])('%#: says it in words', (metrics, expected) => {
    expect(evidenceHeadline(metrics)).toBe(expected);
  });
});
