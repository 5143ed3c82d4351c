import { domainLabel } from '../framework/domains.ts';
import { suppressedLabel } from '../evidence/suppression.ts';
import type { PackException } from '../../schemas/boardPack.ts';
import {
  actionStatusLabels,
  changeDomainLabels,
  ChangeDomainSchema,
  type ActionStatus,
  type AgendaItem,
  type Attendee,
  type Change,
  type ChangeDomain,
} from '../../schemas/cycles.ts';
import type { Domain } from '../../schemas/framework.ts';

// The words every form of the board pack shares (DOCX, XLSX and the print page), so the three read the same.

// Boards meet in England: times are read in London time whichever zone the server runs in.
const timeZone = 'Europe/London';
const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone,
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
// A calendar date (`YYYY-MM-DD`) names a day, not an instant: read it in UTC so no zone moves it.
const calendarFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A meeting's date and time in words: "Thursday 11 March 2027, 10:00". */
export function meetingDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

/** The day of a timestamp: "20 November 2026". */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A calendar date in words: "31 May 2027"; empty input stays empty. */
export function calendarDate(date: string | null): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : calendarFormat.format(parsed);
}

/** A value in its unit, as people read it: "5.1%", "4.2 per 1,000", "312". */
export function valueWithUnit(value: number, unit: string): string {
  const number = numberFormat.format(value);
  const trimmed = unit.trim().toLowerCase();
  if (trimmed === '%' || trimmed === 'percent' || trimmed === 'percentage') return `${number}%`;
  if (trimmed === '' || trimmed === 'count' || trimmed === 'number') return number;
  return `${number} ${unit.trim()}`;
}

/** A cell of an indicator's table: the value, "suppressed (<5)" or "no data". Suppression wins over any number. */
export function seriesCell(value: number | null, unit: string, suppressed = false): string {
  if (suppressed) return suppressedLabel;
  return value === null ? 'no data' : valueWithUnit(value, unit);
}

/** The area column of an exception's table, as the pack prints it. */
export function areaCell(row: PackException['series'][number], unit: string): string {
  return seriesCell(row.area, unit, row.suppressed);
}

/** A framework domain's label, or "No domain". */
export function domainWords(domain: Domain | null): string {
  return domain ? domainLabel(domain) : 'No domain';
}

/** An action's status in words. */
export function actionStatusWords(status: ActionStatus): string {
  return actionStatusLabels[status];
}

const agendaKindWords: Readonly<Record<AgendaItem['kind'], string>> = {
  text: '',
  round: 'Prioritisation round',
  'decision-review': 'Decision for review',
  outcome: 'Outcome',
  concern: 'Concern',
};

/** An agenda item's heading line: what it points at and its title, saying when the thing no longer exists. */
export function agendaItemTitle(item: AgendaItem): string {
  const kind = agendaKindWords[item.kind];
  const name = item.title.trim() || item.label;
  const text = kind ? `${kind}: ${name}` : name;
  return item.resolved ? text : `${text} (no longer in the workspace)`;
}

/** Why a decision is back, in words, for a decision-review item (empty for every other item). */
export function agendaItemReason(item: AgendaItem): string {
  if (item.kind !== 'decision-review') return '';
  const reason = item.reason?.trim() ?? '';
  if (reason) return `Back for review: ${reason}`;
  return item.automatic ? 'Back for review: its review date has passed' : '';
}

/** Attendees grouped by the organisation they represented, organisations and names in alphabetical order. */
export function attendeesByOrganisation(attendees: readonly Attendee[]): { organisation: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const attendee of attendees) {
    const organisation = attendee.organisation.trim() || 'No organisation given';
    groups.set(organisation, [...(groups.get(organisation) ?? []), attendee.name]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
    .map(([organisation, names]) => ({ organisation, names: names.sort((a, b) => a.localeCompare(b, 'en-GB')) }));
}

/** Changes grouped by domain in the product's order; in each group, changes needing attention come first. */
export function changesByDomain(
  changes: readonly Change[],
): { domain: ChangeDomain; label: string; changes: Change[] }[] {
  return ChangeDomainSchema.options
    .map((domain) => ({
      domain,
      label: changeDomainLabels[domain],
      // Array.prototype.sort is stable: within attention and not, the comparison's own order is kept.
      changes: changes.filter((c) => c.domain === domain).sort((a, b) => Number(b.attention) - Number(a.attention)),
    }))
    .filter((group) => group.changes.length > 0);
}

/** A change in one line, marked in words when it needs attention (colour is never the only sign). */
export function changeLine(change: Change): string {
  const by = change.by ? ` (${change.by.name})` : '';
  const text = `${change.entity.label}: ${change.words}${by}`;
  return change.attention ? `Needs attention: ${text}` : text;
}

/** Whether a review date (`YYYY-MM-DD`) falls on or before the meeting's day. */
export function reviewIsDue(reviewDate: string, meetingStartsAt: string): boolean {
  return reviewDate.slice(0, 10) <= meetingStartsAt.slice(0, 10);
}

/** The line under the cover that says small counts are suppressed, with the threshold. */
export function suppressionNote(threshold: number): string {
  return `Counts under ${threshold} are suppressed so that small groups of families cannot be identified; they show as "${suppressedLabel}".`;
}

/** A candidate's kind as a word: "Outcome". */
export function kindWords(kind: string): string {
  return kind === '' ? '' : kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** What the data development agenda says when it is empty: true whether nothing is mapped yet or everything has data. */
export const noDataGapsWords = 'No metric is marked as missing or partial in the data mapping.';
