import type { Indicator, Metric, Outcome } from '../../schemas/framework.ts';
import {
  placeStateCodes,
  type CommonCore,
  type NetworkPlace,
  type TemplateChoice,
  type TemplateItemType,
  type TemplateVersion,
} from '../../schemas/networks.ts';
import type { NetworkTemplate } from './networkTemplate.ts';

/** What one place brings to the common-core analysis. */
export interface PlaceFramework {
  place: NetworkPlace;
  /** Its live outcomes, indicators and metrics; null when it does not share its framework. */
  framework: {
    outcomes: readonly Pick<Outcome, 'templateId' | 'statement'>[];
    indicators: readonly Pick<Indicator, 'templateId' | 'name'>[];
    metrics: readonly Pick<Metric, 'templateId' | 'name'>[];
  } | null;
  /** Its choice on each template change it has decided (change id → adopted or declined). */
  choices: ReadonlyMap<string, Exclude<TemplateChoice, 'pending'>>;
}

/** A template item's earlier wordings, each with the rewording change that replaced it. */
export type TemplateRewordings = ReadonlyMap<string, readonly { changeId: string; from: string }[]>;

/** Every rewording published up to the template's version, by the template id it rewords. */
export function templateRewordings(
  versions: readonly Pick<TemplateVersion, 'version' | 'changes'>[],
): TemplateRewordings {
  const byItem = new Map<string, { changeId: string; from: string }[]>();
  for (const published of [...versions].sort((a, b) => a.version - b.version)) {
    for (const change of published.changes) {
      if (change.kind !== 'reword') continue;
      const list = byItem.get(change.templateId) ?? [];
      list.push({ changeId: change.id, from: change.from });
      byItem.set(change.templateId, list);
    }
  }
  return byItem;
}

/**
 * Wording as `sameWording` compares it (case, spacing and a closing full stop aside), computed once per text so a
 * network of 150 places × 1,500 items compares keys instead of normalising both sides of every comparison.
 */
export function wordingKey(text: string): string {
  // Plain lower-casing is English lower-casing (locale rules differ only for Turkish, Azeri and Lithuanian), and
  // many times faster than asking for en-GB.
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/** A place's live wordings (as `wordingKey`s) by template id, one index per kind: built once per place. */
type WordingIndex = Record<TemplateItemType, Map<string, string[]>>;

function indexWordings(framework: NonNullable<PlaceFramework['framework']>): WordingIndex {
  const index: WordingIndex = { outcome: new Map(), indicator: new Map(), metric: new Map() };
  const add = (type: TemplateItemType, templateId: string | null, wording: string) => {
    if (templateId === null) return;
    const list = index[type].get(templateId);
    if (list) list.push(wordingKey(wording));
    else index[type].set(templateId, [wordingKey(wording)]);
  };
  for (const outcome of framework.outcomes) add('outcome', outcome.templateId, outcome.statement);
  for (const indicator of framework.indicators) add('indicator', indicator.templateId, indicator.name);
  for (const metric of framework.metrics) add('metric', metric.templateId, metric.name);
  return index;
}

/**
 * How every template item stands in every place, in template order: per place `=` live with the template's wording,
 * `~` live with other wording, `?` not decided yet, `-` dropped or never taken, `.` framework not shared (see
 * `placeStateCodes`). Not decided: absent, and added by a change the place has neither adopted nor declined; or
 * still worded as before a rewording the place has not decided (it has not been asked to change yet, so it has not
 * changed the wording). Places are indexed once each, so the cost is places × (entities + items).
 */
export function commonCoreItems(
  template: NetworkTemplate,
  places: readonly PlaceFramework[],
  rewordings: TemplateRewordings = new Map(),
): CommonCore['items'] {
  const indexes = places.map((place) => (place.framework ? indexWordings(place.framework) : null));
  const earlier = new Map(
    [...rewordings].map(([templateId, list]) => [
      templateId,
      list.map((reword) => ({ changeId: reword.changeId, key: wordingKey(reword.from) })),
    ]),
  );
  return template.items.map((item) => {
    const key = wordingKey(item.label);
    const counts = { asIs: 0, changed: 0, dropped: 0, pending: 0 };
    let states = '';
    places.forEach((place, index) => {
      const wordings = indexes[index];
      const state = wordings
        ? placeState(item, key, wordings[item.type].get(item.templateId), place.choices, earlier)
        : 'notShared';
      if (state !== 'notShared') counts[state] += 1;
      states += placeStateCodes[state];
    });
    return {
      templateId: item.templateId,
      type: item.type,
      label: item.label,
      domain: item.domain,
      ...counts,
      states,
    };
  });
}

function placeState(
  item: NetworkTemplate['items'][number],
  key: string,
  wordings: readonly string[] | undefined,
  choices: PlaceFramework['choices'],
  earlier: ReadonlyMap<string, readonly { changeId: string; key: string }[]>,
): keyof typeof placeStateCodes {
  if (wordings && wordings.length > 0) {
    if (wordings.includes(key)) return 'asIs';
    const undecided = (earlier.get(item.templateId) ?? []).filter((reword) => !choices.has(reword.changeId));
    const asBefore = wordings.some((wording) => undecided.some((reword) => wording === reword.key));
    return asBefore ? 'pending' : 'changed';
  }
  return item.addedBy !== null && !choices.has(item.addedBy) ? 'pending' : 'dropped';
}
