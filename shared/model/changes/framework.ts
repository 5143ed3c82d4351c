import * as Y from 'yjs';
import type { Change } from '../../schemas/cycles.ts';
import type { Indicator, Metric, Outcome } from '../../schemas/framework.ts';
import { entityFields, type EntityKind } from '../framework/docShape.ts';
import { domainLabel, levelLabel } from '../framework/domains.ts';
import type { FrameworkEntities } from '../framework/entities.ts';
import { polarityLabels, scopeLabels } from '../framework/labels.ts';
import { change, type ChangeEntity, type ComparisonContext } from './context.ts';
import { wordDiff } from './wordDiff.ts';

type Entity = Outcome | Indicator | Metric;

const untitled: Record<EntityKind, string> = {
  outcome: 'Untitled outcome',
  indicator: 'Untitled indicator',
  metric: 'Untitled metric',
};

const fieldNames: Record<string, string> = {
  statement: 'Statement',
  description: 'Description',
  name: 'Name',
  definition: 'Definition',
};

/** The label an entity is shown by: an outcome's statement, an indicator's or metric's name. */
export function entityLabel(kind: EntityKind, entity: Entity): string {
  const text = 'statement' in entity ? entity.statement : entity.name;
  return text.trim() === '' ? untitled[kind] : text.trim();
}

/** Everything of one kind in a framework read, by id. */
function byId(framework: FrameworkEntities, kind: EntityKind): Map<string, Entity> {
  const list: Entity[] =
    kind === 'outcome' ? framework.outcomes : kind === 'indicator' ? framework.indicators : framework.metrics;
  return new Map(list.map((entity) => [entity.id, entity]));
}

/**
 * What changed in the framework. An entity counts as there when people see it (live: not deleted, and not hidden with
 * a deleted outcome or indicator), so a soft delete is a removal, a restore an addition, and applying the additions
 * and removals to the older version's entities gives the newer one's.
 */
export function frameworkChanges(context: ComparisonContext): Change[] {
  const older = context.frameworks.live(context.older.doc);
  const newer = context.frameworks.live(context.newer.doc);
  const everything = context.frameworks.all(context.newer.doc);
  const storedBefore = context.frameworks.all(context.older.doc);
  const outcomeLabels = new Map(
    [...everything.outcomes, ...storedBefore.outcomes].map((outcome) => [outcome.id, entityLabel('outcome', outcome)]),
  );
  const indicatorLabels = new Map(
    [...everything.indicators, ...storedBefore.indicators].map((indicator) => [
      indicator.id,
      entityLabel('indicator', indicator),
    ]),
  );
  const labels: Labels = {
    outcomeLabels,
    indicatorLabels,
    linksBefore: storedLinks(storedBefore),
    linksAfter: storedLinks(everything),
  };
  const changes: Change[] = [];
  for (const kind of ['outcome', 'indicator', 'metric'] as const) {
    const before = byId(older, kind);
    const after = byId(newer, kind);
    const stored = byId(everything, kind);
    for (const [id, entity] of after) {
      const was = before.get(id);
      if (!was) changes.push(added(context, kind, entity, indicatorLabels));
      else changes.push(...fieldChanges(context, kind, was, entity, labels));
    }
    for (const [id, entity] of before) {
      if (!after.has(id)) changes.push(removed(context, kind, entity, stored.get(id) ?? null));
    }
  }
  return changes;
}

function added(
  context: ComparisonContext,
  kind: EntityKind,
  entity: Entity,
  indicatorLabels: ReadonlyMap<string, string>,
): Change {
  const fields = entityFields(context.newer.doc, kind, entity.id);
  const existedBefore = entityFields(context.older.doc, kind, entity.id) !== null;
  const where =
    'level' in entity
      ? ` to ${domainLabel(entity.domain)} (${levelLabel(entity.level)})`
      : 'indicatorId' in entity
        ? ` under “${indicatorLabels.get(entity.indicatorId) ?? 'an indicator'}”`
        : '';
  return change(
    'framework',
    'added',
    { type: kind, id: entity.id, label: entityLabel(kind, entity) },
    {
      before: null,
      after: entityLabel(kind, entity),
      words: existedBefore ? `Restored${where}` : `Added${where}`,
      by: existedBefore ? context.attribution.ofKey(fields, 'deletedAt') : context.attribution.ofCreation(fields),
    },
  );
}

function removed(context: ComparisonContext, kind: EntityKind, entity: Entity, now: Entity | null): Change {
  const fields = entityFields(context.newer.doc, kind, entity.id);
  const deleted = now !== null && now.deletedAt !== null;
  const words = deleted
    ? 'Deleted'
    : now !== null
      ? kind === 'metric'
        ? 'Hidden with its indicator'
        : 'Hidden with its outcomes'
      : 'Removed';
  return change(
    'framework',
    'removed',
    { type: kind, id: entity.id, label: entityLabel(kind, entity) },
    {
      before: entityLabel(kind, entity),
      after: null,
      words,
      by: deleted ? context.attribution.ofKey(fields, 'deletedAt') : null,
    },
  );
}

