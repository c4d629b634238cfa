/**
 * Three-way merge of a Mentorship YAML file by entry ids.
 *
 * Mentor and mentee edit the same file in their own clones; git hands the merge the common ancestor
 * (base), the local version (ours) and the other side's (theirs). Lists whose items carry an `id`
 * (goals, sessions, action items, feedback, agenda topics) are merged entry by entry: entries added on
 * either side are all kept, an entry removed on one side and untouched on the other goes, and inside an
 * entry each field is merged on its own. A field changed on one side takes that change; the same field
 * changed differently on both sides is a real conflict. Lists without ids (check-ins, topics) are merged
 * as sets: what one side added is added, what it removed is removed.
 *
 * The result is the local file with the other side's changes spliced in (`applyEdits`), so its comments,
 * key order and layout survive as they do on every write of the store.
 */
import { applyEdits, deepEqual, type Edit, type YamlPath } from '../storage/yamlEdit';
import { loadPlain } from '../storage/plain';

export interface MergeConflict {
  /** Where it is, in ids rather than positions: e.g. `goals`, `g-tests`, `progress`. */
  readonly where: readonly string[];
  /** A readable name of the place: "goal “Contract tests” › progress". */
  readonly label: string;
  readonly base: unknown;
  readonly ours: unknown;
  readonly theirs: unknown;
  /** What taking the other side's version means, as edits of the local file. */
  readonly takeTheirs: readonly Edit[];
}

export interface MergePlan {
  /** Edits of the local file that bring in the other side's changes that do not conflict. */
  readonly edits: readonly Edit[];
  readonly conflicts: readonly MergeConflict[];
}

export type Choice = 'ours' | 'theirs';

export interface MergeResult {
  /** The merged text, when every conflict was settled (or there was none). */
  readonly text?: string;
  /** The real conflicts; when `text` is missing, those left unsettled. */
  readonly conflicts: readonly MergeConflict[];
}

/** A version that cannot be read as YAML; the merge cannot go on by ids. */
export class MergeInputError extends Error {
  constructor(readonly side: 'base' | 'ours' | 'theirs', message: string) {
    super(`${side}: ${message}`);
    this.name = 'MergeInputError';
  }
}

/**
 * Merges three texts. `choose`, when given, settles each real conflict (a prompt in the editor); without
 * it, any real conflict leaves `text` undefined.
 */
export function mergeTexts(baseText: string, oursText: string, theirsText: string, choose?: (c: MergeConflict) => Choice | undefined): MergeResult {
  const base = read('base', baseText);
  const ours = read('ours', oursText);
  const theirs = read('theirs', theirsText);
  const plan = planMerge(base, ours, theirs);
  const edits = [...plan.edits];
  const open: MergeConflict[] = [];
  for (const c of plan.conflicts) {
    const choice = choose?.(c);
    if (choice === 'theirs') {
      edits.push(...c.takeTheirs);
    } else if (choice !== 'ours') {
      open.push(c);
    }
  }
  if (open.length > 0) {
    return { conflicts: open };
  }
  if (edits.length === 0) {
    return { text: oursText, conflicts: plan.conflicts };
  }
  return { text: applyEdits(oursText, ordered(edits)).text, conflicts: plan.conflicts };
}

/**
 * The local file with git-style conflict markers around the real conflicts only: everything that merges
 * is merged (check-ins both sides added, entries, fields), and each field changed differently on both
 * sides shows both values between `<<<<<<< ours`, `=======` and `>>>>>>> theirs`. Undefined when there is
 * no conflict.
 */
export function markConflicts(baseText: string, oursText: string, theirsText: string, markerSize = 7): { text: string; conflicts: readonly MergeConflict[] } | undefined {
  const plan = mergeTexts(baseText, oursText, theirsText);
  if (plan.text !== undefined) {
    return undefined;
  }
  const keepOurs = mergeTexts(baseText, oursText, theirsText, () => 'ours').text ?? oursText;
  const takeTheirs = mergeTexts(baseText, oursText, theirsText, () => 'theirs').text ?? theirsText;
  return { text: markDifferences(keepOurs, takeTheirs, markerSize), conflicts: plan.conflicts };
}

/**
 * Two texts that differ in a few places, with markers around each place: `a`'s lines as "ours", `b`'s as
 * "theirs". Lines are compared one for one; after a difference, the texts meet again at the nearest pair
 * of two equal lines.
 */
