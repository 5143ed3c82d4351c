import { describe, expect, it } from 'vitest';
import { compareWithComparator, comparisonMark, type Estimate } from '../../../../shared/model/evidence/index.ts';

const estimate = (value: number | null, lowerCi: number | null, upperCi: number | null): Estimate => ({
  value,
  lowerCi,
  upperCi,
});
const england = estimate(50, 49.5, 50.5);

describe('compareWithComparator: the area interval against the comparator value', () => {
  it('calls an interval entirely above England higher: better when higher is better, worse when lower is', () => {
    const area = estimate(60, 55, 65);
    expect(compareWithComparator(area, england, 'higher-is-better', 'England')).toMatchObject({
      direction: 'higher',
      judgement: 'better',
      words: 'better than England',
    });
    expect(compareWithComparator(area, england, 'lower-is-better', 'England').words).toBe('worse than England');
  });

  it('calls an interval entirely below England lower: worse when higher is better, better when lower is', () => {
    const area = estimate(40, 35, 45);
    expect(compareWithComparator(area, england, 'higher-is-better', 'England').words).toBe('worse than England');
    expect(compareWithComparator(area, england, 'lower-is-better', 'England').words).toBe('better than England');
  });

  it('calls an interval containing England similar, whatever the point values', () => {
    // The area value is well above England's, but its interval reaches down past England's value.
    const wide = estimate(58, 48, 68);
    expect(compareWithComparator(wide, england, 'higher-is-better', 'England')).toMatchObject({
      direction: 'similar',
      judgement: 'similar',
      words: 'similar to England',
    });
    // Overlapping intervals whose area interval still excludes England's value count as a difference (PHE method).
    const overlapping = estimate(52, 50.2, 53.8);
    expect(compareWithComparator(overlapping, england, 'higher-is-better', 'England').direction).toBe('higher');
  });

  it('treats an interval that touches the comparator value as similar', () => {
    expect(compareWithComparator(estimate(55, 50, 60), england, 'lower-is-better', 'England').judgement).toBe(
      'similar',
    );
    expect(compareWithComparator(estimate(45, 40, 50), england, 'lower-is-better', 'England').judgement).toBe(
      'similar',
    );
  });

  it('says higher or lower without judgement for no-judgement metrics', () => {
    const higher = compareWithComparator(estimate(60, 55, 65), england, 'no-judgement', 'London region');
    expect(higher).toMatchObject({ judgement: 'no-judgement', words: 'higher than London region (no judgement)' });
    expect(comparisonMark(higher)).toBe('Higher');
    const lower = compareWithComparator(estimate(40, 35, 45), england, 'no-judgement', 'England');
    expect(lower.words).toBe('lower than England (no judgement)');
  });

  it('does not compare without an interval, a value or a comparator value', () => {
    expect(compareWithComparator(estimate(60, null, null), england, 'higher-is-better', 'England')).toMatchObject({
      judgement: 'not-compared',
      words: 'not compared with England (no confidence interval)',
    });
    expect(compareWithComparator(estimate(null, null, null), england, 'higher-is-better', 'England').judgement).toBe(
      'not-compared',
    );
    const noComparator = compareWithComparator(
      estimate(60, 55, 65),
      estimate(null, null, null),
      'higher-is-better',
      'England',
    );
    expect(noComparator.reason).toBe('no value for England');
    expect(comparisonMark(noComparator)).toBe('Not compared');
  });
});
