import { useCallback, useId, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/audit.ts';
import { auditCategories } from '../../../shared/schemas/audit.ts';
import { listAuditEntries, type AuditPageQuery } from '../../api/audit.ts';
import { listMembers } from '../../api/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { auditActionWords, auditCategoryWords, auditDetails } from './auditWords.ts';

/** How many entries a page holds. */
const pageSize = 100;

interface AuditFilters {
  category: string;
  actorId: string;
  from: string;
  to: string;
}

const noFilters: AuditFilters = { category: '', actorId: '', from: '', to: '' };

const unfiltered = (filters: AuditFilters): boolean =>
  filters.category === '' && filters.actorId === '' && filters.from === '' && filters.to === '';

function pageQuery(filters: AuditFilters, before?: number): AuditPageQuery {
  return {
    limit: pageSize,
    ...(before !== undefined ? { before } : {}),
    ...(filters.category ? { categories: [filters.category] } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

/** What has happened to this partnership's membership and access, for its facilitators. */
export function AuditLogScreen() {
  const { partnership, canViewAudit } = usePartnership();
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const load = useCallback(
    (signal: AbortSignal) =>
      canViewAudit ? listAuditEntries(partnership.id, pageQuery(filters), signal) : Promise.resolve([]),
    [partnership.id, canViewAudit, filters],
  );
  const firstPage = useApiData(load);
  const older = useOlderPages(partnership.id, filters, firstPage.status === 'ready' ? firstPage.data : null);
  const entries =
    firstPage.status === 'ready' ? { ...firstPage, data: [...firstPage.data, ...older.entries] } : firstPage;
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
        A permanent record of who created the partnership, who was invited, who joined, role changes and removals,
        rounds, ballots, imports and decisions. Nobody can change or delete it. Newest first, {pageSize} at a time.
      </p>
      <AuditFilterForm
        filters={filters}
        members={members.status === 'ready' ? members.data : []}
        onChange={setFilters}
      />
      {entries.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      ) : null}
      {entries.status === 'failed' ? (
        <LoadFailure what="The audit log" error={entries.error} onRetry={entries.reload} />
      ) : null}
      {entries.status === 'ready' && entries.data.length === 0 ? (
        <p>{unfiltered(filters) ? 'Nothing has been recorded yet.' : 'No entries match these filters.'}</p>
      ) : null}
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
      {entries.status === 'ready' && entries.data.length > 0 ? (
        <div className="audit-paging">
          <p role="status" className="hint">
            Showing {entries.data.length} {entries.data.length === 1 ? 'entry' : 'entries'}
            {older.exhausted || (firstPage.status === 'ready' && firstPage.data.length < pageSize)
              ? ', the oldest included.'
              : '.'}
          </p>
          {older.error ? (
            <p className="field-error" role="alert">
              Older entries could not be loaded. {older.error}
            </p>
          ) : null}
          {!older.exhausted && firstPage.status === 'ready' && firstPage.data.length === pageSize ? (
            <button type="button" className="button--secondary" onClick={older.loadMore} disabled={older.loading}>
              {older.loading ? 'Loading older entries…' : `Show ${pageSize} older entries`}
            </button>
          ) : null}
        </div>
      ) : null}
    </PartnershipPage>
  );
}

/**
 * The pages after the first, fetched on demand ("Show older entries") from the oldest id on screen, so entries
 * recorded meanwhile never shift what the next page holds. New filters or a new first page start again.
 */
function useOlderPages(partnershipId: string, filters: AuditFilters, firstPage: readonly AuditEntry[] | null) {
  interface Older {
    after: readonly AuditEntry[] | null;
    entries: AuditEntry[];
    exhausted: boolean;
    loading: boolean;
    error: string;
  }
  const fresh = (after: readonly AuditEntry[] | null): Older => ({
    after,
    entries: [],
    exhausted: false,
    loading: false,
    error: '',
  });
  const [stored, setStored] = useState<Older>(() => fresh(firstPage));
  // Pages fetched after another first page (other filters, a reload) are never shown after this one.
  const state = stored.after === firstPage ? stored : fresh(firstPage);
  const loadMore = useCallback(() => {
    const shown = [...(firstPage ?? []), ...state.entries];
    const oldest = shown[shown.length - 1];
    if (!oldest) return;
    setStored({ ...state, loading: true, error: '' });
    listAuditEntries(partnershipId, pageQuery(filters, oldest.id)).then(
      (page) =>
        setStored((now) =>
          now.after === firstPage
            ? { ...now, entries: [...now.entries, ...page], exhausted: page.length < pageSize, loading: false }
            : now,
        ),
      (error: unknown) =>
        setStored((now) =>
          now.after === firstPage
            ? { ...now, loading: false, error: error instanceof Error ? error.message : 'Please try again.' }
            : now,
        ),
    );
  }, [partnershipId, filters, firstPage, state]);
  return { ...state, loadMore };
}

/** Narrows the log by kind of entry, person and dates; applied when submitted, so typing a date does not refetch. */
function AuditFilterForm({
  filters,
  members,
  onChange,
}: {
  filters: AuditFilters;
  members: readonly { userId: string; displayName: string }[];
  onChange: (filters: AuditFilters) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const invalidDates = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  return (
    <form
      className="audit-filters"
      aria-label="Filter the audit log"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!invalidDates) onChange(draft);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-category`}>Kind</label>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(event) => setDraft({ ...draft, category: event.target.value })}
        >
          <option value="">Everything</option>
          {auditCategories.map((category) => (
            <option key={category} value={category}>
              {auditCategoryWords[category] ?? category}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Who</label>
        <select
          id={`${id}-actor`}
          value={draft.actorId}
          onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}
        >
          <option value="">Anyone</option>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          className="input--short"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
      </div>
      <div className={invalidDates ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-to`}>To</label>
        {invalidDates ? (
          <p className="field-error" id={`${id}-to-error`}>
            “To” must not be before “From”.
          </p>
        ) : null}
        <input
          id={`${id}-to`}
          type="date"
          className="input--short"
          value={draft.to}
          aria-invalid={invalidDates}
          {...(invalidDates ? { 'aria-describedby': `${id}-to-error` } : {})}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
      </div>
      <div className="audit-filters__actions">
        <button type="submit">Show entries</button>
        {!unfiltered(filters) ? (
          <button
            type="button"
            className="button--secondary"
            onClick={() => {
              setDraft(noFilters);
              onChange(noFilters);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
