import { useEffect, useState } from 'react';

/** Time left until `closesAt`, in whole seconds, ticking every second; null without a closing time. */
export function useCountdown(closesAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (closesAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [closesAt]);
  if (closesAt === null) return null;
  return Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 1000));
}

/** "4 minutes 5 seconds", "1 hour 2 minutes", "less than a second" — words a screen reader reads well. */
export function durationWords(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (seconds <= 0) return 'no time';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) return [plural(days, 'day'), hours > 0 ? plural(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [plural(hours, 'hour'), minutes > 0 ? plural(minutes, 'minute') : ''].filter(Boolean).join(' ');
  if (minutes > 0) return [plural(minutes, 'minute'), rest > 0 ? plural(rest, 'second') : ''].filter(Boolean).join(' ');
  return plural(rest, 'second');
}

/** "04:05" or "1:02:05": the clock face shown large in present mode. */
export function clockFace(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}
