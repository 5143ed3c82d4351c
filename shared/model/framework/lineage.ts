import * as Y from 'yjs';
import {
  DomainSchema,
  EntityIdSchema,
  isOrderKey,
  LevelSchema,
  type Indicator,
  type Metric,
  type Outcome,
} from '../../schemas/framework.ts';
import { entityMap, type EntityKind } from './docShape.ts';
import { compareOutcomes } from './entities.ts';
import { compareOrdered } from './ordering.ts';

/** What comparing places needs of a live outcome: its lineage, wording and place in the grid. */
export type OutcomeLineage = Pick<Outcome, 'id' | 'templateId' | 'statement' | 'domain' | 'level' | 'order'>;
/** What comparing places needs of a live indicator; `outcomeIds` are its live outcomes, as `readFrameworkEntities`. */
export type IndicatorLineage = Pick<Indicator, 'id' | 'templateId' | 'name' | 'outcomeIds' | 'order'>;
/** What comparing places needs of a live metric. */
export type MetricLineage = Pick<Metric, 'id' | 'templateId' | 'name' | 'indicatorId' | 'order'>;

/** The live framework as lineage and wording only. */
export interface FrameworkLineage {
  outcomes: OutcomeLineage[];
  indicators: IndicatorLineage[];
  metrics: MetricLineage[];
}

interface Stored<T> {
  value: T;
  deleted: boolean;
}

const domains = new Set<string>(DomainSchema.options);
const levels = new Set<string>(LevelSchema.options);
const isEntityId = (value: unknown): value is string =>
  typeof value === 'string' && EntityIdSchema.safeParse(value).success;
const isTemplateId = (value: unknown): value is string | null | undefined =>
  value === null || value === undefined || isEntityId(value);

/** Each entry of a kind whose read fields are sound, by id: the fields checked here are the only ones read. */
function readKind<T>(doc: Y.Doc, kind: EntityKind, read: (fields: Y.Map<unknown>, id: string) => T | null) {
  const entries = new Map<string, Stored<T>>();
  for (const [id, stored] of entityMap(doc, kind).entries()) {
    if (!(stored instanceof Y.Map)) continue;
    const fields = stored as Y.Map<unknown>;
    const deletedAt = fields.get('deletedAt');
    if (deletedAt !== undefined && deletedAt !== null && typeof deletedAt !== 'string') continue;
    const order = fields.get('order');
    if (typeof order !== 'string' || !isOrderKey(order)) continue;
    const value = read(fields, id);
    if (value !== null) entries.set(id, { value, deleted: typeof deletedAt === 'string' });
  }
  return entries;
}

const text = (value: unknown): string | null => (value instanceof Y.Text ? value.toString() : null);

function setMembers(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!(value instanceof Y.Map)) return null;
  const members: string[] = [];
  for (const [key, member] of (value as Y.Map<unknown>).entries()) if (member === true) members.push(key);
  return members.sort();
}

/**
 * The live outcomes, indicators and metrics with only the fields that compare places (template id, wording, where
 * each sits), in the order and with the hiding rules of `readFrameworkEntities` (an indicator is hidden while every
 * outcome it serves is deleted, a metric with its indicator). For reading many workspaces at once — a network's 150
 * places — it checks only the fields it reads instead of validating every entity whole, several times faster; an
 * entry wrong only in a field it does not read is counted here though the framework screens report it as a problem.
 */
export function readFrameworkLineage(doc: Y.Doc): FrameworkLineage {
  const storedOutcomes = readKind<OutcomeLineage>(doc, 'outcome', (fields, id) => {
    const statement = text(fields.get('statement'));
    const { domain, level, order, templateId } = {
      domain: fields.get('domain'),
      level: fields.get('level'),
      order: fields.get('order') as string,
      templateId: fields.get('templateId'),
    };
    if (statement === null || typeof domain !== 'string' || !domains.has(domain)) return null;
    if (typeof level !== 'string' || !levels.has(level) || !isTemplateId(templateId)) return null;
    return {
      id,
      templateId: templateId ?? null,
      statement,
      domain: domain as Outcome['domain'],
      level: level as Outcome['level'],
      order,
    };
  });
  const storedIndicators = readKind<IndicatorLineage>(doc, 'indicator', (fields, id) => {
    const name = text(fields.get('name'));
    const outcomeIds = setMembers(fields.get('outcomeIds'));
    const templateId = fields.get('templateId');
    if (name === null || outcomeIds === null || !outcomeIds.every(isEntityId) || !isTemplateId(templateId)) return null;
    return { id, templateId: templateId ?? null, name, outcomeIds, order: fields.get('order') as string };
  });
  const storedMetrics = readKind<MetricLineage>(doc, 'metric', (fields, id) => {
    const name = text(fields.get('name'));
    const indicatorId = fields.get('indicatorId');
    const templateId = fields.get('templateId');
    if (name === null || !isEntityId(indicatorId) || !isTemplateId(templateId)) return null;
    return { id, templateId: templateId ?? null, name, indicatorId, order: fields.get('order') as string };
  });

  const outcomes = [...storedOutcomes.values()].filter((entry) => !entry.deleted).map((entry) => entry.value);
  const indicators: IndicatorLineage[] = [];
  const liveIndicators = new Set<string>();
  for (const { value, deleted } of storedIndicators.values()) {
    const known = value.outcomeIds.filter((outcomeId) => storedOutcomes.has(outcomeId));
    const live = known.filter((outcomeId) => !storedOutcomes.get(outcomeId)!.deleted);
    if (deleted || (live.length === 0 && known.length > 0)) continue;
    liveIndicators.add(value.id);
    indicators.push({ ...value, outcomeIds: live });
  }
  const metrics = [...storedMetrics.values()]
    .filter((entry) => !entry.deleted && liveIndicators.has(entry.value.indicatorId))
    .map((entry) => entry.value);
  return {
    outcomes: outcomes.sort(compareOutcomes),
    indicators: indicators.sort(compareOrdered),
    metrics: metrics.sort(compareOrdered),
  };
}
