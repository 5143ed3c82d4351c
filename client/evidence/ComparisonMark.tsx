import type { Comparison } from '../../shared/model/evidence/index.ts';
import { comparisonMark } from '../../shared/model/evidence/index.ts';

const tagClass: Record<Comparison['judgement'], string> = {
  better: 'comparison-mark comparison-mark--better',
  worse: 'comparison-mark comparison-mark--worse',
  similar: 'comparison-mark comparison-mark--similar',
  'no-judgement': 'comparison-mark comparison-mark--neutral',
  'not-compared': 'comparison-mark comparison-mark--neutral',
};

/** A short mark for a comparison: the word carries the meaning, the colour only repeats it. */
export function ComparisonMark({ comparison }: { comparison: Comparison | null }) {
  if (!comparison) return <span className="comparison-mark comparison-mark--neutral">No data</span>;
  return <span className={tagClass[comparison.judgement]}>{comparisonMark(comparison)}</span>;
}
