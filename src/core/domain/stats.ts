/** Figures for the dashboard, computed from one mentee's data. Pure. */
import { consistency, dueInfo, parseCadence, cadenceLengthDays, sessionDates } from './cadence';
import type { DueInfo } from './cadence';
import { addMonths, daysBetween, monthOf } from './dates';
import type { FeedbackKind, IsoDate, Mentee, Owner } from './model';
import { FEEDBACK_KINDS } from './model';
import { isGoalOverdue, smartMissing } from './smart';
import { openActions } from './actions';

export interface GoalStat {
  id: string;
  title: string;
  status: string;
  progress: number;
  due?: IsoDate;
  overdue: boolean;
  smartMissing: string[];
  owner?: Owner;
  /** Check-ins oldest first, for the sparkline. */
  history: { date: IsoDate; progress: number }[];
}

export interface MonthFeedback {
  month: string;
  counts: Record<FeedbackKind, number>;
  total: number;
}

export interface TimelineEntry {
  date: IsoDate;
  /** Days since the session before; undefined for the first. */
  gapDays?: number;
  /** The gap ran past the cadence (plus grace). */
  late: boolean;
}

export interface InvolvementMonth {
  month: string;
  sessions: number;
  /** Share 0..1 of goals and action items created that month owned by the mentee; undefined when none. */
  menteeOwnedShare?: number;
}

/** One code review's feedback (entries that share a `review` link), for growth over many reviews. */
export interface ReviewStat {
  review: string;
  /** The earliest feedback date of the review. */
  date: IsoDate;
  count: number;
  /** Issues and suggestions: fewer per review over time is growth. */
  corrections: number;
  praise: number;
}

export interface DashboardStats {
  due: DueInfo;
  consistency?: number;
  cadenceDays: number;
  goals: GoalStat[];
  goalsDone: number;
  timeline: TimelineEntry[];
  feedbackByMonth: MonthFeedback[];
  feedbackTotals: Record<FeedbackKind, number>;
  /** Praise / (all feedback): is there praise as well as critique? */
  praiseShare?: number;
  /** Issues and suggestions per session, first half vs second half of the feedback history. */
  correctionTrend?: { before: number; after: number };
  /** Reviews in the feedback, oldest first, and how many of them per month (same months as above). */
  reviews: ReviewStat[];
  reviewsByMonth: { month: string; reviews: number }[];
  openActionsByOwner: Record<Owner, { text: string; due?: IsoDate; overdue: boolean; id: string }[]>;
  involvement: InvolvementMonth[];
  wins: { date: IsoDate; text: string }[];
  totalMinutes: number;
  /** Step 5: a longer rhythm to suggest when the mentee is consistently on track and owns most of the work. */
  stretchCadence?: string;
}

/**
 * Suggests meeting less often when the last six months kept the rhythm (≥ 90 %), the mentee owned most of
 * what was agreed in the last three months (≥ 60 %), and no goal is overdue.
 */
export function stretchSuggestion(m: Mentee, consistencyShare: number | undefined, involvement: InvolvementMonth[], anyOverdue: boolean): string | undefined {
  if (m.status !== 'active' || anyOverdue || consistencyShare === undefined || consistencyShare < 0.9) {
    return undefined;
  }
  const recent = involvement.slice(-3).filter((x) => x.menteeOwnedShare !== undefined);
  if (recent.length === 0 || recent.reduce((a, x) => a + (x.menteeOwnedShare ?? 0), 0) / recent.length < 0.6) {
    return undefined;
  }
  const next: Record<string, string> = { weekly: 'biweekly', biweekly: 'monthly' };
  const c = (m.cadence ?? 'biweekly').trim().toLowerCase();
  if (next[c]) {
    return next[c];
  }
  const days = /^every (\d+) days?$/.exec(c);
  return days && Number(days[1]) < 30 ? `every ${Math.min(30, Number(days[1]) * 2)} days` : undefined;
}

function emptyCounts(): Record<FeedbackKind, number> {
  return Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, 0])) as Record<FeedbackKind, number>;
}

/** Months from `from` to `to` inclusive, "YYYY-MM". */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let cur = `${from}-01`;
  const end = `${to}-01`;
  for (let guard = 0; cur <= end && guard < 600; guard++) {
    out.push(monthOf(cur));
    cur = addMonths(cur, 1);
  }
  return out;
}

/** Feedback grouped by the review it came from (its `review` link), oldest review first. */
export function reviewStats(m: Mentee): ReviewStat[] {
  const by = new Map<string, ReviewStat>();
  for (const f of m.feedback) {
    if (f.review === undefined || f.review === '' || typeof f.date !== 'string') {
      continue;
    }
    const key = String(f.review);
    const r = by.get(key) ?? { review: key, date: f.date, count: 0, corrections: 0, praise: 0 };
    r.date = f.date < r.date ? f.date : r.date;
    r.count++;
    r.corrections += f.kind === 'issue' || f.kind === 'suggestion' ? 1 : 0;
    r.praise += f.kind === 'praise' ? 1 : 0;
    by.set(key, r);
  }
  return [...by.values()].sort((a, b) => a.date.localeCompare(b.date) || a.review.localeCompare(b.review));
}

