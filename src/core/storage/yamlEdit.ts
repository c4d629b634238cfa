/**
 * Surgical edits of YAML text.
 *
 * The store never re-serializes a whole file: each change is turned into a splice of the original text
 * at the source range of the node it touches (ranges from the `yaml` Document API), so comments, key
 * order, quoting, block scalars, anchors, blank lines and unknown keys of every untouched part survive
 * byte for byte. After splicing, the result is parsed again and compared with what the change should
 * have produced; if it differs (an exotic layout the splicer does not understand), the change is applied
 * through the Document API instead, which still keeps comments and unknown keys. If that also fails, the
 * edit is refused: nothing is written.
 */
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { loadPlain } from './plain';
import { Y } from './yamlLib';
import type { Edit, PathSegment, YamlPath } from '../domain/edit';

const isCollection = (n: unknown): n is YAMLMap | YAMLSeq => Y().isCollection(n);
const isMap = (n: unknown): n is YAMLMap => Y().isMap(n);
const isSeq = (n: unknown): n is YAMLSeq => Y().isSeq(n);
const isPair = (n: unknown): n is Pair => Y().isPair(n);
const isScalar = (n: unknown): n is Scalar => Y().isScalar(n);

export type { Edit, PathSegment, YamlPath };

export class EditError extends Error {}

export const PARSE_OPTIONS = { prettyErrors: true, uniqueKeys: true, strict: true } as const;
export const TO_JS_OPTIONS = { maxAliasCount: 100 } as const;

/**
 * Applies edits to YAML text and returns the new text, with its plain data as the check read it (so the
 * caller need not read it again). Throws EditError when it cannot be done safely.
 */
export function applyEdits(text: string, rawEdits: readonly Edit[]): { text: string; surgical: boolean; data: unknown } {
  // Plain JSON values only: undefined fields are dropped, so the file never holds `key: null` by accident.
  const edits = rawEdits.map((e) => (e.op === 'remove' ? e : { ...e, value: plainJson(e.value) }));
  // The truth each result is checked against: the same edits applied to the file's plain data, read by a
  // second, independent parser (js-yaml), which is also much faster than the Document API.
  let expectedData = plainOf(text);
  // Copy-on-write along each edit's path: the data read (possibly the last write's, see plainOf) is never changed.
  const copied = new WeakSet<object>();
  for (const edit of edits) {
    expectedData = applyToPlain(ownPath(expectedData, edit.path, copied), edit);
  }
  let out = text;
  let data: unknown;
  try {
    for (const edit of edits) {
      out = spliceEdit(out, edit);
    }
    data = sameData(out, expectedData);
  } catch (e) {
    if (!(e instanceof EditError)) {
      throw e;
    }
    data = undefined;
  }
  const surgical = data !== undefined;
  if (!surgical) {
    const doc = parseStrict(text);
    for (const edit of edits) {
      applyToDocument(doc, edit);
    }
    out = doc.toString({ lineWidth: 0 });
    if (text.includes('\r\n')) {
      out = out.replace(/\r?\n/g, '\r\n'); // keep the file's line ends
    }
    data = sameData(out, expectedData);
    if (data === undefined) {
      throw new EditError('The change could not be applied without altering other data; nothing was written.');
    }
  }
  lastWritten = { text: out, data };
  return { text: out, surgical, data };
}

/**
 * The plain data of the text the last edit produced. The next edit of the same file starts from that
 * text (a session, then a check-in): its data need not be read again. Edits never change it (ownPath).
 */
let lastWritten: { text: string; data: unknown } | undefined;

