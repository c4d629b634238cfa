/**
 * The digest of a mentee before the next session: what happened at the last one, everything since
 * (check-ins, feedback logged or imported), the action items still open (overdue ones marked) and those
 * the last session saw done, the agenda topics from either side, the goals due soon or stalled, and an
 * agenda proposed from all of it. It is what "Prepare Next Session" opens, what the assistant's tool
 * returns, and what `@mentor /prep` gives the model. Built from `shareable` data only.
 */
import type { ActionItem, AgendaTopic, CheckIn, Feedback, Goal, IsoDate, Mentee, Session } from '../domain/model';
import { dueInfo } from '../domain/cadence';
import type { DueInfo } from '../domain/cadence';
import { openActions } from '../domain/actions';
import { openAgenda } from '../domain/agenda';
import { addDays, daysBetween } from '../domain/dates';
import { isGoalOverdue, smartMissing } from '../domain/smart';
import { fill, firstName } from '../domain/text';
import { repositoryName } from '../anchors/repository';
import { shareable } from '../domain/shareable';

/** A goal counts as stalled when nothing moved on it for this long. */
export const STALLED_AFTER_DAYS = 30;
/** A goal is "due soon" this many days ahead. */
export const DUE_SOON_DAYS = 14;

export interface OpenAction {
  action: ActionItem;
  session: Session;
  overdue: boolean;
}

export interface SessionDigest {
  mentee: Mentee;
  today: IsoDate;
  due: DueInfo;
  /** The latest session (by date), and the day everything "since" counts from. */
  lastSession?: Session;
  since?: IsoDate;
  checkIns: { goal: Goal; checkIn: CheckIn }[];
  feedback: Feedback[];
  openActions: OpenAction[];
  /** Action items of the last session that are done now. */
  doneActions: ActionItem[];
  agenda: AgendaTopic[];
  goalsDue: Goal[];
  goalsStalled: Goal[];
  /** A proposed agenda, in the order worth taking it. */
  proposed: Proposal[];
}

export type Proposal =
  | { kind: 'topic'; topic: AgendaTopic }
  | { kind: 'overdueAction'; action: ActionItem }
  | { kind: 'goalDue'; goal: Goal }
  | { kind: 'goalStalled'; goal: Goal }
  | { kind: 'feedback'; feedback: Feedback };

export function latestSession(m: Mentee): Session | undefined {
  let best: Session | undefined;
  for (const s of m.sessions) {
    if (typeof s.date === 'string' && (!best || s.date >= best.date)) {
      best = s;
    }
  }
  return best;
}

/** The day a goal last moved: its latest check-in, else undefined. */
function lastMoved(g: Goal): IsoDate | undefined {
  return (g.checkIns ?? []).map((c) => c.date).sort().pop();
}

export function sessionDigest(input: Mentee, today: IsoDate): SessionDigest {
  const m = shareable(input);
  const lastSession = latestSession(m);
  const since = lastSession?.date;
  const after = (d: IsoDate | undefined): boolean => !!d && (!since || d >= since);
  const active = m.goals.filter((g) => g.status === 'active');
  const checkIns = active
    .flatMap((goal) => (goal.checkIns ?? []).filter((c) => after(c.date)).map((checkIn) => ({ goal, checkIn })))
    .sort((a, b) => a.checkIn.date.localeCompare(b.checkIn.date));
  const feedback = m.feedback.filter((f) => after(f.date)).sort((a, b) => a.date.localeCompare(b.date));
  const open = openActions(m).map(({ action, session }) => ({ action, session, overdue: !!action.due && action.due < today }));
  const doneActions = (lastSession?.actions ?? []).filter((a) => a.done);
  const agenda = openAgenda(m);
  const goalsDue = active.filter((g) => !!g.due && (isGoalOverdue(g, today) || g.due <= addDays(today, DUE_SOON_DAYS)));
  const goalsStalled = active.filter((g) => {
    const moved = lastMoved(g) ?? m.since;
    return !goalsDue.includes(g) && (!moved || daysBetween(moved, today) > STALLED_AFTER_DAYS);
  });
  const proposed: Proposal[] = [
    ...agenda.map((topic) => ({ kind: 'topic' as const, topic })),
    ...open.filter((o) => o.overdue).map((o) => ({ kind: 'overdueAction' as const, action: o.action })),
    ...goalsDue.map((goal) => ({ kind: 'goalDue' as const, goal })),
    ...goalsStalled.map((goal) => ({ kind: 'goalStalled' as const, goal })),
    ...feedback
      .filter((f) => (f.kind === 'issue' || f.kind === 'suggestion' || f.kind === 'question') && !f.resolved)
      .slice(0, 3)
      .map((f) => ({ kind: 'feedback' as const, feedback: f })),
  ];
  return { mentee: m, today, due: dueInfo(m, today), lastSession, since, checkIns, feedback, openActions: open, doneActions, agenda, goalsDue, goalsStalled, proposed };
}

