import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { VersionDetail } from '../../../shared/schemas/cycles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { fetchVersion } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { useCanRunMeetings } from '../../cycles/useCanRunMeetings.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { RestoreCopyForm } from './RestoreCopyForm.tsx';
import { VersionDataMapping } from './VersionDataMapping.tsx';
import { VersionFramework } from './VersionFramework.tsx';
import { VersionTheoryOfChange } from './VersionTheoryOfChange.tsx';
import { contentsOfVersion } from './versionDocument.ts';
import { formatBytes, reasonWords } from './versionWords.ts';
import './versions.css';

/**
 * One version: what it holds, comparing it with now, restoring it as a copy, and, read only, its framework, data
 * mapping and theory of change as they were.
 */
export function VersionScreen() {
  const { partnership } = usePartnership();
  const { versionId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => fetchVersion(partnership.id, versionId, signal),
    [partnership.id, versionId],
  );
  const version = useApiData(load);
  if (version.status === 'loading') {
    return (
      <PartnershipPage title="Version">
        <p role="status">Loading the version…</p>
      </PartnershipPage>
    );
  }
  if (version.status === 'failed') {
    return (
      <PartnershipPage title="Version">
        <LoadFailure what="The version" error={version.error} onRetry={version.reload} />
      </PartnershipPage>
    );
  }
  return <VersionView version={version.data} />;
}

function VersionView({ version }: { version: VersionDetail }) {
  const { partnership } = usePartnership();
  const canRun = useCanRunMeetings();
  const navigate = useNavigate();
  const paths = cyclePaths(partnership.id);
  const contents = useMemo(() => contentsOfVersion(version.documentState), [version.documentState]);
  const framework = contents?.framework;
  const date = formatDate(version.createdAt);
  const counts = [
    { label: 'Outcomes', value: framework?.outcomes.length },
    { label: 'Indicators', value: framework?.indicators.length },
    { label: 'Metrics', value: framework?.metrics.length },
    { label: 'Actions', value: contents?.theoryOfChange.actions.length },
    { label: 'Decisions', value: version.facts.decisions.length },
  ];

  return (
    <PartnershipPage title={`Version: ${version.label}`}>
      <p className="back-link-wrapper">
        <Link className="back-link" to={paths.versions}>
          All versions
        </Link>
      </p>
      <dl className="summary-list" data-testid="version-details">
        <div className="summary-list__row">
          <dt>Taken</dt>
          <dd>
            {formatDateTime(version.createdAt)}
            {version.createdBy ? ` by ${version.createdBy.name}` : ''}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Why</dt>
          <dd>
            {version.reason.kind === 'meeting' && version.reason.id ? (
              <Link to={paths.meeting(version.reason.id)}>{reasonWords(version.reason)}</Link>
            ) : (
              reasonWords(version.reason)
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Size</dt>
          <dd>{formatBytes(version.sizes.document + version.sizes.facts)}</dd>
        </div>
      </dl>
      <p>
        <Link className="button" to={paths.changes(version.id)}>
          Compare with now
        </Link>
      </p>
      <section className="section" aria-labelledby="holds-heading">
        <h2 id="holds-heading">What it holds</h2>
        {framework ? null : <p className="notice notice--problem">What this version holds could not be read.</p>}
        <ul className="version-counts" data-testid="version-counts">
          {counts.map((count) => (
            <li key={count.label}>
              <strong>{count.value ?? '—'}</strong> {count.label}
            </li>
          ))}
        </ul>
      </section>
      {contents ? (
        <>
          <nav aria-label="As it was" className="contents" data-testid="version-contents">
            <h2 className="contents__title">As it was on {date} (read only)</h2>
            <ul>
              <li>
                <a href="#version-framework-heading">Framework</a>
              </li>
              <li>
                <a href="#version-data-mapping-heading">Data mapping</a>
              </li>
              <li>
                <a href="#version-toc-heading">Theory of change</a>
              </li>
            </ul>
          </nav>
          <VersionFramework framework={contents.framework} date={date} />
          <VersionDataMapping framework={contents.framework} mappings={contents.mappings} date={date} />
          <VersionTheoryOfChange theoryOfChange={contents.theoryOfChange} date={date} />
        </>
      ) : null}
      {canRun ? (
        <section className="section panel" aria-labelledby="restore-heading">
          <h2 id="restore-heading">Restore as a copy</h2>
          <p>
            Creates a new partnership holding the workspace as it was in this version: framework, data mapping, theory
            of change and narratives. Its rounds, decisions and meetings stay here. Nothing in {partnership.name} is
            changed or overwritten.
          </p>
          <RestoreCopyForm
            partnershipId={partnership.id}
            versionId={version.id}
            suggestedName={`${partnership.name} – ${version.label}`.slice(0, 200)}
            onCopied={(copy) => void navigate(`/p/${encodeURIComponent(copy.id)}`)}
          />
        </section>
      ) : null}
    </PartnershipPage>
  );
}
