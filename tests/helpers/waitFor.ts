/**
 * Polls `check` until it stops throwing (assertion style) and returns its result; fails with the last error
 * after `timeoutMs`. The way tests wait: on a condition, never on a fixed sleep.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) throw lastError instanceof Error ? lastError : new Error(String(lastError));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