export function markDifferences(a: string, b: string, markerSize = 7): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const meet = (i: number, j: number): boolean => (i === x.length && j === y.length) || (i < x.length && j < y.length && x[i] === y[j] && (i + 1 === x.length ? j + 1 === y.length : x[i + 1] === y[j + 1]));
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push(x[i]);
      i++;
      j++;
      continue;
    }
    let di = x.length - i;
    let dj = y.length - j;
    search: for (let d = 1; d <= x.length - i + y.length - j; d++) {
      for (let k = 0; k <= d; k++) {
        if (i + k <= x.length && j + d - k <= y.length && meet(i + k, j + d - k)) {
          di = k;
          dj = d - k;
          break search;
        }
      }
    }
    out.push(`${'<'.repeat(markerSize)} ours`, ...x.slice(i, i + di), '='.repeat(markerSize), ...y.slice(j, j + dj), `${'>'.repeat(markerSize)} theirs`);
    i += di;
    j += dj;
  }
  return out.join('\n');
}

function read(side: 'base' | 'ours' | 'theirs', text: string): unknown {
  // A file added on both sides has an empty base.
  if (text.trim() === '') {
    return {};
  }
  let data: unknown;
  try {
    data = loadPlain(text);
  } catch (e) {
    throw new MergeInputError(side, e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  if (!isObject(data)) {
    throw new MergeInputError(side, 'the file is not a map of fields');
  }
  return data;
}

/** The merge on plain data: edits of `ours` and the real conflicts. */
export function planMerge(base: unknown, ours: unknown, theirs: unknown): MergePlan {
  const edits: Edit[] = [];
  const conflicts: MergeConflict[] = [];
  mergeValue({ path: [], where: [], label: [] }, base, ours, theirs, edits, conflicts);
  return { edits: ordered(edits), conflicts };
}

interface Place {
  readonly path: YamlPath;
  readonly where: readonly string[];
  readonly label: readonly string[];
}

function mergeValue(at: Place, base: unknown, ours: unknown, theirs: unknown, edits: Edit[], conflicts: MergeConflict[]): void {
  if (deepEqual(theirs, base) || deepEqual(ours, theirs)) {
    return; // the other side changed nothing here, or both made the same change
  }
  const oursUnchanged = deepEqual(ours, base);
  // Into maps and lists, even where only the other side changed: the smallest edits keep the local
  // layout of everything around them.
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base))) {
    const b = base ?? {};
    for (const key of unionKeys(b, ours, theirs)) {
      mergeValue(child(at, key), b[key], ours[key], theirs[key], edits, conflicts);
    }
    return;
  }
  if (Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
    const b = base ?? [];
    if (isIdList(b) && isIdList(ours) && isIdList(theirs)) {
      mergeIdList(at, b, ours, theirs, edits, conflicts);
    } else if (oursUnchanged) {
      const appended = theirs.length >= b.length && b.every((x, i) => deepEqual(x, theirs[i]));
      edits.push(...(appended ? theirs.slice(b.length).map((value): Edit => ({ op: 'append', path: at.path, value })) : replace(at.path, theirs)));
    } else {
      mergeSet(at, b, ours, theirs, edits);
    }
    return;
  }
  if (oursUnchanged) {
    edits.push(...replace(at.path, theirs));
    return;
  }
  conflicts.push({ where: at.where, label: at.label.join(' › '), base, ours, theirs, takeTheirs: replace(at.path, theirs) });
}

type Entry = Record<string, unknown> & { id: string };

function mergeIdList(at: Place, base: Entry[], ours: Entry[], theirs: Entry[], edits: Edit[], conflicts: MergeConflict[]): void {
  const baseById = new Map(base.map((e) => [e.id, e]));
  const oursIndex = new Map(ours.map((e, i) => [e.id, i]));
  const theirsById = new Map(theirs.map((e) => [e.id, e]));
  for (const t of theirs) {
    const b = baseById.get(t.id);
    const oi = oursIndex.get(t.id);
    // An entry is named by its title or text in place of its list's key: "“Contract tests” › progress".
    const entryPlace: Place = { path: [...at.path, oi ?? -1], where: [...at.where, t.id], label: [...at.label.slice(0, -1), entryLabel(t)] };
    if (oi !== undefined) {
      mergeValue(entryPlace, b, ours[oi], t, edits, conflicts);
    } else if (b === undefined) {
      edits.push({ op: 'append', path: at.path, value: t }); // added on their side
    } else if (!deepEqual(b, t)) {
      // Removed here, changed there.
      conflicts.push({ where: entryPlace.where, label: entryPlace.label.join(' › '), base: b, ours: undefined, theirs: t, takeTheirs: [{ op: 'append', path: at.path, value: t }] });
    }
  }
  for (const b of base) {
    if (theirsById.has(b.id)) {
      continue;
    }
    const oi = oursIndex.get(b.id);
    if (oi === undefined) {
      continue; // removed on both sides
    }
    const o = ours[oi];
    const remove: Edit = { op: 'remove', path: [...at.path, oi] };
    if (deepEqual(o, b)) {
      edits.push(remove);
    } else {
      // Removed there, changed here.
      conflicts.push({ where: [...at.where, b.id], label: [...at.label.slice(0, -1), entryLabel(o)].join(' › '), base: b, ours: o, theirs: undefined, takeTheirs: [remove] });
    }
  }
}

