/** Counts below this are suppressed in every display and export, so small groups of families cannot be identified. */
export const smallCountThreshold = 5;

/** What people see in place of a suppressed number. */
export const suppressedLabel = 'suppressed (<5)';

/** The numbers of an observation that suppression hides. */
export interface SuppressibleNumbers {
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  count: number | null;
  /** The 99.8% limits and the quintile, where the observation carries them: they would give the value back too. */
  lowerCi998?: number | null;
  upperCi998?: number | null;
  quintile?: number | null;
}

/** Whether a count is small enough to suppress (0 to 4 by default: a zero can disclose as much as a one). */
export function isSmallCount(count: number | null, threshold = smallCountThreshold): boolean {
  return count !== null && count < threshold;
}

/**
 * The observation as it may be shown: with a small count, its value, confidence limits (95% and 99.8%), quintile
 * and count are removed (the value and denominator would give the count back). Other fields pass through.
 */
export function suppressSmallCount<T extends SuppressibleNumbers>(
  observation: T,
  threshold = smallCountThreshold,
): T & { suppressed: boolean } {
  if (!isSmallCount(observation.count, threshold)) return { ...observation, suppressed: false };
  const hidden = { value: null, lowerCi: null, upperCi: null, count: null, suppressed: true };
  if (!('lowerCi998' in observation || 'upperCi998' in observation || 'quintile' in observation)) {
    return { ...observation, ...hidden };
  }
  return { ...observation, ...hidden, lowerCi998: null, upperCi998: null, quintile: null };
}
