/**
 * Review import on real history. For real files of popular npm packages, three released versions stand
 * for a pull request's base, its head, and a later checkout. The pull request's diff is computed from
 * base and head (unified hunks with three lines of context, as GitHub serves them); review comments are
 * placed on real lines of that diff (added and unchanged lines on the head side, removed lines on the
 * base side, single and multi-line), shaped as GitHub's API answers them, mapped by the import's own code
 * and anchored in the later version — once from the diff hunk alone (the commit is not in the local
 * repository) and once from the head file (it is). Truth: a line diff of head (or base) and the later
 * version. An anchor must land on its code or be stated as not found; a result on another line is wrong.
 *
 * `npm run bench:reviews` (downloads the packages from the npm registry into bench/.cache once).
 */
import { githubComments } from '../src/core/reviews/github';
import { resolveAnchor } from '../src/core/reviews/importPlan';
import { githubComment } from '../test/support/codeHost';
import { rng } from './generate';
import { fetchFile, lineMapping } from './history';

/** [package, base, head, later, file] */
const CASES: [string, string, string, string, string][] = [
  ['commander', '8.3.0', '9.0.0', '9.5.0', 'lib/command.js'],
  ['express', '4.17.1', '4.18.2', '4.19.2', 'lib/response.js'],
  ['express', '4.17.1', '4.18.2', '4.19.2', 'lib/router/index.js'],
  ['yargs-parser', '20.2.9', '21.0.0', '21.1.1', 'build/lib/yargs-parser.js'],
  ['semver', '7.3.8', '7.5.4', '7.6.3', 'classes/range.js'],
];

type Op = { kind: ' ' | '-' | '+'; text: string; oldNo?: number; newNo?: number };

/** The edit script of base → head from the LCS mapping, as diff lines with their 1-based numbers. */
function diffOps(a: string[], b: string[]): Op[] {
  const map = lineMapping(a, b);
  const ops: Op[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (map[i] < 0) {
      ops.push({ kind: '-', text: a[i], oldNo: i + 1 });
      continue;
    }
    for (; j < map[i]; j++) {
      ops.push({ kind: '+', text: b[j], newNo: j + 1 });
    }
    ops.push({ kind: ' ', text: a[i], oldNo: i + 1, newNo: j + 1 });
    j++;
  }
  for (; j < b.length; j++) {
    ops.push({ kind: '+', text: b[j], newNo: j + 1 });
  }
  return ops;
}

/** Unified hunks with `context` lines around changes, each as its op lines. */
function hunks(ops: Op[], context = 3): Op[][] {
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const out: Op[][] = [];
  let cur: [number, number] | undefined;
  for (const i of changed) {
    const from = Math.max(0, i - context);
    const to = Math.min(ops.length - 1, i + context);
    if (cur && from <= cur[1] + 1) {
      cur[1] = to;
    } else {
      if (cur) {
        out.push(ops.slice(cur[0], cur[1] + 1));
      }
      cur = [from, to];
    }
  }
  if (cur) {
    out.push(ops.slice(cur[0], cur[1] + 1));
  }
  return out;
}

