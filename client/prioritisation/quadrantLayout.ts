/** A point to place on a chart, in pixels. */
export interface PlacedPoint {
  x: number;
  y: number;
}

/**
 * Moves points apart so that no two markers of `radius` overlap: each point in turn, if it would touch one already
 * placed, steps out along a spiral around where it belongs until it is clear. Deterministic (the same input always
 * gives the same picture); points already clear stay exactly where their values put them.
 */
export function separatePoints(
  points: readonly PlacedPoint[],
  radius: number,
  bounds?: { width: number; height: number },
): PlacedPoint[] {
  const placed: PlacedPoint[] = [];
  // A marker moved aside stays whole inside the plot.
  const within = (point: PlacedPoint): PlacedPoint =>
    bounds
      ? {
          x: Math.min(bounds.width - radius, Math.max(radius, point.x)),
          y: Math.min(bounds.height - radius, Math.max(radius, point.y)),
        }
      : point;
  const clear = (candidate: PlacedPoint) =>
    placed.every((other) => Math.hypot(other.x - candidate.x, other.y - candidate.y) >= radius * 2 + 1);
  for (const point of points) {
    let candidate = point;
    for (let step = 1; !clear(candidate) && step < 200; step++) {
      const angle = step * 0.9;
      const distance = radius * 0.6 * Math.sqrt(step) + radius;
      candidate = within({ x: point.x + Math.cos(angle) * distance, y: point.y + Math.sin(angle) * distance });
    }
    placed.push(candidate);
  }
  return placed;
}

/** Which quarter of need × influence a candidate sits in, at the mean (3, the middle of the scale, counts as high). */
export type Quadrant = 'act' | 'partner' | 'watch' | 'lower';

export function quadrantOf(need: number, influence: number): Quadrant {
  const highNeed = need >= 3;
  const highInfluence = influence >= 3;
  if (highNeed) return highInfluence ? 'act' : 'partner';
  return highInfluence ? 'watch' : 'lower';
}

/** Each quarter in a board's words: where it sits, and what it suggests. */
export const quadrantWords: Readonly<Record<Quadrant, { where: string; suggests: string }>> = {
  act: { where: 'High need, high influence', suggests: 'act here first' },
  partner: { where: 'High need, low influence', suggests: 'work with others who can influence it' },
  watch: { where: 'Low need, high influence', suggests: 'keep it in view' },
  lower: { where: 'Low need, low influence', suggests: 'lower priority' },
};
