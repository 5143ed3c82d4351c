import { ageStageLabel } from '../framework/ageStages.ts';
import { domainLabel, levelLabel } from '../framework/domains.ts';
import { isCountedLink } from './coverage.ts';
import {
  actionStatuses,
  deliveryTypes,
  evidenceStrengths,
  measureKinds,
  measureKindOrder,
  timeframes,
} from './labels.ts';
import type { LinkView, TheoryOfChange } from './readTheoryOfChange.ts';

/** The offer sheet's columns, in order. */
export const offerColumns = [
  'Action id',
  'Action',
  'Provider organisation',
  'Delivery type',
  'Hubs and localities',
  'Age stages',
  'Status',
  'Budget (GBP)',
  'Contract end',
  ...measureKindOrder.map((kind) => measureKinds[kind].label),
  'Outcomes and indicators linked',
] as const;

/** The links sheet's columns, in order. */
export const linkColumns = [
  'Link id',
  'Action',
  'Provider organisation',
  'Delivery type',
  'Links to',
  'Outcome or indicator',
  'Domain',
  'Level',
  'Priority outcome',
  'Link status',
  'Mechanism',
  'Evidence strength',
  'Expected timeframe',
  'Assumptions',
  'Assumptions checked',
] as const;

/** One cell: text, or a number (budgets) that a spreadsheet should add up. */
export type SheetCell = string | number;

// Several values in one cell are separated by line breaks, which both Excel and CSV keep inside a quoted cell.
const joinLines = (values: readonly string[]): string => values.join('\n');

/** The offer as a table, header first: one row per action, in offer order. */
export function offerTable(theoryOfChange: TheoryOfChange): SheetCell[][] {
  const counted = theoryOfChange.links.filter(isCountedLink);
  return [
    [...offerColumns],
    ...theoryOfChange.actions.map((action) => [
      action.id,
      action.name,
      action.provider,
      deliveryTypes[action.deliveryType].label,
      action.localities.join('; '),
      action.ageStages.map(ageStageLabel).join('; '),
      actionStatuses[action.status].label,
      action.budget ?? '',
      action.contractEnd ?? '',
      ...measureKindOrder.map((kind) =>
        joinLines(action.measures.filter((measure) => measure.kind === kind).map((measure) => measure.text)),
      ),
      counted.filter((link) => link.actionId === action.id).length,
    ]),
  ];
}

function linkStatus(link: LinkView): string {
  if (link.target.state === 'live') return 'Live';
  const what = link.target.kind === 'outcome' ? 'Outcome' : 'Indicator';
  return link.target.state === 'removed' ? `${what} removed` : `${what} not in the framework`;
}

/** The links as a table, header first: one row per link, in the order the offer lists them. */
export function linkTable(theoryOfChange: TheoryOfChange, priorities: ReadonlySet<string>): SheetCell[][] {
  const actionById = new Map(theoryOfChange.actions.map((action) => [action.id, action]));
  const rows: SheetCell[][] = [];
  for (const link of theoryOfChange.links) {
    const action = actionById.get(link.actionId);
    if (!action) continue;
    const { target } = link;
    rows.push([
      link.id,
      action.name,
      action.provider,
      deliveryTypes[action.deliveryType].label,
      target.kind === 'outcome' ? 'Outcome' : 'Indicator',
      target.label,
      target.domain ? domainLabel(target.domain) : '',
      target.level ? levelLabel(target.level) : '',
      target.outcomeIds.some((id) => priorities.has(id)) ? 'Yes' : 'No',
      linkStatus(link),
      link.mechanism,
      evidenceStrengths[link.evidence].label,
      timeframes[link.timeframe].label,
      joinLines(
        link.assumptions.map(
          (assumption) =>
            `${assumption.checked ? '[checked]' : '[not checked]'} ${assumption.text}${assumption.owner ? ` (owner: ${assumption.owner})` : ''}`,
        ),
      ),
      `${link.assumptions.filter((assumption) => assumption.checked).length} of ${link.assumptions.length}`,
    ]);
  }
  return [[...linkColumns], ...rows];
}
