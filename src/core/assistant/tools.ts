/**
 * The assistant's tools, defined once: VS Code's language-model tools (assistant/lmTools.ts) and the MCP
 * server (mcp/server.ts) both serve this list. A read tool answers from `shareable` data only, so no
 * private note reaches a model; a write tool is one operation of the table (operations/table.ts), run
 * through the store's write protocol, with its summary as the confirmation VS Code asks for.
 *
 * Answers are Markdown for a model to read: short lines, ids in backticks where a later call needs them.
 */
import type { Feedback, FeedbackKind, IsoDate, Mentee, Owner } from '../domain/model';
import { FEEDBACK_KINDS, OWNERS } from '../domain/model';
import { dueInfo } from '../domain/cadence';
import { openActions } from '../domain/actions';
import { openAgenda } from '../domain/agenda';
import { isValidDate } from '../domain/dates';
import { smartMissing } from '../domain/smart';
import { InputError } from '../errors';
import type { MenteeFile } from '../storage/store';
import type { Notebook } from '../storage/notebook';
import { checkOperation, describeOperation, runOperation } from '../operations/run';
import type { OperationStore } from '../operations/run';
import { OPERATIONS } from '../operations/table';
import type { OperationName } from '../operations/table';
import { bool, checkInput, date, int, object, oneOf, optionalText, text } from '../operations/schema';
import type { JsonSchema } from '../operations/schema';
import { digestMarkdown, feedbackPlace, oneLine, sessionDigest } from '../render/digest';
import { shareable } from '../domain/shareable';

/** What the tools need of the notebook: its mentee files, and the operations' store. */
export interface AssistantNotebook extends OperationStore {
  readonly mentees: readonly MenteeFile[];
  /** Where a mentee's file lives ("~/mentoring/ana"), when the notebook has more than one place. */
  placeLabel?(path: string): string | undefined;
}

/** The notebook as the tools see it: rows say where they live only when the mentees come from several places. */
export function notebookForTools(nb: Notebook): AssistantNotebook {
  return {
    get mentees() {
      return nb.mentees;
    },
    file: (p) => nb.file(p),
    current: (p) => nb.current(p),
    edit: (p, c) => nb.edit(p, c),
    setPrivateNotes: (p, n) => nb.setPrivateNotes(p, n),
    placeLabel: (p) => (nb.isSpread ? nb.placeOf(p)?.label : undefined),
  };
}

export interface ToolContext {
  notebook: AssistantNotebook;
  today: IsoDate;
}

export interface ToolDefinition {
  /** The tool's name for VS Code and MCP: `mentorship_<what>`. */
  readonly name: string;
  /** How VS Code's tool picker and `#` references name it. */
  readonly reference: string;
  readonly title: string;
  /** When a model should use it. */
  readonly description: string;
  readonly input: JsonSchema;
  /** Writes change the notebook: VS Code asks the mentor to confirm with `confirm`'s words first. */
  readonly writes: boolean;
  run(ctx: ToolContext, input: Record<string, unknown>): Promise<string>;
  /** For a write: what will be written, in plain words; throws an InputError for bad input. */
  confirm?(ctx: ToolContext, input: Record<string, unknown>): Promise<string>;
}

// ---------------------------------------------------------------------------------------------------
// Mentees by name

const MENTEE = text('The mentee: their name (or first name) as in the notebook');

function usable(ctx: ToolContext): MenteeFile[] {
  return ctx.notebook.mentees.filter((f) => f.data);
}

function known(ctx: ToolContext): string {
  return usable(ctx).map((f) => f.data?.name ?? f.slug).join(', ') || 'none';
}

