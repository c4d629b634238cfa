/**
 * Validation of mentee and mentor files against the JSON Schemas in `schemas/` (the same files the YAML
 * extension uses for completion), with messages a mentor understands and the line and column of the
 * offending value.
 *
 * Only the subset of JSON Schema those files use is interpreted: type, properties, required, enum,
 * items, minimum, maximum, minLength, pattern, format "date" and local $ref.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { PARSE_OPTIONS } from './yamlEdit';
import { Y } from './yamlLib';
import menteeSchemaJson from '../../../schemas/mentee.schema.json';
import mentorSchemaJson from '../../../schemas/mentor.schema.json';
import { isValidDate } from '../domain/dates';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  path?: (string | number)[];
  /** `conflict`: git left its merge markers in the file (the tree offers Resolve). */
  code?: 'conflict';
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
  $ref?: string;
  definitions?: Record<string, Schema>;
}

export const menteeSchema = menteeSchemaJson as Schema;
export const mentorSchema = mentorSchemaJson as Schema;

const ENTITY_NAMES: Record<string, string> = {
  goals: 'goal',
  sessions: 'session',
  feedback: 'feedback item',
  actions: 'action item',
  checkIns: 'check-in',
  resources: 'resource',
  skills: 'skill',
};

/**
 * Validates plain data. Problems carry their path; `withPositions` adds line and column (it parses the
 * text with the Document API, which only a file with problems pays for).
 */
export function validateData(data: unknown, schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const compiled = compile(schema);
  // One path, pushed and popped as the walk goes (copied only into a problem): a 1 MB file has ~100,000 nodes.
  const path: (string | number)[] = [];

  const report = (message: string, severity: Severity = 'error'): void => {
    const at = [...path];
    problems.push({ severity, message: contextOf(data, at) + message, line: 0, column: 0, path: at });
  };
  const labelOf = (): string => {
    const last = path[path.length - 1];
    return typeof last === 'number' ? 'this item' : `'${path.length ? String(last) : ''}'`;
  };

  const walk = (value: unknown, s: Compiled): void => {
    if (value === null || value === undefined) {
      return; // Empty optional values are allowed: `goals:` with nothing under it is an empty list.
    }
    if (s.types.length && !s.types.some((t) => matchesType(value, t))) {
      report(`${labelOf()} should be ${s.types.map(typeWord).join(' or ')}, but it is ${describeValue(value)}.`);
      return;
    }
    if (s.enum && !s.enum.includes(value)) {
      report(`${labelOf()} should be one of ${s.enum.map((e) => String(e)).join(', ')}, but it is ${describeValue(value)}.`);
      return;
    }
    if (typeof value === 'string') {
      if (s.minLength !== undefined && value.trim().length < s.minLength) {
        report(`${labelOf()} is empty.`);
      } else if (s.format === 'date' && !isValidDate(value)) {
        report(`${labelOf()} should be a date written as YYYY-MM-DD (like 2026-03-31), but it is ${describeValue(value)}.`);
      } else if (s.pattern && !s.pattern.test(value)) {
        report(`${labelOf()} is ${describeValue(value)}; expected ${lowerFirst(s.description ?? 'another value')}`);
      }
    } else if (typeof value === 'number') {
      if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
        const range =
          s.minimum !== undefined && s.maximum !== undefined
            ? `from ${s.minimum} to ${s.maximum}`
            : s.minimum !== undefined
              ? `at least ${s.minimum}`
              : `at most ${String(s.maximum)}`;
        report(`${labelOf()} should be ${range}, but it is ${value}.`);
      }
    } else if (Array.isArray(value)) {
      if (s.items) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i], s.items);
          path.pop();
        }
      }
    } else if (s.properties && isRecord(value)) {
      for (const req of s.required) {
        if (value[req] === undefined || value[req] === null) {
          const what = typeof path[path.length - 1] === 'number' ? `This ${ENTITY_NAMES[String(path[path.length - 2])] ?? 'item'}` : path.length ? labelOf() : 'The file';
          report(`${what} needs '${req}'.`);
        }
      }
      for (const [key, sub] of s.properties) {
        if (Object.prototype.hasOwnProperty.call(value, key)) {
          path.push(key);
          walk(value[key], sub);
          path.pop();
        }
      }
    }
  };

  walk(data, compiled);
  return problems;
}

