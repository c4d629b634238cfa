/**
 * The status bar's text as plain data: how many active mentees, the next 1:1, overdue action items, and a
 * tooltip with every status. Counts use a singular and a plural message (English and Dutch both have
 * one form for 1 and another for every other number).
 */
import { openActions } from '../domain/actions';
import { topicsFromMentee } from '../domain/agenda';
import { dueInfo } from '../domain/cadence';
import type { IsoDate, Mentee } from '../domain/model';
import { fill, firstName, plural } from '../domain/text';

export interface StatusStrings {
  activeOne: string;
  activeMany: string;
  overdueItemsOne: string;
  overdueItemsMany: string;
  dueToday: string;
  dueInDays: string;
  overdueDays: string;
  tooltip: string;
  brokenOne: string;
  brokenMany: string;
  topicsFromOne: string;
  topicsFromMany: string;
  mine: string;
  myNextInDays: string;
  myNextToday: string;
  myNextOverdue: string;
  myItemsOne: string;
  myItemsMany: string;
  conflictOne: string;
  conflictMany: string;
  conflictTooltip: string;
}

export const ENGLISH_STATUS_STRINGS: StatusStrings = {
  activeOne: '{0} active mentee',
  activeMany: '{0} active mentees',
  overdueItemsOne: '{0} action item overdue',
  overdueItemsMany: '{0} action items overdue',
  dueToday: '1:1 with {0} due today',
  dueInDays: '1:1 with {0} in {1} d',
  overdueDays: '1:1 with {0} overdue {1} d',
  tooltip: 'Mentees: {0} active, {1} paused, {2} closed',
  brokenOne: '{0} file with problems',
  brokenMany: '{0} files with problems',
  topicsFromOne: '{0} topic from {1}',
  topicsFromMany: '{0} topics from {1}',
  mine: 'My mentorship',
  myNextInDays: 'next 1:1 in {0} d',
  myNextToday: 'next 1:1 today',
  myNextOverdue: '1:1 overdue {0} d',
  myItemsOne: '{0} action item to do',
  myItemsMany: '{0} action items to do',
  conflictOne: '{0} file in a merge conflict',
  conflictMany: '{0} files in a merge conflict',
  conflictTooltip: 'git is merging the shared notes: resolve, stage, then commit to finish',
};

/** While a merge is under way: the conflict comes first, whoever is looking (mentor or mentee). */
export function conflictStatusLine(conflicts: number, s: StatusStrings = ENGLISH_STATUS_STRINGS): StatusLine {
  return { text: count(conflicts, s.conflictOne, s.conflictMany), tooltip: s.conflictTooltip };
}

/** "1 x" or "n xs", filled in. */
function count(n: number, one: string, many: string): string {
  return fill(plural(n, one, many), n);
}

export interface StatusLine {
  text: string;
  tooltip: string;
  /** The mentee whose 1:1 comes next (or is most overdue), when any active mentee has a cadence. */
  next?: { path: string; days: number };
}

export function statusLine(files: readonly { path: string; data?: Mentee; partial?: { lastSession?: IsoDate } }[], broken: number, today: IsoDate, s: StatusStrings = ENGLISH_STATUS_STRINGS): StatusLine {
  const active = files.filter((f): f is { path: string; data: Mentee; partial?: { lastSession?: IsoDate } } => f.data?.status === 'active');
  const paused = files.filter((f) => f.data?.status === 'paused').length;
  const closed = files.filter((f) => f.data?.status === 'closed').length;
  let next: { name: string; path: string; days: number; data: Mentee } | undefined;
  for (const f of active) {
    const d = dueInfo(f.data, today, f.partial?.lastSession);
    if (d.dueInDays !== undefined && (!next || d.dueInDays < next.days)) {
      next = { name: f.data.name, path: f.path, days: d.dueInDays, data: f.data };
    }
  }
  const overdue = active.reduce((n, f) => n + openActions(f.data).filter(({ action }) => !!action.due && action.due < today).length, 0);
  const topics = (m: Mentee): string | undefined => {
    const n = topicsFromMentee(m).length;
    return n > 0 ? fill(plural(n, s.topicsFromOne, s.topicsFromMany), n, firstName(m.name)) : undefined;
  };
  const parts = [count(active.length, s.activeOne, s.activeMany)];
  if (next) {
    parts.push(next.days < 0 ? fill(s.overdueDays, next.name, -next.days) : next.days === 0 ? fill(s.dueToday, next.name) : fill(s.dueInDays, next.name, next.days));
    // What the mentee asked to talk about belongs with the 1:1 it is for: "2 topics from Ana".
    const forNext = topics(next.data);
    if (forNext) {
      parts.push(forNext);
    }
  }
  if (overdue > 0) {
    parts.push(count(overdue, s.overdueItemsOne, s.overdueItemsMany));
  }
  const tooltip = [
    fill(s.tooltip, active.length, paused, closed),
    broken ? count(broken, s.brokenOne, s.brokenMany) : undefined,
    ...active.map((f) => topics(f.data)),
  ]
    .filter(Boolean)
    .join(' · ');
  return { text: parts.join(' · '), tooltip, ...(next ? { next: { path: next.path, days: next.days } } : {}) };
}

/** The status line of the mentee's own view: their next 1:1 and the action items they own. */
export function menteeStatusLine(m: Mentee, today: IsoDate, s: StatusStrings = ENGLISH_STATUS_STRINGS): StatusLine {
  const due = dueInfo(m, today);
  const mine = openActions(m).filter(({ action }) => action.owner === 'mentee').length;
  const parts = [s.mine];
  if (due.dueInDays !== undefined) {
    parts.push(due.dueInDays < 0 ? fill(s.myNextOverdue, -due.dueInDays) : due.dueInDays === 0 ? s.myNextToday : fill(s.myNextInDays, due.dueInDays));
  }
  if (mine > 0) {
    parts.push(count(mine, s.myItemsOne, s.myItemsMany));
  }
  return { text: parts.join(' · '), tooltip: m.name };
}

