import { readMetrics } from '../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import { createBenchPartnership, postFile, type EvidenceBenchServer } from './evidenceServer.ts';
import { timeVisits } from './pageVisits.ts';

/** Times to a drawn metric page, in milliseconds from navigation start, for each visit. */
export interface RenderRun {
  years: number;
  points: number;
  coldMs: number;
  warmMs: number[];
}

/** Local data for one metric: `years` years for the area, London and England, each with a 95% interval. */
function twentyYears(metricId: string, years: number): string {
  const lines = ['Metric id,Area code,Area name,Period,Value,Lower CI (95%),Upper CI (95%),Count,Denominator'];
  const areas = [
    ['E09000024', 'Merton', 0],
    ['E12000007', 'London region', -1.5],
    ['E92000001', 'England', 1.8],
  ] as const;
  for (let index = 0; index < years; index++) {
    const year = 2025 - years + index;
    for (const [code, name, offset] of areas) {
      const value = 12 - index * 0.3 + offset;
      const half = code === 'E92000001' ? 0.1 : 0.9;
      lines.push(
        `${metricId},${code},${name},${year}/${String((year + 1) % 100).padStart(2, '0')},${value.toFixed(1)},${(value - half).toFixed(1)},${(value + half).toFixed(1)},300,2800`,
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Opens a metric page with `years` years of data for the area, its region and England in headless Chromium and
 * measures, in the page, the time from navigation start until the comparison in words, the chart and the table are
 * all on screen: once on a fresh browser (cold) and `visits` times more (warm: assets cached, as on a second visit).
 */
export async function runRender(bench: EvidenceBenchServer, years: number, visits: number): Promise<RenderRun> {
  const partnershipId = await createBenchPartnership(bench, 'Render bench');
  let metricId = '';
  await bench.server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
    metricId = readMetrics(doc).metrics.find((metric) => metric.fingertipsId === '93085')!.id;
  });
  await postFile(
    bench,
    `/api/partnerships/${partnershipId}/observations/import/local?fileName=render.csv`,
    twentyYears(metricId, years),
  );

  const url = `${bench.server.url}/p/${partnershipId}/evidence/metrics/${metricId}`;
  const { coldMs, warmMs } = await timeVisits(bench, url, visits, async (page) => {
    await page.getByTestId('evidence-statement').waitFor();
    await page.locator(`svg.trend-chart [data-series="england"] path`).first().waitFor();
    await page
      .locator('table.evidence-table tbody tr')
      .nth(years - 1)
      .waitFor();
  });
  return { years, points: years * 3, coldMs, warmMs };
}
