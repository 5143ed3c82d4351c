import { useCallback } from 'react';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { fetchTrends } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { AvailabilityTrend } from './AvailabilityTrend.tsx';
import { PriorityTrends } from './PriorityTrends.tsx';
import { spanWords } from './trendWords.ts';
import '../../evidence/evidence.css';
import './versions.css';
import './trends.css';

/**
 * Trends over the board's cycles, read from its versions: how the evidence base grew in each domain (share of
 * metrics with data, version by version) and how each outcome's priority moved from round to round.
 */
export function TrendsScreen() {
  const { partnership } = usePartnership();
  const paths = cyclePaths(partnership.id);
  const load = useCallback((signal: AbortSignal) => fetchTrends(partnership.id, signal), [partnership.id]);
  const trends = useApiData(load);

  return (
    <PartnershipPage title="Trends over cycles">
      <p className="back-link-wrapper">
        <Link className="back-link" to={paths.versions}>
          Versions
        </Link>
      </p>
      <p className="lead">
        How the partnership’s evidence and priorities moved, meeting after meeting. Each point is a version: one is
        taken whenever a meeting or a prioritisation round closes.
      </p>
      {trends.status === 'loading' ? <p role="status">Loading the trends…</p> : null}
      {trends.status === 'failed' ? (
        <LoadFailure what="The trends" error={trends.error} onRetry={trends.reload} />
      ) : null}
      {trends.status === 'ready' && trends.data.versions.length < 2 ? (
        <p data-testid="trends-empty">
          Trends need at least two versions to compare, and this partnership has{' '}
          {trends.data.versions.length === 0 ? 'none yet' : 'one'}. A version is taken each time a meeting or a
          prioritisation round closes; facilitators can also take one on the <Link to={paths.versions}>versions</Link>{' '}
          page.
        </p>
      ) : null}
      {trends.status === 'ready' && trends.data.versions.length >= 2 ? (
        <>
          <p>{spanWords(trends.data.versions)}</p>
          <section className="section" aria-labelledby="availability-heading">
            <h2 id="availability-heading">Data available, by domain</h2>
            <p className="hint">
              The share of each domain’s metrics whose data was available (not partial, missing or unmapped) in each
              version. Higher is better: the board can see more of what it wants to know.
            </p>
            {trends.data.availability.length === 0 ? (
              <p>No version has any metrics yet.</p>
            ) : (
              <div className="trend-grid">
                {trends.data.availability.map((trend) => (
                  <AvailabilityTrend key={trend.domain} trend={trend} versions={trends.data.versions} />
                ))}
              </div>
            )}
          </section>
          <section className="section" aria-labelledby="priorities-heading">
            <h2 id="priorities-heading">Priorities, round by round</h2>
            <PriorityTrends partnershipId={partnership.id} priorities={trends.data.priorities} />
          </section>
        </>
      ) : null}
    </PartnershipPage>
  );
}
