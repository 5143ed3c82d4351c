import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/schemas/observations.ts';
import {
  formatCount,
  formatInterval,
  formatObservationValue,
  formatValue,
} from '../../../client/evidence/formatObservation.ts';
import { linePoints, valueExtent } from '../../../client/evidence/chartSeries.ts';
import { buildObservation as observation } from '../../shared/model/evidence/observationFactory.ts';

const buildObservation = (overrides: Partial<Observation> = {}): Observation =>
  observation({ ...{ value: 5.123, lowerCi: 4.3, upperCi: 5.9, denominator: 2549 }, ...overrides });

describe('how observations are written for people', () => {
  it('writes values in their unit', () => {
    expect(formatValue(5.123, '%')).toBe('5.1%');
    expect(formatValue(1234.5, 'per 1,000 live births')).toBe('1,234.5 per 1,000 live births');
    expect(formatValue(12, '')).toBe('12');
  });

  it('says "suppressed (<5)" for suppressed observations, never a number', () => {
    const suppressed = buildObservation({ suppressed: true, value: null, lowerCi: null, upperCi: null, count: null });
    expect(formatObservationValue(suppressed, '%')).toBe('suppressed (<5)');
    expect(formatInterval(suppressed, '%')).toBe('suppressed (<5)');
    expect(formatCount(suppressed)).toBe('suppressed (<5)');
  });

  it('writes intervals and missing values plainly', () => {
    expect(formatInterval(buildObservation(), '%')).toBe('4.3% to 5.9%');
    expect(formatObservationValue(null, '%')).toBe('no data');
    expect(formatObservationValue(buildObservation({ value: null, note: 'Not published' }), '%')).toBe(
      'no value (Not published)',
    );
  });
});

describe('chart series', () => {
  it('leaves gaps for missing values and pads the value range around the intervals', () => {
    const rows = [
      {
        period: 'a',
        periodKey: 1,
        area: buildObservation({ value: 10, lowerCi: 8, upperCi: 12 }),
        region: null,
        england: null,
      },
      { period: 'b', periodKey: 2, area: null, region: null, england: null },
    ];
    const points = linePoints(rows, 'area');
    expect(points).toEqual([{ index: 0, value: 10, lowerCi: 8, upperCi: 12 }, null]);
    const [low, high] = valueExtent([points]);
    expect(low).toBeLessThan(8);
    expect(high).toBeGreaterThan(12);
    expect(valueExtent([[null]])).toEqual([0, 1]);
  });
});