export function dashboardStats(m: Mentee, today: IsoDate, monthsBack = 12): DashboardStats {
  const rule = parseCadence(m.cadence);
  const cadenceDays = cadenceLengthDays(rule);
  const grace = Math.max(1, Math.round(cadenceDays / 4));
  const goals: GoalStat[] = m.goals.map((g) => ({
    id: g.id,
    title: g.title,
    status: g.status,
    progress: g.progress,
    due: g.due,
    overdue: isGoalOverdue(g, today),
    smartMissing: smartMissing(g),
    owner: g.owner,
    history: [...(g.checkIns ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)).map((c) => ({ date: c.date, progress: c.progress })),
  }));
  const dates = sessionDates(m);
  const timeline: TimelineEntry[] = dates.map((date, i) => {
    const gap = i > 0 ? daysBetween(dates[i - 1], date) : undefined;
    return { date, gapDays: gap, late: gap !== undefined && gap > cadenceDays + grace };
  });
  const firstMonth = monthOf(addMonths(today, -(monthsBack - 1)));
  const months = monthRange(firstMonth, monthOf(today));
  const byMonth = new Map(months.map((mo) => [mo, { month: mo, counts: emptyCounts(), total: 0 }]));
  const totals = emptyCounts();
  for (const f of m.feedback) {
    if (!FEEDBACK_KINDS.includes(f.kind)) {
      continue;
    }
    totals[f.kind]++;
    const bucket = typeof f.date === 'string' ? byMonth.get(monthOf(f.date)) : undefined;
    if (bucket) {
      bucket.counts[f.kind]++;
      bucket.total++;
    }
  }
  const allFeedback = m.feedback.length;
  const sortedFeedback = [...m.feedback].filter((f) => typeof f.date === 'string').sort((a, b) => (a.date < b.date ? -1 : 1));
  let correctionTrend: DashboardStats['correctionTrend'];
  if (sortedFeedback.length >= 4) {
    const half = Math.floor(sortedFeedback.length / 2);
    const share = (list: typeof sortedFeedback): number => list.filter((f) => f.kind === 'issue' || f.kind === 'suggestion').length / list.length;
    correctionTrend = { before: share(sortedFeedback.slice(0, half)), after: share(sortedFeedback.slice(half)) };
  }
  const open = openActions(m);
  const openActionsByOwner: DashboardStats['openActionsByOwner'] = { mentee: [], mentor: [] };
  for (const { action } of open) {
    const owner: Owner = action.owner === 'mentor' ? 'mentor' : 'mentee';
    openActionsByOwner[owner].push({ id: action.id, text: action.text, due: action.due, overdue: !!action.due && action.due < today });
  }
  // Involvement: sessions per month, and how much of what was agreed that month the mentee owns.
  const sessionsPerMonth = new Map<string, number>();
  const owned = new Map<string, { mentee: number; all: number }>();
  const bump = (month: string, owner: Owner | undefined): void => {
    const o = owned.get(month) ?? { mentee: 0, all: 0 };
    o.all++;
    if (owner === 'mentee') {
      o.mentee++;
    }
    owned.set(month, o);
  };
  for (const s of m.sessions) {
    if (typeof s.date !== 'string') {
      continue;
    }
    const mo = monthOf(s.date);
    sessionsPerMonth.set(mo, (sessionsPerMonth.get(mo) ?? 0) + 1);
    for (const a of s.actions ?? []) {
      bump(mo, a.owner);
    }
  }
  for (const g of m.goals) {
    // A goal counts from its first check-in (goals carry no creation date).
    const first = (g.checkIns ?? []).map((c) => c.date).filter((d) => typeof d === 'string').sort()[0];
    if (first) {
      bump(monthOf(first), g.owner);
    }
  }
  const involvement: InvolvementMonth[] = months.map((mo) => {
    const o = owned.get(mo);
    return { month: mo, sessions: sessionsPerMonth.get(mo) ?? 0, menteeOwnedShare: o && o.all > 0 ? o.mentee / o.all : undefined };
  });
  const wins = m.sessions
    .flatMap((s) => (s.wins ?? []).map((text) => ({ date: s.date, text })))
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const consistencyShare = consistency(m, today);
  const reviews = reviewStats(m);
  return {
    due: dueInfo(m, today),
    consistency: consistencyShare,
    stretchCadence: stretchSuggestion(m, consistencyShare, involvement, goals.some((g) => g.overdue)),
    cadenceDays,
    goals,
    goalsDone: goals.filter((g) => g.status === 'done').length,
    timeline,
    feedbackByMonth: months.map((mo) => byMonth.get(mo) as MonthFeedback),
    reviews,
    reviewsByMonth: months.map((month) => ({ month, reviews: reviews.filter((r) => monthOf(r.date) === month).length })),
    feedbackTotals: totals,
    praiseShare: allFeedback > 0 ? totals.praise / allFeedback : undefined,
    correctionTrend,
    openActionsByOwner,
    involvement,
    wins,
    totalMinutes: m.sessions.reduce((sum, s) => sum + (typeof s.duration === 'number' ? s.duration : 0), 0),
  };
}
