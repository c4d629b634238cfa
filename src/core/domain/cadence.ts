/**
 * Meeting rhythm. Consistency matters more than duration, so the extension shows when the next session is
 * due, how many days it is overdue, and how regular the last six months were.
 */
import { addDays, addMonths, daysBetween } from './dates';
import type { Cadence, IsoDate, Mentee } from './model';

export type CadenceRule = { unit: 'days'; count: number } | { unit: 'months'; count: number };

export const DEFAULT_CADENCE: Cadence = 'biweekly';

export function parseCadence(c: Cadence | undefined): CadenceRule {
  const text = (c ?? DEFAULT_CADENCE).trim().toLowerCase();
  if (text === 'weekly') {
    return { unit: 'days', count: 7 };
  }
  if (text === 'biweekly') {
    return { unit: 'days', count: 14 };
  }
  if (text === 'monthly') {
    return { unit: 'months', count: 1 };
  }
  const m = /^every (\d{1,3}) days?$/.exec(text);
  if (m && Number(m[1]) > 0) {
    return { unit: 'days', count: Number(m[1]) };
  }
  return { unit: 'days', count: 14 };
}

export function addCadence(date: IsoDate, rule: CadenceRule): IsoDate {
  return rule.unit === 'days' ? addDays(date, rule.count) : addMonths(date, rule.count);
}

/** Nominal length in days, for tolerances and charts (a month counts as 30 days). */
export function cadenceLengthDays(rule: CadenceRule): number {
  return rule.unit === 'days' ? rule.count : rule.count * 30;
}

/** Sessions sorted by date, oldest first (entries without a valid date are left out). */
export function sessionDates(mentee: Mentee): IsoDate[] {
  return mentee.sessions
    .map((s) => s.date)
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
}

export interface DueInfo {
  lastSession?: IsoDate;
  /** When the next session is due; undefined for paused and closed mentees. */
  nextDue?: IsoDate;
  /** Days until due: negative when overdue, 0 when due today. */
  dueInDays?: number;
  overdue: boolean;
}

/** `lastSessionKnown`: the last session's date, when the sessions themselves are not read yet (a quick read). */
export function dueInfo(mentee: Mentee, today: IsoDate, lastSessionKnown?: IsoDate): DueInfo {
  const dates = sessionDates(mentee);
  const lastSession = dates.length ? dates[dates.length - 1] : lastSessionKnown;
  if (mentee.status !== 'active') {
    return { lastSession, overdue: false };
  }
  const rule = parseCadence(mentee.cadence);
  // No session yet: the first one is due one cadence after the start, or today if there is no start date.
  const from = lastSession ?? mentee.since;
  const nextDue = from ? addCadence(from, rule) : today;
  const dueInDays = daysBetween(today, nextDue);
  return { lastSession, nextDue, dueInDays, overdue: dueInDays < 0 };
}

/**
 * Share (0..1) of the intervals between sessions in the last six months that stayed within the cadence,
 * with a grace of a quarter of the cadence (at least one day). The interval from the last session to
 * today counts once it has run past the cadence. Undefined when there is nothing to measure yet.
 */
export function consistency(mentee: Mentee, today: IsoDate): number | undefined {
  const rule = parseCadence(mentee.cadence);
  const windowStart = addMonths(today, -6);
  const dates = sessionDates(mentee).filter((d) => d <= today);
  const within = (from: IsoDate, to: IsoDate): boolean => {
    const limit = addDays(addCadence(from, rule), Math.max(1, Math.round(cadenceLengthDays(rule) / 4)));
    return to <= limit;
  };
  let total = 0;
  let ok = 0;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] < windowStart) {
      continue;
    }
    total++;
    if (within(dates[i - 1], dates[i])) {
      ok++;
    }
  }
  const last = dates[dates.length - 1];
  if (last && mentee.status === 'active' && !within(last, today)) {
    total++;
  }
  return total === 0 ? undefined : ok / total;
}
