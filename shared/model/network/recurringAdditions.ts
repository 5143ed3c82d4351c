import type { Domain, Indicator, Metric, Outcome } from '../../schemas/framework.ts';
import type { CommonCore, TemplateItemType } from '../../schemas/networks.ts';
import { domainOrder } from '../framework/domains.ts';
import { wordingKey } from './commonCore.ts';
import type { NetworkTemplate } from './networkTemplate.ts';
import {
  similarPairs,
  similarityThreshold,
  stemWeights,
  weighWording,
  wordingStems,
  type WeightedWording,
} from './similarWording.ts';

/** A place's live framework, for finding its local additions (places that do not share their framework are left out). */
export interface PlaceAdditions {
  partnershipId: string;
  outcomes: readonly Pick<Outcome, 'id' | 'templateId' | 'statement' | 'domain'>[];
  indicators: readonly Pick<Indicator, 'id' | 'templateId' | 'name' | 'outcomeIds'>[];
  metrics: readonly Pick<Metric, 'id' | 'templateId' | 'name' | 'indicatorId'>[];
}

/** One local addition: a live entity with no template id, or one the network's template does not hold. */
export interface LocalAddition {
  partnershipId: string;
  entityId: string;
  type: TemplateItemType;
  wording: string;
  domain: Domain | null;
  /** Template ids of the parents it sits under: an indicator's outcomes, a metric's indicator. */
  parentTemplateIds: string[];
}

export type RecurringAddition = CommonCore['candidates'][number];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Every local addition of a place, outcomes first, with the domain it belongs to and its parents' template ids. */
export function localAdditions(place: PlaceAdditions, template: NetworkTemplate): LocalAddition[] {
  const isLocal = (templateId: string | null) => templateId === null || !template.byTemplateId.has(templateId);
  const templateIdOf = (templateId: string | null) => (templateId !== null && !isLocal(templateId) ? [templateId] : []);
  const outcomeById = new Map(place.outcomes.map((outcome) => [outcome.id, outcome]));
  const indicatorById = new Map(place.indicators.map((indicator) => [indicator.id, indicator]));
  const outcomeRank = new Map(place.outcomes.map((outcome, index) => [outcome.id, index]));
  // An indicator belongs to the domain of the first outcome it serves in grid order.
  const indicatorDomain = (indicator: Pick<Indicator, 'outcomeIds'>): Domain | null => {
    const first = [...indicator.outcomeIds].sort((a, b) => (outcomeRank.get(a) ?? 0) - (outcomeRank.get(b) ?? 0))[0];
    return first === undefined ? null : (outcomeById.get(first)?.domain ?? null);
  };
  const additions: LocalAddition[] = [];
  const common = { partnershipId: place.partnershipId };
  for (const outcome of place.outcomes) {
    if (!isLocal(outcome.templateId) || outcome.statement.trim() === '') continue;
    additions.push({
      ...common,
      entityId: outcome.id,
      type: 'outcome',
      wording: outcome.statement.trim(),
      domain: outcome.domain,
      parentTemplateIds: [],
    });
  }
  for (const indicator of place.indicators) {
    if (!isLocal(indicator.templateId) || indicator.name.trim() === '') continue;
    additions.push({
      ...common,
      entityId: indicator.id,
      type: 'indicator',
      wording: indicator.name.trim(),
      domain: indicatorDomain(indicator),
      parentTemplateIds: indicator.outcomeIds.flatMap((id) => templateIdOf(outcomeById.get(id)?.templateId ?? null)),
    });
  }
  for (const metric of place.metrics) {
    if (!isLocal(metric.templateId) || metric.name.trim() === '') continue;
    const indicator = indicatorById.get(metric.indicatorId);
    additions.push({
      ...common,
      entityId: metric.id,
      type: 'metric',
      wording: metric.name.trim(),
      domain: indicator ? indicatorDomain(indicator) : null,
      parentTemplateIds: templateIdOf(indicator?.templateId ?? null),
    });
  }
  return additions;
}

/** Parent of a set in a union-find forest, with path halving. */
function root(parents: number[], index: number): number {
  let at = index;
  while (parents[at] !== at) {
    parents[at] = parents[parents[at]!]!;
    at = parents[at]!;
  }
  return at;
}

/**
 * Local additions that recur across places: additions of one kind whose wording is similar (see `similarWording.ts`)
 * are linked, linked additions form one group (single linkage, union-find), and a group found in two or more places
 * is a candidate for the core. Labelled by its most common wording (ties: the shortest). Most places first.
 */
