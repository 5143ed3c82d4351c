import type { BrowserContext, Page } from 'playwright-core';

/** One load of the overview, timed by the browser's own clock from navigation start. */
export interface LoadSample {
  /** The grid with the whole framework is in the DOM (the overview's performance mark). */
  gridRenderedMs: number;
  /** The first frame painted after that. */
  gridPaintedMs: number;
  /** A search typed the moment the grid appeared has been answered: the result count changed. */
  interactiveMs: number;
  /** Outcome cards in the grid when it first rendered (must be the whole framework). */
  cards: number;
}

/** Key presses in a field, timed with the Event Timing API (input delay + handlers + the next paint). */
export interface TypingSample {
  keys: number;
  /** Key presses whose interaction took 16 ms or more (only those are reported by the browser). */
  slow: number[];
}

interface Probe {
  gridRendered: number;
  gridPainted: number;
  interactive: number;
  cards: number;
}

declare global {
  interface Window {
    __frameworkBench?: Probe;
    __interactionDurations?: Map<number, number>;
  }
}

/**
 * Runs in the page before the app: when the overview marks its grid rendered, it types into the search box at
 * once (as a person would) and notes when the count of results changes. Self-contained: it is serialised.
 */
function installLoadProbe(): void {
  const probe = { gridRendered: -1, gridPainted: -1, interactive: -1, cards: -1 };
  window.__frameworkBench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'framework-grid-rendered' || probe.gridRendered >= 0) continue;
      probe.gridRendered = entry.startTime;
      probe.cards = document.querySelectorAll('[data-testid="outcome-card"]').length;
      requestAnimationFrame(() => setTimeout(() => (probe.gridPainted = performance.now())));
      const search = document.querySelector<HTMLInputElement>('[data-testid="framework-search"]');
      const count = document.querySelector('[data-testid="framework-count"]');
      if (!search || !count) return;
      const before = count.textContent;
      new MutationObserver((_records, observer) => {
        if (count.textContent === before) return;
        probe.interactive = performance.now();
        observer.disconnect();
      }).observe(count, { childList: true, characterData: true, subtree: true });
      // React listens for the native input event; the value setter it patches must be bypassed.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(search, '1');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }).observe({ type: 'mark', buffered: true });
}

/** Collects the longest Event Timing duration of each interaction (16 ms and over; shorter ones are not reported). */
function installInteractionProbe(): void {
  const durations = new Map<number, number>();
  window.__interactionDurations = durations;
  // Buffered entries of earlier interactions (the click that focused the field) are not the typing.
  const since = performance.now();
  new PerformanceObserver((list) => {
    // `interactionId` is newer than this TypeScript's DOM types.
    for (const entry of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
      const id = entry.interactionId;
      if (!id || entry.startTime < since) continue;
      durations.set(id, Math.max(durations.get(id) ?? 0, entry.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

/** Opens the overview in a context and times it; the context decides cold (fresh) or warm (reused). */
export async function measureOverviewLoad(context: BrowserContext, url: string): Promise<LoadSample> {
  await context.addInitScript(installLoadProbe);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window.__frameworkBench?.interactive ?? -1) >= 0, null, { timeout: 120_000 });
    await page.waitForFunction(() => (window.__frameworkBench?.gridPainted ?? -1) >= 0);
    const probe = await page.evaluate(() => window.__frameworkBench!);
    return {
      gridRenderedMs: probe.gridRendered,
      gridPaintedMs: probe.gridPainted,
      interactiveMs: probe.interactive,
      cards: probe.cards,
    };
  } finally {
    await page.close();
  }
}

/** Types into a field with real key presses and reports how long each interaction took to show. */
export async function measureTyping(page: Page, selector: string, text: string): Promise<TypingSample> {
  await page.locator(selector).click();
  await page.keyboard.press('End');
  // Installed after the click, so only the typed keys are counted.
  await page.evaluate(installInteractionProbe);
  await page.keyboard.type(text, { delay: 60 });
  // Event Timing entries arrive after the paint that follows each key: give the last one a moment to land.
  await page.waitForTimeout(500);
  const slow = await page.evaluate(() => [...(window.__interactionDurations?.values() ?? [])]);
  return { keys: text.length, slow: slow.filter((duration) => duration >= 16) };
}