/** Where feedback is: "expressjs/express src/cart.ts:19", "src/cart.ts:19", or undefined. */
export function feedbackPlace(f: Feedback): string | undefined {
  const a = f.anchor;
  if (!a) {
    return undefined;
  }
  return `${a.repo ? `${repositoryName(a.repo)} ` : ''}${a.path}:${a.range.startLine}`;
}

export function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export interface DigestStrings {
  title: string;
  nextDue: string;
  nextOverdue: string;
  noCadence: string;
  lastSession: string;
  noSession: string;
  topics: string;
  notes: string;
  since: string;
  sinceStart: string;
  nothingSince: string;
  checkIn: string;
  feedback: string;
  openActions: string;
  overdue: string;
  doneActions: string;
  agenda: string;
  goals: string;
  goalDue: string;
  goalStalled: string;
  smartGaps: string;
  proposed: string;
  proposeTopicFrom: string;
  proposeOverdue: string;
  proposeGoalDue: string;
  proposeGoalOverdue: string;
  proposeStalled: string;
  proposeFeedback: string;
  none: string;
}

export const ENGLISH_DIGEST_STRINGS: DigestStrings = {
  title: 'Next session with {0}',
  nextDue: 'Next 1:1 due {0} ({1} cadence).',
  nextOverdue: 'Next 1:1 was due {0}: overdue ({1} cadence).',
  noCadence: 'No 1:1 due: the mentorship is {0}.',
  lastSession: 'Last session: {0}',
  noSession: 'No session logged yet.',
  topics: 'Topics',
  notes: 'Notes',
  since: 'Since {0}',
  sinceStart: 'So far',
  nothingSince: 'Nothing logged since.',
  checkIn: 'Check-in on "{0}": {1}%',
  feedback: 'Feedback',
  openActions: 'Open action items',
  overdue: 'overdue',
  doneActions: 'Done since the last session',
  agenda: 'Agenda topics',
  goals: 'Goals to look at',
  goalDue: 'due {0}',
  goalStalled: 'stalled',
  smartGaps: 'not yet SMART: {0}',
  proposed: 'Proposed agenda',
  proposeTopicFrom: '{0} (from {1})',
  proposeOverdue: 'Overdue: {0} ({1})',
  proposeGoalDue: 'Goal due {0}: {1} ({2}%)',
  proposeGoalOverdue: 'Goal overdue since {0}: {1} ({2}%)',
  proposeStalled: 'Stalled goal: {0} ({1}%)',
  proposeFeedback: 'Feedback to talk over ({0}): {1}',
  none: '(none)',
};

