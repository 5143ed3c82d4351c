import { describe, expect, it } from 'vitest';
import type { BoardPack } from '../../../shared/schemas/boardPack.ts';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import { addIndicator, addMetric } from '../../../shared/model/framework/index.ts';
import { buildCyclesWorld, importCsv, observationsHeader, type CyclesWorld } from './cyclesWorld.ts';

async function download(world: CyclesWorld, cookie: string, path: string) {
  const response = await fetch(`${world.server.url}${path}`, { headers: { cookie } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

describe('the board pack', () => {
  it('gathers the meeting, the last meeting, actions, changes and priorities, in three forms', async () => {
    const world = await buildCyclesWorld();
    const viewer = await world.join('Val', { role: 'viewer', organisation: 'Parent carers forum' });
    const january = await world.scheduleMeeting({ title: 'January board', startsAt: '2027-01-10T10:00:00Z' });
    await world.facilitator.api.request('PATCH', `/api/meetings/${january.id}`, { attendeeIds: [viewer.userId] });
    await world.facilitator.api.request('POST', `/api/meetings/${january.id}/close`);
    await world.facilitator.api.request('POST', `${world.base}/actions`, { text: 'Send the pack round' });
    const { decision } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2028-01-31',
    });
    const march = await world.scheduleMeeting({ title: 'March board: Q4', startsAt: '2027-03-14T10:00:00Z' });

    const json = await viewer.api.request<BoardPack>('GET', `/api/meetings/${march.id}/board-pack`);
    expect(json.status).toBe(200);
    const pack = json.body;
    expect(pack.partnership).toEqual({ id: world.partnershipId, name: 'Riverside', area: 'Riverside' });
    expect(pack.meeting).toMatchObject({ id: march.id, title: 'March board: Q4', status: 'scheduled' });
    expect(pack.previousMeeting?.meeting.id).toBe(january.id);
    expect(pack.previousMeeting?.attendees).toEqual([
      { userId: viewer.userId, name: 'Val', organisation: 'Parent carers forum' },
    ]);
    expect(pack.actions.map((action) => action.text)).toEqual(['Send the pack round']);
    expect(pack.changes?.since.id).toBe(
      (await world.facilitator.api.request<Meeting>('GET', `/api/meetings/${january.id}`)).body.versionId,
    );
    expect(pack.decisions.map((d) => d.id)).toEqual([decision.id]);
    expect(pack.priorities).toEqual([
      {
        label: 'Children start school ready to learn',
        kind: 'outcome',
        decidedAt: decision.decidedAt,
        reviewDate: '2028-01-31',
      },
    ]);
    expect(pack.exceptions).toEqual([]);
    expect(pack.smallCountThreshold).toBe(5);

    const docx = await download(world, viewer.headers.cookie, `/api/meetings/${march.id}/board-pack.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.disposition).toBe('attachment; filename="board-pack-march-board-q4-2027-03-14.docx"');
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe('PK');

    const xlsx = await download(world, viewer.headers.cookie, `/api/meetings/${march.id}/board-pack.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.disposition).toBe('attachment; filename="board-pack-march-board-q4-2027-03-14.xlsx"');
    expect(Buffer.from(xlsx.bytes.subarray(0, 2)).toString()).toBe('PK');

    const viewerCannot = await viewer.api.request('POST', `/api/meetings/${march.id}/close`);
    expect(viewerCannot.status).toBe(403);
    const stranger = await world.outsider('Sam');
    expect((await download(world, stranger.headers.cookie, `/api/meetings/${march.id}/board-pack.docx`)).status).toBe(
      404,
    );
  });

  it('reports by exception the metrics worse than England or getting worse, with small counts suppressed', async () => {
    const world = await buildCyclesWorld();
    const outcome = world.outcomes[5]!;
    const metricId = await world.changeWorkspace((doc) => {
      const indicatorId = addIndicator(doc, { name: 'Smoking in pregnancy', outcomeIds: [outcome.refId] });
      return addMetric(doc, {
        indicatorId,
        name: 'Smoking at time of delivery',
        unit: '%',
        polarity: 'lower-is-better',
      });
    });
    await importCsv(
      world,
      [
        observationsHeader,
        `${metricId},E09000024,2022/23,8,7,9,3`,
        `${metricId},E09000024,2023/24,10,9,11,50`,
        `${metricId},E09000024,2024/25,14,13,15,60`,
        `${metricId},E92000001,2022/23,10,,,`,
        `${metricId},E92000001,2023/24,10,,,`,
        `${metricId},E92000001,2024/25,10,,,`,
      ].join('\r\n'),
    );
    const meeting = await world.scheduleMeeting();
    const pack = await world.facilitator.api.request<BoardPack>('GET', `/api/meetings/${meeting.id}/board-pack`);
    expect(pack.body.exceptions).toEqual([
      {
        metricId,
        metricName: 'Smoking at time of delivery',
        indicatorName: 'Smoking in pregnancy',
        outcomeStatements: ['Babies are born healthy'],
        domain: 'safe',
        unit: '%',
        reasons: ['Worse than England', 'Increasing and getting worse over the last 2 periods (2023/24 to 2024/25)'],
        latestPeriod: '2024/25',
        series: [
          { period: '2022/23', area: null, suppressed: true, england: 10, region: null },
          { period: '2023/24', area: 10, suppressed: false, england: 10, region: null },
          { period: '2024/25', area: 14, suppressed: false, england: 10, region: null },
        ],
      },
    ]);
  });
});
