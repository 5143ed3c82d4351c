import { describe, expect, it } from 'vitest';
import type { Trends } from '../../../../shared/schemas/cycles.ts';
import {
  availabilitySentence,
  rankMoveWords,
  rankWords,
  spanWords,
} from '../../../../client/screens/versions/trendWords.ts';

type TrendVersion = Trends['versions'][number];

let built = 0;
const buildVersion = (overrides: Partial<TrendVersion> = {}): TrendVersion => {
  built += 1;
  return {
    id: `v${built}`,
    label: `Version ${built}`,
    createdAt: '2027-03-14T12:00:00Z',
    reason: { kind: 'meeting' },
    ...overrides,
  };
};
const point = (versionId: string, available: number, metrics: number) => ({
  versionId,
  available,
  metrics,
  share: metrics > 0 ? available / metrics : null,
});
const round = (roundTitle: string, rank: number, of: number) => ({
  roundId: roundTitle,
  roundTitle,
  closedAt: '2027-01-01T00:00:00Z',
  rank,
  of,
});

describe('trends in plain words', () => {
  it('says how a domain moved between its first and latest versions with metrics', () => {
    const march = buildVersion({ label: 'March board', createdAt: '2027-03-14T12:00:00Z' });
    const may = buildVersion({ label: 'May board', createdAt: '2027-05-09T12:00:00Z' });
    expect(availabilitySentence('Safe', [point(march.id, 4, 10), point(may.id, 11, 20)], [march, may])).toBe(
      'Safe: 55% of metrics had data in May 2027 (the latest version), up from 40% in March 2027.',
    );
    expect(availabilitySentence('Safe', [point(march.id, 5, 10), point(may.id, 5, 10)], [march, may])).toBe(
      'Safe: 50% of metrics had data in May 2027 (the latest version), the same as 50% in March 2027.',
    );
    expect(availabilitySentence('Happy', [point(march.id, 0, 0), point(may.id, 0, 0)], [march, may])).toBe(
      'Happy: no metrics in any version yet.',
    );
  });

  it('names versions of the same month rather than repeating the month', () => {
    const before = buildVersion({ label: 'Before the workshop', createdAt: '2027-03-01T09:00:00Z' });
    const after = buildVersion({ label: 'After the workshop', createdAt: '2027-03-01T17:00:00Z' });
    expect(availabilitySentence('Learning', [point(before.id, 8, 9), point(after.id, 7, 9)], [before, after])).toBe(
      'Learning: 78% of metrics had data at “After the workshop” (the latest version), down from 89% at “Before the workshop”.',
    );
  });

  it('says how long the versions span', () => {
    const january = buildVersion({ createdAt: '2027-01-20T12:00:00Z' });
    const may = buildVersion({ createdAt: '2027-05-09T12:00:00Z' });
    expect(spanWords([january, may])).toBe('2 versions, from January 2027 to May 2027.');
    expect(spanWords([may, buildVersion({ createdAt: '2027-05-20T12:00:00Z' })])).toBe(
      '2 versions, taken in May 2027.',
    );
  });

  it('says ranks and their moves in words', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map((rank) => rankWords({ rank, of: 30 }))).toEqual([
      '1st of 30',
      '2nd of 30',
      '3rd of 30',
      '4th of 30',
      '11th of 30',
      '12th of 30',
      '13th of 30',
      '21st of 30',
      '22nd of 30',
    ]);
    expect(rankMoveWords([round('January', 3, 4), round('May', 1, 5)])).toBe(
      '1st of 5 in May, up 2 places since January',
    );
    expect(rankMoveWords([round('January', 1, 4), round('May', 2, 5)])).toBe(
      '2nd of 5 in May, down 1 place since January',
    );
    expect(rankMoveWords([round('January', 2, 4), round('May', 2, 5)])).toBe(
      '2nd of 5 in May, the same place as in January',
    );
    expect(rankMoveWords([round('May', 3, 5)])).toBe('3rd of 5 in May, its only round so far');
  });
});
