import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import type { EvidenceBenchServer } from './evidenceServer.ts';

/**
 * Opens `url` in headless Chromium as the bench's signed-in administrator: once on a fresh browser (cold), then
 * `visits` times more (warm: assets cached, as on a second visit). Each visit is timed in the page, from navigation
 * start until `drawn(page)` has resolved.
 */
export async function timeVisits(
  bench: EvidenceBenchServer,
  url: string,
  visits: number,
  drawn: (page: Page) => Promise<void>,
): Promise<{ coldMs: number; warmMs: number[] }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` first');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    const [name, value] = bench.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: bench.server.url }]);
    const visit = async (): Promise<number> => {
      const page = await context.newPage();
      await page.goto(url);
      await drawn(page);
      const elapsed = await page.evaluate(() => performance.now());
      await page.close();
      return elapsed;
    };
    const coldMs = await visit();
    const warmMs: number[] = [];
    for (let i = 0; i < visits; i++) warmMs.push(await visit());
    return { coldMs, warmMs };
  } finally {
    await browser.close();
  }
}
