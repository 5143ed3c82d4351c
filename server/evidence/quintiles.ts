/** The fewest areas with a value a quintile is given among: with fewer, a fifth of them is not an area. */
export const minimumAreasForQuintiles = 5;

/**
 * Values of every area in each group of comparable rows (one indicator, area type, period and breakdown), collected
 * while a file is read, so that each kept row's quintile is among all areas of its type in the file — not only the
 * few areas the import keeps. An area repeated in a group counts once (its last value).
 */
export class QuintileGroups {
  readonly #groups = new Map<string, Map<string, number>>();
  readonly #sorted = new Map<string, Float64Array>();

  /** Records one area's value in a group. */
  add(group: string, areaCode: string, value: number): void {
    let values = this.#groups.get(group);
    if (!values) {
      values = new Map();
      this.#groups.set(group, values);
    }
    values.set(areaCode, value);
    this.#sorted.delete(group);
  }

  /**
   * The quintile of `value` in its group: 1 (lowest fifth of values) to 5 (highest). With the group's n values in
   * ascending order and i the position of the first equal to `value` (ties share the lower position), the quintile
   * is ⌊5i/n⌋ + 1. Null when the value is null or the group has fewer than five areas with a value.
   */
  quintileOf(group: string, value: number | null): number | null {
    if (value === null) return null;
    const sorted = this.#sortedValues(group);
    if (!sorted || sorted.length < minimumAreasForQuintiles) return null;
    return quintileAt(sorted, value);
  }

  #sortedValues(group: string): Float64Array | null {
    const cached = this.#sorted.get(group);
    if (cached) return cached;
    const values = this.#groups.get(group);
    if (!values) return null;
    const sorted = Float64Array.from(values.values()).sort();
    this.#sorted.set(group, sorted);
    return sorted;
  }
}

/** The quintile of `value` among ascending `sorted` values (see {@link QuintileGroups.quintileOf}). */
export function quintileAt(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return Math.min(5, Math.floor((5 * low) / sorted.length) + 1);
}