function plainOf(text: string): unknown {
  if (lastWritten && lastWritten.text === text) {
    return lastWritten.data;
  }
  try {
    return loadPlain(text);
  } catch (e) {
    throw new EditError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

/** The text's plain data when it equals what was expected; undefined when not (or when it does not load). */
function sameData(text: string, expected: unknown): unknown {
  try {
    const data = loadPlain(text);
    return deepEqual(data, expected) ? data : undefined;
  } catch {
    return undefined;
  }
}

function plainJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function parseStrict(text: string): Document.Parsed {
  const doc = Y().parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) {
    throw new EditError(doc.errors[0].message.split('\n')[0]);
  }
  return doc;
}

/**
 * The document whose node positions tell where to splice. Where the `yaml` library is stricter than the
 * reader (a lenient construct js-yaml reads, like two anchors on one node), its positions still hold for
 * the parts around them; the splice is kept only if the result reads as the expected data, so the file
 * that loads is also the file that can be written.
 */
function parseForSplice(text: string): Document.Parsed {
  const doc = Y().parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 && doc.contents === null) {
    throw new EditError(doc.errors[0].message.split('\n')[0]);
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------------
// Plain-data semantics (the truth the text edits are checked against)

function applyToPlain(data: unknown, edit: Edit): unknown {
  const root = data;
  if (edit.path.length === 0) {
    if (edit.op === 'set') {
      return structuredClone(edit.value);
    }
    throw new EditError('An edit needs a path.');
  }
  const parentPath = edit.path.slice(0, -1);
  const last = edit.path[edit.path.length - 1];
  if (edit.op === 'append') {
    const target = getPlain(root, edit.path);
    if (target === undefined || target === null) {
      return applyToPlain(root, { op: 'set', path: edit.path, value: [edit.value] });
    }
    if (!Array.isArray(target)) {
      throw new EditError(`Cannot add an item to ${describePath(edit.path)}: it is not a list.`);
    }
    target.push(structuredClone(edit.value));
    return root;
  }
  if (edit.op === 'set') {
    let parent = getPlain(root, parentPath);
    if (parent === undefined || parent === null) {
      const created = typeof last === 'number' ? [] : {};
      const next = applyToPlain(root, { op: 'set', path: parentPath, value: created });
      parent = getPlain(next, parentPath);
      setChild(parent, last, structuredClone(edit.value), edit.path);
      return next;
    }
    setChild(parent, last, structuredClone(edit.value), edit.path);
    return root;
  }
  const parent = getPlain(root, parentPath);
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last < 0 || last >= parent.length) {
      throw new EditError(`Nothing to remove at ${describePath(edit.path)}.`);
    }
    parent.splice(last, 1);
  } else if (isPlainObject(parent) && typeof last === 'string') {
    delete parent[last];
  } else {
    throw new EditError(`Nothing to remove at ${describePath(edit.path)}.`);
  }
  return root;
}

/** `root` with every collection on `path` replaced by a copy of its own (once per apply), ready to change. */
function ownPath(root: unknown, path: YamlPath, copied: WeakSet<object>): unknown {
  const own = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || copied.has(v)) {
      return v;
    }
    const copy = Array.isArray(v) ? [...(v as unknown[])] : { ...(v as Record<string, unknown>) };
    copied.add(copy);
    return copy;
  };
  const top = own(root);
  let cur: unknown = top;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number' && seg >= 0 && seg < cur.length) {
      cur[seg] = own(cur[seg]);
      cur = cur[seg];
    } else if (isPlainObject(cur) && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(cur, seg)) {
      cur[seg] = own(cur[seg]);
      cur = cur[seg];
    } else {
      break;
    }
  }
  return top;
}

function setChild(parent: unknown, key: PathSegment, value: unknown, path: YamlPath): void {
  if (Array.isArray(parent) && typeof key === 'number' && key >= 0 && key <= parent.length) {
    parent[key] = value;
  } else if (isPlainObject(parent) && typeof key === 'string') {
    parent[key] = value;
  } else {
    throw new EditError(`Cannot set ${describePath(path)}.`);
  }
}

