import { describe, expect, it } from 'vitest';
import type { AvailabilityFact, RoundFact, VersionFacts } from '../../../shared/schemas/cycles.ts';
import { TrendsSchema } from '../../../shared/schemas/cycles.ts';
import { trendsOf, type VersionWithFacts } from '../../../server/cycles/trends.ts';

const buildAvailability = (
  overrides: Partial<AvailabilityFact> & Pick<AvailabilityFact, 'domain'>,
): AvailabilityFact => ({
  metrics: 10,
  available: 4,
  partial: 2,
  missing: 3,
  notMapped: 1,
  ...overrides,
});

const buildRound = (overrides: Partial<RoundFact> & Pick<RoundFact, 'id'>): RoundFact => ({
  title: 'Priority outcomes',
  closedAt: '2027-03-14T12:00:00.000Z',
  candidates: [],
  ...overrides,
});

let versions = 0;
const buildVersion = (
  overrides: Partial<Omit<VersionWithFacts, 'facts'>> & { facts?: Partial<VersionFacts> } = {},
): VersionWithFacts => {
  versions += 1;
  const { facts, ...summary } = overrides;
  return {
    id: `00000000-0000-4000-8000-${versions.toString().padStart(12, '0')}`,
    label: `Version ${versions}`,
    createdAt: `2027-0${versions % 9 || 1}-01T10:00:00.000Z`,
    reason: { kind: 'manual' },
    ...summary,
    facts: { decisions: [], rounds: [], evidence: [], comments: [], availability: [], ...facts },
  };
};

const outcome = (refId: string, label: string, rank: number) => ({ kind: 'outcome' as const, refId, label, rank });

describe('trends over cycles', () => {
  it('is empty without versions', () => {
    expect(trendsOf([])).toEqual({ versions: [], availability: [], priorities: [] });
  });

  it('gives each domain its share of metrics with data, version by version in time order', () => {
    const march = buildVersion({
      label: 'March board',
      createdAt: '2027-03-14T12:00:00.000Z',
      facts: {
        availability: [
          buildAvailability({ domain: 'safe', metrics: 10, available: 4 }),
          buildAvailability({ domain: 'healthy', metrics: 0, available: 0 }),
        ],
      },
    });
    const may = buildVersion({
      label: 'May board',
      createdAt: '2027-05-09T12:00:00.000Z',
      reason: { kind: 'meeting', id: '11111111-1111-4111-8111-111111111111' },
      facts: { availability: [buildAvailability({ domain: 'safe', metrics: 20, available: 11 })] },
    });

    const trends = trendsOf([may, march]);

    expect(TrendsSchema.parse(trends)).toEqual(trends);
    expect(trends.versions.map((version) => version.label)).toEqual(['March board', 'May board']);
    expect(trends.versions[1]!.reason).toEqual({ kind: 'meeting', id: '11111111-1111-4111-8111-111111111111' });
    expect(trends.availability).toEqual([
      {
        domain: 'safe',
        points: [
          { versionId: march.id, share: 0.4, available: 4, metrics: 10 },
          { versionId: may.id, share: 0.55, available: 11, metrics: 20 },
        ],
      },
      {
        domain: 'healthy',
        points: [
          { versionId: march.id, share: null, available: 0, metrics: 0 },
          { versionId: may.id, share: null, available: 0, metrics: 0 },
        ],
      },
    ]);
  });

  it('follows each candidate through every closed round, taking each round once from the newest version', () => {
    const january = buildRound({
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      title: 'January priorities',
      closedAt: '2027-01-20T12:00:00.000Z',
      candidates: [outcome('school', 'Children ready for school', 1), outcome('safe', 'Children safe at home', 2)],
    });
    const april = buildRound({
      id: 'aaaaaaaa-0000-4000-8000-000000000002',
      title: 'April priorities',
      closedAt: '2027-04-20T12:00:00.000Z',
      candidates: [
        outcome('safe', 'Children are safe at home', 1),
        outcome('school', 'Children ready for school', 2),
        outcome('homes', 'Families have a decent home', 3),
      ],
    });
    const older = buildVersion({
      createdAt: '2027-01-21T12:00:00.000Z',
      facts: { rounds: [{ ...january, title: 'January (as first recorded)' }] },
    });
    // The newest version holds both rounds; January's round is read from it, not from the older copy.
    const newer = buildVersion({ createdAt: '2027-04-21T12:00:00.000Z', facts: { rounds: [april, january] } });
    // A round only an older version recorded still counts.
    const earlyRound = buildRound({
      id: 'aaaaaaaa-0000-4000-8000-000000000000',
      title: 'Workshop vote',
      closedAt: '2026-11-01T12:00:00.000Z',
      candidates: [outcome('school', 'Children start school ready', 1)],
    });
    const oldest = buildVersion({ createdAt: '2026-11-02T12:00:00.000Z', facts: { rounds: [earlyRound] } });

    const { priorities } = trendsOf([newer, oldest, older]);

    expect(priorities.map((entry) => [entry.refId, entry.label])).toEqual([
      ['safe', 'Children are safe at home'],
      ['school', 'Children ready for school'],
      ['homes', 'Families have a decent home'],
    ]);
    expect(priorities[1]!.points).toEqual([
      {
        roundId: earlyRound.id,
        roundTitle: 'Workshop vote',
        closedAt: earlyRound.closedAt,
        rank: 1,
        of: 1,
      },
      { roundId: january.id, roundTitle: 'January priorities', closedAt: january.closedAt, rank: 1, of: 2 },
      { roundId: april.id, roundTitle: 'April priorities', closedAt: april.closedAt, rank: 2, of: 3 },
    ]);
    expect(priorities[2]!.points.map((point) => point.roundId)).toEqual([april.id]);
  });

  it('keeps candidates of different kinds with the same id apart', () => {
    const round = buildRound({
      id: 'aaaaaaaa-0000-4000-8000-000000000003',
      candidates: [
        { kind: 'outcome', refId: 'x1', label: 'An outcome', rank: 1 },
        { kind: 'indicator', refId: 'x1', label: 'An indicator', rank: 2 },
      ],
    });
    const { priorities } = trendsOf([buildVersion({ facts: { rounds: [round] } })]);
    expect(priorities.map((entry) => `${entry.kind}:${entry.label}`)).toEqual([
      'outcome:An outcome',
      'indicator:An indicator',
    ]);
  });
});
