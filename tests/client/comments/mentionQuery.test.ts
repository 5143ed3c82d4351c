import { describe, expect, it } from 'vitest';
import { insertMention, matchingMembers, mentionQueryAt } from '../../../client/comments/mentionQuery.ts';
import type { Member } from '../../../shared/schemas/partnerships.ts';

const member = (userId: string, displayName: string, organisation: string): Member => ({
  userId,
  displayName,
  organisation,
  role: 'editor',
  isVotingMember: false,
  email: null,
  joinedAt: '',
});

const members = [
  member('u1', 'Amira Khan', 'Public health'),
  member('u2', 'Ben Okafor', 'Police'),
  member('u3', 'Zoë Adams', 'Health visiting'),
];

describe('typing @ to mention someone', () => {
  it.each([
    ['@', 1, { start: 0, query: '' }],
    ['Thanks @am', 10, { start: 7, query: 'am' }],
    ['(@Ben O', 7, { start: 1, query: 'Ben O' }],
    ['write to ana@example.org', 24, null],
    ['no mention here', 15, null],
    ['@Amira\nnext line', 16, null],
    ['@ space first', 2, null],
    ['@Amira Khan ', 12, null],
  ])('reads %j with the caret at %i', (text, caret, expected) => {
    expect(mentionQueryAt(text, caret)).toEqual(expected);
  });

  it('matches any word of a name or organisation, accents and case aside', () => {
    expect(matchingMembers(members, 'zo').map((m) => m.userId)).toEqual(['u3']);
    expect(matchingMembers(members, 'okaf').map((m) => m.userId)).toEqual(['u2']);
    expect(matchingMembers(members, 'health').map((m) => m.userId)).toEqual(['u1', 'u3']);
    expect(matchingMembers(members, '').map((m) => m.userId)).toEqual(['u1', 'u2', 'u3']);
  });

  it('replaces what was typed with the whole name and a space, keeping the rest of the text', () => {
    const text = 'Can @am check this?';
    expect(insertMention(text, { start: 4, query: 'am' }, 7, 'Amira Khan')).toEqual({
      text: 'Can @Amira Khan check this?',
      caret: 16,
    });
  });
});