/**
 * Each indicator's stored links to outcomes that exist, deleted ones included: links are compared as stored, so
 * deleting an outcome is reported once (as its removal), not again as a link lost by each of its indicators.
 */
function storedLinks(framework: FrameworkEntities): Map<string, string[]> {
  return new Map(framework.indicators.map((indicator) => [indicator.id, indicator.outcomeIds]));
}

interface Labels {
  linksBefore: ReadonlyMap<string, string[]>;
  linksAfter: ReadonlyMap<string, string[]>;
  outcomeLabels: ReadonlyMap<string, string>;
  indicatorLabels: ReadonlyMap<string, string>;
}

function fieldChanges(
  context: ComparisonContext,
  kind: EntityKind,
  was: Entity,
  now: Entity,
  labels: Labels,
): Change[] {
  const fields = entityFields(context.newer.doc, kind, now.id);
  const entity: ChangeEntity = { type: kind, id: now.id, label: entityLabel(kind, now) };
  const { attribution } = context;
  const changes: Change[] = [];
  const texts: [field: string, before: string, after: string][] = [];
  const plain = (field: string, wasValue: string, nowValue: string, words: string, moved = false): void => {
    if (wasValue === nowValue) return;
    changes.push(
      change('framework', moved ? 'moved' : 'changed', entity, {
        field,
        before: wasValue,
        after: nowValue,
        words,
        by: attribution.ofKey(fields, field),
      }),
    );
  };
  if ('statement' in was && 'statement' in now) {
    texts.push(['statement', was.statement, now.statement], ['description', was.description, now.description]);
    plain('domain', domainLabel(was.domain), domainLabel(now.domain), `Moved to ${domainLabel(now.domain)}`, true);
    plain('level', levelLabel(was.level), levelLabel(now.level), `Moved to ${levelLabel(now.level)}`, true);
  } else if ('name' in was && 'name' in now) {
    texts.push(['name', was.name, now.name], ['definition', was.definition, now.definition]);
  }
  for (const [field, before, after] of texts) {
    if (before === after) continue;
    const value = fields?.get(field);
    changes.push(
      change('framework', 'changed', entity, {
        field,
        before,
        after,
        diff: wordDiff(before, after),
        words: `${fieldNames[field] ?? field} reworded`,
        by: attribution.ofContent([value instanceof Y.Text ? value : null]),
      }),
    );
  }
  plain('scope', scopeLabels[was.scope], scopeLabels[now.scope], `Now ${scopeLabels[now.scope].toLowerCase()}`);
  if ('outcomeIds' in was && 'outcomeIds' in now) changes.push(...linkChanges(context, entity, was, now, labels));
  if ('polarity' in was && 'polarity' in now) {
    plain('polarity', polarityLabels[was.polarity], polarityLabels[now.polarity], polarityLabels[now.polarity]);
    plain('source', was.source, now.source, now.source === '' ? 'Source cleared' : `Source now ${now.source}`);
    const wasIndicator = labels.indicatorLabels.get(was.indicatorId) ?? was.indicatorId;
    const nowIndicator = labels.indicatorLabels.get(now.indicatorId) ?? now.indicatorId;
    if (was.indicatorId !== now.indicatorId) {
      changes.push(
        change('framework', 'moved', entity, {
          field: 'indicator',
          before: wasIndicator,
          after: nowIndicator,
          words: `Moved to “${nowIndicator}”`,
          by: attribution.ofKey(fields, 'indicatorId'),
        }),
      );
    }
  }
  return changes;
}

/** An indicator's links to outcomes, as one change listing the outcomes it serves before and after. */
function linkChanges(
  context: ComparisonContext,
  entity: ChangeEntity,
  was: Indicator,
  now: Indicator,
  labels: Labels,
): Change[] {
  const linkedBefore = labels.linksBefore.get(was.id) ?? was.outcomeIds;
  const linkedAfter = labels.linksAfter.get(now.id) ?? now.outcomeIds;
  const gained = linkedAfter.filter((id) => !linkedBefore.includes(id));
  const lost = linkedBefore.filter((id) => !linkedAfter.includes(id));
  if (gained.length === 0 && lost.length === 0) return [];
  const label = (id: string): string => labels.outcomeLabels.get(id) ?? id;
  const parts = [
    ...(gained.length > 0 ? [`now serves ${gained.map((id) => `“${label(id)}”`).join(', ')}`] : []),
    ...(lost.length > 0 ? [`no longer serves ${lost.map((id) => `“${label(id)}”`).join(', ')}`] : []),
  ];
  const set = entityFields(context.newer.doc, 'indicator', now.id)?.get('outcomeIds');
  const by = gained
    .map((id) => context.attribution.ofKey(set instanceof Y.Map ? (set as Y.Map<unknown>) : null, id))
    .find((person) => person !== null);
  return [
    change('framework', 'changed', entity, {
      field: 'outcomes',
      before: was.outcomeIds.map(label),
      after: now.outcomeIds.map(label),
      words: parts.join('; ').replace(/^./, (first) => first.toUpperCase()),
      by: by ?? null,
    }),
  ];
}
