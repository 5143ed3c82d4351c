import { memo } from 'react';
import { Link } from 'react-router';
import type { OutcomeSummary } from '../../../../shared/model/framework/index.ts';
import type { PriorityProjection } from '../../../../shared/model/prioritisation/projection.ts';
import type { Presence } from '../../../../shared/model/presence.ts';
import { ConcernBadges } from '../../../concerns/ConcernBadges.tsx';
import { PriorityBadge } from '../../prioritisation/PriorityBadge.tsx';
import { ScopeTag } from '../common/Tags.tsx';

interface OutcomeCardProps {
  outcome: OutcomeSummary;
  href: string;
  priority: PriorityProjection | undefined;
  /** Others on this outcome's page right now. */
  here: readonly Presence[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One outcome in a grid cell: its statement (a link to its page), what hangs under it, its tags and who is on it. */
function OutcomeCardView({ outcome, href, priority, here }: OutcomeCardProps) {
  const statement = outcome.statement.trim() || 'Untitled outcome';
  return (
    <li className="outcome-card" data-testid="outcome-card">
      <Link to={href} className="outcome-card__statement">
        {statement}
      </Link>
      <p className="outcome-card__meta">
        {plural(outcome.indicatorCount, 'indicator')} · {plural(outcome.metricCount, 'metric')}
      </p>
      <p className="outcome-card__tags">
        <ScopeTag scope={outcome.scope} />
        {priority ? <PriorityBadge priority={priority} /> : null}
      </p>
      <ConcernBadges outcomeId={outcome.id} />
      {here.length > 0 ? (
        <p className="outcome-card__here" data-testid="outcome-card-here">
          {here.map((person) => (
            <span
              key={person.clientId}
              className="field-presence__swatch"
              style={{ backgroundColor: person.user.colour }}
              aria-hidden="true"
            />
          ))}
          {here.map((person) => person.user.name).join(', ')} {here.length === 1 ? 'is' : 'are'} here
        </p>
      ) : null}
    </li>
  );
}

function samePeople(a: readonly Presence[], b: readonly Presence[]): boolean {
  return a.length === b.length && a.every((person, i) => person.clientId === b[i]?.clientId);
}

function sameOutcome(a: OutcomeSummary, b: OutcomeSummary): boolean {
  return (
    a.id === b.id &&
    a.statement === b.statement &&
    a.scope === b.scope &&
    a.indicatorCount === b.indicatorCount &&
    a.metricCount === b.metricCount
  );
}

/**
 * Re-rendered only when what it shows changes: every read of the framework makes new objects, and a large
 * workspace has hundreds of these on screen while someone types elsewhere.
 */
export const OutcomeCard = memo(
  OutcomeCardView,
  (before, after) =>
    before.href === after.href &&
    before.priority === after.priority &&
    sameOutcome(before.outcome, after.outcome) &&
    samePeople(before.here, after.here),
);
