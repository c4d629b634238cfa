/**
 * The sidebar tree as plain data: what each row says, its icon, its context value for menus. The VS Code
 * adapter only maps these to TreeItems. Children are built on demand, so the first level of a workspace
 * with hundreds of mentees is cheap.
 */
import { openActions } from '../domain/actions';
import { dueInfo } from '../domain/cadence';
import { daysBetween } from '../domain/dates';
import type { ActionItem, AgendaTopic, Feedback, FeedbackKind, Goal, IsoDate, Mentee, MenteeStatus, Session } from '../domain/model';
import { fill, firstName, firstWords, plural } from '../domain/text';
import { openAgenda, topicsFromMentee } from '../domain/agenda';
import { isGoalOverdue, isSmart, smartMissing } from '../domain/smart';
import type { MenteeFile } from '../storage/store';
import type { Problem } from '../storage/validate';

export type NodeKind = 'statusGroup' | 'mentee' | 'problem' | 'group' | 'goal' | 'session' | 'action' | 'feedback' | 'topic' | 'empty';
export type GroupKind = 'goals' | 'sessions' | 'actions' | 'feedback' | 'agenda';

export interface TreeNode {
  /** Stable across refreshes, so expansion and selection survive. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon: string;
  /** A theme colour id for the icon. */
  iconColor?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** The mentee file the node belongs to. */
  path?: string;
  group?: GroupKind;
  entityId?: string;
  /** For problem nodes: where to open the file (1-based). */
  line?: number;
  column?: number;
  status?: MenteeStatus;
}

/** Strings the tree shows; the adapter passes localized ones. `{0}` placeholders are filled in order. */
export interface TreeStrings {
  goals: string;
  sessions: string;
  openActions: string;
  feedback: string;
  dueToday: string;
  dueInDays: string;
  overdueDays: string;
  noSessionsYet: string;
  paused: string;
  closed: string;
  pausedAndClosed: string;
  notSmart: string;
  missingParts: string;
  overdueGoal: string;
  dueOn: string;
  minutes: string;
  owner: string;
  invalidFile: string;
  mergeConflict: string;
  noGoals: string;
  noSessions: string;
  noActions: string;
  noFeedback: string;
  line: string;
  agenda: string;
  topicsFromOne: string;
  topicsFromMany: string;
  byMentor: string;
  byYou: string;
}

export const ENGLISH_TREE_STRINGS: TreeStrings = {
  goals: 'Goals',
  sessions: 'Sessions',
  openActions: 'Action items',
  feedback: 'Feedback',
  dueToday: 'session due today',
  dueInDays: 'next session in {0} d',
  overdueDays: 'session overdue {0} d',
  noSessionsYet: 'no sessions yet',
  paused: 'paused',
  closed: 'closed',
  pausedAndClosed: 'Paused and closed',
  notSmart: 'not SMART yet',
  missingParts: 'Missing: {0}',
  overdueGoal: 'overdue',
  dueOn: 'due {0}',
  minutes: '{0} min',
  owner: '{0}',
  invalidFile: 'Cannot read {0}',
  mergeConflict: '{0}: merge conflict',
  noGoals: 'No goals yet',
  noSessions: 'No sessions yet',
  noActions: 'No open action items',
  noFeedback: 'No feedback yet',
  line: 'line {0}',
  agenda: 'Agenda',
  topicsFromOne: '{0} topic from {1}',
  topicsFromMany: '{0} topics from {1}',
  byMentor: 'mentor',
  byYou: 'you',
};

export interface TreeOptions {
  today: IsoDate;
  /** Show paused and closed mentees in their own group (true) or hide them (false). */
  showInactive: boolean;
  strings?: TreeStrings;
  /** The mentee's own view ("My Mentorship"): their action items only, their topics as theirs. */
  mine?: boolean;
}

const GOAL_ICON: Record<Goal['status'], string> = { active: 'target', done: 'pass-filled', dropped: 'circle-slash' };
export const FEEDBACK_ICON: Record<FeedbackKind, string> = {
  praise: 'heart',
  suggestion: 'lightbulb',
  issue: 'warning',
  question: 'question',
  nitpick: 'tag',
  thought: 'comment',
};

