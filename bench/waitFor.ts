/** Resolves after `ms` milliseconds. Used for paced phases (warm-up, drain), never to wait for a condition. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every `intervalMs` until it holds or `timeoutMs` passes. Resolves true if it held.
 * Every wait in the bench is bounded this way so a stuck server cannot hang the run.
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number, intervalMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() >= deadline) return false;
    await delay(intervalMs);
  }
  return true;
}
