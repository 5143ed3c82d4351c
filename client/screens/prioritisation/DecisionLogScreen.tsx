import { useCallback } from 'react';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { listDecisions } from '../../prioritisation/roundsApi.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { CandidateName } from './CandidateName.tsx';
import './PriorityBadge.css';

/** Every decision the board has recorded, newest first: the priorities over time. */
export function DecisionLogScreen() {
  const { partnership } = usePartnership();
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const load = useCallback((signal: AbortSignal) => listDecisions(partnership.id, signal), [partnership.id]);
  const decisions = useApiData(load);
  return (
    <PartnershipPage title="Decision log">
      <p className="back-link-wrapper">
        <Link className="back-link" to={`${base}/rounds`}>
          Prioritisation
        </Link>
      </p>
      {decisions.status === 'loading' ? <p role="status">Loading the decisions…</p> : null}
      {decisions.status === 'failed' ? (
        <LoadFailure what="The decision log" error={decisions.error} onRetry={decisions.reload} />
      ) : null}
      {decisions.status === 'ready' && decisions.data.length === 0 ? (
        <p>No decisions yet. After a round closes, its facilitator records what the board agreed.</p>
      ) : null}
      {decisions.status === 'ready' ? (
        <ol className="card-list" data-testid="decision-log">
          {decisions.data.map((decision) => (
            <li key={decision.id} className="card" data-testid="decision">
              <h2>
                <Link to={`${base}/rounds/${decision.roundId}`}>{decision.roundTitle}</Link>
              </h2>
              <p className="muted">
                Recorded {formatDateTime(decision.decidedAt)}
                {decision.decidedBy ? ` by ${decision.decidedBy}` : ''} · review by{' '}
                <strong>{formatDate(decision.reviewDate)}</strong>
              </p>
              <h3>Agreed priorities</h3>
              <ol className="priority-list">
                {decision.priorities.map((priority) => (
                  <li key={priority.id}>
                    <span className="priority-badge">
                      <span className="priority-badge__word">Agreed priority</span>
                    </span>{' '}
                    <CandidateName candidate={priority} />
                  </li>
                ))}
              </ol>
              <h3>What the board agreed</h3>
              <p className="decision-statement">{decision.statement}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </PartnershipPage>
  );
}
