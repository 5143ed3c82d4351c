import { useCallback, useMemo } from 'react';
import { listAuditEntries } from '../../api/audit.ts';
import { listMembers } from '../../api/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { auditActionWords, auditDetails } from './auditWords.ts';

/** What has happened to this partnership's membership and access, for its facilitators. */
export function AuditLogScreen() {
  const { partnership, canViewAudit } = usePartnership();
  const load = useCallback(
    (signal: AbortSignal) => (canViewAudit ? listAuditEntries(partnership.id, signal) : Promise.resolve([])),
    [partnership.id, canViewAudit],
  );
  const entries = useApiData(load);
  // Entries name people by id; the members list turns those ids back into names.
  const loadMembers = useCallback((signal: AbortSignal) => listMembers(partnership.id, signal), [partnership.id]);
  const members = useApiData(loadMembers);
  const memberNames = useMemo(
    () => new Map(members.status === 'ready' ? members.data.map((m) => [m.userId, m.displayName]) : []),
    [members],
  );

  if (!canViewAudit) {
    return (
      <PartnershipPage title="Audit log">
        <p>Only facilitators can see the audit log of this partnership.</p>
      </PartnershipPage>
    );
  }

  return (
    <PartnershipPage title="Audit log">
      <p className="hint">
        A permanent record of who created the partnership, who was invited, who joined, role changes and removals.
        Nobody can change or delete it. Newest first.
      </p>
      {entries.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      ) : null}
      {entries.status === 'failed' ? (
        <LoadFailure what="The audit log" error={entries.error} onRetry={entries.reload} />
      ) : null}
      {entries.status === 'ready' && entries.data.length === 0 ? <p>Nothing has been recorded yet.</p> : null}
      {entries.status === 'ready' && entries.data.length > 0 ? (
        <table className="table" data-testid="audit-table">
          <caption className="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((entry) => {
              const details = auditDetails(entry, memberNames);
              return (
                <tr key={entry.id}>
                  <td className="table__nowrap">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>{entry.actorName ?? <span className="muted">Not signed in</span>}</td>
                  <td>{auditActionWords[entry.action]}</td>
                  <td>
                    {details.length > 0 ? (
                      <dl className="inline-details">
                        {details.map(({ label, value }) => (
                          <div key={label}>
                            <dt>{label}:</dt>
                            <dd>{value}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </PartnershipPage>
  );
}
