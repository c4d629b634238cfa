/**
 * Calendar dates as "YYYY-MM-DD" strings. Arithmetic runs on whole days since the epoch in UTC, so a
 * date never shifts with the time zone or daylight saving; only "today" depends on the local clock.
 */
import type { IsoDate } from './model';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) {
    return false;
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) {
    return false;
  }
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a valid date. */
export function toDayNumber(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) {
    throw new RangeError(`Not a date: ${date}`);
  }
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCFullYear().toString().padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months; the 31st of a month becomes the last day of a shorter one. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${pad2(nm)}-${pad2(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** b - a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Today's date in the given time zone offset (minutes east of UTC), or the machine's local zone. */
export function todayOf(now: Date, utcOffsetMinutes?: number): IsoDate {
  if (utcOffsetMinutes === undefined) {
    return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
  }
  return fromDayNumber(Math.floor((now.getTime() + utcOffsetMinutes * 60_000) / MS_PER_DAY));
}

/** "2026-11" for a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}
