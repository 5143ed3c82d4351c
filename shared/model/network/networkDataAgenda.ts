import type { DataStatus, MetricDataMapping } from '../../schemas/dataMapping.ts';
import type { Metric } from '../../schemas/framework.ts';
import type { NetworkDataAgenda } from '../../schemas/networks.ts';
import type { NetworkTemplate } from './networkTemplate.ts';

/** What one place sharing its data mapping brings: its live metrics and their mappings. */
export interface PlaceDataMapping {
  partnershipId: string;
  metrics: readonly Pick<Metric, 'id' | 'templateId'>[];
  mappings: ReadonlyMap<string, MetricDataMapping>;
}

/** The listing rule, in words for the screen and the exports. */
export const networkDataAgendaRule =
  'A template metric is listed when more than half of the places that share their data mapping record its data as ' +
  'missing or not accessible. Places that dropped the metric are in no count; reasons, owners and next steps are ' +
  'those of the places whose data are not available, the same words typed with other capitals or spacing counted ' +
  'together.';

type Bucket = DataStatus | 'not-mapped';

// When a place holds a template metric twice, the more usable mapping speaks for it.
const usefulness: Readonly<Record<Bucket, number>> = {
  available: 0,
  partial: 1,
  'not-accessible': 2,
  missing: 3,
  'not-mapped': 4,
};

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Counts texts as people read them (spacing and capitals aside), each shown in its most common spelling. */
class TextTally {
  readonly #byKey = new Map<string, { spellings: Map<string, number>; count: number }>();

  add(text: string): void {
    const spelling = text.trim().replace(/\s+/g, ' ');
    if (spelling === '') return;
    const key = spelling.toLowerCase();
    const entry = this.#byKey.get(key) ?? { spellings: new Map<string, number>(), count: 0 };
    entry.count += 1;
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
    this.#byKey.set(key, entry);
  }

  /** Most common first; ties A–Z. */
  list(): { text: string; count: number }[] {
    return [...this.#byKey.values()]
      .map(({ spellings, count }) => {
        const [text] = [...spellings].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0]!;
        return { text, count };
      })
      .sort((a, b) => b.count - a.count || collator.compare(a.text, b.text));
  }
}

/**
 * The network's shared data development agenda: per template metric, how the places sharing their data mapping
 * that hold it have mapped it, listed when more than half of those places record it missing or not accessible
 * (`networkDataAgendaRule`), with their reasons, owners and next steps counted. Most places lacking it first.
 */
export function networkDataAgenda(template: NetworkTemplate, places: readonly PlaceDataMapping[]): NetworkDataAgenda {
  const byTemplateId = places.map((place) => {
    const buckets = new Map<string, MetricDataMapping | null>();
    for (const metric of place.metrics) {
      if (metric.templateId === null) continue;
      const mapping = place.mappings.get(metric.id) ?? null;
      const held = buckets.get(metric.templateId);
      if (held === undefined || usefulness[bucketOf(mapping)] < usefulness[bucketOf(held)]) {
        buckets.set(metric.templateId, mapping);
      }
    }
    return buckets;
  });
  const order = new Map(template.items.map((item, index) => [item.templateId, index]));
  const metrics: NetworkDataAgenda['metrics'] = [];
  for (const item of template.items) {
    if (item.type !== 'metric') continue;
    const counts: Record<Bucket, number> = {
      available: 0,
      partial: 0,
      'not-accessible': 0,
      missing: 0,
      'not-mapped': 0,
    };
    const lacking: MetricDataMapping[] = [];
    let holding = 0;
    for (const buckets of byTemplateId) {
      const mapping = buckets.get(item.templateId);
      if (mapping === undefined) continue;
      holding += 1;
      const bucket = bucketOf(mapping);
      counts[bucket] += 1;
      if (mapping && bucket !== 'available' && bucket !== 'not-mapped') lacking.push(mapping);
    }
    if (counts.missing + counts['not-accessible'] <= places.length / 2) continue;
    // Texts are counted only for the metrics listed: most metrics of a large network are not.
    const reasons = new TextTally();
    const owners = new TextTally();
    const nextSteps = new TextTally();
    for (const mapping of lacking) {
      reasons.add(mapping.reason);
      owners.add(mapping.owner);
      nextSteps.add(mapping.nextStep);
    }
    const indicator = template.byTemplateId.get(item.parentTemplateIds[0] ?? '');
    metrics.push({
      templateId: item.templateId,
      name: item.label,
      indicator: indicator?.label ?? '',
      domain: item.domain,
      places: holding,
      missing: counts.missing,
      notAccessible: counts['not-accessible'],
      partial: counts.partial,
      available: counts.available,
      notMapped: counts['not-mapped'],
      reasons: reasons.list().map(({ text, count }) => ({ reason: text, count })),
      owners: owners.list().map(({ text, count }) => ({ owner: text, count })),
      nextSteps: nextSteps.list().map(({ text, count }) => ({ nextStep: text, count })),
    });
  }
  metrics.sort(
    (a, b) =>
      b.missing + b.notAccessible - (a.missing + a.notAccessible) ||
      (order.get(a.templateId) ?? 0) - (order.get(b.templateId) ?? 0),
  );
  return { places: places.length, rule: networkDataAgendaRule, metrics };
}

function bucketOf(mapping: MetricDataMapping | null): Bucket {
  return mapping?.status ?? 'not-mapped';
}
