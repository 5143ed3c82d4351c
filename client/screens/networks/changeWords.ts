import { domainLabel, levelLabel } from '../../../shared/model/framework/domains.ts';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { TemplateChange, TemplateChangeDraft, TemplateChoices } from '../../../shared/schemas/networks.ts';

const typeWord = { outcome: 'outcome', indicator: 'indicator', metric: 'metric' } as const;

/** What a change does, in a sentence: "New metric “…” under the indicator “…”". */
export function changeWords(
  change: TemplateChange | TemplateChangeDraft,
  template?: Pick<NetworkTemplate, 'byTemplateId'>,
): string {
  const labelOf = (templateId: string) => template?.byTemplateId.get(templateId)?.label ?? templateId;
  switch (change.kind) {
    case 'add-outcome':
      return `New outcome “${change.statement}” in ${domainLabel(change.domain)} (${levelLabel(change.level)})`;
    case 'add-indicator': {
      const outcomes = change.outcomeTemplateIds.map((id) => `“${labelOf(id)}”`).join(', ');
      return outcomes === '' ? `New indicator “${change.name}”` : `New indicator “${change.name}” serving ${outcomes}`;
    }
    case 'add-metric':
      return change.indicatorTemplateId === ''
        ? `New metric “${change.name}”`
        : `New metric “${change.name}” under the indicator “${labelOf(change.indicatorTemplateId)}”`;
    case 'reword': {
      const from = 'from' in change && change.from ? change.from : labelOf(change.templateId);
      return capitalised(`${typeWord[change.type]} reworded from “${from}” to “${change.to}”`);
    }
  }
}

/** How many places adopted, declined or have not decided one change. */
export interface Adoption {
  adopted: number;
  declined: number;
  undecided: number;
}

/** Each change's adoption, by change id; places that are members but have no recorded choice are undecided. */
export function adoptionByChange(choices: TemplateChoices['choices'], memberCount: number): Map<string, Adoption> {
  const counts = new Map<string, Adoption>();
  for (const choice of choices) {
    const count = counts.get(choice.changeId) ?? { adopted: 0, declined: 0, undecided: 0 };
    if (choice.choice === 'adopted') count.adopted += 1;
    else count.declined += 1;
    counts.set(choice.changeId, count);
  }
  for (const count of counts.values()) count.undecided = Math.max(0, memberCount - count.adopted - count.declined);
  return counts;
}

/** "adopted by 5, declined by 2, not decided 1". */
export function adoptionWords(adoption: Adoption | undefined, memberCount: number): string {
  const { adopted, declined, undecided } = adoption ?? { adopted: 0, declined: 0, undecided: memberCount };
  return `adopted by ${adopted}, declined by ${declined}, not decided ${undecided}`;
}

/** The same words starting with a capital, to stand as a sentence. */
export function capitalised(text: string): string {
  return text.length === 0 ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
