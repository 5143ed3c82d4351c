import { candidateOrderLabels } from '../../../shared/model/prioritisation/candidateOrder.ts';
import { CandidateOrderSchema, type CandidateOrder } from '../../../shared/schemas/rounds.ts';
import { RadioGroup } from '../../forms/RadioGroup.tsx';
import { draftCandidateOrder, type RoundDraft } from '../../prioritisation/roundDraft.ts';

const options = CandidateOrderSchema.options.map((value: CandidateOrder) => ({
  value,
  label: candidateOrderLabels[value].label,
  hint: candidateOrderLabels[value].summary,
}));

/**
 * The order candidates appear in on each ballot. Until the facilitator chooses, it follows the method: shuffled for
 * ranking and dots (where the first candidates listed would otherwise gain), as listed for scores and matrix.
 */
export function CandidateOrderField({
  draft,
  onChange,
  fieldId,
}: {
  draft: RoundDraft;
  onChange: (change: Partial<RoundDraft>) => void;
  fieldId: string;
}) {
  return (
    <RadioGroup
      id={fieldId}
      name="candidateOrder"
      legend="What order do voters see the candidates in?"
      hint="People tend to favour what comes first. A random order for each voter spreads that effect evenly."
      options={options}
      value={draftCandidateOrder(draft)}
      onChange={(candidateOrder) => onChange({ candidateOrder })}
    />
  );
}
