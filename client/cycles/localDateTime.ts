const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})$/;
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date and time typed in this browser's time zone, as ISO 8601 with that zone's offset
 * (`2027-01-14T10:00:00+00:00`); '' when either part is missing or not a real date, so the schema reports it.
 */
export function offsetDateTime(date: string, time: string): string {
  const day = datePattern.exec(date);
  const clock = timePattern.exec(time);
  if (!day || !clock) return '';
  const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const local = new Date(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
  if (Number.isNaN(local.getTime()) || local.getDate() !== dayOfMonth || local.getMonth() !== month - 1) return '';
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date}T${time}:00${zone}`;
}

/** Today's date in this browser's time zone, `YYYY-MM-DD`. */
export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An instant as this browser's local date (`YYYY-MM-DD`) and time (`HH:MM`), to fill date and time inputs. */
export function localDateAndTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { date: '', time: '' };
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}
