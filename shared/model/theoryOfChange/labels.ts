import type {
  ActionStatus,
  DeliveryType,
  EvidenceStrength,
  MeasureKind,
  Timeframe,
} from '../../schemas/theoryOfChange.ts';
import {
  actionStatusKeys,
  deliveryTypeKeys,
  evidenceStrengthKeys,
  measureKindKeys,
  timeframeKeys,
} from '../../schemas/theoryOfChange.ts';

/** How a key of the theory of change is shown, with what it means in plain words. */
export interface TheoryOfChangeLabel {
  label: string;
  description: string;
}

/** How an action reaches families. */
export const deliveryTypes: Readonly<Record<DeliveryType, TheoryOfChangeLabel>> = {
  direct: { label: 'Direct delivery', description: 'Delivered by the family hub and its partners’ own staff.' },
  commissioned: { label: 'Commissioned', description: 'Bought from a provider under a contract or grant.' },
  gateway: {
    label: 'Gateway',
    description: 'A way into more targeted or specialist services, through referral or a shared front door.',
  },
};

/** Where an action is in its life. */
export const actionStatuses: Readonly<Record<ActionStatus, TheoryOfChangeLabel>> = {
  planned: { label: 'Planned', description: 'Agreed or proposed, not yet delivering.' },
  live: { label: 'Live', description: 'Delivering to families now.' },
  ending: { label: 'Ending', description: 'Being decommissioned or coming to the end of its funding.' },
};

/** The Results-Based Accountability performance measure questions. */
export const measureKinds: Readonly<Record<MeasureKind, TheoryOfChangeLabel>> = {
  'how-much': { label: 'How much did we do?', description: 'Quantity of effort: numbers served, sessions run.' },
  'how-well': { label: 'How well did we do it?', description: 'Quality of effort: timeliness, satisfaction, reach.' },
  'better-off': {
    label: 'Is anyone better off?',
    description: 'Quantity and quality of effect: the change in skills, behaviour, circumstances.',
  },
};

/**
 * The scale of evidence strength, strongest first. It follows the usual What Works ladder: a robust external
 * evaluation at the top, a plausible but untested idea at the bottom.
 */
export const evidenceStrengths: Readonly<Record<EvidenceStrength, TheoryOfChangeLabel>> = {
  strong: {
    label: 'Strong external evaluation',
    description:
      'Independent, robust evaluation (for example a randomised trial or quasi-experimental study) shows it works.',
  },
  promising: {
    label: 'Promising',
    description: 'Some external evidence of impact, not yet robust or not from a setting like ours.',
  },
  'local-evaluation': {
    label: 'Local evaluation',
    description: 'Our own monitoring or evaluation shows change, without a comparison group.',
  },
  'practice-wisdom': {
    label: 'Practice wisdom',
    description: 'Practitioners and families tell us it helps; not yet measured.',
  },
  untested: { label: 'Untested', description: 'A reasoned assumption that has not been tested yet.' },
};

/** When the change is expected to show. */
export const timeframes: Readonly<Record<Timeframe, TheoryOfChangeLabel>> = {
  short: { label: 'Short term (under 1 year)', description: 'Change expected within a year.' },
  medium: { label: 'Medium term (1 to 3 years)', description: 'Change expected in one to three years.' },
  long: { label: 'Long term (3 years or more)', description: 'Change expected after three years or more.' },
};

/** Delivery types in display order. */
export const deliveryTypeOrder: readonly DeliveryType[] = deliveryTypeKeys;
/** Statuses in life order. */
export const actionStatusOrder: readonly ActionStatus[] = actionStatusKeys;
/** RBA questions in the order RBA asks them. */
export const measureKindOrder: readonly MeasureKind[] = measureKindKeys;
/** Evidence strengths, strongest first. */
export const evidenceStrengthOrder: readonly EvidenceStrength[] = evidenceStrengthKeys;
/** Timeframes, soonest first. */
export const timeframeOrder: readonly Timeframe[] = timeframeKeys;
