/**
 * Running an operation of the table on a mentee file: the input checked against the schema and against
 * the file as it is (a clear error naming the field, nothing written), private text kept apart first,
 * then the change through the store's write protocol (lossless, validated, atomic, guarded).
 */
import type { MenteeChange } from '../domain/edit';
import type { Mentee } from '../domain/model';
import { StoreError } from '../errors';
import type { MenteeFile, MentorshipStore } from '../storage/store';
import { MENTEE_STATUSES } from '../domain/model';
import { date, list, object, oneOf, optionalText, text } from './schema';
import { checkInput } from './schema';
import { OPERATIONS } from './table';
import type { InputOf, Operation, OperationName } from './table';

/** What an operation needs of a store. */
export interface OperationStore {
  file(path: string): MenteeFile | undefined;
  /** The file's data as it is now; throws a StoreError naming its problem. */
  current(path: string): Promise<Mentee>;
  edit(path: string, change: MenteeChange): Promise<MenteeFile>;
  setPrivateNotes(menteePath: string, notes: Record<string, string>): Promise<void>;
}

export function operation<N extends OperationName>(name: N): Operation<InputOf<N>> {
  return OPERATIONS[name] as unknown as Operation<InputOf<N>>;
}

/**
 * Checks an input without writing: throws an InputError naming the field. Against `mentee` (the file as
 * it is) when it is given: the entries it refers to must be there (an assistant's input is checked so; a
 * palette flow's references were picked from the file moments before, and one removed meanwhile is
 * skipped by the change itself, as the flows promise).
 */
export function checkOperation<N extends OperationName>(name: N, input: unknown, mentee: Mentee | undefined): InputOf<N> {
  const o = operation(name);
  checkInput(o.title, input, o.input);
  const valid = input as InputOf<N>;
  if (mentee) {
    o.check?.(valid, mentee);
  }
  return valid;
}

/** What the operation would write, in plain words. */
export function describeOperation<N extends OperationName>(name: N, input: InputOf<N>, mentee: Mentee): string {
  return operation(name).summary(input, mentee);
}

export interface RunOptions {
  /** Check the entries the input refers to before writing (the assistant's tools); see checkOperation. */
  strict?: boolean;
}

export async function runOperation<N extends OperationName>(store: OperationStore, name: N, path: string, input: InputOf<N>, opts: RunOptions = {}): Promise<MenteeFile> {
  const o = operation(name);
  const known = store.file(path);
  // A file only skimmed so far (the first level of the tree) is checked at write time, by the plan.
  const current = known?.data && !known.partial ? known.data : undefined;
  checkOperation(name, input, opts.strict ? (current ?? (await store.current(path))) : undefined);
  const note = o.privateNote?.text(input);
  if (!note || !o.privateNote) {
    return store.edit(path, o.plan(input));
  }
  // The note first, under the id the entry will have (a crash in between leaves a note with no entry,
  // never an entry whose note went to a shared file). Should the id be taken by a write made meanwhile,
  // it is chosen again and the note written again under the new one.
  const keyed = o.privateNote;
  let data: Mentee = current ?? (await store.current(path));
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = keyed.id(input, data);
    await store.setPrivateNotes(path, { [id]: note });
    const withId = keyed.withId(input, id);
    let taken = false;
    const saved = await store.edit(path, (m) => {
      taken = m.sessions.some((s) => s.id === id);
      return taken ? [] : o.plan(withId)(m);
    });
    if (!taken) {
      return saved;
    }
    data = saved.data ?? data;
  }
  throw new StoreError('The file kept changing; the session was not saved. Try again.', path);
}

/** A new mentee, as the flows and tools give it. */
export interface NewMentee {
  name: string;
  role?: string;
  since: string;
  status?: 'active' | 'paused' | 'closed';
  cadence?: string;
  focus?: string[];
  email?: string;
  github?: string;
  gitlab?: string;
}

export const NEW_MENTEE_SCHEMA = object(
  'A new mentee',
  {
    name: text('Their name'),
    role: optionalText('Their role'),
    since: date('When the mentorship began'),
    status: oneOf('Status', MENTEE_STATUSES),
    cadence: { type: 'string', pattern: '^(weekly|biweekly|monthly|every [1-9]\\d{0,2} days?)$', description: 'weekly, biweekly, monthly or "every N days"' },
    focus: list('Focus areas', text('A focus area')),
    email: optionalText('Their e-mail as in their git config'),
    github: optionalText('Their GitHub user name'),
    gitlab: optionalText('Their GitLab user name'),
  },
  ['name', 'since'],
);

/** Where a new mentee file can go: a store, or the notebook (in the place of the given data folder). */
export interface MenteeCreator {
  createMentee(fields: Parameters<MentorshipStore['createMentee']>[0], header?: string, root?: string): Promise<MenteeFile>;
}

/** Adds a mentee: a new file named after them, with empty lists to fill; in the notebook, in the place `root` names. */
export function addMentee(store: MenteeCreator, input: NewMentee, root?: string): Promise<MenteeFile> {
  checkInput('Add a mentee', input, NEW_MENTEE_SCHEMA);
  const optional = Object.fromEntries(Object.entries({ role: input.role, focus: input.focus?.length ? input.focus : undefined, email: input.email, github: input.github, gitlab: input.gitlab }).filter(([, v]) => v !== undefined && v !== ''));
  return store.createMentee({ name: input.name.trim(), ...optional, since: input.since, status: input.status ?? 'active', cadence: input.cadence ?? 'biweekly', goals: [], sessions: [], feedback: [] }, undefined, root);
}
