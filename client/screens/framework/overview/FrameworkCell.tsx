import { domainLabel, levelLabel, type FrameworkCell as Cell } from '../../../../shared/model/framework/index.ts';
import type { PriorityLookup } from '../../../../shared/model/prioritisation/projection.ts';
import type { Presence } from '../../../../shared/model/presence.ts';
import { AddOutcomeForm } from './AddOutcomeForm.tsx';
import { OutcomeCard } from './OutcomeCard.tsx';

const nobody: readonly Presence[] = [];

interface FrameworkCellProps {
  cell: Cell;
  outcomeHref: (outcomeId: string) => string;
  priorityOf: PriorityLookup;
  /** Others on each outcome's page, by outcome id. */
  hereByOutcome: ReadonlyMap<string, readonly Presence[]>;
  canEdit: boolean;
  filtered: boolean;
}

/** One domain × level cell: its heading (visible when the grid stacks), its outcomes in order, and "Add an outcome". */
export function FrameworkCell({ cell, outcomeHref, priorityOf, hereByOutcome, canEdit, filtered }: FrameworkCellProps) {
  const { domain, level, outcomes } = cell;
  return (
    <div className="framework-cell" data-testid={`cell-${domain}-${level}`}>
      <h3 className="framework-cell__title">
        {levelLabel(level)}
        <span className="visually-hidden"> – {domainLabel(domain)}</span>
      </h3>
      {outcomes.length > 0 ? (
        <ul className="outcome-list">
          {outcomes.map((outcome) => (
            <OutcomeCard
              key={outcome.id}
              outcome={outcome}
              href={outcomeHref(outcome.id)}
              priority={priorityOf('outcome', outcome.id)}
              here={hereByOutcome.get(outcome.id) ?? nobody}
            />
          ))}
        </ul>
      ) : (
        <p className="framework-cell__empty">{filtered ? 'No outcomes match here.' : 'No outcomes yet.'}</p>
      )}
      {canEdit ? <AddOutcomeForm domain={domain} level={level} /> : null}
    </div>
  );
}
