import { useState } from 'react';
import type * as Y from 'yjs';
import {
  readMappingText,
  dataStatusOrder,
  dataStatuses,
  updateDataMapping,
  type MetricContext,
} from '../../shared/model/dataMapping/index.ts';
import { domainLabel } from '../../shared/model/framework/index.ts';
import { dataMappingLimits, type MetricDataMapping, type ReviewStamp } from '../../shared/schemas/dataMapping.ts';
import { useSharedTextField } from '../sync/useSharedTextField.ts';
import { formatReviewDate } from './reviewStamp.ts';
import { Link } from 'react-router';

interface MappingRowProps {
  doc: Y.Doc;
  context: MetricContext;
  mapping: MetricDataMapping | null;
  selected: boolean;
  canEdit: boolean;
  stamp: () => ReviewStamp;
  metricPath: string;
  ownersListId: string;
  onSelect: (selected: boolean) => void;
  onFocusField: (field: string | undefined) => void;
}

/** One metric's row of the grid: its status, owner, reason and next step, edited live with everyone else. */
export function MappingRow({
  doc,
  context,
  mapping,
  selected,
  canEdit,
  stamp,
  metricPath,
  ownersListId,
  onSelect,
  onFocusField,
}: MappingRowProps) {
  const { metric, indicator, domains } = context;
  const id = metric.id;
  const name = metric.name || 'Untitled metric';
  const reason = useSharedTextField<HTMLTextAreaElement>(
    canEdit ? readMappingText(doc, id, 'reason') : null,
    dataMappingLimits.reason,
  );
  const nextStep = useSharedTextField<HTMLTextAreaElement>(
    canEdit ? readMappingText(doc, id, 'nextStep') : null,
    dataMappingLimits.nextStep,
  );
  // The owner is a plain field: it follows others' changes except while this person is typing in it.
  const [draftOwner, setDraftOwner] = useState<string | null>(null);
  const owner = draftOwner ?? mapping?.owner ?? '';
  const commitOwner = () => {
    setDraftOwner(null);
    onFocusField(undefined);
    if (owner.trim() !== (mapping?.owner ?? '')) updateDataMapping(doc, id, { owner }, stamp());
  };
  const focus = (field: string) => () => onFocusField(`${id}:${field}`);
  const blur = () => onFocusField(undefined);

  return (
    <tr className={selected ? 'mapping-row mapping-row--selected' : 'mapping-row'} data-metric-id={id}>
      <td className="mapping-row__select">
        <input
          type="checkbox"
          className="checkbox-input"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select ${name}`}
          disabled={!canEdit}
        />
      </td>
      <th scope="row" className="mapping-row__metric">
        <Link to={metricPath}>{name}</Link>
        <span className="table__secondary">{indicator?.name}</span>
        <span className="table__secondary">{domains.map(domainLabel).join(', ') || 'Not linked to an outcome'}</span>
      </th>
      <td>
        <select
          aria-label={`Status of ${name}`}
          value={mapping?.status ?? ''}
          disabled={!canEdit}
          onFocus={focus('status')}
          onBlur={blur}
          onChange={(event) => {
            const value = event.target.value;
            updateDataMapping(
              doc,
              id,
              { status: value === '' ? null : (value as MetricDataMapping['status']) },
              stamp(),
            );
          }}
        >
          <option value="">Not yet mapped</option>
          {dataStatusOrder.map((status) => (
            <option key={status} value={status}>
              {dataStatuses[status].label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="text"
          aria-label={`Data owner of ${name}`}
          value={owner}
          list={ownersListId}
          maxLength={dataMappingLimits.owner}
          disabled={!canEdit}
          onFocus={() => {
            setDraftOwner(owner);
            onFocusField(`${id}:owner`);
          }}
          onChange={(event) => setDraftOwner(event.target.value)}
          onBlur={commitOwner}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitOwner();
          }}
        />
      </td>
      <td>
        {canEdit ? (
          <textarea ref={reason} rows={2} aria-label={`Why, for ${name}`} onFocus={focus('reason')} onBlur={blur} />
        ) : (
          <span>{mapping?.reason}</span>
        )}
      </td>
      <td>
        {canEdit ? (
          <textarea
            ref={nextStep}
            rows={2}
            aria-label={`Next step for ${name}`}
            onFocus={focus('nextStep')}
            onBlur={blur}
          />
        ) : (
          <span>{mapping?.nextStep}</span>
        )}
      </td>
      <td className="mapping-row__reviewed">
        {mapping?.reviewedAt ? (
          <>
            {formatReviewDate(mapping.reviewedAt)}
            <span className="table__secondary">{mapping.reviewedBy}</span>
          </>
        ) : (
          'Never'
        )}
      </td>
    </tr>
  );
}