/** The first level: active mentees, broken files, and (optionally) a group of paused and closed ones. */
export function rootNodes(files: readonly MenteeFile[], opts: TreeOptions): TreeNode[] {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const active: TreeNode[] = [];
  const inactive: MenteeFile[] = [];
  for (const f of files) {
    if (!f.data) {
      active.push(problemFileNode(f, s));
    } else if (f.data.status === 'active') {
      active.push(menteeNode(f, opts));
    } else {
      inactive.push(f);
    }
  }
  if (inactive.length > 0 && opts.showInactive) {
    active.push({
      id: 'inactive',
      kind: 'statusGroup',
      label: s.pausedAndClosed,
      description: String(inactive.length),
      icon: 'archive',
      contextValue: 'mentorship.statusGroup',
      collapsible: 'collapsed',
    });
  }
  return active;
}

export function inactiveNodes(files: readonly MenteeFile[], opts: TreeOptions): TreeNode[] {
  return files.filter((f) => f.data && f.data.status !== 'active').map((f) => menteeNode(f, opts));
}

function problemFileNode(f: MenteeFile, s: TreeStrings): TreeNode {
  const p: Problem | undefined = f.problems.find((x) => x.severity === 'error') ?? f.problems[0];
  if (p?.code === 'conflict') {
    // Not a broken file: a merge to finish, with its own action.
    return {
      id: `file:${f.path}`,
      kind: 'problem',
      label: fill(s.mergeConflict, `${f.slug}.yaml`),
      description: fill(s.line, p.line),
      tooltip: `${f.slug}.yaml:${p.line}\n${p.message}`,
      icon: 'git-merge',
      iconColor: 'gitDecoration.conflictingResourceForeground',
      contextValue: 'mentorship.conflictedFile',
      collapsible: 'none',
      path: f.path,
      line: p.line,
      column: 1,
    };
  }
  return {
    id: `file:${f.path}`,
    kind: 'problem',
    label: fill(s.invalidFile, `${f.slug}.yaml`),
    description: p ? `${fill(s.line, p.line)}: ${p.message}` : undefined,
    tooltip: p ? `${f.slug}.yaml:${p.line}:${p.column}\n${p.message}` : undefined,
    icon: 'error',
    iconColor: 'problemsErrorIcon.foreground',
    contextValue: 'mentorship.invalidFile',
    collapsible: 'none',
    path: f.path,
    line: p?.line,
    column: p?.column,
  };
}

export function menteeNode(f: MenteeFile, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const m = f.data as Mentee;
  const due = dueInfo(m, opts.today, f.partial?.lastSession);
  let description: string;
  let iconColor: string | undefined;
  if (m.status !== 'active') {
    description = m.status === 'paused' ? s.paused : s.closed;
  } else if (due.dueInDays === undefined) {
    description = s.noSessionsYet;
  } else if (due.dueInDays < 0) {
    description = fill(s.overdueDays, -due.dueInDays);
    iconColor = 'list.warningForeground';
  } else if (due.dueInDays === 0) {
    description = s.dueToday;
    iconColor = 'list.warningForeground';
  } else {
    description = fill(s.dueInDays, due.dueInDays);
  }
  const fromMentee = topicsFromMentee(m).length;
  if (fromMentee > 0) {
    // The mentee asked for something between sessions: worth seeing before the next one.
    description += ` · ${fill(plural(fromMentee, s.topicsFromOne, s.topicsFromMany), fromMentee, firstName(m.name))}`;
  }
  const warnings = f.problems.filter((p) => p.severity === 'warning');
  const tooltip = [m.name, m.role, m.cadence, due.nextDue ? `→ ${due.nextDue}` : undefined, ...warnings.map((w) => `⚠ ${w.line}: ${w.message}`)]
    .filter(Boolean)
    .join('\n');
  return {
    id: `mentee:${f.path}`,
    kind: 'mentee',
    label: m.name,
    // When the next session is due comes first: it is what a narrow sidebar must not cut off.
    description: m.role ? `${description} · ${m.role}` : description,
    tooltip,
    icon: m.status === 'active' ? 'person' : m.status === 'paused' ? 'debug-pause' : 'archive',
    iconColor,
    contextValue: `mentorship.mentee.${m.status}`,
    collapsible: 'collapsed',
    path: f.path,
    status: m.status,
  };
}