/** GitHub's diff_hunk of a comment on the op at `upTo`: the hunk's header and its lines up to that one. */
function diffHunk(h: Op[], upTo: number): string {
  const oldStart = h.find((o) => o.oldNo)?.oldNo ?? 0;
  const newStart = h.find((o) => o.newNo)?.newNo ?? 0;
  const oldCount = h.filter((o) => o.kind !== '+').length;
  const newCount = h.filter((o) => o.kind !== '-').length;
  return [`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...h.slice(0, upTo + 1).map((o) => o.kind + o.text)].join('\n');
}

interface Tally {
  comments: number;
  /** The commented code is still in the later version (known place). */
  kept: number;
  right: number;
  /** Placed, but flagged as standing in several places (the UI states the doubt). */
  flagged: number;
  wrong: number;
  notFoundKept: number;
  /** The commented code is gone in the later version: "not found" is the right answer. */
  gone: number;
  goneStated: number;
  /** Gone from its place but the same text (white space aside) stands elsewhere: found there (moved). */
  goneMoved: number;
  /** The commented lines were edited: placed inside the edited region (between the kept lines around it). */
  goneEdited: number;
  /** Placed anywhere else: wrong. */
  gonePlaced: number;
}

function tally(): Tally {
  return { comments: 0, kept: 0, right: 0, flagged: 0, wrong: 0, notFoundKept: 0, gone: 0, goneStated: 0, goneMoved: 0, goneEdited: 0, gonePlaced: 0 };
}

export function run(perFile = 120, seed = 7): { perCase: (Tally & { name: string; via: string })[]; totals: Record<'hunk' | 'commit', Tally> } {
  const r = rng(seed);
  const perCase: (Tally & { name: string; via: string })[] = [];
  const totals = { hunk: tally(), commit: tally() };
  for (const [pkg, base, head, later, file] of CASES) {
    const baseText = fetchFile(pkg, base, file);
    const headText = fetchFile(pkg, head, file);
    const laterText = fetchFile(pkg, later, file);
    const [bl, hl, ll] = [baseText, headText, laterText].map((t) => t.split('\n'));
    const ops = diffOps(bl, hl);
    const hs = hunks(ops);
    const headToLater = lineMapping(hl, ll);
    const baseToLater = lineMapping(bl, ll);
    // Candidate comment places: (hunk, index, length) on lines a reviewer would comment on.
    const places: { h: Op[]; i: number; len: number }[] = [];
    for (const h of hs) {
      for (let i = 0; i < h.length; i++) {
        for (const len of [1, 2, 3]) {
          const span = h.slice(i - len + 1, i + 1);
          if (i - len + 1 < 0 || span.some((o) => (o.kind === '-') !== (h[i].kind === '-'))) {
            continue; // one side only, as GitHub allows
          }
          if (span.map((o) => o.text).join('').trim().length >= 12) {
            places.push({ h, i, len });
          }
        }
      }
    }
    const picked = places.map((p) => ({ p, k: r() })).sort((a, b) => a.k - b.k).slice(0, perFile).map((x) => x.p);
    for (const via of ['hunk', 'commit'] as const) {
      const t: Tally & { name: string; via: string } = { ...tally(), name: `${pkg} ${base} → ${head}, later ${later}, ${file}`, via };
      picked.forEach((pl, n) => {
        const o = pl.h[pl.i];
        const left = o.kind === '-';
        const end = (left ? o.oldNo : o.newNo) as number;
        const start = end - pl.len + 1;
        const json = githubComment({ id: n + 1, login: 'mentor', body: 'thought: x', path: file, line: end, startLine: pl.len > 1 ? start : undefined, side: left ? 'LEFT' : 'RIGHT', diffHunk: diffHunk(pl.h, pl.i), commit: 'f'.repeat(40) });
        const [c] = githubComments([json], 'e'.repeat(40));
        const atCommit = via === 'commit' ? (left ? baseText : headText) : undefined;
        const res = resolveAnchor(c, file, atCommit, laterText);
        const map = left ? baseToLater : headToLater;
        const mapped = Array.from({ length: pl.len }, (_, x) => map[start - 1 + x]);
        const kept = mapped.every((v, x) => v >= 0 && (x === 0 || v === mapped[x - 1] + 1));
        t.comments++;
        const placed = res.status === 'found' || res.status === 'moved';
        if (!kept) {
          t.gone++;
          const at = res.anchor?.range;
          if (!placed || !at) {
            t.goneStated++;
            return;
          }
          const there = ll.slice(at.startLine - 1, at.endLine).join('\n');
          // The edited region: between the nearest lines above and below that the diff keeps.
          const src = left ? bl : hl;
          let above = -1;
          for (let x = start - 2; x >= 0 && above < 0; x--) {
            above = map[x] >= 0 ? map[x] + 1 : -1;
            if (map[x] >= 0) {
              break;
            }
          }
          let below = ll.length + 1;
          for (let x = end; x < src.length; x++) {
            if (map[x] >= 0) {
              below = map[x] + 1;
              break;
            }
          }
          const squash = (x: string | undefined): string => (x ?? '').replace(/\s+/g, '');
          if (squash(there) === squash(res.anchor?.text)) {
            t.goneMoved++;
          } else if (at.startLine > Math.max(0, above) && at.endLine < below) {
            t.goneEdited++;
          } else if (res.ambiguous) {
            t.flagged++;
          } else {
            t.gonePlaced++;
            if (process.env.DEBUG) {
              console.log(`WRONG ${file} ${left ? 'old' : 'new'} ${start}-${end} → ${at.startLine}-${at.endLine} (edited region ${above}..${below}) status ${res.status}\n  anchor: ${JSON.stringify(res.anchor?.text)}\n  before: ${JSON.stringify(res.anchor?.before)}\n  placed: ${JSON.stringify(there)}\n  around: ${JSON.stringify(ll.slice(at.startLine - 4, at.startLine - 1).join('\n'))}`);
            }
          }
          return;
        }
        t.kept++;
        const atTruth = placed && res.anchor?.range.startLine === mapped[0] + 1 && res.anchor.range.endLine === mapped[pl.len - 1] + 1;
        if (!placed) {
          t.notFoundKept++;
        } else if (atTruth) {
          t.right++;
        } else if (res.ambiguous) {
          t.flagged++;
        } else {
          t.wrong++;
        }
      });
      perCase.push(t);
      for (const k of Object.keys(tally()) as (keyof Tally)[]) {
        totals[via][k] += t[k];
      }
    }
  }
  return { perCase, totals };
}

if (require.main === module) {
  const { perCase, totals } = run();
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  for (const c of perCase) {
    console.log(`${c.name} [from the ${c.via}]: ${c.comments} comments; code kept ${c.kept}: right ${c.right}, wrong ${c.wrong}, flagged ${c.flagged}, not found ${c.notFoundKept}; code gone ${c.gone}: stated not found ${c.goneStated}, found moved ${c.goneMoved}, placed on the edited lines ${c.goneEdited}, wrong ${c.gonePlaced}`);
  }
  for (const via of ['hunk', 'commit'] as const) {
    const t = totals[via];
    console.log(
      `\ntotal, code from the ${via}: ${t.comments} comments. Code still there (${t.kept}): on its lines ${pct(t.right, t.kept)}, stated not found ${pct(t.notFoundKept, t.kept)}, wrong lines ${t.wrong}. Code no longer on its lines (${t.gone}): found where the same text moved ${t.goneMoved}, placed on the edited lines ${t.goneEdited}, stated not found ${t.goneStated}, wrong lines ${t.gonePlaced}. Placed with a stated doubt: ${t.flagged}.`,
    );
  }
  if (totals.hunk.wrong + totals.commit.wrong + totals.hunk.gonePlaced + totals.commit.gonePlaced > 0) {
    process.exitCode = 1;
  }
}
