import { farFromGroupWords, maxReasonLength } from '../../../shared/model/prioritisation/delphi.ts';
import { useDelphiReasons } from '../../prioritisation/DelphiReasonsContext.ts';

/**
 * Delphi: when the voter's mark on this candidate is far from last round's group, an optional one-line reason, shown
 * to the group without their name in the next round. Said in words (not colour) and appears as the mark changes.
 */
export function FarFromGroupReason({ candidateId, label }: { candidateId: string; label: string }) {
  const delphi = useDelphiReasons();
  if (!delphi || !delphi.far.has(candidateId)) return null;
  const id = `ballot-reason-${candidateId}`;
  const hintId = `${id}-hint`;
  return (
    <div className="field far-from-group" data-testid="far-from-group">
      <p className="far-from-group__note" id={hintId}>
        <strong>Your mark for {label} is far from the group’s last round.</strong> {farFromGroupWords}
      </p>
      <label htmlFor={id}>Why? (optional, shown to the group without your name in the next round)</label>
      <input
        id={id}
        type="text"
        maxLength={maxReasonLength}
        aria-describedby={hintId}
        value={delphi.reasons[candidateId] ?? ''}
        disabled={delphi.disabled}
        onChange={(event) => delphi.onReasonChange(candidateId, event.target.value)}
      />
    </div>
  );
}
