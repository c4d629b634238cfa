/**
 * Code anchors: finding the code a piece of feedback was about after the file changed, and shifting a
 * range live while the file is edited.
 *
 * Positions in anchors are 1-based lines and columns (columns count UTF-16 code units, like VS Code's
 * `character` + 1). Change events use VS Code's 0-based positions; the conversion happens here, once.
 */
import type { AnchorRange, CodeAnchor } from '../domain/model';

export type LocateStatus = 'found' | 'moved' | 'notFound';
export type LocateMethod = 'exact' | 'nearest' | 'whitespace' | 'fuzzy' | 'edited' | 'none';

export interface LocateResult {
  status: LocateStatus;
  method: LocateMethod;
  range?: AnchorRange;
  /** 0..1; 1 for an exact match. */
  confidence: number;
  /**
   * Set when the code now stands in several places that the surroundings cannot tell apart: the range
   * is the likeliest one, and the UI must say that it may be another.
   */
  ambiguous?: number;
  /**
   * Set when the anchored lines were rewritten where they stood (their surroundings are still together
   * around other lines): the range is that place, and the UI must say the code changed.
   */
  edited?: boolean;
  /**
   * Set when the place may not be the code the anchor was made on, for a reason the UI must say:
   * 'changed' — the anchored text stands nowhere as it was, these are the most similar lines;
   * 'surroundings' — the same text stands here, but most of the lines that were around it do not.
   */
  doubt?: 'changed' | 'surroundings';
}

/** Below this a fuzzy match is not trusted: better to say "not found" than to jump to a wrong place. */
export const FUZZY_THRESHOLD = 0.72;
/** A fuzzy match whose surroundings are less alike than this is not taken for the code. */
export const FUZZY_CONTEXT_MIN = 0.6;
const CONTEXT_LINES = 3;