function getPlain(data: unknown, path: YamlPath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') {
      cur = cur[seg];
    } else if (isPlainObject(cur) && typeof seg === 'string') {
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    } else {
      return undefined;
    }
  }
  return cur;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (a instanceof Date && b instanceof Date) {
    return a.getTime() === b.getTime();
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  if (a instanceof Map && b instanceof Map) {
    return a.size === b.size && [...a].every(([k, v]) => deepEqual(v, b.get(k)));
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

function describePath(path: YamlPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(root)';
}

// ---------------------------------------------------------------------------------------------------
// Document API fallback

function applyToDocument(doc: Document.Parsed, edit: Edit): void {
  if (edit.op === 'set') {
    doc.setIn(edit.path, doc.createNode(edit.value));
  } else if (edit.op === 'append') {
    const target: unknown = doc.getIn(edit.path, true);
    if (isSeq(target)) {
      target.add(doc.createNode(edit.value));
    } else {
      doc.setIn(edit.path, doc.createNode([edit.value]));
    }
  } else {
    doc.deleteIn(edit.path);
  }
}

// ---------------------------------------------------------------------------------------------------
// Text splicing

function spliceEdit(text: string, edit: Edit): string {
  const slice = sliceFor(text, edit);
  if (!slice) {
    return spliceWhole(text, edit);
  }
  const inner = spliceWhole(slice.text, { ...edit, path: slice.path });
  if (!inner.startsWith(slice.keep)) {
    throw new EditError('slice');
  }
  return text.slice(0, slice.start) + inner.slice(slice.keep.length) + text.slice(slice.end);
}

// ---------------------------------------------------------------------------------------------------
// Slices: an edit deep in a large file parses only the part it touches.
//
// The Document API parse that finds where to splice costs ~0.3 s per MB. A mentee file is a block
// mapping with its keys at column 0, and its lists are block sequences, so the text of one top-level
// key, or of one item of a top-level list, is a YAML document of its own with the same columns. The edit
// is made on that slice (the same splicing code) and the slice put back. Anything that does not look
// like that (flow or indentless root collections, directives, several documents) is edited whole; and
// every result is still checked against the expected data, with the whole-document path behind it.

interface Slice {
  /** The slice's text: a line-aligned part of the file (after `keep`), parsed on its own. */
  text: string;
  /** Lines kept at the head of the slice for context (the key line), not put back. */
  keep: string;
  /** Where the part after `keep` starts and ends in the file. */
  start: number;
  end: number;
  /** The edit's path inside the slice. */
  path: YamlPath;
}

/** Only worth it for large files: below this the whole parse is quick and the plainest path is taken. */
const SLICE_MIN_CHARS = 16 * 1024;

const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|\r?\n|$)/;

interface Region {
  /** Start of the key's line. */
  start: number;
  /** After the key's line (its newline included). */
  bodyStart: number;
  /** Start of the next top-level line (or the end of the text). */
  end: number;
}

/** The top-level keys of a block mapping written with its keys at column 0, or undefined. */
function topRegions(text: string): Map<string, Region> | undefined {
  const regions = new Map<string, Region>();
  let current: Region | undefined;
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const c = text.charCodeAt(pos);
    // Lines that start with a space, a comment or nothing belong to the key above.
    if (c !== 0x20 && c !== 0x23 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      const m = TOP_KEY.exec(text.slice(pos, Math.min(lineEnd, pos + 200)));
      if (!m || regions.has(m[1])) {
        return undefined; // not a plain block mapping at column 0 (or a duplicate key): edit it whole
      }
      if (current) {
        current.end = pos;
      }
      current = { start: pos, bodyStart: lineEnd, end: text.length };
      regions.set(m[1], current);
    } else if (c === 0x09) {
      return undefined;
    }
    pos = lineEnd;
  }
  return regions;
}