/** A schema node with its $ref resolved and its checks ready to run. */
interface Compiled {
  types: string[];
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  description?: string;
  required: string[];
  properties?: [string, Compiled][];
  items?: Compiled;
}

const COMPILED = new WeakMap<Schema, Compiled>();

/** Resolves every $ref and regular expression once per schema, not once per value. */
function compile(schema: Schema, root: Schema = schema): Compiled {
  const cached = COMPILED.get(schema);
  if (cached) {
    return cached;
  }
  let s = schema;
  if (s.$ref) {
    const target = root.definitions?.[s.$ref.replace('#/definitions/', '')];
    // Local properties (like a description) sit beside $ref; the target wins on constraints.
    s = target ? { ...s, ...target, $ref: target.$ref, description: s.description ?? target.description } : { ...s, $ref: undefined };
  }
  const out: Compiled = {
    types: s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type],
    enum: s.enum,
    minLength: s.minLength,
    minimum: s.minimum,
    maximum: s.maximum,
    format: s.format,
    pattern: s.pattern && s.format !== 'date' ? new RegExp(s.pattern) : undefined,
    description: s.description,
    required: s.required ?? [],
  };
  COMPILED.set(schema, out);
  if (s.$ref) {
    Object.assign(out, compile(s, root));
    return out;
  }
  if (s.items) {
    out.items = compile(s.items, root);
  }
  if (s.properties) {
    out.properties = Object.entries(s.properties).map(([k, v]) => [k, compile(v, root)]);
  }
  return out;
}

/** Warns about ids used twice in a list: references by id would become ambiguous. */
export function duplicateIdProblems(data: unknown, lists: string[]): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(data)) {
    return problems;
  }
  for (const list of lists) {
    const items = data[list];
    if (!Array.isArray(items)) {
      continue;
    }
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id === 'string') {
        if (seen.has(id)) {
          problems.push({
            severity: 'warning',
            message: `The id '${id}' is used by more than one ${ENTITY_NAMES[list] ?? 'item'}; give each a unique id.`,
            line: 0,
            column: 0,
            path: [list, i, 'id'],
          });
        }
        seen.add(id);
      }
    });
  }
  return problems;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return true;
  }
}

function typeWord(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a set of fields (key: value lines)';
    default:
      return type;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return `the text "${short}"`;
  }
  if (typeof value === 'number') {
    return `the number ${value}`;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return 'a set of fields';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** "In goal 'Write tests': " — which entry a problem is in, so the mentor finds it without the line. */
function contextOf(data: unknown, path: (string | number)[]): string {
  for (let i = path.length - 1; i > 0; i--) {
    if (typeof path[i] === 'number') {
      const list = String(path[i - 1]);
      let cur: unknown = data;
      for (const seg of path.slice(0, i + 1)) {
        cur = isRecord(cur) ? cur[seg as string] : Array.isArray(cur) ? cur[seg as number] : undefined;
      }
      const entity = ENTITY_NAMES[list];
      if (!entity || !isRecord(cur)) {
        continue;
      }
      const title = [cur.title, cur.text, cur.date, cur.id].find((v) => typeof v === 'string' && v.length > 0) as string | undefined;
      const short = title && title.length > 40 ? title.slice(0, 37) + '…' : title;
      return short ? `In ${entity} "${short}": ` : `In ${entity} ${Number(path[i]) + 1}: `;
    }
  }
  return '';
}

/** Fills in line and column of problems that carry a path. */
export function withPositions(text: string, problems: Problem[]): Problem[] {
  if (problems.every((p) => p.line > 0 || !p.path)) {
    return problems;
  }
  const lib = Y();
  const lines = new lib.LineCounter();
  const doc = lib.parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  return problems.map((p) => {
    if (p.line > 0 || !p.path) {
      return p;
    }
    const pos = positionOf(doc, lines, p.path, false);
    return { ...p, line: pos.line, column: pos.column };
  });
}

/** Line and column (1-based) of the node at a path, or of its nearest existing ancestor. */
export function positionOf(
  doc: Document.Parsed,
  lines: LineCounter,
  path: (string | number)[],
  atKey: boolean,
): { line: number; column: number } {
  const { isMap, isScalar, isSeq } = Y();
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) {
        break;
      }
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      if (item === undefined || item === null) {
        break;
      }
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
  }
  const target = (atKey && keyNode ? keyNode : node) as Node | undefined;
  const offset = target?.range?.[0] ?? 0;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
