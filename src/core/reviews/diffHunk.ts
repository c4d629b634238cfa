/**
 * The code a review comment was about, read from the diff hunk the comment carries (GitHub's
 * `diff_hunk`), for when the commit is not in the local repository. Lines are 1-based. A hunk ends at
 * the commented line; its header says where each side starts.
 */

export type DiffSide = 'old' | 'new';

export interface HunkCode {
  /** The commented lines, joined with "\n" (no final newline). */
  text: string;
  /** Up to three lines of the same side just before them, each ending in "\n". */
  before: string;
}

const HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** The lines of one side of a hunk, with their line numbers in that side's file. */
export function hunkSide(hunk: string, side: DiffSide): Map<number, string> | undefined {
  const lines = hunk.replace(/\r\n/g, '\n').split('\n');
  const head = HEADER.exec(lines[0] ?? '');
  if (!head) {
    return undefined;
  }
  let oldLine = Number(head[1]);
  let newLine = Number(head[2]);
  const out = new Map<number, string>();
  for (const raw of lines.slice(1)) {
    if (raw.startsWith('\\')) {
      continue; // "\ No newline at end of file"
    }
    const mark = raw[0] ?? ' ';
    const content = raw.slice(1);
    if (mark === '-') {
      if (side === 'old') {
        out.set(oldLine, content);
      }
      oldLine++;
    } else if (mark === '+') {
      if (side === 'new') {
        out.set(newLine, content);
      }
      newLine++;
    } else {
      out.set(side === 'old' ? oldLine : newLine, content);
      oldLine++;
      newLine++;
    }
  }
  return out;
}

/** Lines `start`…`end` of one side, when the hunk holds every one of them. */
export function codeFromHunk(hunk: string, side: DiffSide, start: number, end: number): HunkCode | undefined {
  const lines = hunkSide(hunk, side);
  if (!lines) {
    return undefined;
  }
  const picked: string[] = [];
  for (let n = start; n <= end; n++) {
    const l = lines.get(n);
    if (l === undefined) {
      return undefined;
    }
    picked.push(l);
  }
  const before: string[] = [];
  for (let n = start - 1; n >= start - 3 && lines.has(n); n--) {
    before.unshift(lines.get(n) as string);
  }
  return { text: picked.join('\n'), before: before.map((l) => l + '\n').join('') };
}

/** Lines `start`…`end` of a whole file's text, with three lines before and after as context. */
export function codeFromFile(text: string, start: number, end: number): { text: string; before: string; after: string } | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (start < 1 || end > lines.length || end < start) {
    return undefined;
  }
  return {
    text: lines.slice(start - 1, end).join('\n'),
    before: lines.slice(Math.max(0, start - 4), start - 1).map((l) => l + '\n').join(''),
    after: lines
      .slice(end, end + 3)
      .map((l) => '\n' + l)
      .join(''),
  };
}