/** Line start offsets of a text, for offset ↔ line/column conversion. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /** Offset of a 1-based line and column, clamped to the text. */
  offset(line: number, column: number): number {
    if (line < 1) {
      return 0;
    }
    if (line > this.starts.length) {
      return this.text.length;
    }
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return Math.min(start + Math.max(0, column - 1), end);
  }
  lineText(line: number): string {
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
  rangeOf(start: number, end: number): AnchorRange {
    const a = this.position(start);
    const b = this.position(end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }

  private squashedLines: string[] | undefined;
  private occurrences: Map<string, number> | undefined;

  /** A 1-based line without its white space; all lines are squashed once, when first asked. */
  squashed(line: number): string {
    // One pass of the regular expression engine over the whole text, white space but line breaks out.
    this.squashedLines ??= this.text.replace(/[^\S\n]+/g, '').split('\n');
    return this.squashedLines[line - 1] ?? '';
  }

  /** How often a line (without its white space) occurs in the text. */
  count(squashedLine: string): number {
    if (!this.occurrences) {
      const counts = new Map<string, number>();
      for (let i = 1; i <= this.lineCount; i++) {
        const l = this.squashed(i);
        counts.set(l, (counts.get(l) ?? 0) + 1);
      }
      this.occurrences = counts;
    }
    return this.occurrences.get(squashedLine) ?? 0;
  }
}

/** The context stored with a new anchor: a few whole lines before and after the selection. */
export function captureContext(text: string, range: AnchorRange): Pick<CodeAnchor, 'text' | 'before' | 'after'> {
  const idx = new LineIndex(text);
  const start = idx.offset(range.startLine, range.startColumn);
  const end = idx.offset(range.endLine, range.endColumn);
  const beforeFrom = idx.offset(Math.max(1, range.startLine - CONTEXT_LINES), 1);
  const afterTo = range.endLine + CONTEXT_LINES <= idx.lineCount ? idx.starts[range.endLine + CONTEXT_LINES - 1] : text.length;
  return {
    text: text.slice(start, end),
    before: text.slice(beforeFrom, start),
    after: text.slice(end, Math.max(end, afterTo)),
  };
}

/** Finds the anchored code in the current text of its file. */
export function locate(text: string, anchor: Pick<CodeAnchor, 'range' | 'text' | 'before' | 'after'>): LocateResult {
  const idx = new LineIndex(text);
  const r = locateText(idx, text, anchor);
  if (r.status === 'found' || r.method === 'exact') {
    return r; // the same text where it was: the code itself, unchanged
  }
  if (r.method === 'nearest' || r.method === 'whitespace') {
    // The same text elsewhere. Code that moved takes some of its surroundings along; a copy with none of
    // them may be another piece of code that reads the same, while the anchored lines were edited.
    return r.range && !r.ambiguous && !keepsSurroundings(idx, anchor, r.range) ? { ...r, doubt: 'surroundings' } : r;
  }
  // Only something like it, or nothing: was it rewritten where it stood? Then the look-alike elsewhere is
  // another piece of code, and the place of the change is the honest answer, said as such.
  const place = editedInPlace(idx, anchor);
  if (place && !(r.range && r.range.startLine <= place.outerEnd && r.range.endLine >= place.outerStart)) {
    return { status: 'moved', method: 'edited', range: place.range, confidence: 0.5, edited: true };
  }
  // Lines like the anchored ones, not the same: said as such, never as "moved".
  return r.method === 'fuzzy' ? { ...r, doubt: 'changed' } : r;
}

/**
 * The whole lines of context the anchor remembers, squashed, blank ones left out, in file order (`before`
 * ends at the start of the selection's line, `after` starts at the end of its last line: the partial
 * pieces are not lines of context).
 */
function rememberedLines(anchor: Pick<CodeAnchor, 'before' | 'after'>): { above: string[]; below: string[] } {
  const afterPieces = (anchor.after ?? '').split('\n').slice(1);
  return {
    above: (anchor.before ?? '').split('\n').slice(0, -1).map(squash).filter((l) => l.length > 0),
    below: ((anchor.after ?? '').endsWith('\n') ? afterPieces.slice(0, -1) : afterPieces).map(squash).filter((l) => l.length > 0),
  };
}

/** The nearest non-blank lines around a range (squashed), `n` above and `n` below, nearest first. */
function around(idx: LineIndex, range: AnchorRange, n: number): { above: string[]; below: string[] } {
  const above: string[] = [];
  for (let i = range.startLine - 1; i >= 1 && above.length < n; i--) {
    const l = idx.squashed(i);
    if (l) {
      above.push(l);
    }
  }
  const below: string[] = [];
  for (let i = range.endLine + 1; i <= idx.lineCount && below.length < n; i++) {
    const l = idx.squashed(i);
    if (l) {
      below.push(l);
    }
  }
  return { above, below };
}

/**
 * Whether the copy at `range` still stands among what was around the code, and those surroundings single
 * it out: at least half of the nearest non-blank lines the anchor remembers (up to three above, three
 * below) are next to it, in their order, and nowhere else in the file do the same lines stand in the same
 * order around a block of the same height. Code that moved takes most of its surroundings along; a copy of
 * generic lines (`} else {`, `return true;`) that merely reads the same sits among other ones — or, in a
 * test file that repeats one block many times (an app set up, a request made, a check), among the same
 * scaffolding as every other copy, which says nothing about which one it is.
 */
function keepsSurroundings(idx: LineIndex, anchor: Pick<CodeAnchor, 'text' | 'before' | 'after'>, range: AnchorRange): boolean {
  const remembered = rememberedLines(anchor);
  const above = remembered.above.slice(-3).reverse();
  const below = remembered.below.slice(0, 3);
  if (above.length + below.length === 0) {
    return true; // nothing remembered around it: nothing to doubt
  }
  const now = around(idx, range, 3);
  const keptAbove = above.map((l, k) => (now.above[k] === l ? k : -1)).filter((k) => k >= 0);
  const keptBelow = below.map((l, k) => (now.below[k] === l ? k : -1)).filter((k) => k >= 0);
  if ((keptAbove.length + keptBelow.length) * 2 < above.length + below.length) {
    return false;
  }
  // The same surroundings around another block of the same height that reads like the code: they do not
  // tell which copy this is.
  const height = range.endLine - range.startLine;
  const code = squash(anchor.text);
  for (let start = 1; start + height <= idx.lineCount; start++) {
    if (start === range.startLine) {
      continue;
    }
    const there = around(idx, { startLine: start, startColumn: 1, endLine: start + height, endColumn: 1 }, 3);
    if (keptAbove.every((k) => there.above[k] === above[k]) && keptBelow.every((k) => there.below[k] === below[k])) {
      let block = '';
      for (let l = start; l <= start + height; l++) {
        block += idx.squashed(l);
      }
      if (similarity(block, code) >= FUZZY_CONTEXT_MIN) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Where the anchored lines stood, when they were rewritten in place: the lines between the nearest
 * surrounding lines the anchor remembers, still found together (and rare enough in the file to tell the
 * place) near where the code was, with something still between them.
 */
function editedInPlace(idx: LineIndex, anchor: Pick<CodeAnchor, 'range' | 'text' | 'before' | 'after'>): { range: AnchorRange; outerStart: number; outerEnd: number } | undefined {
  const { above: beforeLines, below: afterLines } = rememberedLines(anchor);
  if (beforeLines.length === 0 || afterLines.length === 0) {
    return undefined;
  }
  const above = beforeLines.slice(-2);
  const below = afterLines.slice(0, 2);
  const lines: string[] = [];
  for (let i = 1; i <= idx.lineCount; i++) {
    lines.push(squash(idx.lineText(i)));
  }
  const count = (l: string): number => lines.reduce((n, x) => n + (x === l ? 1 : 0), 0);
  // Context made only of common lines (braces, `return;`) cannot tell a place.
  if (Math.min(...above.map(count)) > 2 && Math.min(...below.map(count)) > 2) {
    return undefined;
  }
  const k = anchor.text.split('\n').length;
  const nonEmptyFrom = (i: number, step: 1 | -1, n: number): number[] => {
    const out: number[] = [];
    for (let j = i; j >= 0 && j < lines.length && out.length < n; j += step) {
      if (lines[j].length > 0) {
        out.push(j);
      }
    }
    return out;
  };
  let best: { from: number; to: number; distance: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== above[above.length - 1]) {
      continue;
    }
    const up = nonEmptyFrom(i, -1, above.length);
    if (up.length < above.length || up.some((j, x) => lines[j] !== above[above.length - 1 - x])) {
      continue;
    }
    // The first non-empty lines below, within a few lines more than the anchor had.
    for (let j = nonEmptyFrom(i + 1, 1, 1)[0]; j !== undefined && j <= i + k + 20; j = nonEmptyFrom(j + 1, 1, 1)[0]) {
      if (lines[j] !== below[0]) {
        continue;
      }
      const next = nonEmptyFrom(j, 1, below.length);
      if (next.length < below.length || next.some((m, x) => lines[m] !== below[x])) {
        continue;
      }
      if (lines.slice(i + 1, j).every((l) => l.length === 0)) {
        break; // the surroundings closed up: the code went, it was not rewritten here
      }
      const distance = Math.abs(i + 2 - anchor.range.startLine);
      if (!best || distance < best.distance) {
        best = { from: i + 1, to: j - 1, distance };
      }
      break;
    }
  }
  if (!best) {
    return undefined;
  }
  // The rewritten lines, without blank lines at their edges (0-based `from`..`to` → 1-based lines).
  let from = best.from;
  let to = best.to;
  while (from < to && lines[from].length === 0) {
    from++;
  }
  while (to > from && lines[to].length === 0) {
    to--;
  }
  return { range: { startLine: from + 1, startColumn: 1, endLine: to + 1, endColumn: idx.lineText(to + 1).length + 1 }, outerStart: best.from + 1, outerEnd: best.to + 1 };
}

function locateText(idx: LineIndex, text: string, anchor: Pick<CodeAnchor, 'range' | 'text' | 'before' | 'after'>): LocateResult {
  const needle = anchor.text;
  if (needle.length === 0) {
    return { status: 'notFound', method: 'none', confidence: 0 };
  }
  const oldStart = idx.offset(anchor.range.startLine, anchor.range.startColumn);
  // 1. and 2. The same text: where it was, or elsewhere. One copy settles it; with several, the one whose
  // surroundings match best, then the nearest — and the result says when that was a close call.
  const hits: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && hits.length < 1000; i = text.indexOf(needle, i + 1)) {
    hits.push(i);
  }
  if (hits.length > 0) {
    const pick = pickBest(
      hits.map((h) => ({ start: h, end: h + needle.length })),
      text,
      anchor,
      idx,
    );
    const best = pick.best;
    const inPlace = best.start === oldStart && idx.position(oldStart).line === anchor.range.startLine;
    return {
      status: inPlace ? 'found' : 'moved',
      method: inPlace ? 'exact' : 'nearest',
      range: idx.rangeOf(best.start, best.end),
      confidence: 1,
      ...(pick.ambiguous ? { ambiguous: hits.length } : {}),
    };
  }
  // 3. The same text with other white space (re-indented, reformatted).
  const ws = whitespaceInsensitive(text, needle);
  if (ws.length > 0) {
    const pick = pickBest(ws, text, anchor, idx);
    return {
      status: 'moved',
      method: 'whitespace',
      range: idx.rangeOf(pick.best.start, pick.best.end),
      confidence: 0.95,
      ...(pick.ambiguous ? { ambiguous: ws.length } : {}),
    };
  }
  // 4. Fuzzy: the window of lines most like the anchored lines, with their context.
  return fuzzy(idx, anchor);
}

function pickBest(
  candidates: { start: number; end: number }[],
  _text: string,
  anchor: Pick<CodeAnchor, 'range' | 'before' | 'after'>,
  idx: LineIndex,
): { best: { start: number; end: number }; ambiguous: boolean } {
  if (candidates.length === 1) {
    return { best: candidates[0], ambiguous: false };
  }
  // Whole context lines, nearest first (the partial lines around the selection are left out).
  const before = (anchor.before ?? '').split('\n').slice(0, -1).reverse().map(squash);
  // `after` ends at the start of a line: its last piece is not a line of context.
  const afterText = anchor.after ?? '';
  const afterPieces = afterText.split('\n').slice(1);
  const after = (afterText.endsWith('\n') ? afterPieces.slice(0, -1) : afterPieces).map(squash);
  // A context line that occurs once in the file says more than "}" or a blank line.
  const weight = (line: string, closeness: number): number => closeness / Math.max(1, idx.count(line));
  let best = candidates[0];
  let bestScore = -Infinity;
  let bestDistance = Infinity;
  const scores: { ctx: number; distance: number; before: number; after: number }[] = [];
  for (const c of candidates) {
    const first = idx.position(c.start).line;
    const last = idx.position(c.end).line;
    // Context lines that are still there, weighted by closeness to the selection and by rarity.
    let beforeScore = 0;
    let afterScore = 0;
    before.forEach((l, k) => {
      if (first - 1 - k >= 1 && squash(idx.lineText(first - 1 - k)) === l) {
        beforeScore += weight(l, before.length - k);
      }
    });
    after.forEach((l, k) => {
      if (last + 1 + k <= idx.lineCount && squash(idx.lineText(last + 1 + k)) === l) {
        afterScore += weight(l, after.length - k);
      }
    });
    const ctx = beforeScore + afterScore;
    const distance = Math.abs(first - anchor.range.startLine);
    scores.push({ ctx, distance, before: beforeScore, after: afterScore });
    // Context first; the distance to the old place breaks ties (a near copy wins over a far one).
    if (ctx > bestScore + 1e-9 || (Math.abs(ctx - bestScore) <= 1e-9 && distance < bestDistance)) {
      bestScore = ctx;
      bestDistance = distance;
      best = c;
    }
  }
  // A close call: nothing around any copy matches; or another copy's surroundings match nearly as well;
  // or a copy nearer to where the code was matches at least half as well.
  const others = scores.filter((x) => !(x.ctx === bestScore && x.distance === bestDistance));
  // The lines above point to one copy and the lines below to another: the code around it was split.
  const topBefore = Math.max(...scores.map((x) => x.before));
  const topAfter = Math.max(...scores.map((x) => x.after));
  const mine = scores.find((x) => x.ctx === bestScore && x.distance === bestDistance);
  const split = !!mine && topBefore > 1e-9 && topAfter > 1e-9 && (mine.before < topBefore - 1e-9 || mine.after < topAfter - 1e-9) && others.some((x) => x.before >= topBefore - 1e-9 || x.after >= topAfter - 1e-9);
  const ambiguous =
    split ||
    bestScore <= 1e-9 ||
    others.some((x) => x.ctx >= AMBIGUITY * bestScore) ||
    others.some((x) => x.distance < bestDistance && x.ctx >= NEARER_AMBIGUITY * bestScore);
  return { best, ambiguous };
}

/** A runner-up whose context scores at least this share of the best makes the result ambiguous… */
const AMBIGUITY = 0.8;
/** …and so does a nearer one with at least this share. */
const NEARER_AMBIGUITY = 0.4;

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Occurrences of needle ignoring all white space, as ranges in the original text. */
function whitespaceInsensitive(text: string, needle: string): { start: number; end: number }[] {
  const target = squash(needle);
  if (target.length === 0) {
    return [];
  }
  const squashed = squash(text);
  const hits: number[] = [];
  for (let i = squashed.indexOf(target); i >= 0 && hits.length < 100; i = squashed.indexOf(target, i + 1)) {
    hits.push(i);
  }
  if (hits.length === 0) {
    return [];
  }
  // Map squashed positions back to the text in one walk, only when there is something to map.
  const wantedPositions = new Set<number>(hits.flatMap((h) => [h, h + target.length - 1]));
  const offsets = new Map<number, number>();
  const space = /\s/;
  for (let i = 0, n = 0; i < text.length && offsets.size < wantedPositions.size; i++) {
    if (!space.test(text[i])) {
      if (wantedPositions.has(n)) {
        offsets.set(n, i);
      }
      n++;
    }
  }
  return hits.map((h) => ({ start: offsets.get(h) ?? 0, end: (offsets.get(h + target.length - 1) ?? 0) + 1 }));
}

/** Similarity of two strings by character bigrams (Dice coefficient), 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) {
    return 1;
  }
  if (a.length < 2 || b.length < 2) {
    return 0;
  }
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let inter = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g);
    if (n) {
      inter++;
      grams.set(g, n - 1);
    }
  }
  return (2 * inter) / (a.length + b.length - 2);
}

function fuzzy(idx: LineIndex, anchor: Pick<CodeAnchor, 'range' | 'text' | 'before' | 'after'>): LocateResult {
  const wanted = anchor.text.split('\n').map((l) => l.trim());
  const k = wanted.length;
  const lines: string[] = [];
  for (let i = 1; i <= idx.lineCount; i++) {
    lines.push(idx.lineText(i).trim());
  }
  const beforeLines = (anchor.before ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const afterLines = (anchor.after ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const wantedJoined = wanted.join('\n');
  // Candidate windows: where any non-trivial anchor line (or context line) still stands unchanged. Only
  // when none does is every window scored, with a cheap gate first.
  const starts = new Set<number>();
  const at = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.length >= 3) {
      const list = at.get(l);
      if (list) {
        list.push(i);
      } else {
        at.set(l, [i]);
      }
    }
  });
  const addFrom = (line: string, offset: number): void => {
    for (const i of at.get(line) ?? []) {
      const start = i - offset;
      if (start >= 0 && start + k <= lines.length) {
        starts.add(start);
      }
    }
  };
  wanted.forEach((l, j) => addFrom(l, j));
  beforeLines.forEach((l, j) => addFrom(l, j - beforeLines.length));
  afterLines.forEach((l, j) => addFrom(l, k + j));
  const firstWanted = wanted.find((l) => l.length > 0) ?? '';
  const everyWindow = (): number[] => Array.from({ length: Math.max(0, lines.length - k + 1) }, (_, i) => i);
  let best = score(starts.size > 0 ? [...starts] : everyWindow(), starts.size === 0);
  if (best.score < FUZZY_THRESHOLD && starts.size > 0) {
    best = score(everyWindow(), true);
  }
  if (best.line < 0 || best.score < FUZZY_THRESHOLD) {
    return { status: 'notFound', method: 'none', confidence: Math.max(0, best.score) };
  }
  // Lines like the anchored ones, but with surroundings unlike the code's: another place that looks alike
  // (a similar statement elsewhere), not the edited code. Better said "not found" than shown on it.
  if ((beforeLines.length > 0 || afterLines.length > 0) && best.context < FUZZY_CONTEXT_MIN) {
    return { status: 'notFound', method: 'none', confidence: best.score };
  }
  const endLine = best.line + k - 1;
  const endText = idx.lineText(endLine);
  return {
    status: 'moved',
    method: 'fuzzy',
    range: { startLine: best.line, startColumn: 1, endLine, endColumn: endText.length + 1 },
    confidence: best.score,
  };

  function score(candidates: number[], gated: boolean): { score: number; line: number; context: number } {
    let best = { score: 0, line: -1, context: 0 };
    for (const i of candidates) {
      if (gated && firstWanted && similarity(lines[i], wanted[0]) < 0.3 && similarity(lines[Math.min(i + 1, lines.length - 1)], firstWanted) < 0.3) {
        continue;
      }
      const body = similarity(lines.slice(i, i + k).join('\n'), wantedJoined);
      if (body < 0.5) {
        continue;
      }
      const ctxBefore = beforeLines.length ? similarity(lines.slice(Math.max(0, i - beforeLines.length), i).join('\n'), beforeLines.join('\n')) : body;
      const ctxAfter = afterLines.length ? similarity(lines.slice(i + k, i + k + afterLines.length).join('\n'), afterLines.join('\n')) : body;
      const s = body * 0.7 + ((ctxBefore + ctxAfter) / 2) * 0.3;
      const distancePenalty = Math.min(0.05, Math.abs(i + 1 - anchor.range.startLine) / 20000);
      if (s - distancePenalty > best.score) {
        // How well the surroundings match, on the side(s) the anchor has context for.
        const context = Math.max(beforeLines.length ? ctxBefore : 0, afterLines.length ? ctxAfter : 0);
        best = { score: s - distancePenalty, line: i + 1, context };
      }
    }
    return best;
  }
}

// -------------------------------------------------------------------------------------------------
// Live shifting: VS Code's content changes (0-based) applied to an anchor range (1-based).

export interface ContentChange {
  /** 0-based, as in vscode.TextDocumentContentChangeEvent.range. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

type Pos = { line: number; character: number };

function cmp(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** Where a position ends up after a change. `stickLeft` keeps a position at the change's start before inserted text. */
function shiftPos(p: Pos, c: ContentChange, stickLeft: boolean): Pos {
  const { start, end } = c.range;
  if (cmp(p, start) < 0 || (cmp(p, start) === 0 && stickLeft)) {
    return p;
  }
  const lines = c.text.split('\n');
  const newEnd: Pos =
    lines.length === 1
      ? { line: start.line, character: start.character + lines[0].length }
      : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
  if (cmp(p, end) <= 0) {
    // Inside the replaced span: collapse to the span's new end (or start when sticking left).
    return stickLeft ? start : newEnd;
  }
  if (p.line === end.line) {
    return { line: newEnd.line, character: newEnd.character + (p.character - end.character) };
  }
  return { line: p.line + (newEnd.line - end.line), character: p.character };
}

/**
 * Applies content changes (in the order VS Code reports them, each relative to the document after the
 * previous ones) to a range. Returns undefined when the whole anchored text was deleted.
 */
export function shiftRange(range: AnchorRange, changes: readonly ContentChange[]): AnchorRange | undefined {
  let start: Pos = { line: range.startLine - 1, character: range.startColumn - 1 };
  let end: Pos = { line: range.endLine - 1, character: range.endColumn - 1 };
  const wasNonEmpty = cmp(start, end) < 0;
  for (const c of changes) {
    const coversAll = cmp(c.range.start, start) <= 0 && cmp(c.range.end, end) >= 0 && cmp(start, end) < 0;
    if (coversAll && c.text.length === 0) {
      return undefined;
    }
    const ns = shiftPos(start, c, false);
    const ne = shiftPos(end, c, true);
    start = ns;
    end = cmp(ne, ns) < 0 ? ns : ne;
    if (wasNonEmpty && cmp(start, end) === 0) {
      return undefined;
    }
  }
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
