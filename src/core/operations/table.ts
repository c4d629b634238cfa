/**
 * The operations table: every change a mentor (or an assistant on their behalf) can make to a mentee
 * file, one entry each. An entry has a name, a title and description, an input schema, the checks that
 * go beyond the schema (against the file as it is, with messages that name the field), a pure plan from
 * input to edits, and a summary in plain words of what will be written.
 *
 * The palette's flows collect an input and run an operation; so do the language-model tools, the chat
 * participant and the MCP server. Nothing else builds entries. To add an operation, see
 * docs/ARCHITECTURE.md ("Add an operation").
 */
import type { AgendaTopic, ClosingSummary, CodeAnchor, Feedback, FeedbackKind, Goal, GoalStatus, IsoDate, Mentee, MenteeStatus, Owner } from '../domain/model';
import { FEEDBACK_KINDS, GOAL_STATUSES, MENTEE_STATUSES, OWNERS } from '../domain/model';
import { plural } from '../domain/text';
import { newSessionId } from '../domain/ids';
import type { MenteeChange } from '../domain/edit';
import { InputError } from '../errors';
import { followRenames } from '../anchors/renames';
import type { Rename } from '../anchors/renames';
import {
  addAction,
  addAgendaTopic,
  addFeedback,
  addGoal,
  addImportedFeedback,
  checkIn,
  closeMentorship,
  findAction,
  moveFeedbackRange,
  recordSession,
  removeAgendaTopic,
  removeFeedback,
  removeGoal,
  removeMovedFields,
  removeSession,
  restoreEntry,
  setFeedbackAnchor,
  setGoalStatus,
  setMenteeFields,
  updateAction,
  updateAgendaTopic,
  updateFeedback,
} from './changes';
import type { SessionRecord } from './changes';
import { bool, date, int, list, object, oneOf, optionalText, text } from './schema';
import type { JsonSchema } from './schema';

export interface Operation<I> {
  readonly name: string;
  /** What it does, as a title ("Log a session"). */
  readonly title: string;
  /** When to use it, for an assistant choosing a tool. */
  readonly description: string;
  readonly input: JsonSchema;
  /** Checks beyond the schema, against the file as it is now; throws InputError naming the field. */
  check?(input: I, m: Mentee): void;
  /** The change, applied to the file's data at write time. Pure. */
  plan(input: I): MenteeChange;
  /** What will be written, in plain words (a tool's confirmation says this). */
  summary(input: I, m: Mentee): string;
  /**
   * Private text to keep apart before the change (a session's private notes), under the id the new
   * entry will have: the runner chooses the id, writes the note, then plans with that id.
   */
  privateNote?: {
    text(input: I): string | undefined;
    id(input: I, m: Mentee): string;
    withId(input: I, id: string): I;
  };
}

function op<I>(o: Operation<I>): Operation<I> {
  return o;
}

// ---------------------------------------------------------------------------------------------------
// Checks shared by several entries

function requireGoal(m: Mentee, id: string, field: string): Goal {
  const g = m.goals.find((x) => x.id === id);
  if (!g) {
    const known = m.goals.map((x) => `${x.id} (${x.title})`).join(', ') || 'none';
    throw new InputError(`${field}: ${m.name} has no goal '${id}'. Their goals: ${known}.`, field);
  }
  return g;
}

function requireAction(m: Mentee, id: string, field: string): void {
  try {
    findAction(m, id);
  } catch {
    throw new InputError(`${field}: ${m.name} has no action item '${id}'.`, field);
  }
}

function requireTopic(m: Mentee, id: string, field: string): AgendaTopic {
  const t = (m.agenda ?? []).find((x) => x.id === id);
  if (!t) {
    throw new InputError(`${field}: ${m.name}'s agenda has no topic '${id}'.`, field);
  }
  return t;
}

