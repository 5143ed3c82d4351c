import { describe, expect, it } from 'vitest';
import type { ComparatorAreas } from '../../../shared/schemas/comparatorAreas.ts';
import type { MetricEvidence, ObservationImportReport } from '../../../shared/schemas/observations.ts';
import type { CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { evidenceWorld } from './evidenceWorld.ts';
import { buildFingertipsRow, fingertipsCsv } from './fingertipsFactory.ts';
import { allLondonPeriod, londonBoroughs, type BoroughValue } from './londonFactory.ts';

const merton = 'E09000024';
const sutton = 'E09000029';
const kingston = 'E09000021';
const croydon = 'E09000008';
const wandsworth = 'E09000032';
const bromley = 'E09000006';
const chosen = [sutton, kingston, croydon, wandsworth, bromley];

/**
 * Smoking at delivery (lower is better) for all 33 boroughs in 2021/22: borough n (E09 code n) has the value n,
 * except Croydon (8th) at 7, tied with Camden (7th). Merton (24) says "Better 95%" than England (9.1) where it is
 * plainly worse: the one disagreement. Wandsworth's count is 3, so it is suppressed.
 */
function boroughValue(index: number, code: string): BoroughValue {
  const value = code === croydon ? 7 : index + 1;
  return {
    value: value.toFixed(1),
    count: code === wandsworth ? '3' : '130',
    vsEngland: code === merton ? 'Better 95%' : code === sutton ? 'Worse 95%' : code === bromley ? 'Better' : '',
  };
}

/** Low birth weight for Merton and three boroughs only: four areas, too few for quintiles. */
function fourAreas() {
  return [merton, 'E09000001', 'E09000002', 'E09000003'].map((code, index) =>
    buildFingertipsRow({
      'Indicator ID': '20101',
      'Indicator Name': 'Low birth weight of term babies',
      Sex: 'Persons',
      'Area Code': code,
      'Area Name': londonBoroughs.find((borough) => borough.code === code)!.name,
      Value: String(2 + index),
      'Compared to England value or percentiles': '',
      'Compared to London region value or percentiles': '',
    }),
  );
}

async function putComparators(client: ApiClient, base: string, areaCodes: unknown) {
  return client.request<ComparatorAreas & { error?: { issues: { path: unknown[]; message: string }[] } }>(
    'PUT',
    `${base}/comparator-areas`,
    { areaCodes },
  );
}

async function member(world: Awaited<ReturnType<typeof evidenceWorld>>, role: 'viewer' | 'editor', email: string) {
  const invitation = await world.admin.request<CreatedInvitation>('POST', `${world.base}/invitations`, {
    role,
    organisation: 'Public health',
  });
  const client = new ApiClient(world.server.url);
  const accepted = await client.request('POST', `/api/invitations/${invitation.body.url.split('/invite/')[1]}/accept`, {
    email,
    displayName: role,
    organisation: 'Public health',
    password: 'long enough passphrase',
  });
  expect(accepted.status).toBe(200);
  return client;
}

describe('comparator areas', () => {
  it('keeps exactly the chosen areas from an all-London export, with quintiles among all 33 boroughs', async () => {
    const world = await evidenceWorld();
    expect((await putComparators(world.admin, world.base, chosen)).status).toBe(200);
    const rows = [...allLondonPeriod(boroughValue), ...fourAreas()];
    const imported = await world.upload<ObservationImportReport>(
      '/observations/import/fingertips?fileName=london.csv',
      fingertipsCsv(rows),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    // 33 boroughs − Merton − 5 comparators = 27 dropped, and the 3 other boroughs of the low birth weight rows.
    expect(imported.body.otherAreaRows).toBe(30);
    expect(imported.body.created).toBe(1 + 1 + 1 + chosen.length + 1);

    const metrics = await world.metrics();
    const smoking = metrics.find((metric) => metric.fingertipsId === '93085')!;
    const birthWeight = metrics.find((metric) => metric.fingertipsId === '20101')!;
    const evidence = await world.admin.request<MetricEvidence>('GET', `${world.base}/evidence/metrics/${smoking.id}`);
    expect(evidence.status).toBe(200);
    const kept = evidence.body.observations.map((observation) => observation.areaCode).sort();
    expect(kept).toEqual([...chosen, merton, 'E12000007', 'E92000001'].sort());

    // Quintiles by hand: 33 values ascending; a value's quintile is ⌊5i/33⌋ + 1, i = how many values are below it
    // (Croydon's tie with Camden at 7 takes the lower position).
    const quintileOf = (code: string) =>
      evidence.body.observations.find((observation) => observation.areaCode === code)!.quintile;
    expect(quintileOf(merton)).toBe(4); // 24: 23 below, ⌊115/33⌋ + 1
    expect(quintileOf(sutton)).toBe(5); // 29: 28 below, ⌊140/33⌋ + 1
    expect(quintileOf(kingston)).toBe(4); // 21: 20 below, ⌊100/33⌋ + 1
    expect(quintileOf(croydon)).toBe(1); // 7 (tied): 6 below, ⌊30/33⌋ + 1
    expect(quintileOf(bromley)).toBe(1); // 6: 5 below, ⌊25/33⌋ + 1
    expect(quintileOf(wandsworth)).toBeNull(); // suppressed (count 3)
    expect(quintileOf('E92000001')).toBeNull(); // England is the only area of its type
    const mertonRow = evidence.body.observations.find((observation) => observation.areaCode === merton)!;
    expect(mertonRow).toMatchObject({
      lowerCi998: 23.3,
      upperCi998: 24.7,
      fingertipsComparisons: { england: 'Better 95%', region: null },
    });
    const suppressed = evidence.body.observations.find((observation) => observation.areaCode === wandsworth)!;
    expect(suppressed).toMatchObject({ suppressed: true, value: null, lowerCi998: null, upperCi998: null });

    const fewAreas = await world.admin.request<MetricEvidence>(
      'GET',
      `${world.base}/evidence/metrics/${birthWeight.id}`,
    );
    expect(fewAreas.body.observations.map((observation) => observation.quintile)).toEqual([null]);

    // Every borough the file named is offered as a comparator from now on, though most were dropped.
    const picker = await world.admin.request<ComparatorAreas>('GET', `${world.base}/comparator-areas`);
    expect(picker.body.areas.map((area) => area.name)).toEqual([
      'Sutton',
      'Kingston upon Thames',
      'Croydon',
      'Wandsworth',
      'Bromley',
    ]);
    expect(picker.body.seen).toHaveLength(32); // the other boroughs (regions cannot be chosen)
    expect(picker.body.seen.find((area) => area.code === 'E09000001')).toEqual({
      code: 'E09000001',
      name: 'City of London',
    });

    // The one disagreement is flagged in the report; the file was not refused for it.
    expect(imported.body.disagreements).toEqual([
      {
        metricId: smoking.id,
        areaCode: merton,
        areaName: 'Merton',
        period: '2021/22',
        categoryType: '',
        category: '',
        comparator: 'england',
        comparatorName: 'England',
        fingertipsSaid: 'Better 95%',
        // The words are the comparison method's (shared/model/evidence/significance.ts).
        weComputed: expect.stringContaining('worse than England') as string,
        why: "the metric's polarity here (lower-is-better) is the opposite of Fingertips'",
      },
    ]);
  });

  it('answers the place against its comparators: rank, range and each comparison, suppressed values left out', async () => {
    const world = await evidenceWorld();
    await putComparators(world.admin, world.base, chosen);
    await world.upload(
      '/observations/import/fingertips?fileName=london.csv',
      fingertipsCsv(allLondonPeriod(boroughValue)),
    );
    const smoking = (await world.metrics()).find((metric) => metric.fingertipsId === '93085')!;
    const { body } = await world.admin.request<MetricEvidence>('GET', `${world.base}/evidence/metrics/${smoking.id}`);
    const { comparators } = body;
    expect(comparators).toMatchObject({
      chosen: 5,
      period: '2021/22',
      place: { areaCode: merton, value: 24, lowerCi: 23.6, upperCi: 24.4 },
      // Lower is better: 1st is the lowest. Below Merton's 24: Kingston 21, Croydon 7, Bromley 6.
      rank: 4,
      ranked: 5,
      firstIs: 'lowest',
      rankWords: '4th of 5 (1st = lowest, the best for this metric)',
      range: { min: 6, minAreaName: 'Bromley', max: 29, maxAreaName: 'Sutton' },
    });
    const byCode = new Map(comparators.areas.map((area) => [area.areaCode, area]));
    expect(comparators.areas.map((area) => area.areaCode)).toEqual(chosen);
    expect(byCode.get(sutton)).toMatchObject({
      value: 29,
      method: 'ci-95-overlap',
      level: '95',
      judgement: 'better',
      words: 'significantly better than Sutton',
    });
    expect(byCode.get(kingston)).toMatchObject({
      judgement: 'worse',
      words: 'significantly worse than Kingston upon Thames',
    });
    expect(byCode.get(wandsworth)).toMatchObject({
      suppressed: true,
      value: null,
      lowerCi: null,
      judgement: 'not-compared',
      words: 'not compared with Wandsworth (its value is suppressed: a small count)',
    });
  });

  it('applies a change of comparator areas to the next import, leaving rows already stored', async () => {
    const world = await evidenceWorld();
    await putComparators(world.admin, world.base, [sutton, kingston]);
    const file = fingertipsCsv(allLondonPeriod(boroughValue));
    await world.upload('/observations/import/fingertips?fileName=london.csv', file);
    await putComparators(world.admin, world.base, [croydon]);
    const again = await world.upload<ObservationImportReport>(
      '/observations/import/fingertips?fileName=london.csv',
      file,
    );
    expect(again.body).toMatchObject({ created: 1, changed: 0 });
    const smoking = (await world.metrics()).find((metric) => metric.fingertipsId === '93085')!;
    const { body } = await world.admin.request<MetricEvidence>('GET', `${world.base}/evidence/metrics/${smoking.id}`);
    expect(body.observations.map((observation) => observation.areaCode).sort()).toEqual(
      [croydon, kingston, merton, sutton, 'E12000007', 'E92000001'].sort(),
    );
    // The evidence compares with the areas chosen now.
    expect(body.comparators.areas.map((area) => area.areaCode)).toEqual([croydon]);
  });

  it('validates the chosen codes, audits a change, and lets facilitators and editors choose', async () => {
    const world = await evidenceWorld();
    const issuesOf = async (areaCodes: unknown) => {
      const { status, body } = await putComparators(world.admin, world.base, areaCodes);
      expect(status).toBe(400);
      return body.error!.issues.map((issue) => [issue.path, issue.message]);
    };
    expect(await issuesOf([merton])).toEqual([[['areaCodes', 0], "E09000024 is this partnership's own area"]]);
    expect(await issuesOf(['E12000008'])).toEqual([
      [['areaCodes', 0], 'E12000008 is a region: choose local areas as comparators'],
    ]);
    expect(await issuesOf(['E92000001'])).toEqual([[['areaCodes', 0], 'England is already every metric’s comparator']]);
    expect(await issuesOf([sutton, 'e09000029'])).toEqual([[['areaCodes'], 'Each area may be chosen once']]);
    expect(await issuesOf(['Sutton'])).toEqual([[['areaCodes', 0], 'Enter an ONS area code like E09000024']]);
    const tooMany = londonBoroughs
      .map((borough) => borough.code)
      .filter((code) => code !== merton)
      .slice(0, 21);
    expect(await issuesOf(tooMany)).toEqual([[['areaCodes'], 'Choose at most 20 comparator areas']]);

    const saved = await putComparators(world.admin, world.base, [' e09000029 ', kingston]);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      areaCodes: [sutton, kingston],
      areas: [
        { code: sutton, name: sutton },
        { code: kingston, name: kingston },
      ],
      seen: [],
    });
    // Saving the same choice again records nothing new.
    await putComparators(world.admin, world.base, [sutton, kingston]);
    const audit = await world.admin.request<
      { entries?: { action: string; details: unknown }[] } | { action: string; details: unknown }[]
    >('GET', `${world.base}/audit`);
    const entries = Array.isArray(audit.body) ? audit.body : (audit.body.entries ?? []);
    expect(
      entries.filter((entry) => entry.action === 'comparator_areas.changed').map((entry) => entry.details),
    ).toEqual([{ before: { areaCodes: [] }, after: { areaCodes: [sutton, kingston] } }]);

    const viewer = await member(world, 'viewer', 'victor@example.org');
    expect((await viewer.request('GET', `${world.base}/comparator-areas`)).status).toBe(200);
    expect((await putComparators(viewer, world.base, [sutton])).status).toBe(403);
    const editor = await member(world, 'editor', 'edith@example.org');
    expect((await putComparators(editor, world.base, [croydon])).status).toBe(200);
    const now = await viewer.request<ComparatorAreas>('GET', `${world.base}/comparator-areas`);
    expect(now.body.areaCodes).toEqual([croydon]);
  });
});