export function menteeChildren(f: MenteeFile, opts: TreeOptions): TreeNode[] {
  if (f.partial) {
    return []; // the full read is under way (the tree waits for it before it shows a mentee's children)
  }
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const m = f.data as Mentee;
  const group = (g: GroupKind, label: string, count: number, icon: string): TreeNode => ({
    id: `${g}:${f.path}`,
    kind: 'group',
    label,
    description: String(count),
    icon,
    contextValue: `mentorship.group.${g}`,
    collapsible: count > 0 ? (g === 'goals' ? 'expanded' : 'collapsed') : 'none',
    path: f.path,
    group: g,
  });
  return [
    group('goals', s.goals, m.goals.length, 'target'),
    group('sessions', s.sessions, m.sessions.length, 'calendar'),
    group('actions', s.openActions, shownActions(m, opts).length, 'checklist'),
    group('feedback', s.feedback, m.feedback.length, 'comment-discussion'),
    // The agenda shows once either side has put a topic on it.
    ...(openAgenda(m).length > 0 ? [group('agenda', s.agenda, openAgenda(m).length, 'list-unordered')] : []),
  ];
}

export function groupChildren(f: MenteeFile, group: GroupKind, opts: TreeOptions): TreeNode[] {
  const m = f.data as Mentee;
  switch (group) {
    case 'goals':
      return m.goals.map((g) => goalNode(f.path, g, opts));
    case 'sessions':
      return [...m.sessions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).map((x) => sessionNode(f.path, x, opts));
    case 'actions':
      return shownActions(m, opts).map(({ action }) => actionNode(f.path, action, opts));
    case 'feedback':
      return [...m.feedback].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).map((x) => feedbackNode(f.path, x));
    case 'agenda':
      return openAgenda(m).map((x) => topicNode(f.path, x, m, opts));
  }
}

/** Open action items; in the mentee's own view, those they own. */
function shownActions(m: Mentee, opts: TreeOptions): ReturnType<typeof openActions> {
  const all = openActions(m);
  return opts.mine ? all.filter(({ action }) => action.owner === 'mentee') : all;
}

export function topicNode(path: string, x: AgendaTopic, m: Mentee, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const byMentee = opts.mine ? s.byYou : firstName(m.name);
  return {
    id: `topic:${path}#${x.id}`,
    kind: 'topic',
    label: x.text,
    description: [x.by === 'mentee' ? byMentee : x.by === 'mentor' ? s.byMentor : undefined, x.added].filter(Boolean).join(' · '),
    icon: x.by === 'mentee' ? 'comment-unresolved' : 'circle-small-filled',
    contextValue: 'mentorship.topic',
    collapsible: 'none',
    path,
    entityId: x.id,
  };
}

export function goalNode(path: string, g: Goal, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const overdue = isGoalOverdue(g, opts.today);
  const notSmart = g.status === 'active' && !isSmart(g);
  // What a mentor scans for comes first, so a narrow sidebar cuts the date, not the warning.
  const description = [overdue ? s.overdueGoal : undefined, notSmart ? s.notSmart : undefined, `${g.progress}%`, g.due ? fill(s.dueOn, g.due) : undefined].filter(Boolean).join(' · ');
  return {
    id: `goal:${path}#${g.id}`,
    kind: 'goal',
    label: g.title,
    description,
    // A goal that needs attention (overdue, or not SMART yet) shows it in its icon, which a narrow
    // sidebar never cuts; the description says which, the hover says what is missing.
    icon: overdue || notSmart ? 'warning' : GOAL_ICON[g.status] ?? 'target',
    iconColor: overdue || notSmart ? 'list.warningForeground' : g.status === 'done' ? 'testing.iconPassed' : undefined,
    contextValue: `mentorship.goal.${g.status}`,
    collapsible: 'none',
    path,
    entityId: g.id,
  };
}

