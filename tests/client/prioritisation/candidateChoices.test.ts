import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addConcern, readConcerns } from '../../../shared/model/concerns/index.ts';
import { addIndicator, addOutcome, readFramework } from '../../../shared/model/framework/index.ts';
import {
  candidateChoices,
  toggleCandidate,
  unavailableCandidates,
  type CandidateChoices,
} from '../../../client/prioritisation/candidateChoices.ts';
import { buildIndicator, buildOutcome } from '../../shared/model/framework/factories.ts';

function workspace() {
  const doc = new Y.Doc();
  const safe = addOutcome(doc, buildOutcome({ domain: 'safe', statement: 'Children are safe at home' }));
  const healthy = addOutcome(doc, buildOutcome({ domain: 'healthy', statement: 'Babies are born healthy' }));
  const injuries = addIndicator(doc, buildIndicator({ name: 'Injury admissions', outcomeIds: [safe, healthy] }));
  const unlinked = addIndicator(doc, buildIndicator({ name: 'Family hub reach' }));
  const carers = addConcern(doc, { name: 'Young carers', kind: 'cohort' }, 'Fran');
  const ward = addConcern(doc, { name: 'North ward', kind: 'locality' }, 'Fran');
  addConcern(doc, { name: 'Rising absence', kind: 'issue' }, 'Fran');
  const choices = candidateChoices(readFramework(doc), readConcerns(doc));
  return { ids: { safe, healthy, injuries, unlinked, carers, ward }, choices };
}

const headingsAndLabels = (choices: CandidateChoices) =>
  Object.fromEntries(
    Object.entries(choices).map(([kind, groups]) => [
      kind,
      groups.map((group) => [group.heading, group.choices.map((choice) => choice.label)]),
    ]),
  );

describe('what a round can vote on', () => {
  it('groups outcomes and indicators by domain and offers cohorts and localities, never issues', () => {
    const { choices } = workspace();
    expect(headingsAndLabels(choices)).toEqual({
      outcome: [
        ['Safe', ['Children are safe at home']],
        ['Healthy', ['Babies are born healthy']],
      ],
      indicator: [
        ['Safe', ['Injury admissions']],
        ['Not linked to an outcome', ['Family hub reach']],
      ],
      concern: [
        ['Cohort of concern', ['Young carers']],
        ['Locality of concern', ['North ward']],
      ],
    });
    expect(choices.indicator[0]!.choices[0]!.hint).toBe('Shows progress on: Children are safe at home and 1 more');
  });

  it('keeps the ballot in order — outcomes, indicators, concerns — whatever order they were ticked in', () => {
    const { ids, choices } = workspace();
    const tick = (
      chosen: ReturnType<typeof toggleCandidate>,
      kind: 'outcome' | 'indicator' | 'concern',
      refId: string,
    ) => toggleCandidate(chosen, choices, { kind, refId, label: 'ignored' }, true);
    let chosen = tick([], 'concern', ids.ward);
    chosen = tick(chosen, 'indicator', ids.injuries);
    chosen = tick(chosen, 'outcome', ids.healthy);
    chosen = tick(chosen, 'concern', ids.carers);
    chosen = tick(chosen, 'outcome', ids.safe);
    expect(chosen.map((candidate) => candidate.label)).toEqual([
      'Children are safe at home',
      'Babies are born healthy',
      'Injury admissions',
      'Young carers',
      'North ward',
    ]);
    const unticked = toggleCandidate(chosen, choices, { kind: 'indicator', refId: ids.injuries, label: '' }, false);
    expect(unticked.map((candidate) => candidate.kind)).toEqual(['outcome', 'outcome', 'concern', 'concern']);
  });

  it('keeps a candidate deleted from the workspace since, listed apart, until it is unticked', () => {
    const { ids, choices } = workspace();
    const gone = { kind: 'indicator' as const, refId: 'deleted-indicator', label: 'Old indicator' };
    const chosen = toggleCandidate([gone], choices, { kind: 'outcome', refId: ids.safe, label: '' }, true);
    expect(chosen.map((candidate) => candidate.label)).toEqual(['Children are safe at home', 'Old indicator']);
    expect(unavailableCandidates(chosen, choices)).toEqual([gone]);
  });
});
