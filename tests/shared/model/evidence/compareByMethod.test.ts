import { describe, expect, it } from 'vitest';
import {
  compareByMethod,
  comparisonMethodWords,
  methodComparisonMark,
  tierMark,
  type MethodEstimate,
} from '../../../../shared/model/evidence/index.ts';
import type { ComparisonMethod } from '../../../../shared/schemas/evidenceMethods.ts';
import type { Polarity } from '../../../../shared/schemas/framework.ts';

/** An area's estimate: value with 95% limits, and optionally 99.8% limits and a quintile. */
function buildEstimate(overrides: Partial<MethodEstimate> = {}): MethodEstimate {
  return { value: 53, lowerCi: 50.5, upperCi: 55.5, lowerCi998: 49, upperCi998: 57, quintile: null, ...overrides };
}

// England's value is 50 throughout; its own interval is never used (the comparator's value is what counts).
const england = { value: 50, lowerCi: 49.9, upperCi: 50.1 };

function compare(area: MethodEstimate, method: ComparisonMethod, polarity: Polarity = 'lower-is-better') {
  return compareByMethod(area, england, { method, polarity, comparatorName: 'England' });
}

describe('compareByMethod: the 95% and the 99.8% interval can disagree', () => {
  // 95% interval 50.5–55.5 lies wholly above 50 → higher; 99.8% interval 49–57 contains 50 → similar.
  const area = buildEstimate();

  it('calls it higher at 95%: worse when lower is better, with the words as before metadata', () => {
    expect(compare(area, 'ci-95')).toMatchObject({
      method: 'ci-95',
      level: '95',
      direction: 'higher',
      judgement: 'worse',
      words: 'worse than England',
      tiers: [{ level: '95', direction: 'higher', judgement: 'worse' }],
    });
  });

  it('calls it similar at 99.8%, naming the level', () => {
    expect(compare(area, 'ci-99.8')).toMatchObject({
      method: 'ci-99.8',
      level: '99.8',
      direction: 'similar',
      judgement: 'similar',
      words: 'similar to England (99.8% interval)',
    });
  });

  it('does not compare at 99.8% without 99.8% limits (it never widens the 95% interval itself)', () => {
    const without = buildEstimate({ lowerCi998: null, upperCi998: null });
    expect(compare(without, 'ci-99.8')).toMatchObject({
      judgement: 'not-compared',
      level: null,
      reason: 'no 99.8% confidence interval',
      words: 'not compared with England (no 99.8% confidence interval)',
    });
    // Limits the data does not carry at all (observations before the 99.8% columns were imported).
    expect(compare({ value: 53, lowerCi: 50.5, upperCi: 55.5 }, 'ci-99.8').judgement).toBe('not-compared');
  });
});

