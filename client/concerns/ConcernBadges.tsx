import { Link } from 'react-router';
import { concernKindLabels, concernsForOutcome } from '../../shared/model/concerns/index.ts';
import { metricContexts, metricsForOutcome } from '../../shared/model/dataMapping/index.ts';
import { evidencePaths } from '../evidence/paths.ts';
import { useFramework } from '../needsAssessment/useFramework.ts';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { useConcerns } from './useConcerns.ts';
import '../evidence/evidence.css';

/**
 * The concerns linked to an outcome (directly, or through one of its metrics), as labelled badges for the framework
 * overview and the outcome page. Renders nothing when there are none. Only inside a partnership's screens.
 */
export function ConcernBadges({ outcomeId }: { outcomeId: string }) {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const concerns = useConcerns(doc);
  const framework = useFramework(doc);
  if (!framework || concerns.length === 0) return null;
  const metricIds = metricsForOutcome(metricContexts(framework), outcomeId).map((context) => context.metric.id);
  const linked = concernsForOutcome(concerns, outcomeId, metricIds);
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