/** The hover of a goal row, built when the mentor hovers it (resolveTreeItem), not for every row. */
export function goalTooltip(g: Goal, opts: TreeOptions): string {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const missing = smartMissing(g);
  const lines = [g.title, `${g.progress}%${g.due ? ' · ' + fill(s.dueOn, g.due) : ''}`];
  if (missing.length > 0) {
    lines.push(`${s.notSmart} — ${fill(s.missingParts, missing.join(', '))}`);
  }
  const lastCheckIn = g.checkIns?.[g.checkIns.length - 1];
  if (lastCheckIn) {
    lines.push(`${lastCheckIn.date}: ${lastCheckIn.progress}%${lastCheckIn.note ? ' — ' + firstWords(lastCheckIn.note, 80) : ''}`);
  }
  return lines.join('\n');
}

export function sessionNode(path: string, x: Session, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const topics = (x.topics ?? []).join(', ');
  return {
    id: `session:${path}#${x.id}`,
    kind: 'session',
    label: x.date,
    description: [x.duration ? fill(s.minutes, x.duration) : undefined, topics || (x.notes ? firstWords(x.notes, 40) : undefined)].filter(Boolean).join(' · '),
    tooltip: x.notes ? firstWords(x.notes, 400) : undefined,
    icon: 'calendar',
    contextValue: 'mentorship.session',
    collapsible: 'none',
    path,
    entityId: x.id,
  };
}

export function actionNode(path: string, a: ActionItem, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const overdue = !a.done && !!a.due && daysBetween(opts.today, a.due) < 0;
  return {
    id: `action:${path}#${a.id}`,
    kind: 'action',
    label: a.text,
    description: [fill(s.owner, a.owner), a.due ? fill(s.dueOn, a.due) : undefined, overdue ? s.overdueGoal : undefined].filter(Boolean).join(' · '),
    icon: a.done ? 'pass-filled' : overdue ? 'warning' : 'circle-large-outline',
    iconColor: overdue ? 'list.warningForeground' : undefined,
    contextValue: `mentorship.action.${a.done ? 'done' : 'open'}`,
    collapsible: 'none',
    path,
    entityId: a.id,
  };
}

export function feedbackNode(path: string, fb: Feedback): TreeNode {
  const where = fb.anchor ? `${fb.anchor.path}:${fb.anchor.range.startLine}` : undefined;
  const file = fb.anchor ? `${fb.anchor.path.slice(fb.anchor.path.lastIndexOf('/') + 1)}:${fb.anchor.range.startLine}` : undefined;
  return {
    id: `feedback:${path}#${fb.id}`,
    kind: 'feedback',
    // Kind and place stay visible in a narrow sidebar; the text follows and the hover has it whole.
    label: [fb.kind, file].filter(Boolean).join(' · '),
    description: firstWords(fb.text, 60),
    tooltip: `${fb.kind} · ${fb.date}${where ? ' · ' + where : ''}\n${fb.text}`,
    icon: FEEDBACK_ICON[fb.kind] ?? 'comment',
    contextValue: `mentorship.feedback${fb.anchor ? '.anchored' : ''}`,
    collapsible: 'none',
    path,
    entityId: fb.id,
  };
}

/**
 * Which top-level rows a change of the data must refresh: `'all'` when rows were added, removed or
 * reordered; otherwise the indexes of the rows whose own text changed, or whose children VS Code has read
 * (`childrenReadAt`: row id → `dataKey` when it read them) from data that changed since. A row left out
 * keeps its handle in VS Code, and is not refreshed while it is being expanded.
 */
export function rowsToRefresh(shown: readonly TreeNode[], next: readonly TreeNode[], childrenReadAt: ReadonlyMap<string, string>, dataKey: (n: TreeNode) => string): number[] | 'all' {
  if (shown.length === 0 || next.length !== shown.length || next.some((n, i) => n.id !== shown[i].id)) {
    return 'all';
  }
  const out: number[] = [];
  next.forEach((n, i) => {
    const read = childrenReadAt.get(n.id);
    if (JSON.stringify(shown[i]) !== JSON.stringify(n) || (read !== undefined && read !== dataKey(n))) {
      out.push(i);
    }
  });
  return out;
}
