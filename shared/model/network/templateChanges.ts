import type * as Y from 'yjs';
import type { TemplateChange, TemplateItemType } from '../../schemas/networks.ts';
import { frameworkLimits } from '../../schemas/framework.ts';
import { entityFields, writePlain, type EntityKind } from '../framework/docShape.ts';
import { readFrameworkEntities } from '../framework/entities.ts';
import { addIndicator, indicatorText } from '../framework/indicators.ts';
import { addMetric, metricText } from '../framework/metrics.ts';
import { addOutcome, outcomeText } from '../framework/outcomes.ts';
import { setText } from '../text.ts';
import type { NetworkTemplate } from './networkTemplate.ts';

/** What adopting a change did to the workspace doc. */
export type AdoptionEffect =
  | { kind: 'added'; entityId: string }
  /** A local item the change was promoted from, now linked to the template (its words kept). */
  | { kind: 'linked'; entityId: string }
  | { kind: 'reworded'; entityId: string }
  /** The doc already held the template item: nothing to write. */
  | { kind: 'recorded'; entityId: string | null };

/** Where a place stands with one template item: the live entity carrying its id, or whether it was dropped. */
interface Holding {
  live: Map<string, string>;
  deleted: Set<string>;
  liveIds: Set<string>;
}

const kindOf: Record<TemplateItemType, EntityKind> = { outcome: 'outcome', indicator: 'indicator', metric: 'metric' };

function holdings(doc: Y.Doc): Record<TemplateItemType, Holding> {
  const live = readFrameworkEntities(doc);
  const all = readFrameworkEntities(doc, { includeDeleted: true });
  const holding = (
    liveItems: readonly { id: string; templateId: string | null }[],
    allItems: readonly { id: string; templateId: string | null }[],
  ): Holding => {
    const byTemplate = new Map<string, string>();
    for (const item of liveItems)
      if (item.templateId && !byTemplate.has(item.templateId)) byTemplate.set(item.templateId, item.id);
    const deleted = new Set<string>();
    for (const item of allItems) if (item.templateId && !byTemplate.has(item.templateId)) deleted.add(item.templateId);
    return { live: byTemplate, deleted, liveIds: new Set(liveItems.map((item) => item.id)) };
  };
  return {
    outcome: holding(live.outcomes, all.outcomes),
    indicator: holding(live.indicators, all.indicators),
    metric: holding(live.metrics, all.metrics),
  };
}

function typeOf(change: TemplateChange): TemplateItemType {
  switch (change.kind) {
    case 'add-outcome':
      return 'outcome';
    case 'add-indicator':
      return 'indicator';
    case 'add-metric':
      return 'metric';
    case 'reword':
      return change.type;
  }
}

/** The live local entity of this partnership that an addition was promoted from, if it still has one. */
function sourceEntityOf(
  change: TemplateChange,
  partnershipId: string,
  held: Record<TemplateItemType, Holding>,
): string | null {
  const liveIds = held[typeOf(change)].liveIds;
  const source = change.sourceEntities.find(
    (entity) => entity.partnershipId === partnershipId && liveIds.has(entity.entityId),
  );
  return source?.entityId ?? null;
}

/** The template's words for an item (for problems), or its id when the template does not know it. */
function labelOf(template: NetworkTemplate, templateId: string): string {
  return template.byTemplateId.get(templateId)?.label ?? templateId;
}

/**
 * Why a partnership cannot adopt a change as its framework stands, in words for its facilitators; null when it can.
 * An addition the doc already holds, or one promoted from a live item of this partnership, can always be adopted.
 */
export function templateChangeProblem(
  doc: Y.Doc,
  change: TemplateChange,
  context: { partnershipId: string; template: NetworkTemplate },
): string | null {
  const held = holdings(doc);
  return problemWith(change, held, context);
}

