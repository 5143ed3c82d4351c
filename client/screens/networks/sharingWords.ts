import type { Sharing } from '../../../shared/schemas/networks.ts';

/** One thing a partnership may share with a network, in the words a facilitator would use. */
export interface SharingOption {
  key: keyof Sharing;
  label: string;
  explanation: string;
}

/** The five things a partnership may share, in the order they are shown. */
export const sharingOptions: readonly SharingOption[] = [
  {
    key: 'framework',
    label: 'Framework structure and lineage',
    explanation: 'Which network template items you kept, reworded or dropped, and the wording of your local additions.',
  },
  {
    key: 'dataMapping',
    label: 'Data-mapping statuses and reasons',
    explanation: 'Whether each metric’s data are available, with the reason, owner and next step you recorded.',
  },
  {
    key: 'priorities',
    label: 'Agreed priorities and decisions',
    explanation: 'The outcomes your board agreed as priorities in closed rounds; never ballots or open tallies.',
  },
  {
    key: 'theoryOfChange',
    label: 'Theory-of-change coverage counts',
    explanation:
      'How many actions and links you have and how many outcomes they cover; no names, budgets or providers.',
  },
  {
    key: 'evidence',
    label: 'Evidence for core metrics',
    explanation: 'Your latest value and its judgement against England for core metrics with a Fingertips id.',
  },
];

/** What is never shared with any network, whatever the choices above. */
export const neverShared: readonly string[] = [
  'Narratives (the needs assessment and minutes)',
  'Comments',
  'Ballots, and the tallies of rounds still open',
  'Member lists',
  'Anything below small-count suppression',
];

/** "Framework structure and lineage, Data-mapping statuses and reasons" or "Nothing". */
export function sharedWords(sharing: Sharing): string {
  const shared = sharingOptions.filter((option) => sharing[option.key]).map((option) => option.label);
  return shared.length === 0 ? 'Nothing' : shared.join('; ');
}

/** Whether two sharing choices are the same. */
export function sameSharing(a: Sharing, b: Sharing): boolean {
  return sharingOptions.every((option) => a[option.key] === b[option.key]);
}
