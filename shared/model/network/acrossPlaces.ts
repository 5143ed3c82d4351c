import type { EvidenceFact } from '../../schemas/cycles.ts';
import type { Outcome } from '../../schemas/framework.ts';
import type { AcrossPlaces } from '../../schemas/networks.ts';
import { suppressedLabel } from '../evidence/suppression.ts';
import type { Framework } from '../framework/readFramework.ts';
import { coverageIndex, isCountedLink } from '../theoryOfChange/coverage.ts';
import type { TheoryOfChange } from '../theoryOfChange/readTheoryOfChange.ts';
import type { NetworkTemplate } from './networkTemplate.ts';

/** A place sharing its priorities: the priorities its decisions agreed, and its outcomes (deleted ones too). */
export interface PlacePriorities {
  partnershipId: string;
  priorities: readonly { kind: string; refId: string }[];
  outcomes: readonly Pick<Outcome, 'id' | 'templateId' | 'statement'>[];
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Outcomes agreed as priorities across the places sharing them, by template id: a place counts once per outcome
 * however many decisions named it; local outcomes (no template id) are left out. Most places first, then template
 * order.
 */
export function priorityOutcomes(
  template: NetworkTemplate,
  places: readonly PlacePriorities[],
): AcrossPlaces['priorities'] {
  const byTemplateId = new Map<string, { label: string; partnershipIds: string[] }>();
  for (const place of places) {
    const outcomes = new Map(place.outcomes.map((outcome) => [outcome.id, outcome]));
    for (const priority of place.priorities) {
      if (priority.kind !== 'outcome') continue;
      const outcome = outcomes.get(priority.refId);
      if (!outcome?.templateId) continue;
      const entry = byTemplateId.get(outcome.templateId) ?? {
        label: template.byTemplateId.get(outcome.templateId)?.label ?? outcome.statement,
        partnershipIds: [],
      };
      if (!entry.partnershipIds.includes(place.partnershipId)) entry.partnershipIds.push(place.partnershipId);
      byTemplateId.set(outcome.templateId, entry);
    }
  }
  const order = new Map(template.items.map((item, index) => [item.templateId, index]));
  const rank = (templateId: string) => order.get(templateId) ?? Number.MAX_SAFE_INTEGER;
  return [...byTemplateId]
    .map(([templateId, entry]) => ({ templateId, ...entry }))
    .sort(
      (a, b) =>
        b.partnershipIds.length - a.partnershipIds.length ||
        rank(a.templateId) - rank(b.templateId) ||
        collator.compare(a.label, b.label),
    );
}

/** One place's latest whole-population observation of a core metric, as `evidenceFacts` judged it. */
export interface PlaceEvidence {
  partnershipId: string;
  /** By the template id of the place's metric: its latest fact (null without data) and England's value then. */
  facts: ReadonlyMap<string, { fact: EvidenceFact | null; englandValue: number | null }>;
}

/**
 * For each template metric with a Fingertips id, each sharing place's latest value against England with the
 * judgement in words. A suppressed value is never shown: its value is null and its words say it was suppressed.
 */
export function evidenceAcrossPlaces(
  template: NetworkTemplate,
  places: readonly PlaceEvidence[],
): AcrossPlaces['evidence'] {
  return template.items.flatMap((item) => {
    if (item.type !== 'metric' || item.fingertipsId === null) return [];
    const entries = places.flatMap((place) => {
      const held = place.facts.get(item.templateId);
      if (!held) return [];
      return [{ partnershipId: place.partnershipId, ...judged(held.fact, held.englandValue) }];
    });
    if (entries.length === 0) return [];
    return [
      {
        templateId: item.templateId,
        name: item.label,
        fingertipsId: item.fingertipsId,
        unit: item.unit,
        places: entries,
      },
    ];
  });
}

function judged(fact: EvidenceFact | null, englandValue: number | null) {
  if (!fact)
    return { period: '', value: null, englandValue: null, judgement: 'no-data', words: 'No data imported yet' };
  const versusEngland = fact.comparisons.find((comparison) => comparison.comparator === 'england');
  if (fact.suppressed) {
    // The judgement would give the hidden value away as surely as the number.
    return {
      period: fact.period,
      value: null,
      englandValue,
      judgement: 'suppressed',
      words: `Value ${suppressedLabel}`,
    };
  }
  return {
    period: fact.period,
    value: fact.value,
    englandValue,
    judgement: versusEngland?.judgement ?? 'not-compared',
    words: versusEngland?.words ?? 'not compared with England (no England value for this period)',
  };
}

/** A place's theory-of-change coverage in counts only: live actions, counted links, live outcomes reached. */
export function theoryOfChangeCounts(
  partnershipId: string,
  framework: Pick<Framework, 'outcomes'>,
  theoryOfChange: TheoryOfChange,
): AcrossPlaces['theoryOfChange'][number] {
  const reached = coverageIndex(theoryOfChange);
  return {
    partnershipId,
    actions: theoryOfChange.actions.length,
    links: theoryOfChange.links.filter(isCountedLink).length,
    outcomesCovered: framework.outcomes.filter((outcome) => reached.has(outcome.id)).length,
    outcomes: framework.outcomes.length,
  };
}
