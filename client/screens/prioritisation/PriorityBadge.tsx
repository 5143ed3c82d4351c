import type { PriorityProjection } from '../../../shared/model/prioritisation/projection.ts';
import { formatDate } from '../../format.ts';
import './PriorityBadge.css';

/**
 * "Agreed priority" on an outcome, indicator or concern the board chose, with when it is reviewed. A word in a
 * bordered tag, never colour alone. Screens find it with `priorityOf(kind, id)` from `useBallotsProjection`.
 */
export function PriorityBadge({ priority }: { priority: PriorityProjection }) {
  return (
    <span className="priority-badge" data-testid="priority-badge" title={`Agreed in “${priority.roundTitle}”`}>
      <span className="priority-badge__word">Agreed priority</span>
      <span className="priority-badge__detail"> · review {formatDate(priority.reviewDate)}</span>
    </span>
  );
}
