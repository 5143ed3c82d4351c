import { dataStatusKeys, type DataStatus } from '../../schemas/dataMapping.ts';

/** How each status is shown: a short label, and what it means in the words of the people who map data. */
export const dataStatuses: Readonly<Record<DataStatus, { label: string; description: string }>> = {
  available: { label: 'Available', description: 'Held and used by the partnership.' },
  'not-accessible': {
    label: 'Not accessible',
    description: 'Exists, but held by a partner or needs a data-sharing agreement.',
  },
  partial: { label: 'Partial', description: 'Exists, but at the wrong granularity, frequency or age band.' },
  missing: { label: 'Missing', description: 'Not collected anywhere.' },
};

/** The label shown for a metric nobody has mapped yet. */
export const notMappedLabel = 'Not yet mapped';

/** The statuses in display order, most usable first. */
export const dataStatusOrder: readonly DataStatus[] = dataStatusKeys;

/** The label of a status, or "Not yet mapped" for none. */
export function dataStatusLabel(status: DataStatus | null): string {
  return status === null ? notMappedLabel : dataStatuses[status].label;
}
