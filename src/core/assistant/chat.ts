/**
 * `@mentor`, the chat participant, without VS Code: a request (its command and prompt), the model the
 * mentor picked (or none), and a stream to answer on. The adapter (assistant/assistant.ts) turns VS
 * Code's objects into these. Every prompt is built from the read tools' answers, which come from
 * `shareable` data: a private note cannot reach the model.
 *
 *   /prep <mentee>            the digest, then an agenda the model proposes from it
 *   /log <account>            the model turns it into a session entry; shown, and written only on confirmation
 *   /smart <goal>             the goal rewritten as SMART, saying what each part adds
 *   /summary <mentee> [from]  a progress summary citing the entries it rests on
 *   (no command)              a question about the notes, answered from them
 */
import { InputError } from '../errors';
import { isValidDate } from '../domain/dates';
import { oneLine } from '../render/digest';
import { findMentee, tool } from './tools';
import type { ToolContext } from './tools';

export interface ChatMessage {
  role: 'user' | 'assistant';
  text: string;
}

/** The model: its name, and a streamed answer to messages. */
export interface ChatModel {
  readonly name: string;
  send(messages: ChatMessage[]): Promise<AsyncIterable<string>>;
}

export interface ChatStream {
  markdown(text: string): void;
  /** A button that runs a pending write when the mentor presses it. */
  confirmButton(label: string, pendingId: string): void;
}

/** Writes waiting for the mentor's confirmation, by id. */
export interface PendingWrites {
  add(write: { tool: string; input: Record<string, unknown> }): string;
}

export interface ChatRequestLike {
  command?: string;
  prompt: string;
}

export const NEEDS_MODEL = 'This needs a language model, and none is available. Pick a model in the Chat view (or sign in to one), then ask again. Without one, `/prep <mentee>` still shows the digest and a question still searches the notes.';

const SYSTEM = [
  'You help a software engineer who mentors other engineers. You answer from their mentoring notes, which are given below;',
  'say so when the notes do not hold the answer, and never invent entries. Entry ids are in backticks; cite them where you use an entry.',
  'Be brief and concrete.',
].join(' ');

async function collect(model: ChatModel, messages: ChatMessage[], stream?: ChatStream): Promise<string> {
  let out = '';
  for await (const part of await model.send(messages)) {
    out += part;
    stream?.markdown(part);
  }
  return out;
}

/** A mentee named at the start of the prompt ("Ana", "Ana Souza", "priya-nair"), and the rest of it. */
export function menteeAtStart(ctx: ToolContext, prompt: string): { mentee: string; rest: string } | undefined {
  const words = prompt.trim().split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const name = words.slice(0, n).join(' ').replace(/[,:;]$/, '');
    try {
      const f = findMentee(ctx, name);
      return { mentee: f.data?.name ?? f.slug, rest: words.slice(n).join(' ') };
    } catch {
      // not this many words
    }
  }
  return undefined;
}

function mentees(ctx: ToolContext): string {
  return ctx.notebook.mentees.map((f) => f.data?.name).filter(Boolean).join(', ') || 'none';
}

