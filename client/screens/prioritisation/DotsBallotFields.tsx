import { useState } from 'react';
import { dotsCap, dotsLeft } from '../../../shared/model/prioritisation/ballotRules.ts';
import type { DotsBallot } from '../../../shared/schemas/ballots.ts';
import type { Candidate, MethodSettings } from '../../../shared/schemas/rounds.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';
import { FarFromGroupReason } from './FarFromGroupReason.tsx';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';

type DotsSettings = Extract<MethodSettings, { method: 'dots' }>;
const dotWord = (count: number) => `${count} ${count === 1 ? 'dot' : 'dots'}`;

/**
 * Dot voting with buttons, not dragging: each candidate has "Add a dot" and "Remove a dot", and every change is
 * announced politely ("2 dots on …. 3 of 5 dots left"). Buttons that cannot act stay focusable and say why.
 */
export function DotsBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<DotsBallot>) {
  const settings = round.settings as DotsSettings;
  const [announcement, setAnnouncement] = useState('');
  const left = dotsLeft(settings, draft.dots);
  const cap = dotsCap(settings);

  const change = (candidate: Candidate, delta: 1 | -1): void => {
    const current = draft.dots[candidate.id] ?? 0;
    if (delta > 0 && left === 0) return setAnnouncement(`No dots left. Remove a dot from another candidate first.`);
    if (delta > 0 && current >= cap)
      return setAnnouncement(`${candidate.label} already has the most dots allowed, ${cap}.`);
    if (delta < 0 && current === 0) return setAnnouncement(`${candidate.label} has no dots to remove.`);
    const next = { ...draft.dots, [candidate.id]: current + delta };
    if (next[candidate.id] === 0) delete next[candidate.id];
    onChange({ method: 'dots', dots: next });
    setAnnouncement(
      `${dotWord(current + delta)} on ${candidate.label}. ${dotsLeft(settings, next)} of ${settings.dotsPerVoter} dots left.`,
    );
  };

  return (
    <div className="dots-ballot">
      <p className="dots-left" data-testid="dots-left">
        <strong>{left}</strong> of {settings.dotsPerVoter} dots left
        {settings.maxPerCandidate !== null ? <span className="muted"> · at most {cap} on one candidate</span> : null}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="dots-announcement">
        {announcement}
      </p>
      <ul className="ballot-list">
        {round.candidates.map((candidate) => {
          const count = draft.dots[candidate.id] ?? 0;
          const labelId = `candidate-${candidate.id}`;
          return (
            <li key={candidate.id} className="ballot-row" data-testid="ballot-row">
              <div className="ballot-row__text">
                <span id={labelId} className="ballot-row__label">
                  <CandidateName candidate={candidate} />
                </span>
                <PreviousRoundNote previous={previous} candidateId={candidate.id} />
                <CandidateEvidence candidateId={candidate.id} label={candidate.label} />
                <FarFromGroupReason candidateId={candidate.id} label={candidate.label} />
              </div>
              <div className="dots-control" role="group" aria-labelledby={labelId}>
                <button
                  type="button"
                  id={`ballot-${candidate.id}`}
                  className="button--secondary button--small"
                  aria-label={`Remove a dot from ${candidate.label}`}
                  aria-disabled={disabled || count === 0}
                  onClick={() => !disabled && change(candidate, -1)}
                >
                  − Remove a dot
                </button>
                <span className="dots-control__count" data-testid="dot-count">
                  <span className="dots-control__pips" aria-hidden="true">
                    {'●'.repeat(count)}
                  </span>{' '}
                  {dotWord(count)}
                </span>
                <button
                  type="button"
                  className="button--secondary button--small"
                  aria-label={`Add a dot to ${candidate.label}`}
                  aria-disabled={disabled || left === 0 || count >= cap}
                  onClick={() => !disabled && change(candidate, 1)}
                >
                  + Add a dot
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
