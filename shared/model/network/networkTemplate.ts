import type { Domain, Level, Polarity } from '../../schemas/framework.ts';
import type { TemplateChange, TemplateItemType, TemplateVersion } from '../../schemas/networks.ts';
import { commonOutcomesTemplate } from '../../templates/templates.ts';
import type { FrameworkTemplate } from '../../templates/templateTypes.ts';

/** One item of a network's template as it stands at a version: what places are compared against. */
export interface NetworkTemplateItem {
  templateId: string;
  type: TemplateItemType;
  /** An outcome's statement, an indicator's or metric's name: the wording compared with each place's. */
  label: string;
  /** The outcome's domain; an indicator's or metric's is that of the first outcome it serves. */
  domain: Domain | null;
  level: Level | null;
  /** Outcomes an indicator serves, or the indicator a metric measures (template ids). */
  parentTemplateIds: string[];
  /** The change that added it; null for the framework the network started from (version 0). */
  addedBy: string | null;
  /** The version that added it (0 for the starting framework). */
  addedIn: number;
  fingertipsId: string | null;
  polarity: Polarity | null;
  unit: string;
}

/** A network's template at a version: the starting framework with every published change up to it applied. */
export interface NetworkTemplate {
  version: number;
  items: NetworkTemplateItem[];
  byTemplateId: ReadonlyMap<string, NetworkTemplateItem>;
}

/** Version 0 of every network: the Common Outcomes Framework, in its own order. */
export function baseTemplateItems(base: FrameworkTemplate = commonOutcomesTemplate): NetworkTemplateItem[] {
  const items: NetworkTemplateItem[] = [];
  const outcomeDomain = new Map<string, Domain>();
  const common = { addedBy: null, addedIn: 0, fingertipsId: null, polarity: null, unit: '' };
  for (const { domain, outcomes } of base.domains) {
    for (const outcome of outcomes) {
      outcomeDomain.set(outcome.templateId, domain);
      items.push({
        ...common,
        templateId: outcome.templateId,
        type: 'outcome',
        label: outcome.statement,
        domain,
        level: outcome.level,
        parentTemplateIds: [],
      });
    }
  }
  for (const { indicators } of base.domains) {
    for (const indicator of indicators) {
      const domain = outcomeDomain.get(indicator.outcomes[0] ?? '') ?? null;
      items.push({
        ...common,
        templateId: indicator.templateId,
        type: 'indicator',
        label: indicator.name,
        domain,
        level: null,
        parentTemplateIds: [...indicator.outcomes],
      });
      for (const metric of indicator.metrics) {
        items.push({
          ...common,
          templateId: metric.templateId,
          type: 'metric',
          label: metric.name,
          domain,
          level: null,
          parentTemplateIds: [indicator.templateId],
          fingertipsId: metric.fingertipsId,
          polarity: metric.polarity,
          unit: metric.unit,
        });
      }
    }
  }
  return items;
}

/** The item a change adds, or null for a change that adds nothing (a rewording). */
function addedItem(change: TemplateChange, version: number, byId: ReadonlyMap<string, NetworkTemplateItem>) {
  const common = { addedBy: change.id, addedIn: version, fingertipsId: null, polarity: null, unit: '' };
  switch (change.kind) {
    case 'add-outcome':
      return {
        ...common,
        templateId: change.templateId,
        type: 'outcome' as const,
        label: change.statement,
        domain: change.domain,
        level: change.level,
        parentTemplateIds: [],
      };
    case 'add-indicator':
      return {
        ...common,
        templateId: change.templateId,
        type: 'indicator' as const,
        label: change.name,
        domain: byId.get(change.outcomeTemplateIds[0] ?? '')?.domain ?? null,
        level: null,
        parentTemplateIds: [...change.outcomeTemplateIds],
      };
    case 'add-metric':
      return {
        ...common,
        templateId: change.templateId,
        type: 'metric' as const,
        label: change.name,
        domain: byId.get(change.indicatorTemplateId)?.domain ?? null,
        level: null,
        parentTemplateIds: [change.indicatorTemplateId],
        fingertipsId: change.fingertipsId,
        polarity: change.polarity,
        unit: change.unit,
      };
    case 'reword':
      return null;
  }
}

/**
 * The template at the latest of `versions` (or at `upTo`): version 0, then each version's changes in order.
 * A rewording replaces the label; an addition whose template id is already there changes nothing.
 */
export function networkTemplateAt(
  versions: readonly Pick<TemplateVersion, 'version' | 'changes'>[],
  upTo: number = Number.POSITIVE_INFINITY,
  base: FrameworkTemplate = commonOutcomesTemplate,
): NetworkTemplate {
  const items = baseTemplateItems(base);
  const byTemplateId = new Map(items.map((item) => [item.templateId, item]));
  let version = 0;
  for (const published of [...versions].sort((a, b) => a.version - b.version)) {
    if (published.version > upTo) break;
    version = published.version;
    for (const change of published.changes) {
      if (change.kind === 'reword') {
        const item = byTemplateId.get(change.templateId);
        if (item && item.type === change.type) item.label = change.to;
        continue;
      }
      const item = addedItem(change, published.version, byTemplateId);
      if (item && !byTemplateId.has(item.templateId)) {
        items.push(item);
        byTemplateId.set(item.templateId, item);
      }
    }
  }
  return { version, items, byTemplateId };
}

/** "3 new metrics, 1 outcome reworded": what a version changes, in words, most changes first. */
export function versionSummary(changes: readonly TemplateChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const key = change.kind === 'reword' ? `reword-${change.type}` : change.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const words: Record<string, [string, string]> = {
    'add-outcome': ['new outcome', 'new outcomes'],
    'add-indicator': ['new indicator', 'new indicators'],
    'add-metric': ['new metric', 'new metrics'],
    'reword-outcome': ['outcome reworded', 'outcomes reworded'],
    'reword-indicator': ['indicator reworded', 'indicators reworded'],
    'reword-metric': ['metric reworded', 'metrics reworded'],
  };
  const parts = Object.entries(words).flatMap(([key, [one, many]]) => {
    const count = counts.get(key) ?? 0;
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  return parts.length === 0 ? 'No changes' : parts.join(', ');
}

/** Wording compared as people read it: case, spacing and a closing full stop aside. */
export function sameWording(a: string, b: string): boolean {
  const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLocaleLowerCase('en-GB');
  return normalise(a) === normalise(b);
}