export async function handleChat(ctx: ToolContext, request: ChatRequestLike, model: ChatModel | undefined, stream: ChatStream, pending: PendingWrites): Promise<void> {
  const command = request.command ?? '';
  const prompt = request.prompt.trim();
  const read = (name: string, input: Record<string, unknown>): Promise<string> => (tool(name) as NonNullable<ReturnType<typeof tool>>).run(ctx, input);
  const needMentee = (): { mentee: string; rest: string } => {
    const m = menteeAtStart(ctx, prompt);
    if (!m) {
      throw new InputError(`Name the mentee first (${mentees(ctx)}), as in \`/${command} ${ctx.notebook.mentees[0]?.data?.name ?? 'Ana'}\`.`, 'mentee');
    }
    return m;
  };
  try {
    switch (command) {
      case 'prep': {
        const { mentee } = needMentee();
        const digest = await read('mentorship_prepare_session', { mentee });
        stream.markdown(digest);
        if (!model) {
          stream.markdown(`\n---\n${NEEDS_MODEL.replace('This needs', 'An agenda worded by a model needs')}\n`);
          return;
        }
        stream.markdown(`\n---\n## Agenda proposed by ${model.name}\n\n`);
        await collect(model, [{ role: 'user', text: `${SYSTEM}\n\nPropose the agenda of the next 1:1 with ${mentee}: 3 to 6 items, most important first, each with one line on why, citing the entries it comes from. The notes:\n\n${digest}` }], stream);
        return;
      }
      case 'log': {
        if (!model) {
          stream.markdown(NEEDS_MODEL);
          return;
        }
        const { mentee, rest } = needMentee();
        const overview = await read('mentorship_mentee_overview', { mentee });
        const schema = JSON.stringify((tool('mentorship_log_session') as NonNullable<ReturnType<typeof tool>>).input);
        stream.markdown('Reading the account…\n\n');
        const answer = await collect(model, [
          {
            role: 'user',
            text: `${SYSTEM}\n\nToday is ${ctx.today}. Turn the mentor's account of a session with ${mentee} into the input of the tool mentorship_log_session, whose JSON Schema is:\n${schema}\n\nUse the ids of goals, action items and agenda topics from the notes below. Answer with the JSON object only.\n\nThe notes:\n${overview}\n\nThe account:\n${rest}`,
          },
        ]);
        const input = jsonObject(answer);
        if (!input) {
          stream.markdown(`${model.name} did not give a session entry I can read, so nothing was written. Its answer:\n\n> ${oneLine(answer, 500)}`);
          return;
        }
        input.mentee = mentee;
        const t = tool('mentorship_log_session') as NonNullable<ReturnType<typeof tool>>;
        const said = await t.confirm?.(ctx, input);
        stream.markdown(`**Proposed:** ${said}\n\n${entryMarkdown(input)}\n\nNothing is written until you save it.\n\n`);
        stream.confirmButton('Save this session', pending.add({ tool: t.name, input }));
        return;
      }
      case 'smart': {
        if (!model) {
          stream.markdown(NEEDS_MODEL);
          return;
        }
        if (!prompt) {
          throw new InputError('Give the goal to rewrite, as in `/smart get better at testing`.', 'goal');
        }
        await collect(
          model,
          [
            {
              role: 'user',
              text: `${SYSTEM}\n\nToday is ${ctx.today}. Rewrite this mentee goal as a SMART goal. Give a short title, then one line each for Specific, Measurable, Achievable, Relevant and a due date (YYYY-MM-DD), and after each, in a few words, what that part adds to the original. The goal: ${prompt}`,
            },
          ],
          stream,
        );
        return;
      }
      case 'summary': {
        const { mentee, rest } = needMentee();
        const from = rest.split(/\s+/).find((w) => isValidDate(w));
        const overview = await read('mentorship_mentee_overview', { mentee, ...(from ? { from } : { from: '1970-01-01' }), sessions: 12 });
        if (!model) {
          stream.markdown(`${overview}\n\n---\n${NEEDS_MODEL.replace('This needs', 'A written summary needs')}`);
          return;
        }
        await collect(model, [{ role: 'user', text: `${SYSTEM}\n\nWrite a progress summary of ${mentee}${from ? ` since ${from}` : ''} for a performance review or a promotion case: growth shown, goals reached or under way, strengths the feedback shows, what to work on next. Cite the entries (their ids in backticks) each point rests on. The notes:\n\n${overview}` }], stream);
        return;
      }
      default: {
        if (!prompt) {
          stream.markdown(`Ask about your mentees (${mentees(ctx)}), or use /prep, /log, /smart or /summary.`);
          return;
        }
        const named = menteeAtStart(ctx, prompt) ?? findNamed(ctx, prompt);
        if (!model) {
          const words = prompt.replace(/[?!.,]/g, ' ').split(/\s+/).filter((w) => w.length > 3 && !/^(what|when|where|which|with|does|have|about|from|that|this|mentee|mentees)$/i.test(w));
          stream.markdown(`${NEEDS_MODEL}\n\nWhat the notes hold for "${oneLine(prompt, 80)}":\n\n`);
          const hits = await read('mentorship_find', { ...(named ? { mentee: named.mentee } : {}), ...(words.length && !named ? { text: words.join(' ') } : {}) });
          stream.markdown(hits);
          return;
        }
        const notes = [await read('mentorship_list_mentees', {}), ...(named ? [await read('mentorship_mentee_overview', { mentee: named.mentee })] : [])].join('\n\n');
        await collect(model, [{ role: 'user', text: `${SYSTEM}\n\nToday is ${ctx.today}. The notes:\n\n${notes}\n\nThe question: ${prompt}` }], stream);
      }
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'InputError') {
      stream.markdown(e.message);
      return;
    }
    throw e;
  }
}

/** A mentee named anywhere in the prompt ("what did I promise Priya?"). */
function findNamed(ctx: ToolContext, prompt: string): { mentee: string; rest: string } | undefined {
  const words = prompt.replace(/[?!.,:;]/g, ' ').split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const m = menteeAtStart(ctx, words.slice(i).join(' '));
    if (m) {
      return m;
    }
  }
  return undefined;
}

/** The first JSON object in a model's answer (it may come in a code fence). */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) {
    return undefined;
  }
  try {
    const v: unknown = JSON.parse(text.slice(start, end + 1));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A proposed session entry, as the mentor checks it before saving. */
function entryMarkdown(input: Record<string, unknown>): string {
  const lines: string[] = [];
  const list = (label: string, v: unknown, show: (x: Record<string, unknown> | string) => string): void => {
    if (Array.isArray(v) && v.length) {
      lines.push(`- ${label}:`, ...v.map((x) => `  - ${show(x as Record<string, unknown> | string)}`));
    }
  };
  if (input.date) {
    lines.push(`- Date: ${String(input.date)}`);
  }
  if (Array.isArray(input.topics) && input.topics.length) {
    lines.push(`- Topics: ${input.topics.map(String).join(', ')}`);
  }
  if (typeof input.notes === 'string' && input.notes) {
    lines.push(`- Notes: ${oneLine(input.notes, 600)}`);
  }
  list('New action items', input.newActions, (a) => (typeof a === 'string' ? a : `${String(a.text)} (${String(a.owner)}${a.due ? `, due ${String(a.due)}` : ''})`));
  list('Check-ins', input.checkIns, (c) => (typeof c === 'string' ? c : `\`${String(c.goalId)}\`: ${String(c.progress)}%${c.note ? ` — ${String(c.note)}` : ''}`));
  list('Done', input.doneActions, (a) => `\`${String(a)}\``);
  list('Agenda topics taken up', input.agendaDiscussed, (t) => `\`${String(t)}\``);
  list('Wins', input.wins, String);
  list('Setbacks', input.setbacks, String);
  return lines.join('\n');
}
