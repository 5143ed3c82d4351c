import { useState, type ReactNode } from 'react';
import type { CandidateInput, CandidateKind } from '../../../shared/schemas/rounds.ts';
import {
  candidateKey,
  toggleCandidate,
  unavailableCandidates,
  type CandidateChoice,
  type CandidateChoices,
} from '../../prioritisation/candidateChoices.ts';
import { FieldError } from '../../forms/FieldError.tsx';
import { CandidateChecklist } from './CandidateChecklist.tsx';
import { CandidateName } from './CandidateName.tsx';

const kindWords: Readonly<Record<CandidateKind, [one: string, many: string]>> = {
  outcome: ['outcome', 'outcomes'],
  indicator: ['indicator', 'indicators'],
  concern: ['cohort or locality', 'cohorts or localities'],
};

/** "5 chosen: 3 outcomes, 1 indicator, 1 cohort or locality." */
function chosenWords(chosen: readonly CandidateInput[]): string {
  const parts = (Object.keys(kindWords) as CandidateKind[]).flatMap((kind) => {
    const count = chosen.filter((candidate) => candidate.kind === kind).length;
    return count === 0 ? [] : [`${count} ${kindWords[kind][count === 1 ? 0 : 1]}`];
  });
  return parts.length === 0 ? 'None chosen yet.' : `${chosen.length} chosen: ${parts.join(', ')}.`;
}

interface CandidatePickerProps {
  id: string;
  choices: CandidateChoices;
  chosen: readonly CandidateInput[];
  onChange: (chosen: CandidateInput[]) => void;
  error?: string | undefined;
}

/**
 * Choose candidates: outcomes from the framework, and optionally indicators or cohorts and localities of concern,
 * each kind under its own heading. The optional kinds start folded away unless some are already chosen.
 */
export function CandidatePicker({ id, choices, chosen, onChange, error }: CandidatePickerProps) {
  const chosenKeys = new Set(chosen.map(candidateKey));
  const countOf = (kind: CandidateKind) => chosen.filter((candidate) => candidate.kind === kind).length;
  const [openKinds, setOpenKinds] = useState(() => ({
    indicator: countOf('indicator') > 0,
    concern: countOf('concern') > 0,
  }));
  const unavailable = unavailableCandidates(chosen, choices);
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
  const handleToggle = (choice: CandidateChoice, on: boolean) => onChange(toggleCandidate(chosen, choices, choice, on));
  const optional = (kind: 'indicator' | 'concern', summary: string, checklist: ReactNode) => (
    <details
      className="candidate-more"
      open={openKinds[kind]}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        setOpenKinds((current) => ({ ...current, [kind]: isOpen }));
      }}
    >
      <summary>
        {summary} <span className="muted">(optional, {countOf(kind)} chosen)</span>
      </summary>
      {checklist}
    </details>
  );

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <div id={`${id}-hint`} className="hint">
        Choose at least 2 candidates. Most rounds vote on outcomes; a board can also weigh indicators, or cohorts and
        localities of concern. <span data-testid="candidates-chosen">{chosenWords(chosen)}</span>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      <CandidateChecklist
        inputId={id}
        legend="Outcomes to vote on"
        findLabel="Find an outcome"
        emptyNotice="The framework has no outcomes yet. Add outcomes to the framework first, then choose them here."
        groups={choices.outcome}
        describedBy={describedBy}
        chosenKeys={chosenKeys}
        onToggle={handleToggle}
      />
      {optional(
        'indicator',
        'Indicators',
        <CandidateChecklist
          inputId={`${id}-indicator`}
          legend="Indicators to vote on"
          findLabel="Find an indicator"
          emptyNotice="The framework has no indicators yet."
          groups={choices.indicator}
          describedBy={describedBy}
          chosenKeys={chosenKeys}
          onToggle={handleToggle}
        />,
      )}
      {optional(
        'concern',
        'Cohorts and localities of concern',
        <CandidateChecklist
          inputId={`${id}-concern`}
          legend="Cohorts and localities of concern to vote on"
          findLabel="Find a cohort or locality"
          emptyNotice="No cohorts or localities of concern are recorded yet. Record them on the Concerns screen first."
          groups={choices.concern}
          describedBy={describedBy}
          chosenKeys={chosenKeys}
          onToggle={handleToggle}
        />,
      )}
      {unavailable.length > 0 ? (
        <fieldset className="fieldset candidate-checklist">
          <legend className="candidate-checklist__legend">Chosen earlier, no longer in the workspace</legend>
          <p className="hint">
            These were deleted since. Untick them before saving: a round votes only on what exists.
          </p>
          {unavailable.map((candidate) => {
            const checkboxId = `${id}-unavailable-${candidate.kind}-${candidate.refId}`;
            return (
              <div className="checkbox" key={checkboxId}>
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked
                  onChange={() => onChange(chosen.filter((c) => c !== candidate))}
                />
                <label htmlFor={checkboxId}>
                  <CandidateName candidate={candidate} />
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