function requireFeedback(m: Mentee, id: string, field: string): Feedback {
  const f = m.feedback.find((x) => x.id === id);
  if (!f) {
    throw new InputError(`${field}: ${m.name} has no feedback '${id}'.`, field);
  }
  return f;
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// ---------------------------------------------------------------------------------------------------
// Schemas used by several entries

const owner = oneOf('Who owns it: the mentee (their growth) or the mentor', OWNERS);
const kind = oneOf('The kind of feedback', FEEDBACK_KINDS);
const range = object(
  'The lines, 1-based, the end line inclusive and the end column exclusive',
  {
    startLine: int('First line', 1, 10_000_000),
    startColumn: int('Column on the first line', 1, 1_000_000),
    endLine: int('Last line', 1, 10_000_000),
    endColumn: int('Column after the last character', 1, 1_000_000),
  },
  ['startLine', 'startColumn', 'endLine', 'endColumn'],
);
const anchor = object(
  'The code the feedback is about',
  {
    repo: optionalText('The repository of the code: its remote without scheme or .git ("github.com/owner/repo"), or "root:<commit>" without a remote'),
    folder: optionalText('Name of the workspace folder the path is relative to (older anchors)'),
    path: text('Path of the file inside its repository, with forward slashes'),
    range,
    text: { type: 'string', description: 'The code as it was when the feedback was given' },
    before: optionalText('A few lines before it'),
    after: optionalText('A few lines after it'),
    commit: optionalText('The commit the code was seen at'),
    side: oneOf('"base" when the code was on the removed side of a diff', ['base', 'head']),
  },
  ['path', 'range', 'text'],
);

// ---------------------------------------------------------------------------------------------------
// The table

export interface ActionItemInput {
  text: string;
  owner: Owner;
  due?: IsoDate;
  session?: string;
}

export interface UpdateActionInput {
  action: string;
  done?: boolean;
  owner?: Owner;
  due?: IsoDate;
  text?: string;
}

export interface CheckInInput {
  goal: string;
  date: IsoDate;
  progress: number;
  note?: string;
}

export interface FeedbackInput {
  date: IsoDate;
  kind: FeedbackKind;
  text: string;
  goal?: string;
  review?: string;
  anchor?: CodeAnchor;
}

export const OPERATIONS = {
  logSession: op<SessionRecord>({
    name: 'logSession',
    title: 'Log a session',
    description:
      'Records a mentoring session (a 1:1) with the mentee: its date, topics and notes, action items agreed, goal check-ins, agenda topics it took up, and action items it saw done. Private notes are kept apart, never in the shared file.',
    input: object(
      'A session',
      {
        date: date('The day of the session'),
        duration: int('Minutes', 1, 1440),
        topics: list('Topics talked about', text('A topic')),
        notes: optionalText('What was talked about (shared with the mentee where the notes are shared)'),
        private: optionalText('Private notes: kept apart, never committed, exported or shown to a model'),
        advice: list('Advice given', text('Advice')),
        resources: list('Links shared', object('A link', { url: text('The address'), title: optionalText('Its title') }, ['url'])),
        wins: list('Wins to celebrate', text('A win')),
        setbacks: list('Setbacks to support', text('A setback')),
        checkIns: list('New progress on goals discussed', object('A check-in', { goalId: text('The goal'), progress: int('Progress now', 0, 100), note: optionalText('What moved') }, ['goalId', 'progress'])),
        doneActions: list('Ids of earlier action items that are done now', text('An action item id')),
        newActions: list('Action items agreed', object('An action item', { text: text('What will be done'), owner, due: date('When it is due'), done: bool('Done already') }, ['text', 'owner'])),
        agendaDiscussed: list('Ids of agenda topics the session took up', text('A topic id')),
        id: optionalText('An id chosen beforehand'),
      },
      ['date'],
    ),
    check(r, m) {
      r.checkIns?.forEach((c, i) => requireGoal(m, c.goalId, `checkIns[${i}].goalId`));
      r.doneActions?.forEach((a, i) => requireAction(m, a, `doneActions[${i}]`));
      r.agendaDiscussed?.forEach((t, i) => requireTopic(m, t, `agendaDiscussed[${i}]`));
    },
    plan: (r) => recordSession(r),
    privateNote: {
      text: (r) => r.private?.trim() || undefined,
      id: (r, m) => (r.id && !m.sessions.some((s) => s.id === r.id) ? r.id : newSessionId(m, r.date)),
      withId: (r, id) => ({ ...r, id }),
    },
    summary(r, m) {
      const parts = [
        r.duration ? `${r.duration} min` : undefined,
        r.topics?.length ? plural(r.topics.length, '1 topic', `${r.topics.length} topics`) : undefined,
        r.newActions?.length ? plural(r.newActions.length, '1 new action item', `${r.newActions.length} new action items`) : undefined,
        r.checkIns?.length ? plural(r.checkIns.length, '1 check-in', `${r.checkIns.length} check-ins`) : undefined,
        r.doneActions?.length ? plural(r.doneActions.length, '1 action item done', `${r.doneActions.length} action items done`) : undefined,
        r.agendaDiscussed?.length ? plural(r.agendaDiscussed.length, '1 agenda topic discussed', `${r.agendaDiscussed.length} agenda topics discussed`) : undefined,
        r.private?.trim() ? 'private notes kept apart' : undefined,
      ].filter(Boolean);
      return `Log the session of ${r.date} with ${m.name}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
    },
  }),

  addActionItem: op<ActionItemInput>({
    name: 'addActionItem',
    title: 'Add an action item',
    description: 'Adds an action item (something to do, with an owner and a due date) to a session: the latest one unless another is named.',
    input: object('An action item', { text: text('What will be done'), owner, due: date('When it is due'), session: optionalText('The id of the session it belongs to (default: the latest)') }, ['text', 'owner']),
    check(a, m) {
      if (m.sessions.length === 0) {
        throw new InputError(`${m.name} has no session yet to add an action item to; log a session with it.`, 'session');
      }
      if (a.session && !m.sessions.some((s) => s.id === a.session)) {
        throw new InputError(`session: ${m.name} has no session '${a.session}'.`, 'session');
      }
    },
    plan: (a) => addAction({ text: a.text, owner: a.owner, ...(a.due ? { due: a.due } : {}), done: false }, a.session),
    summary: (a, m) => `Add the action item "${clip(a.text)}" for ${m.name}, owned by the ${a.owner}${a.due ? `, due ${a.due}` : ''}.`,
  }),

  updateActionItem: op<UpdateActionInput>({
    name: 'updateActionItem',
    title: 'Complete, reopen or edit an action item',
    description: 'Marks an action item done (or open again), or changes its owner, due date or text.',
    input: object('Changes to an action item', { action: text('The action item id'), done: bool('Done'), owner, due: date('New due date'), text: text('New text') }, ['action']),
    check(u, m) {
      requireAction(m, u.action, 'action');
      if (u.done === undefined && !u.owner && !u.due && !u.text) {
        throw new InputError('Nothing to change: give done, owner, due or text.', 'done');
      }
    },
    plan: (u) => updateAction(u.action, { done: u.done, owner: u.owner, due: u.due, text: u.text }),
    summary(u, m) {
      const item = findAction(m, u.action).item;
      const what = [u.done === true ? 'mark it done' : u.done === false ? 'reopen it' : undefined, u.owner ? `give it to the ${u.owner}` : undefined, u.due ? `make it due ${u.due}` : undefined, u.text ? `reword it to "${clip(u.text)}"` : undefined].filter(Boolean);
      return `Action item "${clip(item.text)}" of ${m.name}: ${what.join(', ')}.`;
    },
  }),

  checkIn: op<CheckInInput>({
    name: 'checkIn',
    title: 'Check in on a goal',
    description: 'Records a dated check-in on a goal: its progress now (0–100) and a note on what moved or blocks.',
    input: object('A check-in', { goal: text('The goal id'), date: date('The day of the check-in'), progress: int('Progress now, 0 to 100', 0, 100), note: optionalText('What moved, what is blocking') }, ['goal', 'date', 'progress']),
    check: (c, m) => void requireGoal(m, c.goal, 'goal'),
    plan: (c) => checkIn(c.goal, c.date, c.progress, c.note?.trim() || undefined),
    summary: (c, m) => `Check in on "${clip(requireGoal(m, c.goal, 'goal').title)}" of ${m.name}: ${c.progress}% (was ${requireGoal(m, c.goal, 'goal').progress}%)${c.note ? `, "${clip(c.note)}"` : ''}.`,
  }),

  addGoal: op<Omit<Goal, 'id'>>({
    name: 'addGoal',
    title: 'Add a goal',
    description: 'Adds a goal, ideally SMART: specific, measurable, achievable, relevant and with a due date.',
    input: object(
      'A goal',
      {
        title: text('The goal, in a few words'),
        specific: optionalText('What exactly will be achieved'),
        measurable: optionalText('How both will know it is done'),
        achievable: optionalText('Why it is realistic now'),
        relevant: optionalText('Why it matters for the mentee'),
        due: date('When it is due'),
        status: oneOf('Its status', GOAL_STATUSES),
        progress: int('Progress so far', 0, 100),
        owner,
        competency: optionalText('The competency it grows'),
      },
      ['title', 'status', 'progress'],
    ),
    plan: (g) => addGoal(g),
    summary: (g, m) => `Add the goal "${clip(g.title)}" for ${m.name}${g.due ? `, due ${g.due}` : ''}.`,
  }),

  setGoalStatus: op<{ goal: string; status: GoalStatus }>({
    name: 'setGoalStatus',
    title: 'Complete, drop or reopen a goal',
    description: 'Sets a goal done (progress becomes 100), dropped, or active again.',
    input: object('A goal status', { goal: text('The goal id'), status: oneOf('The new status', GOAL_STATUSES) }, ['goal', 'status']),
    check: (s, m) => void requireGoal(m, s.goal, 'goal'),
    plan: (s) => setGoalStatus(s.goal, s.status),
    summary: (s, m) => `Set the goal "${clip(requireGoal(m, s.goal, 'goal').title)}" of ${m.name} to ${s.status}.`,
  }),

  addAgendaTopic: op<{ text: string; by: Owner; added: IsoDate }>({
    name: 'addAgendaTopic',
    title: 'Add an agenda topic',
    description: 'Adds a topic to the agenda of the next session, from the mentor or the mentee.',
    input: object('An agenda topic', { text: text('The topic'), by: oneOf('Who adds it', OWNERS), added: date('The day it is added') }, ['text', 'by', 'added']),
    plan: (a) => addAgendaTopic(a.text.trim(), a.by, a.added),
    summary: (a, m) => `Add "${clip(a.text)}" to the agenda of the next session with ${m.name}.`,
  }),

  updateAgendaTopic: op<{ topic: string; text?: string; discussed?: string | null }>({
    name: 'updateAgendaTopic',
    title: 'Edit an agenda topic',
    description: 'Rewords an agenda topic, or puts a topic a session took up back on the agenda.',
    input: object('Changes to an agenda topic', { topic: text('The topic id'), text: text('New wording'), discussed: optionalText('The session that took it up; empty to put it back on the agenda') }, ['topic']),
    check(u, m) {
      requireTopic(m, u.topic, 'topic');
      if (u.text === undefined && u.discussed === undefined) {
        throw new InputError('Nothing to change: give text or discussed.', 'text');
      }
    },
    plan: (u) => updateAgendaTopic(u.topic, { text: u.text?.trim(), discussed: u.discussed === '' ? null : u.discussed }),
    summary: (u, m) => `Agenda topic "${clip(requireTopic(m, u.topic, 'topic').text)}" of ${m.name}: ${u.text ? `reworded to "${clip(u.text)}"` : 'back on the agenda'}.`,
  }),

  removeAgendaTopic: op<{ topic: string }>({
    name: 'removeAgendaTopic',
    title: 'Remove an agenda topic',
    description: 'Takes a topic off the agenda.',
    input: object('An agenda topic', { topic: text('The topic id') }, ['topic']),
    check: (r, m) => void requireTopic(m, r.topic, 'topic'),
    plan: (r) => removeAgendaTopic(r.topic),
    summary: (r, m) => `Remove "${clip(requireTopic(m, r.topic, 'topic').text)}" from the agenda of ${m.name}.`,
  }),

  logFeedback: op<FeedbackInput>({
    name: 'logFeedback',
    title: 'Log feedback',
    description: 'Records review feedback for the mentee (praise, suggestion, issue, question, nitpick or thought), optionally linked to the code it is about and to a goal.',
    input: object(
      'Feedback',
      { date: date('The day'), kind, text: text('The feedback: specific, and with a next step'), goal: optionalText('The goal id it relates to'), review: optionalText('The pull request it came from'), anchor },
      ['date', 'kind', 'text'],
    ),
    check: (f, m) => void (f.goal ? requireGoal(m, f.goal, 'goal') : undefined),
    plan: (f) => addFeedback({ date: f.date, kind: f.kind, text: f.text, ...(f.goal ? { goal: f.goal } : {}), ...(f.review ? { review: f.review } : {}), ...(f.anchor ? { anchor: f.anchor } : {}) }),
    summary: (f, m) => `Log ${f.kind} for ${m.name}${f.anchor ? ` on ${f.anchor.path}:${f.anchor.range.startLine}` : ''}: "${clip(f.text)}".`,
  }),

  updateFeedback: op<{ feedback: string; text?: string; kind?: FeedbackKind; resolved?: boolean; goal?: string }>({
    name: 'updateFeedback',
    title: 'Edit feedback',
    description: 'Rewords feedback, changes its kind or goal, or marks it resolved.',
    input: object('Changes to feedback', { feedback: text('The feedback id'), text: text('New text'), kind, resolved: bool('Resolved'), goal: optionalText('The goal id') }, ['feedback']),
    check(u, m) {
      requireFeedback(m, u.feedback, 'feedback');
      if (u.goal) {
        requireGoal(m, u.goal, 'goal');
      }
    },
    plan: (u) => updateFeedback(u.feedback, { text: u.text?.trim(), kind: u.kind, resolved: u.resolved, goal: u.goal }),
    summary: (u, m) => `Feedback "${clip(requireFeedback(m, u.feedback, 'feedback').text)}" of ${m.name}: ${[u.text ? 'reworded' : '', u.kind ? `now ${u.kind}` : '', u.resolved === true ? 'resolved' : u.resolved === false ? 'open again' : '', u.goal ? `goal ${u.goal}` : ''].filter(Boolean).join(', ')}.`,
  }),

  pointFeedback: op<{ feedback: string; anchor: CodeAnchor; rangeOnly?: boolean }>({
    name: 'pointFeedback',
    title: 'Point feedback at code',
    description: 'Links feedback to code again: after the code moved (only the range changes) or to a new selection.',
    input: object('Where the feedback points', { feedback: text('The feedback id'), anchor, rangeOnly: bool('Only move the range; keep the stored code') }, ['feedback', 'anchor']),
    check: (p, m) => void requireFeedback(m, p.feedback, 'feedback'),
    plan: (p) => (p.rangeOnly ? moveFeedbackRange(p.feedback, p.anchor.range) : setFeedbackAnchor(p.feedback, p.anchor)),
    summary: (p, m) => `Point feedback of ${m.name} at ${p.anchor.path}:${p.anchor.range.startLine}.`,
  }),

  importReviews: op<{ entries: Omit<Feedback, 'id'>[] }>({
    name: 'importReviews',
    title: 'Import review comments',
    description: 'Adds review comments from a pull or merge request as feedback, in one write; comments imported before are skipped.',
    input: object('Imported comments', { entries: list('Feedback entries, each with its source', { type: 'object', description: 'A feedback entry' }) }, ['entries']),
    plan: (i) => addImportedFeedback(i.entries),
    summary: (i, m) => plural(i.entries.length, `Import 1 review comment as feedback for ${m.name}.`, `Import ${i.entries.length} review comments as feedback for ${m.name}.`),
  }),

  removeEntry: op<{ list: 'goals' | 'sessions' | 'feedback'; id: string }>({
    name: 'removeEntry',
    title: 'Delete an entry',
    description: 'Deletes a goal, a session or a feedback item.',
    input: object('An entry', { list: oneOf('Which list', ['goals', 'sessions', 'feedback']), id: text('The entry id') }, ['list', 'id']),
    check(r, m) {
      if (!(m[r.list] as { id: string }[]).some((e) => e.id === r.id)) {
        throw new InputError(`id: ${m.name} has no entry '${r.id}' in ${r.list}.`, 'id');
      }
    },
    plan: (r) => (r.list === 'goals' ? removeGoal(r.id) : r.list === 'sessions' ? removeSession(r.id) : removeFeedback(r.id)),
    summary: (r, m) => `Delete ${r.id} from the ${r.list} of ${m.name}.`,
  }),

  restoreEntry: op<{ list: 'goals' | 'sessions' | 'feedback'; entry: { id: string } }>({
    name: 'restoreEntry',
    title: 'Restore a deleted entry',
    description: 'Puts a deleted goal, session or feedback item back (the undo of a delete).',
    input: object('An entry', { list: oneOf('Which list', ['goals', 'sessions', 'feedback']), entry: { type: 'object', description: 'The entry as it was' } }, ['list', 'entry']),
    plan: (r) => restoreEntry(r.list, r.entry),
    summary: (r, m) => `Restore ${r.entry.id} in the ${r.list} of ${m.name}.`,
  }),

  closeMentorship: op<ClosingSummary>({
    name: 'closeMentorship',
    title: 'Close the mentorship',
    description: 'Ends the mentorship well: the status becomes closed, with a closing summary of achievements, next steps and how to keep in touch.',
    input: object(
      'A closing summary',
      { date: date('The day'), summary: text('How it went'), achievements: list('Achievements', text('An achievement')), nextSteps: list('What comes next', text('A next step')), keepInTouch: optionalText('How to keep in touch') },
      ['date', 'summary'],
    ),
    plan: (c) => closeMentorship(c),
    summary: (_c, m) => `Close the mentorship with ${m.name}, with its closing summary.`,
  }),

  editMentee: op<{ fields: { name?: string; role?: string | null; status?: MenteeStatus; cadence?: string; usualDuration?: number; since?: IsoDate; email?: string | null; github?: string | null; gitlab?: string | null } }>({
    name: 'editMentee',
    title: 'Edit a mentee',
    description: "Changes a mentee's name, role, status, cadence, usual duration, start date, e-mail or code-host user names; an empty value removes an optional field.",
    input: object(
      'Changes',
      {
        fields: object('Fields to change', {
          name: text('Their name'),
          role: optionalText('Their role'),
          status: oneOf('Status', MENTEE_STATUSES),
          cadence: { type: 'string', pattern: '^(weekly|biweekly|monthly|every [1-9]\\d{0,2} days?)$', description: 'weekly, biweekly, monthly or "every N days"' },
          usualDuration: int('Usual session length in minutes', 1, 1440),
          since: date('When the mentorship began'),
          email: optionalText('Their e-mail as in their git config'),
          github: optionalText('Their GitHub user name'),
          gitlab: optionalText('Their GitLab user name'),
        }),
      },
      ['fields'],
    ),
    check(e) {
      if (e.fields.email && !/^[^\s@]+@[^\s@]+$/.test(e.fields.email)) {
        throw new InputError(`fields.email: "${e.fields.email}" is not an e-mail address.`, 'fields.email');
      }
      for (const k of ['github', 'gitlab'] as const) {
        const v = e.fields[k];
        if (v && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(v)) {
          throw new InputError(`fields.${k}: "${v}" is not a user name (no @, no spaces).`, `fields.${k}`);
        }
      }
    },
    plan: (e) => setMenteeFields(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v === '' ? null : typeof v === 'string' ? v.trim() : v]))),
    summary: (e, m) => `Change ${Object.keys(e.fields).join(', ')} of ${m.name}.`,
  }),

  followRenames: op<{ renames: Rename[]; folder?: string; isFirstFolder: boolean; repos?: { ids: string[]; renames: Rename[] }[] }>({
    name: 'followRenames',
    title: 'Follow renamed files',
    description: 'Points the feedback on files that were renamed or moved at their new paths.',
    input: object('Renames', { renames: list('Renames', object('A rename', { from: text('Old path'), to: text('New path') }, ['from', 'to'])), folder: optionalText('The workspace folder'), isFirstFolder: bool('It is the first workspace folder'), repos: list('The same renames in each repository they happened in', object('A repository', { ids: list('The ids it answers to', text('An id')), renames: list('Renames as paths of the repository', object('A rename', { from: text('Old path'), to: text('New path') }, ['from', 'to'])) }, ['ids', 'renames'])) }, ['renames', 'isFirstFolder']),
    plan: (r) => followRenames(r.renames, r.folder, r.isFirstFolder, r.repos),
    summary: (r, m) => `Point the feedback of ${m.name} at ${r.renames.map((x) => x.to).join(', ')}.`,
  }),

  removeMovedPrivateNotes: op<{ moved: Record<string, string> }>({
    name: 'removeMovedPrivateNotes',
    title: 'Take moved private notes out of the shared file',
    description: 'Removes the private fields whose text the private folder now holds.',
    input: object('Moved notes', { moved: { type: 'object', description: 'Session id → the text kept apart' } }, ['moved']),
    plan: (r) => removeMovedFields(r.moved),
    summary: (_r, m) => `Take the moved private notes out of ${m.name}'s file.`,
  }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type InputOf<N extends OperationName> = (typeof OPERATIONS)[N] extends Operation<infer I> ? I : never;
