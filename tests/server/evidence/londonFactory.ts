import { buildFingertipsRow, type FingertipsRow } from './fingertipsFactory.ts';

/** The 33 London boroughs (ONS codes E09000001–E09000033), in code order: all the areas of one region. */
export const londonBoroughs = [
  'City of London',
  'Barking and Dagenham',
  'Barnet',
  'Bexley',
  'Brent',
  'Bromley',
  'Camden',
  'Croydon',
  'Ealing',
  'Enfield',
  'Greenwich',
  'Hackney',
  'Hammersmith and Fulham',
  'Haringey',
  'Harrow',
  'Havering',
  'Hillingdon',
  'Hounslow',
  'Islington',
  'Kensington and Chelsea',
  'Kingston upon Thames',
  'Lambeth',
  'Lewisham',
  'Merton',
  'Newham',
  'Redbridge',
  'Richmond upon Thames',
  'Southwark',
  'Sutton',
  'Tower Hamlets',
  'Waltham Forest',
  'Wandsworth',
  'Westminster',
].map((name, index) => ({ code: `E09${String(index + 1).padStart(6, '0')}`, name }));

/** What one borough's row holds in an all-London export. */
export interface BoroughValue {
  value: string;
  lower?: string;
  upper?: string;
  count?: string;
  vsEngland?: string;
}

/**
 * One period of one indicator for every London borough, London region and England, as an all-data export for the
 * area type "Counties & UAs" holds it. `valueOf(index, code)` gives each borough's numbers (index 0 = E09000001).
 */
export function allLondonPeriod(
  valueOf: (index: number, code: string) => BoroughValue,
  overrides: Partial<FingertipsRow> = {},
  comparators: { england: string; region: string } = { england: '9.1', region: '6.0' },
): FingertipsRow[] {
  const rows: FingertipsRow[] = [
    buildFingertipsRow({
      'Area Code': 'E92000001',
      'Area Name': 'England',
      'Area Type': 'England',
      'Parent Code': '',
      'Parent Name': '',
      Value: comparators.england,
      'Lower CI 95.0 limit': '',
      'Upper CI 95.0 limit': '',
      'Lower CI 99.8 limit': '',
      'Upper CI 99.8 limit': '',
      'Compared to England value or percentiles': 'Not compared',
      ...overrides,
    }),
    buildFingertipsRow({
      'Area Code': 'E12000007',
      'Area Name': 'London region',
      'Area Type': 'Region',
      'Parent Code': 'E92000001',
      'Parent Name': 'England',
      Value: comparators.region,
      'Lower CI 95.0 limit': (Number(comparators.region) - 0.2).toFixed(1),
      'Upper CI 95.0 limit': (Number(comparators.region) + 0.2).toFixed(1),
      'Compared to England value or percentiles': 'Better 95%',
      ...overrides,
    }),
  ];
  londonBoroughs.forEach(({ code, name }, index) => {
    const borough = valueOf(index, code);
    const value = Number(borough.value);
    rows.push(
      buildFingertipsRow({
        'Area Code': code,
        'Area Name': name,
        Value: borough.value,
        'Lower CI 95.0 limit': borough.lower ?? (value - 0.4).toFixed(1),
        'Upper CI 95.0 limit': borough.upper ?? (value + 0.4).toFixed(1),
        'Lower CI 99.8 limit': (value - 0.7).toFixed(1),
        'Upper CI 99.8 limit': (value + 0.7).toFixed(1),
        Count: borough.count ?? '130',
        'Compared to England value or percentiles': borough.vsEngland ?? '',
        'Compared to London region value or percentiles': '',
        ...overrides,
      }),
    );
  });
  return rows;
}
