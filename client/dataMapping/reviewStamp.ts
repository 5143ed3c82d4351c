import type { ReviewStamp } from '../../shared/schemas/dataMapping.ts';

/** Today's review stamp for a person: their name and organisation, and the date in their own time zone. */
export function reviewStampFor(user: { displayName: string; organisation: string }, now = new Date()): ReviewStamp {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { by: `${user.displayName} (${user.organisation})`.slice(0, 200), on: day };
}

/** A review date as people read it: "31 March 2026". */
export function formatReviewDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
