import type * as Y from 'yjs';
import { frameworkLimits } from '../../../schemas/framework.ts';
import { ensureEntity, entityFields, writePlain, writeSet, writeText, type EntityKind } from '../docShape.ts';
import { readFrameworkEntities } from '../entities.ts';
import { writeOrderKeys } from '../entityWrites.ts';
import { compareOrdered, planOrderKeys } from '../ordering.ts';
import { mergeSequences } from './mergeSequences.ts';
import type { FrameworkImportMode } from './planFrameworkImport.ts';
import type { IndicatorPart, MetricPart, OutcomePart } from './rowParts.ts';

/** A checked import with every item's id settled, each kind in the order the file first lists it. */
export interface ImportedFramework {
  outcomes: (OutcomePart & { id: string })[];
  indicators: (IndicatorPart & { id: string; outcomeIds: string[] })[];
  metrics: (MetricPart & { id: string; indicatorId: string })[];
  /** The indicators under each outcome (and the unlinked ones), in the order the file lists them there. */
  indicatorSequences: string[][];
}

function clearDeletion(entity: Y.Map<unknown>): void {
  if (entity.get('deletedAt') != null) entity.set('deletedAt', null);
  if (entity.get('deletedBy') != null) entity.set('deletedBy', null);
}

/** Orders each group as listed, keeping existing keys that already fit so little changes under people's feet. */
function writeGroupOrder<T extends { id: string }>(
  doc: Y.Doc,
  kind: EntityKind,
  items: readonly T[],
  groupOf: (item: T) => string,
  currentOrder: ReadonlyMap<string, string>,
): void {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  for (const group of groups.values()) {
    const sequence = group.map((item) => ({ id: item.id, order: currentOrder.get(item.id) ?? null }));
    writeOrderKeys(doc, kind, planOrderKeys(sequence));
  }
}

/**
 * One order of the imported indicators that reproduces every outcome's list in the file. Where the lists leave a
 * choice, the current order wins (then the file's), so importing an unchanged export moves nothing.
 */
function indicatorsInOrder(imported: ImportedFramework, current: ReadonlyMap<string, string>): { id: string }[] {
  const fileIndex = new Map(imported.indicators.map((indicator, index) => [indicator.id, index]));
  const prefer = (a: string, b: string): number => {
    const [orderA, orderB] = [current.get(a), current.get(b)];
    if (orderA !== undefined && orderB !== undefined) {
      return compareOrdered({ id: a, order: orderA }, { id: b, order: orderB });
    }
    if (orderA !== undefined || orderB !== undefined) return orderA !== undefined ? -1 : 1;
    return fileIndex.get(a)! - fileIndex.get(b)!;
  };
  return mergeSequences(imported.indicatorSequences, prefer).map((id) => ({ id }));
}

/**
 * Writes a checked import into the doc in one transaction. Items are matched by id: existing ones are updated in place
 * (texts by minimal edits, so concurrent typing survives) and restored if deleted; missing ones are created. An
 * indicator serves the outcomes on its rows plus any it served that the file does not list, which the file cannot
 * speak for. In replace mode, live items the file does not list are soft-deleted.
 */
export function applyImport(
  doc: Y.Doc,
  imported: ImportedFramework,
  options: { mode: FrameworkImportMode; by: string | null },
): void {
  doc.transact(() => {
    const before = readFrameworkEntities(doc, { includeDeleted: true });
    const liveBefore = readFrameworkEntities(doc);
    const fileOutcomes = new Set(imported.outcomes.map((outcome) => outcome.id));

    for (const outcome of imported.outcomes) {
      const entity = ensureEntity(doc, 'outcome', outcome.id);
      writeText(entity, 'statement', outcome.statement, frameworkLimits.statement);
      writeText(entity, 'description', outcome.description, frameworkLimits.description);
      writeSet(entity, 'ageStages', outcome.ageStages);
      writePlain(entity, 'domain', outcome.domain);
      writePlain(entity, 'level', outcome.level);
      writePlain(entity, 'scope', outcome.scope);
      writePlain(entity, 'templateId', outcome.templateId);
      clearDeletion(entity);
    }
    const outcomeOrder = new Map(before.outcomes.map((outcome) => [outcome.id, outcome.order]));
    writeGroupOrder(doc, 'outcome', imported.outcomes, (o) => `${o.domain}|${o.level}`, outcomeOrder);

    const linksBefore = new Map(before.indicators.map((indicator) => [indicator.id, indicator.outcomeIds]));
    for (const indicator of imported.indicators) {
      const entity = ensureEntity(doc, 'indicator', indicator.id);
      writeText(entity, 'name', indicator.name, frameworkLimits.name);
      writeText(entity, 'definition', indicator.definition, frameworkLimits.definition);
      const unlisted = (linksBefore.get(indicator.id) ?? []).filter((outcomeId) => !fileOutcomes.has(outcomeId));
      writeSet(entity, 'outcomeIds', [...indicator.outcomeIds, ...unlisted]);
      writePlain(entity, 'scope', indicator.scope);
      writePlain(entity, 'templateId', indicator.templateId);
      clearDeletion(entity);
    }
    const indicatorOrder = new Map(before.indicators.map((indicator) => [indicator.id, indicator.order]));
    writeGroupOrder(doc, 'indicator', indicatorsInOrder(imported, indicatorOrder), () => 'all', indicatorOrder);

    for (const metric of imported.metrics) {
      const entity = ensureEntity(doc, 'metric', metric.id);
      writePlain(entity, 'indicatorId', metric.indicatorId);
      writeText(entity, 'name', metric.name, frameworkLimits.name);
      writeText(entity, 'definition', metric.definition, frameworkLimits.definition);
      writeSet(entity, 'breakdowns', metric.breakdowns);
      for (const field of ['unit', 'polarity', 'source', 'fingertipsId', 'frequency', 'scope', 'templateId'] as const) {
        writePlain(entity, field, metric[field]);
      }
      clearDeletion(entity);
    }
    const metricOrder = new Map(before.metrics.map((metric) => [metric.id, metric.order]));
    writeGroupOrder(doc, 'metric', imported.metrics, (metric) => metric.indicatorId, metricOrder);

    if (options.mode === 'replace') {
      const deletedAt = new Date().toISOString();
      const remove = (kind: EntityKind, live: readonly { id: string }[], listed: readonly { id: string }[]): void => {
        const keep = new Set(listed.map((item) => item.id));
        for (const item of live) {
          if (keep.has(item.id)) continue;
          const entity = entityFields(doc, kind, item.id);
          entity?.set('deletedAt', deletedAt);
          entity?.set('deletedBy', options.by);
        }
      };
      remove('outcome', liveBefore.outcomes, imported.outcomes);
      remove('indicator', liveBefore.indicators, imported.indicators);
      remove('metric', liveBefore.metrics, imported.metrics);
    }
  });
}
