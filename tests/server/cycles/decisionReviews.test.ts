import { describe, expect, it } from 'vitest';
import { addIndicator, addMetric } from '../../../shared/model/framework/index.ts';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import { buildCyclesWorld, importCsv, observationsHeader as header } from './cyclesWorld.ts';

describe('decisions back for review', () => {
  it('puts a decision whose review date has passed on the next meeting, once', async () => {
    const world = await buildCyclesWorld();
    const { decision } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2027-01-31',
    });
    const meeting = await world.scheduleMeeting({ startsAt: '2027-03-14T10:00:00Z' });
    expect(meeting.agenda).toEqual([
      {
        id: `review-${decision.id}`,
        kind: 'decision-review',
        title: '',
        label: 'Focus on school readiness',
        decisionId: decision.id,
        reason: 'Review date 31 January 2027 has passed',
        automatic: true,
        resolved: true,
      },
    ]);
    const earlier = await world.scheduleMeeting({ startsAt: '2027-01-10T10:00:00Z' });
    expect(earlier.agenda).toEqual([]);

    // Put on the agenda by the facilitator, it is not listed twice.
    const edited = await world.facilitator.api.request<Meeting>('PATCH', `/api/meetings/${meeting.id}`, {
      agenda: [{ kind: 'decision-review', decisionId: decision.id, reason: 'A year on' }],
    });
    expect(edited.body.agenda.map(({ kind, automatic, reason }) => ({ kind, automatic, reason }))).toEqual([
      { kind: 'decision-review', automatic: false, reason: 'A year on' },
    ]);
  });

  it('brings a decision back before its review date when an import turns its indicator worse than England', async () => {
    const world = await buildCyclesWorld();
    const outcomeId = world.outcomes[5]!.refId;
    const { indicatorId, metricId } = await world.changeWorkspace((doc) => {
      const indicator = addIndicator(doc, { name: 'Smoking in pregnancy', outcomeIds: [outcomeId] });
      const metric = addMetric(doc, {
        indicatorId: indicator,
        name: 'Smoking at time of delivery',
        polarity: 'lower-is-better',
      });
      return { indicatorId: indicator, metricId: metric };
    });
    await importCsv(
      world,
      `${header}\r\n${metricId},E09000024,2023/24,10,9,11\r\n${metricId},E92000001,2023/24,10,,\r\n`,
    );
    // Closing the round takes the version the decision is later judged against.
    const { decision } = await world.decide(
      [{ kind: 'indicator', refId: indicatorId, label: 'Smoking in pregnancy' }, world.outcomes[0]!],
      { statement: 'Reduce smoking in pregnancy', reviewDate: '2030-01-31' },
    );
    const before = await world.scheduleMeeting();
    expect(before.agenda).toEqual([]);

    await importCsv(
      world,
      `${header}\r\n${metricId},E09000024,2024/25,14,13,15\r\n${metricId},E92000001,2024/25,10,,\r\n`,
    );
    const after = await world.facilitator.api.request<Meeting>('GET', `/api/meetings/${before.id}`);
    expect(after.body.agenda).toEqual([
      {
        id: `review-${decision.id}`,
        kind: 'decision-review',
        title: '',
        label: 'Reduce smoking in pregnancy',
        decisionId: decision.id,
        reason:
          'Smoking at time of delivery is now worse than England (was similar); ' +
          'Smoking at time of delivery is now significantly getting worse ' +
          '(Increasing and getting worse over the last 2 periods (2023/24 to 2024/25))',
        automatic: true,
        resolved: true,
      },
    ]);
  });
});
