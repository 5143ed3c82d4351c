import { describe, expect, it } from 'vitest';
import type { Presence } from '../../../../shared/model/presence.ts';
import { parsePounds } from '../../../../client/screens/theoryOfChange/BudgetAndContractFields.tsx';
import {
  actionPresenceKey,
  peopleOnAction,
  presenceSentence,
} from '../../../../client/screens/theoryOfChange/presenceKeys.ts';

let clientIds = 0;
function buildPresence(name: string, overrides: Partial<Presence> = {}): Presence {
  clientIds += 1;
  return {
    clientId: clientIds,
    user: { id: name.toLowerCase().replace(/\W+/g, '-'), name, organisation: 'Riverside Council', colour: '#1d70b8' },
    ...overrides,
  };
}

describe('who else is on an action', () => {
  it('lists each other person once, editing if any of their tabs is, and leaves me out', () => {
    const me = buildPresence('Me', { viewing: actionPresenceKey('a1') });
    const people = [
      me,
      buildPresence('Sam Lee', { viewing: actionPresenceKey('a1') }),
      buildPresence('Sam Lee', { viewing: actionPresenceKey('a1'), editing: 'toc.link:l1.mechanism' }),
      buildPresence('Ana Diaz', { viewing: actionPresenceKey('a1') }),
      buildPresence('Elsewhere', { viewing: actionPresenceKey('a2') }),
    ];
    const others = peopleOnAction(people, 'a1', me.clientId);
    expect(others).toEqual([
      { name: 'Sam Lee', editing: true },
      { name: 'Ana Diaz', editing: false },
    ]);
    expect(presenceSentence(others)).toBe('Sam Lee and Ana Diaz are editing');
    expect(presenceSentence([{ name: 'Ana Diaz', editing: false }])).toBe('Ana Diaz is here');
    expect(presenceSentence([])).toBe('');
  });
});

describe('budgets typed in pounds', () => {
  it('reads pounds with or without the sign, commas and spaces; empty is no budget; anything else is not a number', () => {
    expect(parsePounds('£12,500.50')).toBe(12500.5);
    expect(parsePounds(' 12 500 ')).toBe(12500);
    expect(parsePounds('')).toBeNull();
    expect(parsePounds('twelve')).toBeNaN();
    expect(parsePounds('1.234')).toBeNaN();
    expect(parsePounds('-5')).toBeNaN();
  });
});
