import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { updateDataMappings, type MetricContext } from '../../shared/model/dataMapping/index.ts';
import type { MetricDataMapping, ReviewStamp } from '../../shared/schemas/dataMapping.ts';
import { evidencePaths } from '../evidence/paths.ts';
import { BulkEditBar } from './BulkEditBar.tsx';
import { MappingRow } from './MappingRow.tsx';

interface MappingGridProps {
  doc: Y.Doc;
  partnershipId: string;
  rows: readonly MetricContext[];
  mappings: ReadonlyMap<string, MetricDataMapping>;
  owners: readonly string[];
  canEdit: boolean;
  stamp: () => ReviewStamp;
  onFocusField: (field: string | undefined) => void;
  onBulkApplied: (message: string) => void;
}

// Enough rows to work in without making a 1,500-metric framework slow to open; the rest are a click away.
const pageSize = 100;

/** The data mapping grid: one row per metric, selectable for bulk edits. */
export function MappingGrid({
  doc,
  partnershipId,
  rows,
  mappings,
  owners,
  canEdit,
  stamp,
  onFocusField,
  onBulkApplied,
}: MappingGridProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(pageSize);
  const visible = rows.slice(0, shown);
  const visibleIds = useMemo(() => visible.map((row) => row.metric.id), [visible]);
  const selectedShown = visibleIds.filter((id) => selected.has(id));
  const allShownSelected = visibleIds.length > 0 && selectedShown.length === visibleIds.length;
  const paths = evidencePaths(partnershipId);
  const ownersListId = 'data-owners';

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <datalist id={ownersListId}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>
      {selected.size > 0 && canEdit ? (
        <BulkEditBar
          count={selected.size}
          ownersListId={ownersListId}
          onClear={() => setSelected(new Set())}
          onApply={(patch) => {
            const changed = updateDataMappings(doc, [...selected], patch, stamp());
            onBulkApplied(`Changed ${changed} of ${selected.size} selected metrics.`);
            setSelected(new Set());
          }}
        />
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Data mapping of each metric">
        <table className="table mapping-grid">
          <caption className="visually-hidden">Data mapping: one row per metric</caption>
          <thead>
            <tr>
              <td>
                <input
                  type="checkbox"
                  aria-label="Select every metric shown"
                  checked={allShownSelected}
                  disabled={!canEdit || visibleIds.length === 0}
                  onChange={(event) =>
                    setSelected((current) => {
                      const next = new Set(current);
                      for (const id of visibleIds) {
                        if (event.target.checked) next.add(id);
                        else next.delete(id);
                      }
                      return next;
                    })
                  }
                />
              </td>
              <th scope="col">Metric</th>
              <th scope="col">Status</th>
              <th scope="col">Data owner</th>
              <th scope="col">Why (reason)</th>
              <th scope="col">Next step</th>
              <th scope="col">Last reviewed</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((context) => (
              <MappingRow
                key={context.metric.id}
                doc={doc}
                context={context}
                mapping={mappings.get(context.metric.id) ?? null}
                selected={selected.has(context.metric.id)}
                canEdit={canEdit}
                stamp={stamp}
                metricPath={paths.metric(context.metric.id)}
                ownersListId={ownersListId}
                onSelect={(on) => toggle(context.metric.id, on)}
                onFocusField={onFocusField}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>No metrics match these filters.</p> : null}
      {rows.length > shown ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(shown + pageSize)}>
          Show {Math.min(pageSize, rows.length - shown)} more of {rows.length - shown}
        </button>
      ) : null}
    </>
  );
}
