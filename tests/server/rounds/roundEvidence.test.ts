import { describe, expect, it } from 'vitest';
import { addConcern } from '../../../shared/model/concerns/concerns.ts';
import { updateDataMapping } from '../../../shared/model/dataMapping/dataMapping.ts';
import { addIndicator, addMetric } from '../../../shared/model/framework/index.ts';
import { addAction, addLink } from '../../../shared/model/theoryOfChange/index.ts';
import { RoundEvidenceSchema } from '../../../shared/schemas/candidateEvidence.ts';
import { buildRoundsWorld } from './roundsWorld.ts';

const csvHeader = 'Metric id,Area code,Period,Value,Lower CI (95%),Upper CI (95%),Count';

describe('the evidence beside each candidate', () => {
  it('gives each outcome its metrics judged against England, their data, concerns and offer actions', async () => {
    const world = await buildRoundsWorld();
    const [first, second] = world.outcomes as [(typeof world.outcomes)[0], (typeof world.outcomes)[0]];
    const ids = await world.changeWorkspace((doc) => {
      const indicator = addIndicator(doc, { name: 'School readiness', outcomeIds: [first.refId] });
      const measured = addMetric(doc, {
        indicatorId: indicator,
        name: 'Good level of development',
        unit: '%',
        polarity: 'higher-is-better',
      });
      const unmeasured = addMetric(doc, { indicatorId: indicator, name: 'Speech and language', unit: '%' });
      const stamp = { by: 'Fran', on: new Date().toISOString().slice(0, 10) };
      updateDataMapping(doc, measured, { status: 'available' }, stamp);
      updateDataMapping(doc, unmeasured, { status: 'missing' }, stamp);
      addConcern(doc, { name: 'Speech delay in Northgate', kind: 'locality', outcomeIds: [first.refId] }, 'Fran');
      const action = addAction(doc, { name: 'Stay and play sessions' });
      addLink(doc, { actionId: action, target: { kind: 'outcome', id: first.refId } });
      return { measured, unmeasured };
    });
    // Riverside 60% (57 to 63) against England's 67%: its interval lies wholly below, so worse than England.
    const csv = [
      csvHeader,
      `${ids.measured},E09000024,2023/24,60,57,63,600`,
      `${ids.measured},E92000001,2023/24,67,66.9,67.1,400000`,
    ].join('\n');
    const imported = await fetch(
      `${world.server.url}/api/partnerships/${world.partnershipId}/observations/import/local?fileName=gld.csv`,
      {
        method: 'POST',
        headers: { ...world.facilitator.headers, 'content-type': 'text/csv' },
        body: csv,
      },
    );
    expect(imported.status, await imported.text()).toBe(200);

    const round = await world.openRound({ candidates: [first, second] });
    const voter = await world.join('Amira');
    const response = await voter.api.request('GET', `/api/rounds/${round.id}/evidence`);
    expect(response.status).toBe(200);
    const evidence = RoundEvidenceSchema.parse(response.body);
    const [forFirst, forSecond] = evidence.candidates;
    expect(forFirst!.candidateId).toBe(round.candidates[0]!.id);
    expect(forFirst!.metrics.map((metric) => [metric.name, metric.availability])).toEqual([
      ['Good level of development', 'available'],
      ['Speech and language', 'missing'],
    ]);
    const england = forFirst!.metrics[0]!.latest!.comparisons.find((comparison) => comparison.comparator === 'england');
    expect(england).toMatchObject({ judgement: 'worse', words: 'worse than England' });
    expect(forFirst!.metrics[1]!.latest).toBeNull();
    expect(forFirst!.availability).toEqual({ available: 1, partial: 0, notAccessible: 0, missing: 1, notMapped: 0 });
    expect(forFirst!.concerns.map((concern) => concern.name)).toEqual(['Speech delay in Northgate']);
    expect(forFirst!.actions).toBe(1);
    expect(forFirst!.headline).toBe('1 of 2 metrics worse than England; 1 without data.');
    // The second outcome has nothing under it yet, and says so.
    expect(forSecond!).toMatchObject({
      metrics: [],
      actions: 0,
      concerns: [],
      headline: 'No metrics measure this yet.',
    });
  });

  it('is for those who may see the round: outsiders get 404', async () => {
    const world = await buildRoundsWorld();
    const round = await world.openRound();
    const outsider = await world.outsider('Olu');
    expect((await outsider.api.request('GET', `/api/rounds/${round.id}/evidence`)).status).toBe(404);
  });
});
