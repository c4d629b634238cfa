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
import { repositoryName } from '../anchors/repository';
import { anchorHome, isOpenHere, repoOfPath } from '../anchors/where';
import type { OpenFolder } from '../anchors/where';
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
  /** For a group of feedback: the repository ('' for feedback tied to none) and the review it gathers. */
  scope?: { repo?: string; review?: string };
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
  noRepository: string;
  inOtherRepos: string;
  pullRequest: string;
  mergeRequest: string;
  notOpenHere: string;
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
  noRepository: 'Not linked to code',
  inOtherRepos: '{0} · {1} in repositories not open',
  pullRequest: 'pull request #{0}',
  mergeRequest: 'merge request !{0}',
  notOpenHere: '{0} is not open here',
};

export interface TreeOptions {
  today: IsoDate;
  /** Show paused and closed mentees in their own group (true) or hide them (false). */
  showInactive: boolean;
  strings?: TreeStrings;
  /** The mentee's own view ("My Mentorship"): their action items only, their topics as theirs. */
  mine?: boolean;
  /** Where a mentee file lives, said on its row when the notebook has more than one place. */
  placeOf?: (path: string) => string | undefined;
  /** The folders open in the window with their repositories, when known. */
  openFolders?: readonly OpenFolder[];
  /** Show only the feedback on code of repositories open here (with `openFolders`). */
  openReposOnly?: boolean;
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
  const place = opts.placeOf?.(f.path);
  return {
    id: `mentee:${f.path}`,
    kind: 'mentee',
    label: m.name,
    // When the next session is due comes first: it is what a narrow sidebar must not cut off; where the
    // file lives last (two mentees of the same name in two places are told apart by it).
    description: [description, m.role, place].filter(Boolean).join(' · '),
    tooltip: place ? `${tooltip}\n${place}` : tooltip,
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
    feedbackGroup(f, opts),
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
      return feedbackChildren(f, opts);
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

/** The feedback the tree shows: all of it, or (the toggle) only that on code of repositories open here. */
function shownFeedback(m: Mentee, opts: TreeOptions): Feedback[] {
  return opts.openReposOnly && opts.openFolders ? m.feedback.filter((fb) => isOpenHere(fb.anchor, opts.openFolders as OpenFolder[])) : m.feedback;
}

function feedbackGroup(f: MenteeFile, opts: TreeOptions): TreeNode {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const m = f.data as Mentee;
  const count = shownFeedback(m, opts).length;
  const hidden = m.feedback.length - count;
  return {
    id: `feedback:${f.path}`,
    kind: 'group',
    label: s.feedback,
    description: hidden > 0 ? fill(s.inOtherRepos, count, hidden) : String(count),
    icon: 'comment-discussion',
    contextValue: 'mentorship.group.feedback',
    collapsible: count > 0 ? 'collapsed' : 'none',
    path: f.path,
    group: 'feedback',
  };
}

const newestFirst = (a: Feedback, b: Feedback): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** A review's short name: "pull request #7", "merge request !3", or the reference as written. */
export function reviewName(review: string | number, s: TreeStrings = ENGLISH_TREE_STRINGS): string {
  const r = String(review);
  const gitlab = /\/-\/merge_requests\/(\d+)/.exec(r);
  if (gitlab) {
    return fill(s.mergeRequest, gitlab[1]);
  }
  const github = /\/pulls?\/(\d+)/.exec(r);
  if (github) {
    return fill(s.pullRequest, github[1]);
  }
  return /^\d+$/.test(r) ? fill(s.pullRequest, r) : r;
}

/**
 * A mentee's feedback, newest first: grouped by repository when it is on code of more than one, and —
 * within one — by review when imported feedback comes from more than one. Each row names its file by the
 * shortest end of its path that tells it from the other files listed beside it.
 */
function feedbackChildren(f: MenteeFile, opts: TreeOptions, scope: TreeNode['scope'] = {}): TreeNode[] {
  const s = opts.strings ?? ENGLISH_TREE_STRINGS;
  const all = shownFeedback(f.data as Mentee, opts);
  const inScope = all.filter((fb) => (scope.repo === undefined || codeKey(fb, opts.openFolders) === scope.repo) && (scope.review === undefined || String(fb.review ?? '') === scope.review));
  const groupNode = (label: string, items: Feedback[], next: TreeNode['scope'], icon: string, tooltip?: string): TreeNode => ({
    id: `feedback:${f.path}|${next?.repo ?? ''}|${next?.review ?? ''}`,
    kind: 'group',
    label,
    description: String(items.length),
    tooltip,
    icon,
    contextValue: 'mentorship.group.feedbackPart',
    collapsible: 'collapsed',
    path: f.path,
    group: 'feedback',
    scope: next,
  });
  if (scope.repo === undefined) {
    const keys = [...new Set(inScope.map((fb) => codeKey(fb, opts.openFolders)))];
    // Grouped when the feedback is on the code of more than one repository (or folder, for older links).
    if (keys.filter((k) => k !== '').length > 1) {
      // Repositories by name, then older links by their workspace folder; feedback not on code last.
      const label = (k: string): string => (k === '' ? s.noRepository : k.startsWith('folder:') ? k.slice(7) || (opts.openFolders?.[0]?.name ?? s.noRepository) : repositoryName(k));
      const rank = (k: string): number => (k === '' ? 2 : k.startsWith('folder:') ? 1 : 0);
      return keys
        .sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)))
        .map((k) => groupNode(label(k), inScope.filter((fb) => codeKey(fb, opts.openFolders) === k), { repo: k }, k === '' ? 'comment' : k.startsWith('folder:') ? 'root-folder' : 'repo', k && !k.startsWith('folder:') ? k : undefined));
    }
  }
  if (scope.review === undefined) {
    const reviews = [...new Set(inScope.flatMap((fb) => (fb.source && fb.review !== undefined ? [String(fb.review)] : [])))];
    const others = inScope.some((fb) => !(fb.source && fb.review !== undefined));
    // A review is a group of its own beside other reviews, and beside feedback logged by hand.
    if (reviews.length > 1 || (reviews.length === 1 && others)) {
      const byReview = reviews.map((review) => {
        const items = inScope.filter((fb) => fb.source && String(fb.review ?? '') === review);
        return { review, items, newest: [...items].sort(newestFirst)[0]?.date ?? '' };
      });
      byReview.sort((a, b) => (a.newest < b.newest ? 1 : a.newest > b.newest ? -1 : 0));
      const rest = inScope.filter((fb) => !(fb.source && fb.review !== undefined));
      return [
        ...byReview.map((r) => groupNode(reviewName(r.review, s), r.items, { ...scope, review: r.review }, 'git-pull-request', r.review)),
        ...feedbackRows(f.path, [...rest].sort(newestFirst), opts),
      ];
    }
  }
  // A review's comments read in the order of the code, as on the code host: by file, then by line.
  const inReview = scope.review !== undefined || (inScope.length > 0 && inScope.every((fb) => fb.source && fb.review !== undefined));
  return feedbackRows(f.path, [...inScope].sort(inReview ? byPlace : newestFirst), opts);
}

