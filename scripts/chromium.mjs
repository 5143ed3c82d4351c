// Finds a Chromium for Playwright: an explicit environment variable, Playwright's own download, or the
// system package. Shared by playwright.config.ts and scripts/ensure-chromium.mjs.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The path of a usable Chromium executable, or null when none is installed. */
export function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here; fall through to the system package.
  }
  return systemCandidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** Flags that keep Chromium quiet on locked-down machines (no sandbox as root, no calls home). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
