/** The arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The population standard deviation (the spread of the ballots cast, not an estimate for a wider group); 0 for none. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const centre = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - centre) ** 2)));
}

/** Rounds to two decimal places, so tallies are stable to compare and small to send. */
export function roundFigure(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Competition ranks for values where higher is better ("1, 2, 2, 4"): equal values share a rank, so a tie is
 * never hidden by an arbitrary order.
 */
export function competitionRanks(values: readonly number[]): number[] {
  return values.map((value) => 1 + values.filter((other) => other > value).length);
}

/** "1st", "2nd", "3rd", "11th"… */
export function ordinal(position: number): string {
  const lastTwo = position % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${position}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][position % 10] ?? 'th';
  return `${position}${suffix}`;
}
