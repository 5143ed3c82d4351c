import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { concernKindLabels } from '../../shared/model/concerns/index.ts';
import type { Concern } from '../../shared/schemas/concerns.ts';
import { evidencePaths } from '../evidence/paths.ts';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { concernIndexFor } from './concernIndex.ts';
import '../evidence/evidence.css';

const none: readonly Concern[] = [];
const noSubscription = () => () => {};

/**
 * The concerns linked to an outcome (directly, or through one of its metrics), as labelled badges for the framework
 * overview and the outcome page. Renders nothing when there are none. Cheap enough for every card of a large grid:
 * all badges share one index of the doc. Only inside a partnership's screens.
 */
export function ConcernBadges({ outcomeId }: { outcomeId: string }) {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const index = doc ? concernIndexFor(doc) : null;
  const linked = useSyncExternalStore(
    index?.subscribe ?? noSubscription,
    () => index?.snapshot().get(outcomeId) ?? none,
  );
  if (linked.length === 0) return null;
  return (
    <ul className="concern-badges" aria-label={`${linked.length} ${linked.length === 1 ? 'concern' : 'concerns'}`}>
      {linked.map((concern) => (
        <li key={concern.id}>
          <Link className="concern-badge" to={`${evidencePaths(partnership.id).concerns}#concern-${concern.id}`}>
            <span className="concern-badge__kind">Concern ({concernKindLabels[concern.kind].toLowerCase()}):</span>{' '}
            {concern.name || 'Untitled concern'}
          </Link>
        </li>
      ))}
    </ul>
  );
}
