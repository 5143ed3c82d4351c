import { useId, useState } from 'react';
import { domainLabel, domainOrder, levelLabel } from '../../../shared/model/framework/index.ts';
import type { Outcome } from '../../../shared/schemas/framework.ts';
import type { CandidateInput } from '../../../shared/schemas/rounds.ts';
import { FieldError } from '../../forms/FieldError.tsx';

/** The label a round keeps for an outcome (rounds never depend on the workspace after they are made). */
function labelOf(outcome: Outcome): string {
  return outcome.statement.trim() || 'Untitled outcome';
}

interface CandidatePickerProps {
  id: string;
  outcomes: readonly Outcome[];
  chosen: readonly CandidateInput[];
  onChange: (chosen: CandidateInput[]) => void;
  error?: string | undefined;
}

/** Choose candidates from the framework's outcomes, grouped by domain, with a filter for long frameworks. */
export function CandidatePicker({ id, outcomes, chosen, onChange, error }: CandidatePickerProps) {
  const [filter, setFilter] = useState('');
  const prefix = useId();
  const chosenIds = new Set(chosen.filter((c) => c.kind === 'outcome').map((c) => c.refId));
  const words = filter.trim().toLowerCase();
  const shown = outcomes.filter((outcome) => words === '' || labelOf(outcome).toLowerCase().includes(words));
  // Candidates chosen earlier whose outcome has since gone from the framework stay, labelled as they were.
  const orphans = chosen.filter((c) => c.kind !== 'outcome' || !outcomes.some((o) => o.id === c.refId));

  const toggle = (outcome: Outcome, on: boolean): void => {
    if (on) {
      // Keep the framework's order, so the ballot lists outcomes the way the board knows them.
      const next = outcomes
        .filter((o) => chosenIds.has(o.id) || o.id === outcome.id)
        .map(
          (o): CandidateInput =>
            chosen.find((c) => c.kind === 'outcome' && c.refId === o.id) ?? {
              kind: 'outcome',
              refId: o.id,
              label: labelOf(o),
            },
        );
      onChange([...next, ...orphans]);
    } else {
      onChange(chosen.filter((c) => !(c.kind === 'outcome' && c.refId === outcome.id)));
    }
  };

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="fieldset__legend">Outcomes to vote on</legend>
        <div id={`${id}-hint`} className="hint">
          Choose at least 2 outcomes from the framework. {chosen.length} chosen.
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <label htmlFor={id}>Find an outcome</label>
        <input
          id={id}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="input--medium"
        />
        {outcomes.length === 0 ? (
          <p className="notice notice--info">
            The framework has no outcomes yet. Add outcomes to the framework first, then choose them here.
          </p>
        ) : null}
        <div className="candidate-picker">
          {domainOrder.map((domain) => {
            const inDomain = shown.filter((outcome) => outcome.domain === domain);
            if (inDomain.length === 0) return null;
            const count = inDomain.filter((outcome) => chosenIds.has(outcome.id)).length;
            return (
              <fieldset key={domain} className="fieldset candidate-picker__domain">
                <legend className="candidate-picker__legend">
                  {domainLabel(domain)} <span className="muted">({count} chosen)</span>
                </legend>
                {inDomain.map((outcome) => {
                  const checkboxId = `${prefix}-${outcome.id}`;
                  return (
                    <div className="checkbox" key={outcome.id}>
                      <input
                        type="checkbox"
                        id={checkboxId}
                        checked={chosenIds.has(outcome.id)}
                        onChange={(event) => toggle(outcome, event.target.checked)}
                        aria-describedby={`${checkboxId}-level`}
                      />
                      <label htmlFor={checkboxId}>{labelOf(outcome)}</label>
                      <span id={`${checkboxId}-level`} className="hint choice-hint">
                        {levelLabel(outcome.level)}
                      </span>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          {orphans.length > 0 ? (
            <fieldset className="fieldset candidate-picker__domain">
              <legend className="candidate-picker__legend">Chosen earlier, no longer in the framework</legend>
              {orphans.map((candidate) => {
                const checkboxId = `${prefix}-orphan-${candidate.kind}-${candidate.refId}`;
                return (
                  <div className="checkbox" key={checkboxId}>
                    <input
                      type="checkbox"
                      id={checkboxId}
                      checked
                      onChange={() => onChange(chosen.filter((c) => c !== candidate))}
                    />
                    <label htmlFor={checkboxId}>{candidate.label}</label>
                  </div>
                );
              })}
            </fieldset>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
