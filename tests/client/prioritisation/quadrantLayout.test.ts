import { describe, expect, it } from 'vitest';
import { quadrantOf, separatePoints } from '../../../client/prioritisation/quadrantLayout.ts';

describe('the need × influence chart', () => {
  it('moves markers apart until none overlap, leaving clear ones where they are', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 100, y: 100 },
      { x: 104, y: 98 },
      { x: 300, y: 40 },
    ];
    const placed = separatePoints(points, 12);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(25);
    }
    expect(placed[0]).toEqual({ x: 100, y: 100 });
    expect(placed[3]).toEqual({ x: 300, y: 40 });
    expect(separatePoints(points, 12)).toEqual(placed);
  });

  it('keeps a marker moved aside inside the plot', () => {
    const corner = { x: 190, y: 10 };
    const placed = separatePoints([corner, corner, corner], 10, { width: 200, height: 200 });
    for (const point of placed.slice(1)) {
      expect(point.x).toBeLessThanOrEqual(190);
      expect(point.y).toBeGreaterThanOrEqual(10);
    }
    expect(Math.hypot(placed[1]!.x - placed[2]!.x, placed[1]!.y - placed[2]!.y)).toBeGreaterThanOrEqual(21);
  });

  it('puts a candidate in its quarter, 3 counting as high', () => {
    expect(quadrantOf(3, 3)).toBe('act');
    expect(quadrantOf(4.5, 2.9)).toBe('partner');
    expect(quadrantOf(2, 5)).toBe('watch');
    expect(quadrantOf(1, 1)).toBe('lower');
  });
});
