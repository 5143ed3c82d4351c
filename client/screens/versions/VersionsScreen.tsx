import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { VersionSummary } from '../../../shared/schemas/cycles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { listVersions } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { useCanRunMeetings } from '../../cycles/useCanRunMeetings.ts';
import { formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { CompareVersionsForm } from './CompareVersionsForm.tsx';
import { TakeVersionForm } from './TakeVersionForm.tsx';
import { formatBytes, reasonWords } from './versionWords.ts';
import './versions.css';

/** Every version of the partnership: named, dated, attributed; each can be compared with now or with another. */
export function VersionsScreen() {
  const { partnership } = usePartnership();
  const canRun = useCanRunMeetings();
  const paths = cyclePaths(partnership.id);
  const load = useCallback((signal: AbortSignal) => listVersions(partnership.id, signal), [partnership.id]);
  const versions = useApiData(load);
  const [taken, setTaken] = useState<VersionSummary | null>(null);
  const [formKey, setFormKey] = useState(0);
  const takenRef = useRef<HTMLDivElement>(null);
  const { reload } = versions;

  useEffect(() => {
    if (taken) takenRef.current?.focus();
  }, [taken]);

  const why = (version: VersionSummary) =>
    version.reason.kind === 'meeting' && version.reason.id ? (
      <Link to={paths.meeting(version.reason.id)}>{reasonWords(version.reason)}</Link>
    ) : (
      reasonWords(version.reason)
    );

  return (
    <PartnershipPage title="Versions">
      <p className="lead">
        A version is a record of the whole partnership at a moment: the framework, data mapping, theory of change,
        evidence and decisions as they were. Versions never change. Compare two to see what moved between them.
      </p>
      <p>
        <Link to={paths.meetings}>Meetings</Link> · <Link to={paths.trends}>Trends over cycles</Link>
      </p>
      {taken ? (
        <div ref={takenRef} tabIndex={-1}>
          <SuccessNotice testId="version-taken">
            <p>
              Version “{taken.label}” taken. To see what changes after it,{' '}
              <Link to={paths.changes(taken.id)}>compare it with now</Link>.
            </p>
          </SuccessNotice>
        </div>
      ) : null}
      {versions.status === 'loading' ? <p role="status">Loading the versions…</p> : null}
      {versions.status === 'failed' ? (
        <LoadFailure what="The versions" error={versions.error} onRetry={versions.reload} />
      ) : null}
      {versions.status === 'ready' && versions.data.length === 0 ? (
        <p>
          No versions yet. One is taken each time a meeting or a prioritisation round closes
          {canRun ? ', and you can take one now' : ''}.
        </p>
      ) : null}
      {versions.status === 'ready' && versions.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="versions-table">
            <caption className="table__caption">Versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Taken</th>
                <th scope="col">By</th>
                <th scope="col">Why</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((version) => (
                <tr key={version.id} data-testid="version-row">
                  <th scope="row" className="table__name">
                    <Link to={paths.version(version.id)}>{version.label}</Link>
                  </th>
                  <td className="table__nowrap">{formatDateTime(version.createdAt)}</td>
                  <td>{version.createdBy?.name ?? 'Automatically'}</td>
                  <td>{why(version)}</td>
                  <td className="table__nowrap">{formatBytes(version.sizes.document + version.sizes.facts)}</td>
                  <td className="table__nowrap">
                    <Link to={paths.changes(version.id)}>
                      Compare with now<span className="visually-hidden">: {version.label}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {versions.status === 'ready' && versions.data.length > 0 ? (
        <section className="section" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare two versions</h2>
          <CompareVersionsForm partnershipId={partnership.id} versions={versions.data} />
        </section>
      ) : null}
      {canRun ? (
        <section className="section panel" aria-labelledby="take-version-heading">
          <h2 id="take-version-heading">Take a version</h2>
          <p className="hint">For example before a workshop, or before importing new data.</p>
          <TakeVersionForm
            key={formKey}
            partnershipId={partnership.id}
            onTaken={(version) => {
              setFormKey((key) => key + 1);
              setTaken(version);
              reload();
            }}
          />
        </section>
      ) : null}
    </PartnershipPage>
  );
}