/** Lists without ids, as sets: what the other side added is added, what it removed is removed. */
function mergeSet(at: Place, base: unknown[], ours: unknown[], theirs: unknown[], edits: Edit[]): void {
  const added = without(theirs, base);
  const removed = without(base, theirs);
  const remaining = ours.map((value, index) => ({ value, index }));
  for (const r of removed) {
    const i = remaining.findIndex((x) => deepEqual(x.value, r));
    if (i >= 0) {
      edits.push({ op: 'remove', path: [...at.path, remaining[i].index] });
      remaining.splice(i, 1);
    }
  }
  const oursLeft = remaining.map((x) => x.value);
  const kept = [...oursLeft];
  const appended: unknown[] = [];
  for (const a of added) {
    const i = oursLeft.findIndex((x) => deepEqual(x, a));
    if (i >= 0) {
      oursLeft.splice(i, 1); // added on both sides
    } else {
      appended.push(a);
    }
  }
  // Dated entries (check-ins) added on both sides stay in date order: appended where that keeps it, else
  // the list is set whole, sorted by date (a stable sort keeps entries of one day in their order).
  const dateOf = (v: unknown): string | undefined => (isObject(v) && typeof v.date === 'string' ? v.date : undefined);
  const last = kept.length ? dateOf(kept[kept.length - 1]) : '';
  const dated = [...kept, ...appended].every((v) => dateOf(v) !== undefined);
  if (dated && appended.length > 0 && appended.some((v) => (dateOf(v) as string) < (last ?? ''))) {
    const sorted = [...kept, ...appended].sort((p, q) => (dateOf(p) as string).localeCompare(dateOf(q) as string));
    const removals = edits.filter((e) => e.op === 'remove' && e.path.length === at.path.length + 1 && at.path.every((s, k) => e.path[k] === s));
    for (const r of removals) {
      edits.splice(edits.indexOf(r), 1);
    }
    edits.push({ op: 'set', path: at.path, value: sorted });
    return;
  }
  for (const a of appended) {
    edits.push({ op: 'append', path: at.path, value: a });
  }
}

/** The items of `list` not matched one for one in `other` (a multiset difference). */
function without(list: readonly unknown[], other: readonly unknown[]): unknown[] {
  const left = [...other];
  const out: unknown[] = [];
  for (const item of list) {
    const i = left.findIndex((x) => deepEqual(x, item));
    if (i >= 0) {
      left.splice(i, 1);
    } else {
      out.push(item);
    }
  }
  return out;
}

function replace(path: YamlPath, value: unknown): Edit[] {
  if (value === undefined) {
    return [{ op: 'remove', path }];
  }
  return [{ op: 'set', path, value }];
}

/**
 * Sets first, then additions (they do not move earlier items), then removals from the last position to
 * the first, so every position still points where it was computed.
 */
function ordered(edits: readonly Edit[]): Edit[] {
  const rank = (e: Edit) => (e.op === 'set' ? 0 : e.op === 'append' ? 1 : 2);
  const removals = edits.filter((e) => e.op === 'remove').sort((a, b) => comparePathsDescending(a.path, b.path));
  return [...edits.filter((e) => rank(e) === 0), ...edits.filter((e) => rank(e) === 1), ...removals];
}

function comparePathsDescending(a: YamlPath, b: YamlPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      return y - x;
    }
    return String(x) < String(y) ? -1 : 1;
  }
  return b.length - a.length;
}

function child(at: Place, key: string): Place {
  return { path: [...at.path, key], where: [...at.where, key], label: [...at.label, key] };
}

function entryLabel(e: Entry): string {
  const name = [e.title, e.text, e.date].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (name === undefined) {
    return e.id;
  }
  const short = name.length > 40 ? `${name.slice(0, 39)}…` : name;
  return `“${short}”`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIdList(list: readonly unknown[]): list is Entry[] {
  const ids = new Set<string>();
  for (const item of list) {
    if (!isObject(item) || typeof item.id !== 'string' || ids.has(item.id)) {
      return false;
    }
    ids.add(item.id);
  }
  return true;
}

function unionKeys(...maps: Record<string, unknown>[]): string[] {
  const keys: string[] = [];
  for (const m of maps) {
    for (const k of Object.keys(m)) {
      if (!keys.includes(k)) {
        keys.push(k);
      }
    }
  }
  return keys;
}
