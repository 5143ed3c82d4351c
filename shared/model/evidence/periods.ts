/**
 * A sortable key for a period label, for files that do not give one (Fingertips does: "Time period Sortable").
 * The first four-digit year × 10,000, plus the quarter × 100 or the month × 100 when the label names one:
 * "2019/20" → 20190000, "2017 - 19" → 20170000, "2021/22 Q3" → 20210300, "Mar 2022" → 20220300.
 * Null when the label has no year.
 */
export function periodSortKey(label: string): number | null {
  const year = /(\d{4})/.exec(label);
  if (!year) return null;
  let within = 0;
  const quarter = /\bQ([1-4])\b/i.exec(label);
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(label);
  if (quarter) within = Number(quarter[1]);
  else if (month) within = months.indexOf(month[1]!.toLowerCase()) + 1;
  return Number(year[1]) * 10_000 + within * 100;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
