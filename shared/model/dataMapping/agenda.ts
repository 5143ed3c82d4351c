import type { MetricDataMapping } from '../../schemas/dataMapping.ts';
import type { MetricContext } from './metricContext.ts';

/** One metric on the data development agenda, with its mapping. */
export interface AgendaItem {
  context: MetricContext;
  mapping: MetricDataMapping;
}

/** The items that share one next step, under one owner. */
export interface AgendaStep {
  nextStep: string;
  items: AgendaItem[];
}

/** Everything one organisation is to sort out. `owner` is empty for items nobody owns yet. */
export interface AgendaOwner {
  owner: string;
  steps: AgendaStep[];
  count: number;
}

/** Compares texts as people read them: case and accents aside, numbers in number order. */
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * The data development agenda: every metric whose data are not available (not accessible, partial or missing),
 * grouped by owner and then by next step, owners A–Z with the unowned last; the same next step typed with different
 * case or spacing is one group. Metrics nobody has mapped yet are not on it: they are listed apart as "to map".
 */
export function dataDevelopmentAgenda(
  contexts: readonly MetricContext[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
): { owners: AgendaOwner[]; notMapped: MetricContext[] } {
  const byOwner = new Map<string, { owner: string; steps: Map<string, AgendaStep> }>();
  const notMapped: MetricContext[] = [];
  for (const context of contexts) {
    const mapping = mappings.get(context.metric.id);
    if (!mapping || mapping.status === null) {
      notMapped.push(context);
      continue;
    }
    if (mapping.status === 'available') continue;
    const owner = normalise(mapping.owner);
    const ownerKey = owner.toLocaleLowerCase('en-GB');
    const group = byOwner.get(ownerKey) ?? { owner, steps: new Map<string, AgendaStep>() };
    byOwner.set(ownerKey, group);
    const nextStep = normalise(mapping.nextStep);
    const stepKey = nextStep.toLocaleLowerCase('en-GB');
    const step = group.steps.get(stepKey) ?? { nextStep, items: [] };
    group.steps.set(stepKey, step);
    step.items.push({ context, mapping });
  }
  const owners = Array.from(byOwner.values(), ({ owner, steps }) => {
    const sortedSteps = Array.from(steps.values()).sort(blankLast((step) => step.nextStep));
    return { owner, steps: sortedSteps, count: sortedSteps.reduce((sum, step) => sum + step.items.length, 0) };
  }).sort(blankLast((group) => group.owner));
  return { owners, notMapped };
}

function blankLast<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
    return collator.compare(x, y);
  };
}
