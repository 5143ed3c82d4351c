import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ensureDataMappingEntries } from '../../../shared/model/dataMapping/index.ts';
import { CommentThreadsProvider } from '../../comments/CommentThreadsProvider.tsx';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { AvailabilitySummaryPanel } from '../../dataMapping/AvailabilitySummaryPanel.tsx';
import { MappingFilters } from '../../dataMapping/MappingFilters.tsx';
import { MappingGrid } from '../../dataMapping/MappingGrid.tsx';
import { filterMappings, noMappingFilter, ownersOf, type MappingFilter } from '../../dataMapping/mappingFilter.ts';
import { MappingSpreadsheetPanel } from '../../dataMapping/MappingSpreadsheetPanel.tsx';
import { reviewStampFor } from '../../dataMapping/reviewStamp.ts';
import { useDataMapping } from '../../dataMapping/useDataMapping.ts';
import { useMetricContexts } from '../../dataMapping/useMetricContexts.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { useMe } from '../../session/useSession.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';

/** The data mapping: what the partnership can measure, and per metric whether the data exist, who holds them and why. */
export function DataMappingScreen() {
  const { partnership } = usePartnership();
  const { doc, canEdit, readOnlyReason, people, setActivity } = useWorkspaceDoc();
  const me = useMe();
  const contexts = useMetricContexts();
  const mappings = useDataMapping(doc);
  const [filter, setFilter] = useState<MappingFilter>(noMappingFilter);
  const [message, setMessage] = useState<string | null>(null);
  const stamp = useCallback(() => reviewStampFor(me.user), [me.user]);

  useEffect(() => setActivity({ viewing: 'data-mapping' }), [setActivity]);
  // Entries are made before anyone types, so two people's first edits to one metric never race to create it.
  const metricIds = useMemo(() => (contexts ?? []).map((context) => context.metric.id), [contexts]);
  useEffect(() => {
    if (doc && canEdit && metricIds.length > 0) ensureDataMappingEntries(doc, metricIds);
  }, [doc, canEdit, metricIds]);

  const owners = useMemo(() => ownersOf(mappings), [mappings]);
  const rows = useMemo(
    () => (contexts ? filterMappings(contexts, mappings, filter) : []),
    [contexts, mappings, filter],
  );
  if (!doc || !contexts) return <LoadingPage />;
  const paths = evidencePaths(partnership.id);
  return (
    <PartnershipPage title="Data mapping">
      <PresenceBar people={people} selfClientId={doc.clientID} />
      <p className="lead">
        For each metric: is the data available and used, held by a partner, only partly right, or missing — and why.
        Everything not yet available makes up the <Link to={paths.agenda}>data development agenda</Link>.
      </p>
      {!canEdit && readOnlyReason ? <p className="notice notice--info">{readOnlyReason}</p> : null}
      <AvailabilitySummaryPanel contexts={contexts} mappings={mappings} />
      <section className="section" aria-labelledby="grid-heading">
        <h2 id="grid-heading">Metrics</h2>
        <MappingSpreadsheetPanel partnershipId={partnership.id} canEdit={canEdit} />
        <MappingFilters
          filter={filter}
          owners={owners}
          shown={rows.length}
          total={contexts.length}
          onChange={setFilter}
        />
        {message ? (
          <p className="notice notice--success" role="status">
            {message}
          </p>
        ) : null}
        {/* One comments doc for the whole grid: each row's "Comments" control reads from it. */}
        <CommentThreadsProvider>
          <MappingGrid
            doc={doc}
            partnershipId={partnership.id}
            rows={rows}
            mappings={mappings}
            owners={owners}
            canEdit={canEdit}
            stamp={stamp}
            onFocusField={(field) => setActivity({ viewing: 'data-mapping', editing: field })}
            onBulkApplied={setMessage}
          />
        </CommentThreadsProvider>
      </section>
    </PartnershipPage>
  );
}
