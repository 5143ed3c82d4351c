import { useEffect, useRef, useState } from 'react';
import { moveInRanking, type RankingDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';
import { FarFromGroupReason } from './FarFromGroupReason.tsx';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';

/**
 * Ranking with "Move up" and "Move down" buttons. After a move, focus follows the candidate that moved (React may
 * move other rows in the DOM, which would otherwise drop focus) and its new place is announced. Nothing is ranked
 * until the voter moves a candidate or chooses "Keep this order": the order first shown is the ballot's, not theirs.
 */
export function RankingBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<RankingDraft>) {
  const unranked = draft.unranked === true;
  const [announcement, setAnnouncement] = useState('');
  const [moved, setMoved] = useState<{ candidateId: string; direction: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // "Keep this order" goes once used; focus moves to what replaced it rather than being lost.
  const state = useRef<HTMLDivElement>(null);
  const [kept, setKept] = useState(false);
  const candidateOf = (id: string) => round.candidates.find((candidate) => candidate.id === id);
  const labelOf = (id: string) => candidateOf(id)?.label ?? id;

  useEffect(() => {
    if (!moved) return;
    const position = draft.order.indexOf(moved.candidateId);
    // At the top there is no "up" any more (and at the bottom no "down"): focus the other button.
    const atEdge = moved.direction === 'up' ? position === 0 : position === draft.order.length - 1;
    const direction = atEdge ? (moved.direction === 'up' ? 'down' : 'up') : moved.direction;
    buttons.current.get(`${moved.candidateId}:${direction}`)?.focus();
  }, [moved, draft.order]);

  const move = (candidateId: string, direction: 'up' | 'down'): void => {
    if (disabled) return;
    const order = moveInRanking(draft.order, candidateId, direction === 'up' ? -1 : 1);
    onChange({ method: 'ranking', order });
    setMoved({ candidateId, direction });
    setAnnouncement(`${labelOf(candidateId)} is now number ${order.indexOf(candidateId) + 1} of ${order.length}.`);
  };

  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  const handleKeep = (): void => {
    if (disabled) return;
    onChange({ method: 'ranking', order: draft.order });
    setKept(true);
    setAnnouncement('You kept this order as your ranking. Save your vote to cast it.');
  };

  useEffect(() => {
    if (kept && !unranked) state.current?.focus();
  }, [kept, unranked]);

  return (
    <div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div
        ref={state}
        tabIndex={-1}
        className={unranked ? 'notice notice--info ranking-state' : 'ranking-state ranking-state--ranked'}
        data-testid="ranking-state"
      >
        {unranked ? (
          <>
            <p className="notice__title">Nothing is ranked yet</p>
            <p>
              Move the candidates into your order, most important first. If the order below is already yours, choose
              “Keep this order”.
            </p>
            <button
              type="button"
              id="ballot-order"
              className="button--secondary"
              aria-disabled={disabled}
              onClick={handleKeep}
            >
              Keep this order
            </button>
          </>
        ) : (
          <p>
            <strong>Your ranking:</strong> the order below, most important first.
          </p>
        )}
      </div>
      <ol className={unranked ? 'ballot-list ranking-list ranking-list--unranked' : 'ballot-list ranking-list'}>
        {draft.order.map((candidateId, index) => (
          <li key={candidateId} className="ballot-row" data-testid="ballot-row">
            {/* No place numbers until it is the voter's ranking: numbers would say it is ranked already. */}
            <span className="ranking-list__position" aria-hidden="true">
              {unranked ? '–' : index + 1}
            </span>
            <div className="ballot-row__text">
              <span className="ballot-row__label">
                <CandidateName candidate={candidateOf(candidateId) ?? { kind: 'outcome', label: candidateId }} />
              </span>
              <PreviousRoundNote previous={previous} candidateId={candidateId} />
              <CandidateEvidence candidateId={candidateId} label={candidateOf(candidateId)?.label ?? candidateId} />
              <FarFromGroupReason candidateId={candidateId} label={candidateOf(candidateId)?.label ?? candidateId} />
            </div>
            <div className="dots-control">
              <button
                type="button"
                id={index === 0 ? `ballot-${candidateId}` : undefined}
                ref={register(`${candidateId}:up`)}
                className="button--secondary button--small"
                aria-label={`Move up: ${labelOf(candidateId)}`}
                aria-disabled={disabled || index === 0}
                onClick={() => index > 0 && move(candidateId, 'up')}
              >
                ↑ Move up
              </button>
              <button
                type="button"
                ref={register(`${candidateId}:down`)}
                className="button--secondary button--small"
                aria-label={`Move down: ${labelOf(candidateId)}`}
                aria-disabled={disabled || index === draft.order.length - 1}
                onClick={() => index < draft.order.length - 1 && move(candidateId, 'down')}
              >
                ↓ Move down
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
