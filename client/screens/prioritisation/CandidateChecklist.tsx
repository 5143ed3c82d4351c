import { useId, useState } from 'react';
import {
  candidateKey,
  type CandidateChoice,
  type CandidateChoiceGroup,
} from '../../prioritisation/candidateChoices.ts';

interface CandidateChecklistProps {
  /** The find box's id (the first checklist's is where the error summary sends focus). */
  inputId: string;
  legend: string;
  findLabel: string;
  /** Said when the workspace has nothing of this kind yet. */
  emptyNotice: string;
  groups: readonly CandidateChoiceGroup[];
  /** Ids of the hint and error that apply to every kind of candidate. */
  describedBy: string;
  chosenKeys: ReadonlySet<string>;
  onToggle: (choice: CandidateChoice, on: boolean) => void;
}

/** One kind of candidate as grouped checkboxes, with a find box for long lists. */
export function CandidateChecklist(props: CandidateChecklistProps) {
  const { inputId, legend, findLabel, emptyNotice, groups, describedBy, chosenKeys, onToggle } = props;
  const [filter, setFilter] = useState('');
  const prefix = useId();
  const words = filter.trim().toLowerCase();
  const isEmpty = groups.every((group) => group.choices.length === 0);
  return (
    <fieldset className="fieldset candidate-checklist" aria-describedby={describedBy}>
      <legend className="candidate-checklist__legend">{legend}</legend>
      {isEmpty ? (
        <p className="notice notice--info">{emptyNotice}</p>
      ) : (
        <>
          <label htmlFor={inputId}>{findLabel}</label>
          <input
            id={inputId}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="input--medium"
          />
        </>
      )}
      <div className="candidate-picker">
        {groups.map((group) => {
          const shown = group.choices.filter((choice) => words === '' || choice.label.toLowerCase().includes(words));
          if (shown.length === 0) return null;
          const count = group.choices.filter((choice) => chosenKeys.has(candidateKey(choice))).length;
          return (
            <fieldset key={group.heading} className="fieldset candidate-picker__domain">
              <legend className="candidate-picker__legend">
                {group.heading} <span className="muted">({count} chosen)</span>
              </legend>
              {shown.map((choice) => {
                const checkboxId = `${prefix}-${choice.refId}`;
                return (
                  <div className="checkbox" key={choice.refId}>
                    <input
                      type="checkbox"
                      id={checkboxId}
                      checked={chosenKeys.has(candidateKey(choice))}
                      onChange={(event) => onToggle(choice, event.target.checked)}
                      aria-describedby={choice.hint ? `${checkboxId}-hint` : undefined}
                    />
                    <label htmlFor={checkboxId}>{choice.label}</label>
                    {choice.hint ? (
                      <span id={`${checkboxId}-hint`} className="hint choice-hint">
                        {choice.hint}
                      </span>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