/** Starts of the lines of a block sequence's items (`- ` at one indent) in [from, to), or undefined. */
function itemStarts(text: string, from: number, to: number): number[] | undefined {
  const starts: number[] = [];
  let indent = -1;
  for (let pos = from; pos < to; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl + 1 > to ? to : nl + 1;
    let i = pos;
    while (i < lineEnd && text.charCodeAt(i) === 0x20) {
      i++;
    }
    const c = text.charCodeAt(i);
    const blank = i >= lineEnd || c === 0x0a || c === 0x0d || c === 0x23;
    if (!blank) {
      const col = i - pos;
      const dash = c === 0x2d && (i + 1 >= lineEnd || [0x20, 0x0a, 0x0d].includes(text.charCodeAt(i + 1)));
      if (indent < 0) {
        if (!dash || col === 0) {
          return undefined; // not a block sequence (or an indentless one)
        }
        indent = col;
      }
      if (col < indent) {
        return undefined;
      }
      if (col === indent) {
        if (!dash) {
          return undefined;
        }
        starts.push(pos);
      }
    }
    pos = lineEnd;
  }
  return starts.length > 0 ? starts : undefined;
}

function sliceFor(text: string, edit: Edit): Slice | undefined {
  if (text.length < SLICE_MIN_CHARS || edit.path.length === 0 || typeof edit.path[0] !== 'string') {
    return undefined;
  }
  const regions = topRegions(text);
  const region = regions?.get(edit.path[0]);
  if (!region) {
    return undefined; // a new top-level key: the whole mapping is needed
  }
  const keyLine = text.slice(region.start, region.bodyStart);
  const items = typeof edit.path[1] === 'number' || (edit.path.length === 1 && edit.op === 'append') ? itemStarts(text, region.bodyStart, region.end) : undefined;
  if (edit.path.length === 1 && edit.op === 'append' && items) {
    // Adding to a list: its key and last item are enough to know where and how the new item goes.
    const last = items[items.length - 1];
    return { text: keyLine + text.slice(last, region.end), keep: keyLine, start: last, end: region.end, path: edit.path };
  }
  if (typeof edit.path[1] === 'number' && items) {
    const i = edit.path[1];
    if (i >= items.length || (edit.op === 'remove' && edit.path.length === 2 && items.length === 1)) {
      return undefined;
    }
    const end = i + 1 < items.length ? items[i + 1] : region.end;
    return { text: text.slice(items[i], end), keep: '', start: items[i], end, path: [0, ...edit.path.slice(2)] };
  }
  return { text: text.slice(region.start, region.end), keep: '', start: region.start, end: region.end, path: edit.path };
}

function spliceWhole(text: string, edit: Edit): string {
  try {
    return spliceDirect(text, edit);
  } catch (e) {
    const inFlow = e instanceof EditError ? spliceInFlow(text, edit) : undefined;
    if (inFlow === undefined) {
      throw e;
    }
    return inFlow;
  }
}

/**
 * An edit inside a flow collection written on one line (`- {id: g1, title: …, progress: 5}`) rewrites
 * that collection, in flow style, where it stands: the other lines stay as they are. Undefined when the
 * edit goes through no such collection, or the collection spans lines (it may hold comments).
 */
function spliceInFlow(text: string, edit: Edit): string | undefined {
  const doc = parseForSplice(text);
  const inside = edit.op === 'append' ? edit.path.length : edit.path.length - 1;
  for (let i = 0; i <= inside; i++) {
    const node = nodeAt(doc, edit.path.slice(0, i));
    if (!isCollection(node) || !node.flow) {
      continue;
    }
    const [start, end] = rangeOf(node);
    if (text.slice(start, end).includes('\n')) {
      return undefined;
    }
    const value = applyToPlain(node.toJSON(), { ...edit, path: edit.path.slice(i) } as Edit);
    return text.slice(0, start) + renderBlock(value, true).join(' ') + text.slice(end);
  }
  return undefined;
}

