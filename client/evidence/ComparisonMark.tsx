import type { Comparison, ComparisonTier, MethodComparison } from '../../shared/model/evidence/index.ts';
import { comparisonMark, methodComparisonMark, tierMark } from '../../shared/model/evidence/index.ts';

const tagClass: Record<Comparison['judgement'], string> = {
  better: 'comparison-mark comparison-mark--better',
  worse: 'comparison-mark comparison-mark--worse',
  similar: 'comparison-mark comparison-mark--similar',
  'no-judgement': 'comparison-mark comparison-mark--neutral',
  'not-compared': 'comparison-mark comparison-mark--neutral',
};

function isMethodComparison(comparison: Comparison | MethodComparison): comparison is MethodComparison {
  return 'method' in comparison;
}

/** A short mark for a comparison: the word carries the meaning, the colour only repeats it. */
export function ComparisonMark({ comparison }: { comparison: Comparison | MethodComparison | null }) {
  if (!comparison) return <span className="comparison-mark comparison-mark--neutral">No data</span>;
  const mark = isMethodComparison(comparison) ? methodComparisonMark(comparison) : comparisonMark(comparison);
  return <span className={tagClass[comparison.judgement]}>{mark}</span>;
}

/**
 * The two tiers of a 95%-and-99.8% comparison as two text marks ("95%: Worse", "99.8%: Similar"), so the tier that
 * holds is read, not inferred from a shade.
 */
export function ComparisonTierMarks({ tiers }: { tiers: readonly ComparisonTier[] }) {
  return (
    <span className="comparison-tiers">
      {tiers.map((tier) => (
        <span key={tier.level} className={`${tagClass[tier.judgement]} comparison-mark--tier`}>
          {tierMark(tier)}
        </span>
      ))}
    </span>
  );
}