/** The mentee file a name means: the whole name, the file's name, or a first name only one mentee has. */
export function findMentee(ctx: ToolContext, name: unknown, field = 'mentee'): MenteeFile {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InputError(`${field}: name the mentee. The mentees: ${known(ctx)}.`, field);
  }
  const q = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const files = usable(ctx);
  const tries: ((f: MenteeFile) => boolean)[] = [
    (f) => f.path === name,
    (f) => (f.data?.name ?? '').toLowerCase().replace(/\s+/g, ' ') === q,
    (f) => f.slug.toLowerCase() === q,
    (f) => (f.data?.name ?? '').toLowerCase().split(' ')[0] === q,
  ];
  for (const t of tries) {
    const hits = files.filter(t);
    if (hits.length === 1) {
      return hits[0];
    }
    if (hits.length > 1) {
      const where = hits.map((f) => `${f.data?.name} (${ctx.notebook.placeLabel?.(f.path) ?? f.path})`).join(', ');
      throw new InputError(`${field}: '${name}' is more than one mentee: ${where}. Give the file's path as the mentee.`, field);
    }
  }
  const problem = ctx.notebook.mentees.find((f) => !f.data && (f.slug.toLowerCase() === q || f.slug.toLowerCase().startsWith(q)));
  if (problem) {
    throw new InputError(`${field}: the file of '${name}' (${problem.path}) cannot be read: ${problem.problems[0]?.message ?? 'it has errors'}. Fix it in the editor first.`, field);
  }
  throw new InputError(`${field}: there is no mentee '${name}'. The mentees: ${known(ctx)}.`, field);
}

/** The mentee's data for a model: as it is now, without private text. */
async function data(ctx: ToolContext, f: MenteeFile): Promise<Mentee> {
  return shareable(f.data && !f.partial ? f.data : await ctx.notebook.current(f.path));
}

