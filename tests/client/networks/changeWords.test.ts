import { describe, expect, it } from 'vitest';
import { networkTemplateAt } from '../../../shared/model/network/networkTemplate.ts';
import { adoptionByChange, adoptionWords, changeWords } from '../../../client/screens/networks/changeWords.ts';

describe('template changes in words', () => {
  it('names the parent and the wording before a rewording', () => {
    const template = networkTemplateAt([]);
    const indicator = template.items.find((item) => item.type === 'indicator')!;
    expect(
      changeWords(
        { kind: 'add-metric', name: 'Families reached', indicatorTemplateId: indicator.templateId },
        template,
      ),
    ).toBe(`New metric “Families reached” under the indicator “${indicator.label}”`);
    expect(
      changeWords({
        kind: 'reword',
        type: 'outcome',
        templateId: 'x',
        from: 'Children are safe',
        to: 'Children are safe at home',
        id: '7b0c1f3e-8f63-4f0e-9d57-1c8a2b9e4d10',
        sourceEntities: [],
      }),
    ).toBe('Outcome reworded from “Children are safe” to “Children are safe at home”');
  });

  it('counts each change’s adoption, members without a choice undecided', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const adoption = adoptionByChange(
      [
        { changeId: 'c1', partnershipId: 'a', choice: 'adopted', decidedAt: at },
        { changeId: 'c1', partnershipId: 'b', choice: 'adopted', decidedAt: at },
        { changeId: 'c1', partnershipId: 'c', choice: 'declined', decidedAt: at },
      ],
      4,
    );
    expect(adoptionWords(adoption.get('c1'), 4)).toBe('adopted by 2, declined by 1, not decided 1');
    expect(adoptionWords(adoption.get('c2'), 4)).toBe('adopted by 0, declined by 0, not decided 4');
  });
});