/** By file path, then line; feedback not on code after, newest first. */
function byPlace(a: Feedback, b: Feedback): number {
  if (!a.anchor || !b.anchor) {
    return a.anchor ? -1 : b.anchor ? 1 : newestFirst(a, b);
  }
  return a.anchor.path.localeCompare(b.anchor.path) || a.anchor.range.startLine - b.anchor.range.startLine;
}

/**
 * What a mentee's feedback is grouped by: its code's repository; for an older anchor (no repository), the
 * repository of the open folder it belongs to, else `folder:` and the folder it names ('' for the first);
 * '' for feedback not linked to code.
 */
function codeKey(fb: Feedback, folders: readonly OpenFolder[] | undefined): string {
  if (!fb.anchor) {
    return '';
  }
  if (fb.anchor.repo) {
    return fb.anchor.repo;
  }
  const home = folders ? anchorHome(fb.anchor, folders) : undefined;
  const repo = home?.kind === 'open' && folders ? repoOfPath(folders[home.folder], home.path)?.repo.id : undefined;
  return repo ?? `folder:${fb.anchor.folder ?? ''}`;
}

/** A group of feedback's rows (the adapter asks for them with the group's scope). */
export function feedbackPartChildren(f: MenteeFile, scope: NonNullable<TreeNode['scope']>, opts: TreeOptions): TreeNode[] {
  return feedbackChildren(f, opts, scope);
}

function feedbackRows(path: string, list: readonly Feedback[], opts: TreeOptions): TreeNode[] {
  const names = shortestUniquePaths(list.flatMap((fb) => (fb.anchor ? [fb.anchor.path] : [])));
  const folders = opts.openFolders;
  return list.map((fb) => {
    // Feedback on a repository that is not open here says which one it is on.
    const elsewhere = fb.anchor?.repo && folders && anchorHome(fb.anchor, folders).kind === 'elsewhere' ? fb.anchor.repo : undefined;
    return feedbackNode(path, fb, fb.anchor ? names.get(fb.anchor.path) : undefined, elsewhere, opts.strings);
  });
}

/**
 * For each path, the fewest last segments that tell it from every other path in the list:
 * `src/cart.ts` and `test/cart.ts` stay whole, `src/cart.ts` alone is `cart.ts`.
 */
export function shortestUniquePaths(paths: readonly string[]): Map<string, string> {
  const distinct = [...new Set(paths)];
  const split = distinct.map((p) => p.split('/'));
  const out = new Map<string, string>();
  distinct.forEach((p, i) => {
    const parts = split[i];
    for (let n = 1; n <= parts.length; n++) {
      const tail = parts.slice(-n).join('/');
      const clash = split.some((o, j) => j !== i && o.slice(-n).join('/') === tail);
      if (!clash || n === parts.length) {
        out.set(p, tail);
        break;
      }
    }
  });
  return out;
}

export function feedbackNode(path: string, fb: Feedback, shortName?: string, elsewhere?: string, strings: TreeStrings = ENGLISH_TREE_STRINGS): TreeNode {
  const where = fb.anchor ? `${fb.anchor.path}:${fb.anchor.range.startLine}` : undefined;
  const file = fb.anchor ? `${shortName ?? fb.anchor.path.slice(fb.anchor.path.lastIndexOf('/') + 1)}:${fb.anchor.range.startLine}` : undefined;
  const repo = fb.anchor?.repo ? repositoryName(fb.anchor.repo) : undefined;
  const away = elsewhere ? fill(strings.notOpenHere, repositoryName(elsewhere)) : undefined;
  return {
    id: `feedback:${path}#${fb.id}`,
    kind: 'feedback',
    // Kind and place stay visible in a narrow sidebar; the text follows and the hover has it whole.
    label: [fb.kind, file].filter(Boolean).join(' · '),
    description: elsewhere ? `${repositoryName(elsewhere)} · ${firstWords(fb.text, 60)}` : firstWords(fb.text, 60),
    tooltip: `${fb.kind} · ${fb.date}${repo ? ' · ' + repo : ''}${where ? ' · ' + where : ''}${away ? ` (${away})` : ''}\n${fb.text}`,
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