function optionalDate(input: Record<string, unknown>, field: string): IsoDate | undefined {
  const v = input[field];
  if (v === undefined || v === '') {
    return undefined;
  }
  if (typeof v !== 'string' || !isValidDate(v)) {
    throw new InputError(`${field}: '${String(v)}' is not a date; write it as YYYY-MM-DD.`, field);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Read tools

function menteeLine(ctx: ToolContext, f: MenteeFile): string {
  const m = shareable(f.data as Mentee);
  const due = dueInfo(m, ctx.today, f.partial?.lastSession);
  const open = openActions(m);
  const overdue = open.filter((o) => o.action.due && o.action.due < ctx.today).length;
  const agenda = openAgenda(m).length;
  const parts = [
    `status ${m.status}`,
    `${m.cadence ?? 'biweekly'}`,
    due.lastSession ? `last 1:1 ${due.lastSession}` : 'no 1:1 yet',
    due.nextDue ? `next 1:1 ${due.overdue ? `overdue since ${due.nextDue}` : `due ${due.nextDue}`}` : undefined,
    `${open.length} open action item(s)${overdue ? `, ${overdue} overdue` : ''}`,
    agenda ? `${agenda} agenda topic(s)` : undefined,
  ].filter(Boolean);
  const place = ctx.notebook.placeLabel?.(f.path);
  return `- **${oneLine(m.name)}**${m.role ? ` (${oneLine(m.role)})` : ''}${place ? ` [${place}]` : ''}: ${parts.join('; ')}`;
}

const listMentees: ToolDefinition = {
  name: 'mentorship_list_mentees',
  reference: 'mentees',
  title: 'List mentees',
  description:
    "Lists the mentor's mentees with their status, session cadence, last and next 1:1 (and whether it is overdue), open and overdue action items and open agenda topics. Use it to answer who needs a session, or to find a mentee's exact name.",
  input: object('Which mentees', { status: oneOf('Only mentees with this status (default: all)', ['active', 'paused', 'closed']) }),
  writes: false,
  async run(ctx, input) {
    checkInput('List mentees', input, this.input);
    const files = usable(ctx).filter((f) => !input.status || f.data?.status === input.status);
    const rows = files.map((f) => menteeLine(ctx, f));
    const broken = ctx.notebook.mentees.filter((f) => !f.data).map((f) => `- ${f.slug}: the file cannot be read (${f.problems[0]?.message ?? 'errors'})`);
    return [`Mentees on ${ctx.today}:`, ...(rows.length ? rows : ['(none)']), ...broken].join('\n');
  },
};

function feedbackLine(f: Feedback): string {
  const place = feedbackPlace(f);
  return `- ${f.date} ${f.kind}${place ? ` on ${place}` : ''}${f.review ? ` (review ${f.review})` : ''}${f.reviewer ? ` by ${f.reviewer}` : ''}${f.resolved ? ', resolved' : ''}: ${oneLine(f.text)} \`${f.id}\``;
}

const menteeOverview: ToolDefinition = {
  name: 'mentorship_mentee_overview',
  reference: 'menteeOverview',
  title: 'Mentee overview',
  description:
    "One mentee's whole picture: goals with progress and what they lack to be SMART, open action items with owner and due date, the latest sessions' topics and notes, feedback by kind over a period (with repository and place in the code), and the open agenda. Use it before talking about a mentee's progress.",
  input: object('Whose overview', { mentee: MENTEE, from: date('Feedback and sessions from this day (default: 90 days back)'), to: date('Up to this day (default: today)'), sessions: int('How many of the latest sessions to show (default 3)', 1, 50) }, ['mentee']),
  writes: false,
  async run(ctx, input) {
    const f = findMentee(ctx, input.mentee);
    checkInput('Mentee overview', input, this.input);
    const m = await data(ctx, f);
    const to = optionalDate(input, 'to') ?? ctx.today;
    const from = optionalDate(input, 'from') ?? shiftDays(to, -90);
    const n = typeof input.sessions === 'number' ? input.sessions : 3;
    const out = [`# ${oneLine(m.name)}${m.role ? `, ${oneLine(m.role)}` : ''}`, menteeLine(ctx, f).replace(/^- \*\*[^*]*\*\*[^:]*: /, ''), ''];
    if (m.focus?.length) {
      out.push(`Focus: ${m.focus.join(', ')}`, '');
    }
    out.push('## Goals');
    out.push(
      ...(m.goals.length
        ? m.goals.map((g) => {
            const gaps = smartMissing(g);
            return `- ${oneLine(g.title)} \`${g.id}\`: ${g.status}, ${g.progress}%${g.due ? `, due ${g.due}` : ''}${g.owner ? `, owned by the ${g.owner}` : ''}${gaps.length ? `; not SMART yet, lacks: ${gaps.join(', ')}` : ''}`;
          })
        : ['(none)']),
    );
    out.push('', '## Open action items');
    const open = openActions(m);
    out.push(...(open.length ? open.map(({ action, session }) => `- ${oneLine(action.text)} \`${action.id}\`: owner ${action.owner}${action.due ? `, due ${action.due}${action.due < ctx.today ? ' (overdue)' : ''}` : ''}; from the session of ${session.date}`) : ['(none)']));
    out.push('', `## Latest sessions`);
    const sessions = [...m.sessions].filter((s) => s.date <= to).sort((a, b) => b.date.localeCompare(a.date)).slice(0, n);
    out.push(...(sessions.length ? sessions.map((s) => `- ${s.date}${s.duration ? ` (${s.duration} min)` : ''} \`${s.id}\`: ${s.topics?.length ? `topics ${s.topics.join(', ')}` : 'no topics'}${s.notes ? `. Notes: ${oneLine(s.notes, 400)}` : ''}`) : ['(none)']));
    const feedback = m.feedback.filter((x) => x.date >= from && x.date <= to);
    out.push('', `## Feedback ${from} to ${to}`);
    const kinds = FEEDBACK_KINDS.map((k) => [k, feedback.filter((x) => x.kind === k).length] as const).filter(([, c]) => c > 0);
    out.push(kinds.length ? `By kind: ${kinds.map(([k, c]) => `${k} ${c}`).join(', ')}` : '(none)');
    out.push(...feedback.slice(-30).map(feedbackLine));
    if (feedback.length > 30) {
      out.push(`(${feedback.length - 30} earlier not shown; narrow the period to see them)`);
    }
    out.push('', '## Open agenda');
    const agenda = openAgenda(m);
    out.push(...(agenda.length ? agenda.map((t) => `- ${oneLine(t.text)} \`${t.id}\`${t.by ? ` (added by the ${t.by}${t.added ? ` on ${t.added}` : ''})` : ''}`) : ['(none)']));
    return out.join('\n');
  },
};

function shiftDays(d: IsoDate, days: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const prepareSession: ToolDefinition = {
  name: 'mentorship_prepare_session',
  reference: 'prepareSession',
  title: 'Prepare the next session',
  description:
    "Everything since the mentee's last session, to prepare the next 1:1: the last session's topics and notes, check-ins and feedback since, open and overdue action items, agenda topics from either side, goals due or stalled, and a proposed agenda. Use it for 'prepare my 1:1 with …'.",
  input: object('Whose session', { mentee: MENTEE }, ['mentee']),
  writes: false,
  async run(ctx, input) {
    const f = findMentee(ctx, input.mentee);
    checkInput('Prepare the next session', input, this.input);
    return digestMarkdown(sessionDigest(await data(ctx, f), ctx.today));
  },
};

type Area = 'actions' | 'goals' | 'sessions' | 'feedback' | 'agenda';
const AREAS: readonly Area[] = ['actions', 'goals', 'sessions', 'feedback', 'agenda'];

const findInNotes: ToolDefinition = {
  name: 'mentorship_find',
  reference: 'findInNotes',
  title: 'Find in the mentoring notes',
  description:
    "Searches the notes: action items, goals, sessions (topics, notes, advice, wins, setbacks), feedback and agenda topics, of one mentee or all, by words and filters. 'What did I promise Priya' is: area actions, mentee Priya, owner mentor, open true.",
  input: object('What to find', {
    text: optionalText('Words that must all appear (any case); empty for all'),
    mentee: optionalText('Only this mentee'),
    area: oneOf('Only this kind of entry', AREAS),
    owner: oneOf('Action items or goals owned by', OWNERS),
    open: bool('Only open action items, active goals, unresolved feedback and undiscussed agenda topics'),
    kind: oneOf('Feedback of this kind', FEEDBACK_KINDS),
  }),
  writes: false,
  async run(ctx, input) {
    const files = input.mentee ? [findMentee(ctx, input.mentee)] : usable(ctx);
    checkInput('Find in the notes', input, this.input);
    const words = typeof input.text === 'string' ? input.text.toLowerCase().split(/\s+/).filter(Boolean) : [];
    const match = (...texts: (string | undefined)[]): boolean => {
      const t = texts.filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => t.includes(w));
    };
    const area = input.area as Area | undefined;
    const owner = input.owner as Owner | undefined;
    const open = input.open === true;
    const kind = input.kind as FeedbackKind | undefined;
    const hits: string[] = [];
    for (const f of files) {
      const m = await data(ctx, f);
      const who = oneLine(m.name);
      if ((!area || area === 'actions') && !kind) {
        for (const s of m.sessions) {
          for (const a of s.actions ?? []) {
            if ((!owner || a.owner === owner) && (!open || !a.done) && match(a.text)) {
              hits.push(`- ${who} · action item \`${a.id}\` (${a.owner}${a.due ? `, due ${a.due}${!a.done && a.due < ctx.today ? ', overdue' : ''}` : ''}${a.done ? ', done' : ', open'}; session ${s.date}): ${oneLine(a.text)}`);
            }
          }
        }
      }
      if ((!area || area === 'goals') && !kind) {
        for (const g of m.goals) {
          if ((!owner || g.owner === owner) && (!open || g.status === 'active') && match(g.title, g.specific, g.measurable, g.achievable, g.relevant, g.competency, ...(g.checkIns ?? []).map((c) => c.note))) {
            hits.push(`- ${who} · goal \`${g.id}\` (${g.status}, ${g.progress}%${g.due ? `, due ${g.due}` : ''}): ${oneLine(g.title)}`);
          }
        }
      }
      if ((!area || area === 'sessions') && !owner && !open && !kind) {
        for (const s of m.sessions) {
          const parts = [...(s.topics ?? []), s.notes, ...(s.advice ?? []), ...(s.wins ?? []), ...(s.setbacks ?? []), ...(s.resources ?? []).map((r) => `${r.title ?? ''} ${r.url}`)];
          if (words.length > 0 && match(...parts)) {
            hits.push(`- ${who} · session \`${s.id}\` ${s.date}: ${oneLine([s.topics?.join(', '), s.notes].filter(Boolean).join('. '), 240)}`);
          } else if (words.length === 0 && area === 'sessions') {
            hits.push(`- ${who} · session \`${s.id}\` ${s.date}: ${oneLine(s.topics?.join(', ') ?? '', 240)}`);
          }
        }
      }
      if ((!area || area === 'feedback') && !owner) {
        for (const x of m.feedback) {
          if ((!kind || x.kind === kind) && (!open || !x.resolved) && match(x.text, x.anchor?.path, ...(x.replies ?? []).map((r) => r.text))) {
            hits.push(`- ${who} ·${feedbackLine(x).slice(1)}`);
          }
        }
      }
      if ((!area || area === 'agenda') && !owner && !kind) {
        for (const t of m.agenda ?? []) {
          if ((!open || !t.discussed) && match(t.text)) {
            hits.push(`- ${who} · agenda topic \`${t.id}\`${t.discussed ? ' (discussed)' : ''}: ${oneLine(t.text)}`);
          }
        }
      }
    }
    const limit = 60;
    return hits.length === 0 ? 'Nothing found.' : [`${hits.length} found${hits.length > limit ? `; the first ${limit}` : ''}:`, ...hits.slice(0, limit)].join('\n');
  },
};

const feedbackOnCode: ToolDefinition = {
  name: 'mentorship_feedback_on_code',
  reference: 'feedbackOnCode',
  title: 'Feedback on code',
  description:
    'The feedback given on a file, or on lines of it, across all mentees: kind, text, who it was for, when, and whether it was resolved. In VS Code, without a path it is the file and selection of the active editor.',
  input: object('Which code', {
    path: optionalText('Path of the file inside its repository, with forward slashes'),
    repo: optionalText('The repository ("github.com/owner/repo"); feedback on other repositories is left out'),
    startLine: int('From this line (1-based)', 1, 10_000_000),
    endLine: int('Up to this line', 1, 10_000_000),
  }),
  writes: false,
  async run(ctx, input) {
    checkInput('Feedback on code', input, this.input);
    const path = typeof input.path === 'string' ? input.path.replace(/^\.?\//, '') : '';
    if (!path) {
      throw new InputError('path: name the file (its path inside the repository), or select code in the editor.', 'path');
    }
    const repo = typeof input.repo === 'string' && input.repo ? input.repo : undefined;
    const from = typeof input.startLine === 'number' ? input.startLine : 1;
    const to = typeof input.endLine === 'number' ? input.endLine : Number.MAX_SAFE_INTEGER;
    const hits: string[] = [];
    for (const f of usable(ctx)) {
      const m = await data(ctx, f);
      for (const x of m.feedback) {
        const a = x.anchor;
        if (a && a.path === path && (!repo || !a.repo || a.repo === repo) && a.range.startLine <= to && a.range.endLine >= from) {
          hits.push(`- for ${oneLine(m.name)} ·${feedbackLine(x).slice(1)}`);
        }
      }
    }
    const where = `${repo ? `${repo} ` : ''}${path}${input.startLine ? `:${from}${to !== from && to !== Number.MAX_SAFE_INTEGER ? `-${to}` : ''}` : ''}`;
    return hits.length === 0 ? `No feedback on ${where}.` : [`Feedback on ${where}:`, ...hits].join('\n');
  },
};

// ---------------------------------------------------------------------------------------------------
// Write tools: one operation each

interface WriteSpec {
  name: string;
  reference: string;
  operation: OperationName;
  /** Input fields a tool leaves out (a session's private notes: a model is never the way to them). */
  omit?: string[];
  /** Fields filled with today's date when not given. */
  today?: string[];
}

function writeTool(spec: WriteSpec): ToolDefinition {
  const o = OPERATIONS[spec.operation];
  const props = { ...(o.input.properties ?? {}) };
  for (const k of spec.omit ?? []) {
    delete props[k];
  }
  const defaulted = new Set(spec.today ?? []);
  for (const k of defaulted) {
    props[k] = { ...props[k], description: `${props[k].description ?? ''}; default today` };
  }
  const required = ['mentee', ...(o.input.required ?? []).filter((k) => !defaulted.has(k) && k in props)];
  const input = object(o.title, { mentee: MENTEE, ...props }, required);
  const prepared = async (ctx: ToolContext, raw: Record<string, unknown>): Promise<{ file: MenteeFile; m: Mentee; value: Record<string, unknown> }> => {
    const file = findMentee(ctx, raw.mentee);
    checkInput(o.title, raw, input);
    const { mentee: _who, ...rest } = raw;
    const value: Record<string, unknown> = { ...rest };
    for (const k of defaulted) {
      if (value[k] === undefined) {
        value[k] = ctx.today;
      }
    }
    const m = file.data && !file.partial ? file.data : await ctx.notebook.current(file.path);
    checkOperation(spec.operation, value, m);
    return { file, m, value };
  };
  return {
    name: spec.name,
    reference: spec.reference,
    title: o.title,
    description: o.description.replace(/ Private notes are kept apart, never in the shared file\./, ''),
    input,
    writes: true,
    async confirm(ctx, raw) {
      const { m, value } = await prepared(ctx, raw);
      return describeOperation(spec.operation, value as never, m);
    },
    async run(ctx, raw) {
      const { file, m, value } = await prepared(ctx, raw);
      const said = describeOperation(spec.operation, value as never, m);
      const saved = await runOperation(ctx.notebook, spec.operation, file.path, value as never, { strict: true });
      const before = new Set(m.sessions.map((x) => x.id));
      const added = saved.data?.sessions.find((x) => !before.has(x.id));
      return `Done: ${said}${spec.operation === 'logSession' && added ? ` The session's id is \`${added.id}\`.` : ''}`;
    },
  };
}

export const TOOLS: readonly ToolDefinition[] = [
  listMentees,
  menteeOverview,
  prepareSession,
  findInNotes,
  feedbackOnCode,
  writeTool({ name: 'mentorship_log_session', reference: 'logSession', operation: 'logSession', omit: ['private', 'id'], today: ['date'] }),
  writeTool({ name: 'mentorship_add_action_item', reference: 'addActionItem', operation: 'addActionItem' }),
  writeTool({ name: 'mentorship_update_action_item', reference: 'updateActionItem', operation: 'updateActionItem' }),
  writeTool({ name: 'mentorship_check_in', reference: 'checkInGoal', operation: 'checkIn', today: ['date'] }),
  writeTool({ name: 'mentorship_add_agenda_topic', reference: 'addAgendaTopic', operation: 'addAgendaTopic', today: ['added'] }),
  writeTool({ name: 'mentorship_log_feedback', reference: 'logFeedback', operation: 'logFeedback', today: ['date'] }),
];

export function tool(name: string): ToolDefinition | undefined {
  return TOOLS.find((t) => t.name === name);
}
