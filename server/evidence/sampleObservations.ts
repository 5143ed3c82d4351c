import * as prng from 'lib0/prng';
import { englandAreaCode } from '../../shared/schemas/observations.ts';
import { noFingertipsMethodFields, type ObservationDraft } from './observationDraft.ts';

/** The file name sample batches are recorded under: says plainly that the numbers are made up. */
export const sampleBatchName = 'Sample data – illustrative only, not real statistics';

/** A metric to make sample data for: its id, where the series starts, how it moves, and how it is shaped. */
interface SampleSpec {
  fingertipsId: string;
  /** England's value in the first year, the yearly change, and how far the area sits from England. */
  england: number;
  slope: number;
  areaOffset: number;
  /** Rough population the value is a percentage of, to give realistic confidence intervals and counts. */
  denominator: number;
  breakdown?: { type: string; categories: readonly string[] };
}

// Shapes chosen to show each kind of comparison on the demo: better, worse, similar, and a breakdown with small counts.
const specs: readonly SampleSpec[] = [
  { fingertipsId: '93085', england: 12.5, slope: -0.45, areaOffset: -3.2, denominator: 2800 },
  {
    fingertipsId: '90631',
    england: 60.5,
    slope: 0.9,
    areaOffset: -2.4,
    denominator: 2600,
    breakdown: { type: 'Ward', categories: ['Abbey', 'Cannon Hill', 'Figge’s Marsh', 'Lavender Fields', 'Village'] },
  },
  { fingertipsId: '92517', england: 44, slope: 0.6, areaOffset: 1.2, denominator: 2700 },
  { fingertipsId: '90319', england: 9.4, slope: 0.05, areaOffset: 0.9, denominator: 2500 },
  { fingertipsId: '93701', england: 15.2, slope: 0.35, areaOffset: -0.8, denominator: 41000 },
];

const firstYear = 2013;
const years = 11;

function financialYear(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** A percentage from a count and denominator with a Wilson 95% interval (the method Fingertips uses for proportions). */
function proportion(count: number, denominator: number): Pick<ObservationDraft, 'value' | 'lowerCi' | 'upperCi'> {
  const z = 1.96;
  const p = count / denominator;
  const centre = (p + (z * z) / (2 * denominator)) / (1 + (z * z) / denominator);
  const half =
    (z * Math.sqrt((p * (1 - p)) / denominator + (z * z) / (4 * denominator * denominator))) /
    (1 + (z * z) / denominator);
  const round = (x: number) => Math.round(x * 1000) / 10;
  return { value: round(p), lowerCi: round(centre - half), upperCi: round(centre + half) };
}

/**
 * Illustrative observations for the demo partnership: eleven years for a few metrics, for the area, London and
 * England, and one ward breakdown with some counts small enough to be suppressed. Made by a seeded generator so
 * every demo shows the same numbers; recorded with source "sample" and shown as "Sample data".
 */
export function sampleObservations(
  areaCode: string,
  areaName: string,
  metricsByFingertipsId: ReadonlyMap<string, readonly string[]>,
): ObservationDraft[] {
  const random = prng.create(20260401);
  const jitter = (size: number) => (prng.real53(random) - 0.5) * 2 * size;
  const drafts: ObservationDraft[] = [];
  const areas = [
    { code: areaCode, name: areaName, offset: 1, scale: 1 },
    { code: 'E12000007', name: 'London region', offset: 0.5, scale: 30 },
    { code: englandAreaCode, name: 'England', offset: 0, scale: 230 },
  ];
  for (const spec of specs) {
    for (const metricId of metricsByFingertipsId.get(spec.fingertipsId) ?? []) {
      for (let index = 0; index < years; index++) {
        const year = firstYear + index;
        const englandShare = spec.england + spec.slope * index;
        const base = {
          metricId,
          period: financialYear(year),
          periodKey: year * 10_000,
          note: '',
          source: 'sample' as const,
          ...noFingertipsMethodFields,
        };
        for (const area of areas) {
          const denominator = Math.round(spec.denominator * area.scale * (1 + jitter(0.04)));
          const share = englandShare + spec.areaOffset * area.offset + jitter(area.scale === 1 ? 1.2 : 0.2);
          const count = Math.max(0, Math.round((share / 100) * denominator));
          drafts.push({
            ...base,
            areaCode: area.code,
            areaName: area.name,
            categoryType: '',
            category: '',
            ...proportion(count, denominator),
            count,
            denominator,
          });
        }
        if (!spec.breakdown || index < years - 3) continue;
        for (const [position, ward] of spec.breakdown.categories.entries()) {
          // One small ward shows how counts under 5 are suppressed.
          const denominator = position === 2 ? 6 + Math.round(jitter(1)) : Math.round(spec.denominator / 18);
          const share = englandShare + spec.areaOffset + (position - 2) * 4 + jitter(2);
          const count = Math.max(0, Math.min(denominator, Math.round((share / 100) * denominator)));
          drafts.push({
            ...base,
            areaCode,
            areaName,
            categoryType: spec.breakdown.type,
            category: ward,
            ...proportion(count, denominator),
            count,
            denominator,
          });
        }
      }
    }
  }
  return drafts;
}