function spliceDirect(text: string, edit: Edit): string {
  const doc = parseForSplice(text);
  if (edit.op === 'append') {
    const target = nodeAt(doc, edit.path);
    if (target === undefined || (isScalar(target) && target.value === null)) {
      return spliceEdit(text, { op: 'set', path: edit.path, value: [edit.value] });
    }
    if (!isSeq(target)) {
      throw new EditError('not a sequence');
    }
    if (target.items.length === 0 && isComplex(edit.value) && edit.path.length > 0) {
      // `key: []` becomes a block list under the key.
      return spliceEdit(text, { op: 'set', path: edit.path, value: [edit.value] });
    }
    return appendToSeq(text, target, edit.value);
  }
  if (edit.path.length === 0) {
    throw new EditError('root');
  }
  const parentPath = edit.path.slice(0, -1);
  const last = edit.path[edit.path.length - 1];
  const parent = nodeAt(doc, parentPath);
  if (edit.op === 'remove') {
    if (isSeq(parent) && typeof last === 'number') {
      if (parent.items.length === 1 && !parent.flow && parentPath.length > 0 && last === 0) {
        // The key keeps an explicit empty list rather than becoming null.
        return spliceEdit(text, { op: 'set', path: parentPath, value: [] });
      }
      return removeSeqItem(text, parent, last);
    }
    if (isMap(parent) && typeof last === 'string') {
      const pair = findPair(parent, last);
      return pair ? removePair(text, parent, pair) : text;
    }
    throw new EditError('remove');
  }
  // set
  if (parent === undefined || (isScalar(parent) && parent.value === null)) {
    const created = typeof last === 'number' ? [edit.value] : { [last]: edit.value };
    if (typeof last === 'number' && last !== 0) {
      throw new EditError('sparse');
    }
    return spliceEdit(text, { op: 'set', path: parentPath, value: created });
  }
  if (isMap(parent) && typeof last === 'string') {
    const pair = findPair(parent, last);
    if (pair) {
      return replacePairValue(text, pair, edit.value);
    }
    return insertPair(text, parent, last, edit.value);
  }
  if (isSeq(parent) && typeof last === 'number') {
    if (last === parent.items.length) {
      return appendToSeq(text, parent, edit.value);
    }
    const item = parent.items[last];
    if (!item || !isNodeWithRange(item) || parent.flow) {
      throw new EditError('seq item');
    }
    return replaceSeqItem(text, item, edit.value);
  }
  throw new EditError('set');
}

function nodeAt(doc: Document.Parsed, path: YamlPath): Node | undefined {
  if (path.length === 0) {
    return (doc.contents ?? undefined) as Node | undefined;
  }
  const n: unknown = doc.getIn(path, true);
  return n === undefined ? undefined : (n as Node);
}

function isNodeWithRange(n: unknown): n is Node & { range: [number, number, number] } {
  return typeof n === 'object' && n !== null && Array.isArray((n as { range?: unknown }).range);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isPair(item)) {
      const k: unknown = item.key;
      const kv = isScalar(k) ? k.value : k;
      if (kv === key) {
        return item as Pair;
      }
    }
  }
  return undefined;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** End of the line holding pos, after its newline (or the end of the text). */
function afterLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

function rangeOf(node: unknown): [number, number, number] {
  if (!isNodeWithRange(node) || !node.range) {
    throw new EditError('node without a source range');
  }
  return node.range;
}

/** Where new block lines go after a block collection: at a line start at or after its end. */
function blockInsertPoint(text: string, node: Node): { pos: number; prefix: string } {
  const end = rangeOf(node)[2];
  if (end > 0 && text[end - 1] === '\n') {
    return { pos: end, prefix: '' };
  }
  const pos = afterLine(text, end);
  return pos === text.length && !text.endsWith('\n') ? { pos, prefix: '\n' } : { pos, prefix: '' };
}

const EOL_OF = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Renders a value as YAML text lines at indent 0 (no trailing newline). */
function renderBlock(value: unknown, flow = false): string[] {
  const doc = new (Y().Document)(value, { keepUndefined: false });
  if (flow && isCollection(doc.contents)) {
    doc.contents.flow = true;
  }
  const out = doc.toString({ lineWidth: 0, indentSeq: true });
  return out.replace(/\n$/, '').split('\n');
}

function isEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

function isComplex(value: unknown): boolean {
  return (Array.isArray(value) || isPlainObject(value)) && !isEmptyCollection(value);
}

