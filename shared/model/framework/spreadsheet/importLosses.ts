import type * as Y from 'yjs';
import type { FrameworkImportLosses } from '../../../schemas/frameworkImport.ts';
import { readDataMapping } from '../../dataMapping/dataMapping.ts';
import { dataStatusLabel } from '../../dataMapping/statuses.ts';
import { readActions } from '../../theoryOfChange/readTheoryOfChange.ts';
import { readAllTocEntities } from '../../theoryOfChange/readEntities.ts';
import { readFrameworkEntities } from '../entities.ts';

/** What the server knows outside the doc about a partnership's items: agreed priorities and observation counts. */
export interface ImportLossContext {
  priorities: readonly { kind: string; refId: string }[];
  observationsByMetric: ReadonlyMap<string, number>;
}

/**
 * What goes with the items an import takes out of the framework (`removedIds`, from its plan): the agreed priorities
 * on them, the live theory-of-change links to them, and their metrics' evidence and data mapping. Everything is kept
 * and comes back if the items are restored; until then it is out of sight, which is what people need to be told.
 */
export function importLosses(
  doc: Y.Doc,
  removedIds: { outcomes: readonly string[]; indicators: readonly string[]; metrics: readonly string[] },
  context: ImportLossContext,
): FrameworkImportLosses {
  const { outcomes, indicators, metrics } = readFrameworkEntities(doc);
  const removed = {
    outcome: new Set(removedIds.outcomes),
    indicator: new Set(removedIds.indicators),
    metric: new Set(removedIds.metrics),
  };
  const labels = new Map<string, string>([
    ...outcomes.map((outcome) => [`outcome:${outcome.id}`, outcome.statement] as const),
    ...indicators.map((indicator) => [`indicator:${indicator.id}`, indicator.name] as const),
  ]);
  const priorities = context.priorities.flatMap(({ kind, refId }): FrameworkImportLosses['priorities'] =>
    (kind === 'outcome' || kind === 'indicator') && removed[kind].has(refId)
      ? [{ kind, id: refId, label: labels.get(`${kind}:${refId}`) ?? refId }]
      : [],
  );
  const actionNames = new Map(readActions(doc).actions.map((action) => [action.id, action.name]));
  const links = readAllTocEntities(doc, 'link').items.flatMap((link) => {
    const action = actionNames.get(link.actionId);
    if (link.deletedAt !== null || action === undefined || !removed[link.targetKind].has(link.targetId)) return [];
    return [
      {
        id: link.id,
        action: action || 'Unnamed action',
        target: labels.get(`${link.targetKind}:${link.targetId}`) ?? '',
      },
    ];
  });
  const mapping = readDataMapping(doc).byMetric;
  const removedMetrics = metrics.filter((metric) => removed.metric.has(metric.id));
  const evidence = removedMetrics.flatMap((metric) => {
    const observations = context.observationsByMetric.get(metric.id) ?? 0;
    return observations > 0 ? [{ id: metric.id, label: metric.name, observations }] : [];
  });
  const dataMapping = removedMetrics.flatMap((metric) => {
    const status = mapping.get(metric.id)?.status ?? null;
    return status === null ? [] : [{ id: metric.id, label: metric.name, status: dataStatusLabel(status) }];
  });
  return { priorities, links, evidence, dataMapping };
}
