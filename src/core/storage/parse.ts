/**
 * From file bytes to validated data: decoding, YAML parsing with safe limits, schema validation and
 * normalization (defaults for optional lists and fields). Pure: no I/O.
 */
import { conflictMarkerLine } from './markers';
import { readPlain, YAMLException, type ForeignTag } from './plain';
import type { Mentee, MentorProfile } from '../domain/model';
import { FORMAT_VERSION } from '../domain/model';
import { PARSE_OPTIONS, TO_JS_OPTIONS } from './yamlEdit';
import { duplicateIdProblems, menteeSchema, mentorSchema, validateData, withPositions } from './validate';
import { Y } from './yamlLib';
import type { Problem } from './validate';

/** Files larger than this are refused with a clear message instead of freezing the editor. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface Decoded {
  text: string;
  bom: boolean;
  problem?: Problem;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return {
      text: '',
      bom: false,
      problem: {
        severity: 'error',
        line: 1,
        column: 1,
        message: `The file is too large to open safely (${mb} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB). Split it or archive old entries.`,
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    return {
      text: '',
      bom: false,
      problem: {
        severity: 'error',
        line,
        column: before.length - before.lastIndexOf('\n'),
        message: 'The file is not valid UTF-8 text. Save it with UTF-8 encoding.',
      },
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

export function encode(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(bom ? '\ufeff' + text : text);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix (prefix validity is monotone up to a split sequence).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export interface Parsed<T> {
  data?: T;
  problems: Problem[];
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** More aliases than this and the file is read with the alias-counting parser (see parseFull). */
const ALIAS_GUARD = 50;

/** `plain`: the text's plain data when the caller already read it (a write checks its result that way). */
function parseYaml(text: string, schema: typeof menteeSchema, idLists: string[], plain?: unknown): { data?: unknown; problems: Problem[] } {
  const marker = conflictMarkerLine(text);
  if (marker !== undefined) {
    return {
      problems: [{ severity: 'error', line: marker, column: 1, code: 'conflict', message: 'Merge conflict: git left its markers here. Resolve it from the Mentees view to merge by entries, or edit the file.' }],
    };
  }
  if (plain !== undefined) {
    return checked(text, plain, schema, idLists);
  }
  const aliases = text.match(/(^|[\s[{,:-])\*[^\s\]},]+/g)?.length ?? 0;
  let data: unknown;
  let foreign: ForeignTag[] = [];
  if (aliases > ALIAS_GUARD) {
    const full = parseFull(text);
    if (full.problems.length > 0) {
      return full;
    }
    data = full.data;
  } else {
    try {
      // js-yaml with the YAML 1.2 core schema (dates stay strings, duplicate keys are errors), about ten
      // times faster than the Document API; valid YAML it refuses is read by the yaml library (plain.ts).
      const read = readPlain(text);
      data = read.data;
      foreign = read.foreignTags;
    } catch (e) {
      if (e instanceof YAMLException) {
        const mark = e.mark as { line?: number; column?: number } | undefined;
        return {
          problems: [{ severity: 'error', line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: `YAML syntax: ${e.reason}.` }],
        };
      }
      throw e;
    }
  }
  const result = checked(text, data, schema, idLists);
  // A tag the extension does not know is kept where the extension does not look; on a field it uses, the
  // value's meaning is unclear: that is a problem to fix, at its line.
  const used = new Set(Object.keys(schema.properties ?? {}));
  const onUsed = foreign.filter((f) => f.key !== undefined && used.has(f.key));
  if (onUsed.length === 0) {
    return result;
  }
  const tagProblems: Problem[] = onUsed.map((f) => {
    const before = text.slice(0, f.offset);
    return {
      severity: 'error',
      line: before.split('\n').length,
      column: f.offset - before.lastIndexOf('\n'),
      message: `'${f.key}' has a tag the extension does not know (${f.tag}); remove the tag.`,
    };
  });
  return { problems: [...tagProblems, ...result.problems] };
}