function scalarText(value: unknown, indent: number, like?: Scalar): string {
  if (typeof value === 'string' && value.includes('\n')) {
    const lines = renderBlock(value);
    return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)).join('\n');
  }
  const s = new (Y().Scalar)(value);
  if (like && typeof value === 'string' && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE')) {
    s.type = like.type;
  }
  return new (Y().Document)(s).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

function withEol(text: string, lines: string[]): string {
  const eol = EOL_OF(text);
  return lines.join(eol) + eol;
}

function indentLines(lines: string[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return lines.map((l) => (l.length > 0 ? pad + l : l));
}

/** Lines for `key: value` at the given indent. */
function pairLines(key: string, value: unknown, indent: number): string[] {
  const k = renderBlock(key)[0];
  if (isComplex(value)) {
    return [' '.repeat(indent) + k + ':', ...indentLines(renderBlock(value), indent + 2)];
  }
  return [' '.repeat(indent) + k + ': ' + scalarOrEmpty(value, indent + 2)];
}

function scalarOrEmpty(value: unknown, indent: number): string {
  if (Array.isArray(value)) {
    return '[]';
  }
  if (isPlainObject(value)) {
    return '{}';
  }
  return scalarText(value, indent);
}

/** Lines for `- value` at the given indent. */
function itemLines(value: unknown, indent: number): string[] {
  if (isComplex(value)) {
    const inner = renderBlock(value);
    if (Array.isArray(value)) {
      return [' '.repeat(indent) + '-', ...indentLines(inner, indent + 2)];
    }
    return inner.map((l, i) => (i === 0 ? ' '.repeat(indent) + '- ' + l : l.length > 0 ? ' '.repeat(indent + 2) + l : l));
  }
  return [' '.repeat(indent) + '- ' + scalarOrEmpty(value, indent + 2)];
}

function replaceFlow(text: string, node: Node, value: unknown): string {
  const [start, valueEnd] = rangeOf(node);
  const flowText = renderBlock(value, true).join(' ');
  return text.slice(0, start) + flowText + text.slice(valueEnd);
}

/**
 * Adds a scalar to a one-line flow sequence in the sequence's own style: after its last item, with the
 * separator and quoting its items already use (`[listening, calm code reviews]` gains `, pairing`).
 * Undefined where the sequence is not that simple.
 */
function appendToFlow(text: string, seq: YAMLSeq, value: unknown): string | undefined {
  if (isComplex(value) || !seq.items.every((i) => isScalar(i) && isNodeWithRange(i))) {
    return undefined;
  }
  const [start, valueEnd] = rangeOf(seq);
  const close = text.lastIndexOf(']', valueEnd);
  if (text[start] !== '[' || close < start || text.slice(start, close).includes('\n') || text.slice(start, close).includes('#')) {
    return undefined;
  }
  const items = seq.items as (Scalar & { range: [number, number, number] })[];
  const like = items[0];
  const item = scalarText(value, 0, like);
  if (item.includes('\n')) {
    return undefined;
  }
  if (items.length === 0) {
    return text.slice(0, start + 1) + text.slice(start + 1, close) + item + text.slice(close);
  }
  const last = items[items.length - 1];
  if (text.slice(last.range[1], close).trim() !== '') {
    return undefined; // a trailing comma or something else after the last item
  }
  const sep = items.length > 1 ? text.slice(items[0].range[1], items[1].range[0]) : ', ';
  if (!/^\s*,\s*$/.test(sep)) {
    return undefined;
  }
  return text.slice(0, last.range[1]) + sep + item + text.slice(last.range[1]);
}

function appendToSeq(text: string, seq: YAMLSeq, value: unknown): string {
  if (seq.flow || seq.items.length === 0) {
    const own = seq.flow ? appendToFlow(text, seq, value) : undefined;
    if (own !== undefined) {
      return own;
    }
    const current = (seq.toJSON() as unknown[]) ?? [];
    if (isComplex(value) || current.some(isComplex)) {
      throw new EditError('flow with complex items');
    }
    return replaceFlow(text, seq, [...current, value]);
  }
  const first = seq.items[0];
  const indent = dashColumn(text, first);
  const { pos, prefix } = blockInsertPoint(text, seq);
  return text.slice(0, pos) + prefix + withEol(text, itemLines(value, indent)) + text.slice(pos);
}

/** Column of the `-` that introduces a block sequence item. */
function dashColumn(text: string, item: unknown): number {
  const start = rangeOf(item)[0];
  const ls = lineStart(text, start);
  const line = text.slice(ls, start);
  const dash = line.indexOf('-');
  if (dash < 0) {
    throw new EditError('sequence item not on its dash line');
  }
  return dash;
}

function removeSeqItem(text: string, seq: YAMLSeq, index: number): string {
  const item = seq.items[index];
  if (item === undefined) {
    throw new EditError('no such item');
  }
  if (seq.flow) {
    const current = (seq.toJSON() as unknown[]) ?? [];
    if (current.some(isComplex)) {
      throw new EditError('flow with complex items');
    }
    return replaceFlow(text, seq, current.filter((_, i) => i !== index));
  }
  const [start, , end] = rangeOf(item);
  const from = lineStart(text, start);
  let to = end;
  if (to > 0 && text[to - 1] !== '\n') {
    to = afterLine(text, to);
  }
  return text.slice(0, from) + text.slice(to);
}

function replaceSeqItem(text: string, item: Node, value: unknown): string {
  const [start, valueEnd] = rangeOf(item);
  const indent = columnOf(text, start);
  if (isScalar(item) || !isComplex(value)) {
    if (!isScalar(item)) {
      throw new EditError('collection to scalar');
    }
    return text.slice(0, start) + scalarOrEmpty(value, indent) + text.slice(valueEnd);
  }
  if (isCollection(item) && item.flow) {
    throw new EditError('flow item');
  }
  const lines = renderBlock(value).map((l, i) => (i === 0 || l.length === 0 ? l : ' '.repeat(indent) + l));
  let body = lines.join(EOL_OF(text));
  if (text[valueEnd - 1] === '\n') {
    body += EOL_OF(text);
  }
  return text.slice(0, start) + body + text.slice(valueEnd);
}

function keyIndentOf(text: string, pair: Pair): number {
  return columnOf(text, rangeOf(pair.key)[0]);
}

function replacePairValue(text: string, pair: Pair, value: unknown): string {
  const keyNode = pair.key;
  const [, keyEnd] = rangeOf(keyNode);
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0) {
    throw new EditError('no colon');
  }
  const indent = keyIndentOf(text, pair);
  const old: unknown = pair.value;
  const oldIsBlockCollection = isCollection(old) && !old.flow && old.items.length > 0;
  if (isComplex(value)) {
    if (isCollection(old) && old.flow && !isComplex(old.toJSON())) {
      // Keep a flow list of plain values in flow style.
      if (Array.isArray(value) && !value.some(isComplex)) {
        return replaceFlow(text, old, value);
      }
    }
    const lines = indentLines(renderBlock(value), indent + 2);
    if (oldIsBlockCollection) {
      const [start, , end] = rangeOf(old);
      const from = lineStart(text, start);
      let to = end;
      if (text[to - 1] !== '\n') {
        to = afterLine(text, to);
      }
      return text.slice(0, from) + withEol(text, lines) + text.slice(to);
    }
    // Scalar, empty or null value on the key's line: the block goes under the key line.
    const lineEnd = afterLine(text, colon);
    const from = old && isNodeWithRange(old) && (old as Node).range ? rangeOf(old)[0] : colon + 1;
    const valueEnd = old && isNodeWithRange(old) && (old as Node).range ? rangeOf(old)[1] : colon + 1;
    if (valueEnd > lineEnd) {
      throw new EditError('multi-line scalar to collection');
    }
    const head = text.slice(0, colon + 1) + trimRight(text.slice(colon + 1, from)) + keepComment(text.slice(valueEnd, lineEnd));
    const needsEol = !head.endsWith('\n');
    return head + (needsEol ? EOL_OF(text) : '') + withEol(text, lines) + text.slice(lineEnd);
  }
  // New value fits on the key line.
  const rendered = scalarOrEmpty(value, indent + 2);
  if (oldIsBlockCollection) {
    const [start, , end] = rangeOf(old);
    let to = end;
    if (text[to - 1] !== '\n') {
      to = afterLine(text, to);
    }
    const keyLineEnd = afterLine(text, colon);
    const keyLine = text.slice(0, keyLineEnd).replace(/\r?\n$/, '');
    if (start < keyLineEnd) {
      throw new EditError('block collection on the key line');
    }
    return keyLine.replace(/:(\s*)(#.*)?$/, (_m, _s: string, c?: string) => `: ${rendered}${c ? ' ' + c : ''}`) + EOL_OF(text) + text.slice(to);
  }
  if (old && isNodeWithRange(old) && (old as Node).range) {
    const [start, valueEnd] = rangeOf(old);
    const isEmptyNull = isScalar(old) && old.value === null && start === valueEnd;
    if (isEmptyNull) {
      const rest = text.slice(colon + 1, afterLine(text, colon));
      const comment = /^\s*#/.test(rest);
      return text.slice(0, colon + 1) + ' ' + rendered + (comment ? ' ' : '') + text.slice(colon + 1).replace(/^ +(?=#)/, '');
    }
    const like = isScalar(old) ? old : undefined;
    const newText = scalarText(value, indent + 2, like);
    return text.slice(0, start) + newText + text.slice(valueEnd);
  }
  return text.slice(0, colon + 1) + ' ' + rendered + text.slice(colon + 1);
}

function trimRight(s: string): string {
  return s.replace(/[ \t]+$/, '');
}

function keepComment(rest: string): string {
  const m = /^[ \t]*(#[^\r\n]*)?(\r?\n)?$/.exec(rest);
  if (!m) {
    throw new EditError('unexpected text after value');
  }
  return (m[1] ? ' ' + m[1] : '') + (m[2] ?? '');
}

function insertPair(text: string, map: YAMLMap, key: string, value: unknown): string {
  if (map.flow || map.items.length === 0) {
    const current = map.toJSON() as Record<string, unknown>;
    if (isComplex(value) || Object.values(current).some(isComplex)) {
      throw new EditError('flow map with complex values');
    }
    const [start, valueEnd] = rangeOf(map);
    const flowText = renderBlock({ ...current, [key]: value }, true).join(' ');
    return text.slice(0, start) + flowText + text.slice(valueEnd);
  }
  const firstPair = map.items[0];
  const indent = keyIndentOf(text, firstPair as Pair);
  const { pos, prefix } = blockInsertPoint(text, map);
  return text.slice(0, pos) + prefix + withEol(text, pairLines(key, value, indent)) + text.slice(pos);
}

function removePair(text: string, map: YAMLMap, pair: Pair): string {
  if (map.flow) {
    const current = map.toJSON() as Record<string, unknown>;
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (Object.values(current).some(isComplex)) {
      throw new EditError('flow map with complex values');
    }
    delete current[key];
    const [start, valueEnd] = rangeOf(map);
    return text.slice(0, start) + renderBlock(current, true).join(' ') + text.slice(valueEnd);
  }
  if (map.items.length === 1) {
    throw new EditError('last key of a block map');
  }
  const [keyStart] = rangeOf(pair.key);
  const from = lineStart(text, keyStart);
  const valueNode: unknown = pair.value;
  let to: number;
  if (valueNode && isNodeWithRange(valueNode) && (valueNode as Node).range) {
    const end = rangeOf(valueNode)[2];
    to = end > 0 && text[end - 1] === '\n' ? end : afterLine(text, end);
  } else {
    to = afterLine(text, keyStart);
  }
  return text.slice(0, from) + text.slice(to);
}