describe('compareByMethod: two tiers (95% and 99.8%)', () => {
  it('says the difference holds at 95% only when the 99.8% interval reaches the comparator', () => {
    // 95%: 50.5 > 50 → higher (worse, lower is better); 99.8%: 49 ≤ 50 ≤ 57 → similar.
    const comparison = compare(buildEstimate(), 'ci-95-and-99.8');
    expect(comparison).toMatchObject({
      level: '95',
      judgement: 'worse',
      words: 'worse than England (95% interval only)',
      tiers: [
        { level: '95', direction: 'higher', judgement: 'worse' },
        { level: '99.8', direction: 'similar', judgement: 'similar' },
      ],
    });
    expect(comparison.tiers.map(tierMark)).toEqual(['95%: Worse', '99.8%: Similar']);
  });

  it('says the difference holds at 99.8% when both intervals exclude the comparator', () => {
    // 95%: 55–61 wholly above 50; 99.8%: 52–64 wholly above 50 too.
    const area = buildEstimate({ value: 58, lowerCi: 55, upperCi: 61, lowerCi998: 52, upperCi998: 64 });
    expect(compare(area, 'ci-95-and-99.8')).toMatchObject({
      level: '99.8',
      judgement: 'worse',
      words: 'worse than England (99.8% interval)',
    });
    // Polarity flip: the same interval is better when higher is better.
    expect(compare(area, 'ci-95-and-99.8', 'higher-is-better').words).toBe('better than England (99.8% interval)');
    // No judgement: higher, the brackets merged.
    expect(compare(area, 'ci-95-and-99.8', 'no-judgement').words).toBe(
      'higher than England (no judgement; 99.8% interval)',
    );
  });

  it('is similar at both tiers when the 95% interval contains the comparator', () => {
    // 95%: 49–53 contains 50, so the wider 99.8% interval 47.5–54.5 does too.
    const area = buildEstimate({ value: 51, lowerCi: 49, upperCi: 53, lowerCi998: 47.5, upperCi998: 54.5 });
    expect(compare(area, 'ci-95-and-99.8')).toMatchObject({
      level: '95',
      judgement: 'similar',
      words: 'similar to England (95% interval)',
    });
  });

  it('gives the 95% tier alone, saying so, when the data has no 99.8% limits', () => {
    const area = buildEstimate({ lowerCi998: null, upperCi998: null });
    const comparison = compare(area, 'ci-95-and-99.8');
    expect(comparison.words).toBe('worse than England (95% interval; no 99.8% interval)');
    expect(comparison.tiers).toHaveLength(1);
  });

  it('flips better and worse with polarity for a lower interval', () => {
    // 95%: 42–46 and 99.8%: 40.5–47.5, both wholly below 50.
    const area = buildEstimate({ value: 44, lowerCi: 42, upperCi: 46, lowerCi998: 40.5, upperCi998: 47.5 });
    expect(compare(area, 'ci-95-and-99.8', 'lower-is-better').judgement).toBe('better');
    expect(compare(area, 'ci-95-and-99.8', 'higher-is-better').judgement).toBe('worse');
  });
});

describe('compareByMethod: quintiles say higher or lower, never better or worse', () => {
  it('names the quintile among areas in England, whatever the polarity', () => {
    for (const polarity of ['lower-is-better', 'higher-is-better', 'no-judgement'] as const) {
      const highest = compare(buildEstimate({ quintile: 5 }), 'quintiles', polarity);
      expect(highest).toMatchObject({
        method: 'quintiles',
        level: null,
        quintile: 5,
        direction: 'higher',
        judgement: 'no-judgement',
        words: 'highest quintile of areas in England',
      });
      expect(highest.words).not.toMatch(/better|worse/);
      expect(methodComparisonMark(highest)).toBe('Highest quintile');
    }
    expect(compare(buildEstimate({ quintile: 1 }), 'quintiles').words).toBe('lowest quintile of areas in England');
    expect(compare(buildEstimate({ quintile: 2 }), 'quintiles').words).toBe('low quintile of areas in England');
    const middle = compare(buildEstimate({ quintile: 3 }), 'quintiles');
    expect(middle).toMatchObject({ direction: 'similar', judgement: 'no-judgement' });
    expect(methodComparisonMark(middle)).toBe('Middle quintile');
  });

  it('does not compare with a region (quintiles are among all areas in England) or without a quintile', () => {
    const region = compareByMethod(buildEstimate({ quintile: 4 }), england, {
      method: 'quintiles',
      polarity: 'lower-is-better',
      comparatorName: 'London region',
    });
    expect(region).toMatchObject({
      judgement: 'not-compared',
      words: 'not compared with London region (quintiles are among all areas in England)',
    });
    expect(compare(buildEstimate({ quintile: null }), 'quintiles').reason).toBe('no quintile for this area');
  });
});

describe('compareByMethod: not compared, and the method in words', () => {
  it('does not compare an indicator Fingertips does not compare', () => {
    expect(compare(buildEstimate(), 'not-compared')).toMatchObject({
      method: 'not-compared',
      judgement: 'not-compared',
      words: 'not compared with England (this indicator is not compared)',
    });
  });

  it('says how each method compares', () => {
    expect(comparisonMethodWords('ci-95', 'England')).toBe(
      "Compared by the 95% confidence interval against England's value",
    );
    expect(comparisonMethodWords('ci-95-and-99.8', 'England')).toContain('two tiers');
    expect(comparisonMethodWords('quintiles', 'England')).toContain('higher or lower, not better or worse');
  });
});