export function proposalText(p: Proposal, d: SessionDigest, s: DigestStrings = ENGLISH_DIGEST_STRINGS): string {
  switch (p.kind) {
    case 'topic':
      return p.topic.by === 'mentee' ? fill(s.proposeTopicFrom, oneLine(p.topic.text), firstName(d.mentee.name)) : oneLine(p.topic.text);
    case 'overdueAction':
      return fill(s.proposeOverdue, oneLine(p.action.text), p.action.owner);
    case 'goalDue':
      return fill(isGoalOverdue(p.goal, d.today) ? s.proposeGoalOverdue : s.proposeGoalDue, p.goal.due ?? '', oneLine(p.goal.title), p.goal.progress);
    case 'goalStalled':
      return fill(s.proposeStalled, oneLine(p.goal.title), p.goal.progress);
    case 'feedback':
      return fill(s.proposeFeedback, p.feedback.kind, oneLine(p.feedback.text, 80));
  }
}

/** The digest as Markdown: for the mentor's editor, and as a tool's answer. */
export function digestMarkdown(d: SessionDigest, s: DigestStrings = ENGLISH_DIGEST_STRINGS): string {
  const m = d.mentee;
  const out: string[] = [`# ${fill(s.title, oneLine(m.name))}`, ''];
  if (d.due.nextDue) {
    out.push(fill(d.due.overdue ? s.nextOverdue : s.nextDue, d.due.nextDue, m.cadence ?? 'biweekly'), '');
  } else {
    out.push(fill(s.noCadence, m.status), '');
  }
  const last = d.lastSession;
  out.push(`## ${last ? fill(s.lastSession, last.date) : s.noSession}`);
  if (last) {
    if (last.topics?.length) {
      out.push(`- ${s.topics}: ${last.topics.map((t) => oneLine(t)).join(', ')}`);
    }
    if (last.notes) {
      out.push(`- ${s.notes}: ${oneLine(last.notes, 600)}`);
    }
  }
  out.push('', `## ${d.since ? fill(s.since, d.since) : s.sinceStart}`);
  const since = [
    ...d.checkIns.map(({ goal, checkIn }) => `- ${checkIn.date} · ${fill(s.checkIn, oneLine(goal.title), checkIn.progress)}${checkIn.note ? ` — ${oneLine(checkIn.note)}` : ''}`),
    ...d.feedback.map((f) => `- ${f.date} · ${s.feedback} (${f.kind}${feedbackPlace(f) ? `, ${feedbackPlace(f)}` : ''})${f.reviewer ? ` by ${f.reviewer}` : ''}: ${oneLine(f.text)}`),
  ];
  out.push(...(since.length ? since : [s.nothingSince]));
  out.push('', `## ${s.openActions}`);
  out.push(...(d.openActions.length ? d.openActions.map((o) => `- ${oneLine(o.action.text)} (${o.action.owner}${o.action.due ? `, ${o.action.due}` : ''}${o.overdue ? `, ${s.overdue}` : ''})`) : [s.none]));
  if (d.doneActions.length) {
    out.push('', `## ${s.doneActions}`, ...d.doneActions.map((a) => `- ${oneLine(a.text)} (${a.owner})`));
  }
  out.push('', `## ${s.agenda}`);
  out.push(...(d.agenda.length ? d.agenda.map((t) => `- ${oneLine(t.text)}${t.by ? ` (${t.by === 'mentee' ? firstName(m.name) : t.by})` : ''}`) : [s.none]));
  const goals = [...d.goalsDue, ...d.goalsStalled];
  out.push('', `## ${s.goals}`);
  out.push(
    ...(goals.length
      ? goals.map((g) => {
          const gaps = smartMissing(g);
          const why = d.goalsDue.includes(g) ? fill(s.goalDue, g.due ?? '') : s.goalStalled;
          return `- ${oneLine(g.title)}: ${g.progress}%, ${why}${gaps.length ? `; ${fill(s.smartGaps, gaps.join(', '))}` : ''}`;
        })
      : [s.none]),
  );
  out.push('', `## ${s.proposed}`);
  out.push(...(d.proposed.length ? d.proposed.map((p, i) => `${i + 1}. ${proposalText(p, d, s)}`) : [s.none]));
  return out.join('\n') + '\n';
}
