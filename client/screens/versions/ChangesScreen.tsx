import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ChangeDomainSchema, changeDomainLabels, type Change } from '../../../shared/schemas/cycles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { fetchChanges } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { ChangeItem } from './ChangeItem.tsx';
import './versions.css';

/**
 * What changed between two versions (or a version and now), for a board chair to read in two minutes: the summary,
 * then what needs attention (judgements that moved the wrong way), then each area of the product in turn.
 */
export function ChangesScreen() {
  const { partnership } = usePartnership();
  const [search] = useSearchParams();
  const since = search.get('since') ?? '';
  const until = search.get('until') ?? 'now';
  const paths = cyclePaths(partnership.id);
  const load = useCallback(
    (signal: AbortSignal) => fetchChanges(partnership.id, since, until, signal),
    [partnership.id, since, until],
  );
  const changes = useApiData(load);

  if (since === '') {
    return (
      <PartnershipPage title="What changed">
        <p>
          Choose a version to compare from on the <Link to={paths.versions}>versions</Link> page.
        </p>
      </PartnershipPage>
    );
  }

  const list = (items: Change[]) => (
    <ul className="change-list">
      {items.map((change, index) => (
        <ChangeItem
          key={`${change.entity.type}:${change.entity.id}:${change.field ?? ''}:${index}`}
          change={change}
          partnershipId={partnership.id}
        />
      ))}
    </ul>
  );

  return (
    <PartnershipPage title="What changed">
      <p className="back-link-wrapper">
        <Link className="back-link" to={paths.versions}>
          Versions
        </Link>
      </p>
      {changes.status === 'loading' ? <p role="status">Comparing the versions…</p> : null}
      {changes.status === 'failed' ? (
        <LoadFailure what="The comparison" error={changes.error} onRetry={changes.reload} />
      ) : null}
      {changes.status === 'ready' ? (
        <>
          <p data-testid="changes-between">
            From <Link to={paths.version(changes.data.since.id)}>{changes.data.since.label}</Link> (
            {formatDateTime(changes.data.since.createdAt)}) to{' '}
            {until === 'now' ? (
              <strong>now</strong>
            ) : (
              <>
                <Link to={paths.version(changes.data.until.id)}>{changes.data.until.label}</Link> (
                {formatDateTime(changes.data.until.createdAt)})
              </>
            )}
            .
          </p>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <p className="changes-summary" data-testid="changes-summary">
              {changes.data.summary}
            </p>
          </section>
          {changes.data.changes.length === 0 ? (
            <p>Nothing changed between these two moments.</p>
          ) : changes.data.changes.some((c) => c.diff && c.diff.length > 0) ? (
            <p className="hint">
              In reworded text, <ins className="change__legend">added words are underlined</ins> and{' '}
              <del className="change__legend">removed words are struck through</del>.
            </p>
          ) : null}
          {changes.data.changes.some((c) => c.attention) ? (
            <section className="changes-attention" aria-labelledby="attention-heading" data-testid="needs-attention">
              <h2 id="attention-heading">Needs attention</h2>
              <p className="hint">Evidence that moved the wrong way: worse than a comparator, or a worsening trend.</p>
              {list(changes.data.changes.filter((c) => c.attention))}
            </section>
          ) : null}
          {ChangeDomainSchema.options.map((domain) => {
            const inDomain = changes.data.changes.filter((c) => c.domain === domain && !c.attention);
            if (inDomain.length === 0) return null;
            return (
              <section
                key={domain}
                className="section"
                aria-labelledby={`changes-${domain}`}
                data-testid={`changes-${domain}`}
              >
                <h2 id={`changes-${domain}`}>
                  {changeDomainLabels[domain]} <span className="muted">({inDomain.length})</span>
                </h2>
                {list(inDomain)}
              </section>
            );
          })}
        </>
      ) : null}
    </PartnershipPage>
  );
}