function checked(text: string, data: unknown, schema: typeof menteeSchema, idLists: string[]): { data?: unknown; problems: Problem[] } {
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return {
      problems: [{ severity: 'error', line: 1, column: 1, message: 'The file should hold a set of fields (like "name: Ana"), but it does not.' }],
    };
  }
  const problems = [...validateData(data, schema), ...duplicateIdProblems(data, idLists)];
  return { data, problems: problems.length ? withPositions(text, problems) : problems };
}

/** The Document API parser, with its limit on alias expansion ("billion laughs"). */
function parseFull(text: string): { data?: unknown; problems: Problem[] } {
  const lib = Y();
  const lines = new lib.LineCounter();
  const doc = lib.parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((err) => {
        const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
        return { severity: 'error' as const, line: pos.line, column: pos.col, message: yamlMessage(err.message) };
      }),
    };
  }
  try {
    return { data: doc.toJS(TO_JS_OPTIONS), problems: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          message: /alias/i.test(msg)
            ? 'The file uses YAML aliases too many times (a possible "billion laughs" expansion); it was not opened.'
            : `The file could not be read: ${msg}`,
        },
      ],
    };
  }
}

function yamlMessage(message: string): string {
  // The yaml library appends "at line N, column M:" and a code excerpt; the position is reported apart.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax: ${first}.`.replace(/\.\.$/, '.');
}

export function parseMentee(text: string, plain?: unknown): Parsed<Mentee> {
  const { data, problems } = parseYaml(text, menteeSchema, ['goals', 'sessions', 'feedback'], plain);
  if (data === undefined || hasErrors(problems)) {
    return { problems };
  }
  return { data: normalizeMentee(data as Record<string, unknown>), problems };
}

export function parseMentor(text: string, plain?: unknown): Parsed<MentorProfile> {
  const { data, problems } = parseYaml(text, mentorSchema, [], plain);
  if (data === undefined || hasErrors(problems)) {
    return { problems };
  }
  return { data: { version: FORMAT_VERSION, ...(data as Partial<MentorProfile>) }, problems };
}

function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v.filter((x) => x !== null && x !== undefined) as T[]) : [];
}

function normalizeMentee(raw: Record<string, unknown>): Mentee {
  const m = raw as unknown as Mentee;
  return {
    ...m,
    status: m.status ?? 'active',
    goals: list<Mentee['goals'][number]>(raw.goals).map((g) => ({
      ...g,
      status: g.status ?? 'active',
      progress: g.progress ?? 0,
      checkIns: list(g.checkIns),
    })),
    sessions: list<Mentee['sessions'][number]>(raw.sessions).map((s) => ({ ...s, actions: list(s.actions) })),
    feedback: list<Mentee['feedback'][number]>(raw.feedback),
  };
}

export type EntityList = 'goals' | 'sessions' | 'feedback' | 'actions';

/**
 * The 1-based line of an entry, found by id ("actions" are searched inside every session). Used to reveal
 * an entry in its YAML file. Returns 1 when the entry is not found.
 */
export function entityLine(text: string, list: EntityList, id: string): number {
  const { isMap, isSeq, LineCounter, parseDocument } = Y();
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const findIn = (seqPath: (string | number)[]): number | undefined => {
    const seq: unknown = doc.getIn(seqPath, true);
    if (!isSeq(seq)) {
      return undefined;
    }
    for (const item of seq.items) {
      if (isMap(item) && item.get('id') === id && item.range) {
        return lines.linePos(item.range[0]).line;
      }
    }
    return undefined;
  };
  if (list === 'actions') {
    const sessions: unknown = doc.getIn(['sessions'], true);
    if (isSeq(sessions)) {
      for (let i = 0; i < sessions.items.length; i++) {
        const hit = findIn(['sessions', i, 'actions']);
        if (hit) {
          return hit;
        }
      }
    }
    return 1;
  }
  return findIn([list]) ?? 1;
}