export function recurringAdditions(
  template: NetworkTemplate,
  places: readonly PlaceAdditions[],
  threshold: number = similarityThreshold,
): RecurringAddition[] {
  const additions = places.flatMap((place) => localAdditions(place, template));
  const stems = additions.map((addition) => wordingStems(addition.wording));
  // Weights learnt from the template's wording too, so the words every framework uses count for little.
  const weight = stemWeights([...template.items.map((item) => wordingStems(item.label)), ...stems]);
  const placeOrder = new Map(places.map((place, index) => [place.partnershipId, index]));
  const templateOrder = new Map(template.items.map((item, index) => [item.templateId, index]));
  const candidates: RecurringAddition[] = [];
  for (const type of ['outcome', 'indicator', 'metric'] as const) {
    // Additions with the same stems are one node: many places holding the same words (a spreadsheet passed round)
    // then cost one comparison, not one per pair of places.
    const nodes = new Map<string, number[]>();
    additions.forEach((addition, index) => {
      // Wording of common words only ("The other") says nothing to compare.
      if (addition.type !== type || stems[index]!.length === 0) return;
      const key = [...stems[index]!].sort().join(' ');
      const node = nodes.get(key);
      if (node) node.push(index);
      else nodes.set(key, [index]);
    });
    const members = [...nodes.values()];
    const wordings: WeightedWording[] = members.map((indexes) => weighWording(stems[indexes[0]!]!, weight));
    const parents = members.map((_, index) => index);
    for (const [a, b] of similarPairs(wordings, threshold)) parents[root(parents, a)] = root(parents, b);
    const groups = new Map<number, LocalAddition[]>();
    members.forEach((indexes, index) => {
      const key = root(parents, index);
      const group = groups.get(key) ?? [];
      for (const additionIndex of indexes) group.push(additions[additionIndex]!);
      groups.set(key, group);
    });
    for (const group of groups.values()) {
      const candidate = describeGroup(type, group, placeOrder, templateOrder);
      if (candidate.partnershipIds.length >= 2) candidates.push(candidate);
    }
  }
  return candidates.sort(
    (a, b) => b.partnershipIds.length - a.partnershipIds.length || collator.compare(a.label, b.label),
  );
}

function describeGroup(
  type: TemplateItemType,
  group: readonly LocalAddition[],
  placeOrder: ReadonlyMap<string, number>,
  templateOrder: ReadonlyMap<string, number>,
): RecurringAddition {
  const wordings = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const { wording } of group) {
    const key = wordingKey(wording);
    const entry = wordings.get(key) ?? { spellings: new Map<string, number>(), count: 0 };
    entry.count += 1;
    entry.spellings.set(wording, (entry.spellings.get(wording) ?? 0) + 1);
    wordings.set(key, entry);
  }
  const labels = [...wordings.values()]
    .map(({ spellings, count }) => ({ text: mostCommon(spellings, collator.compare)!, count }))
    .sort((a, b) => b.count - a.count || a.text.length - b.text.length || collator.compare(a.text, b.text))
    .map((entry) => entry.text);
  const partnershipIds = [...new Set(group.map((addition) => addition.partnershipId))].sort(
    (a, b) => (placeOrder.get(a) ?? 0) - (placeOrder.get(b) ?? 0),
  );
  const domains = new Map<Domain, number>();
  for (const { domain } of group) if (domain !== null) domains.set(domain, (domains.get(domain) ?? 0) + 1);
  const parents = new Map<string, number>();
  for (const addition of group) {
    for (const parent of new Set(addition.parentTemplateIds)) parents.set(parent, (parents.get(parent) ?? 0) + 1);
  }
  return {
    type,
    label: labels[0] ?? '',
    labels,
    partnershipIds,
    entityIds: group.map(({ partnershipId, entityId }) => ({ partnershipId, entityId })),
    domain: mostCommon(domains, (a, b) => domainOrder.indexOf(a) - domainOrder.indexOf(b)),
    parentTemplateId: mostCommon(parents, (a, b) => (templateOrder.get(a) ?? 0) - (templateOrder.get(b) ?? 0)),
  };
}

/** The key counted most often; ties go to the key `order` puts first; null when there are none. */
function mostCommon<K>(counts: ReadonlyMap<K, number>, order: (a: K, b: K) => number): K | null {
  let best: K | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && order(key, best) < 0)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
