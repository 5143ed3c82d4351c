import type * as Y from 'yjs';
import { addIndicator, addOutcome } from '../../../../shared/model/framework/index.ts';
import { addAction, addLink } from '../../../../shared/model/theoryOfChange/index.ts';
import type { OfferActionDraft, TheoryOfChangeLinkDraft } from '../../../../shared/schemas/theoryOfChange.ts';
import { buildIndicator, buildOutcome } from '../framework/factories.ts';

let sequence = 0;
const next = (): number => ++sequence;

/** An action draft with sensible defaults; override what the test is about. */
export function buildAction(overrides: Partial<OfferActionDraft> = {}): OfferActionDraft {
  const n = next();
  return {
    name: `Baby massage group ${n}`,
    provider: 'Riverside Council',
    deliveryType: 'direct',
    localities: ['North hub'],
    ageStages: ['0-2'],
    status: 'live',
    budget: 12_000,
    contractEnd: null,
    ...overrides,
  };
}

/** Links an action to an outcome (or indicator), failing the test when the model refuses. */
export function linkOrFail(doc: Y.Doc, draft: TheoryOfChangeLinkDraft): string {
  const result = addLink(doc, draft);
  if (!result.ok) throw new Error(`link refused: ${result.message}`);
  return result.id;
}

/** A small world: three outcomes (one in another cell), an indicator serving the third, and two actions. */
export function seedTheoryOfChange(doc: Y.Doc) {
  const outcomes = [
    addOutcome(doc, buildOutcome({ domain: 'safe', level: 'child' })),
    addOutcome(doc, buildOutcome({ domain: 'learning', level: 'child' })),
    addOutcome(doc, buildOutcome({ domain: 'healthy', level: 'parent-carer' })),
  ] as const;
  const indicator = addIndicator(doc, buildIndicator({ outcomeIds: [outcomes[2]] }));
  const actions = [
    addAction(doc, buildAction({ provider: 'Riverside Council', deliveryType: 'direct' })),
    addAction(doc, buildAction({ provider: 'Health Visiting Trust', deliveryType: 'commissioned' })),
  ] as const;
  return { outcomes, indicator, actions };
}
