import { useId, useState } from 'react';
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
import { EntityThreads } from '../comments/EntityThreads.tsx';
import { openCommentsWords, useEntityThreads } from '../comments/useEntityThreads.ts';
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

/** Columns of the grid: select, metric, status, owner, reason, next step, last reviewed (with the comments). */
const mappingColumnCount = 7;

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
  const panelId = useId();
  const commentAnchor = { kind: 'entity', entityKind: 'metric', entityId: id, aspect: 'data-mapping' } as const;
  const comments = useEntityThreads(commentAnchor);
  // Open once the person opens it, or while the address names one of its threads (from the mentions inbox).
  const [toggled, setToggled] = useState<boolean | null>(null);
  const commentsOpen = toggled ?? comments.linked;

  return (
    <>
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
          {/* With the review date rather than in a column of its own, so the status and owner keep their width. */}
          <div className="mapping-row__comments">
            <button
              type="button"
              className="button--small button--secondary"
              aria-expanded={commentsOpen}
              aria-controls={panelId}
              onClick={() => setToggled(!commentsOpen)}
              data-testid="mapping-comments-toggle"
            >
              Comments ({comments.open})
              <span className="visually-hidden">
                : {openCommentsWords(comments.open)} on the data mapping of {name}
              </span>
            </button>
          </div>
        </td>
      </tr>
      {/* The threads open in a row of their own below, so the grid's columns keep their width. */}
      <tr id={panelId} className="mapping-row__comments-panel" hidden={!commentsOpen}>
        <td colSpan={mappingColumnCount}>
          {commentsOpen ? (
            <EntityThreads
              anchor={commentAnchor}
              subject={`Data mapping: ${name}`}
              about={`the data mapping of ${name}`}
              headingLevel={3}
            />
          ) : null}
        </td>
      </tr>
    </>
  );
}