function problemWith(
  change: TemplateChange,
  held: Record<TemplateItemType, Holding>,
  { partnershipId, template }: { partnershipId: string; template: NetworkTemplate },
): string | null {
  if (change.kind === 'reword') {
    if (held[change.type].live.has(change.templateId)) return null;
    return held[change.type].deleted.has(change.templateId)
      ? `You dropped this ${change.type}, so there is nothing to reword`
      : `Your framework has no ${change.type} from the template “${labelOf(template, change.templateId)}” to reword`;
  }
  if (held[typeOf(change)].live.has(change.templateId)) return null;
  if (sourceEntityOf(change, partnershipId, held)) return null;
  if (change.kind === 'add-indicator') {
    if (change.outcomeTemplateIds.some((id) => held.outcome.live.has(id))) return null;
    const names = change.outcomeTemplateIds.map((id) => `“${labelOf(template, id)}”`).join(' or ');
    return `Your framework has no outcome ${names} for this indicator to serve`;
  }
  if (change.kind === 'add-metric' && !held.indicator.live.has(change.indicatorTemplateId)) {
    return `Your framework has no indicator “${labelOf(template, change.indicatorTemplateId)}” to put this metric under`;
  }
  return null;
}

/** Links a local item to the template: its template id and core scope set, its words kept. */
function linkToTemplate(doc: Y.Doc, type: TemplateItemType, entityId: string, templateId: string): boolean {
  const entity = entityFields(doc, kindOf[type], entityId);
  if (!entity) return false;
  doc.transact(() => {
    writePlain(entity, 'templateId', templateId);
    writePlain(entity, 'scope', 'core');
  });
  return true;
}

/**
 * Applies a published change to a partnership's workspace doc, in one transaction: adds the item (scope core, with
 * its template id), links the local item it was promoted from, or rewords the item by a minimal edit. Throws when
 * `templateChangeProblem` would name a problem, before writing anything.
 */
export function adoptTemplateChange(
  doc: Y.Doc,
  change: TemplateChange,
  context: { partnershipId: string; template: NetworkTemplate },
): AdoptionEffect {
  const held = holdings(doc);
  const problem = problemWith(change, held, context);
  if (problem) throw new Error(problem);
  const type = typeOf(change);
  if (change.kind === 'reword') {
    const entityId = held[type].live.get(change.templateId)!;
    const text =
      type === 'outcome'
        ? outcomeText(doc, entityId, 'statement')
        : type === 'indicator'
          ? indicatorText(doc, entityId, 'name')
          : metricText(doc, entityId, 'name');
    const limit = type === 'outcome' ? frameworkLimits.statement : frameworkLimits.name;
    if (text) setText(text, change.to.slice(0, limit));
    return { kind: 'reworded', entityId };
  }
  const existing = held[type].live.get(change.templateId);
  if (existing) return { kind: 'recorded', entityId: existing };
  const source = sourceEntityOf(change, context.partnershipId, held);
  if (source) {
    linkToTemplate(doc, type, source, change.templateId);
    return { kind: 'linked', entityId: source };
  }
  let entityId = '';
  doc.transact(() => {
    switch (change.kind) {
      case 'add-outcome':
        entityId = addOutcome(doc, {
          domain: change.domain,
          level: change.level,
          statement: change.statement,
          description: change.description,
          scope: 'core',
          templateId: change.templateId,
        });
        break;
      case 'add-indicator': {
        const outcomeIds = change.outcomeTemplateIds.flatMap((id) => held.outcome.live.get(id) ?? []);
        entityId = addIndicator(doc, {
          name: change.name,
          definition: change.definition,
          outcomeIds,
          scope: 'core',
          templateId: change.templateId,
        });
        break;
      }
      case 'add-metric':
        entityId = addMetric(doc, {
          indicatorId: held.indicator.live.get(change.indicatorTemplateId)!,
          name: change.name,
          definition: change.definition,
          unit: change.unit,
          polarity: change.polarity,
          source: change.source,
          fingertipsId: change.fingertipsId,
          frequency: change.frequency,
          scope: 'core',
          templateId: change.templateId,
        });
        break;
    }
  });
  return { kind: 'added', entityId };
}
