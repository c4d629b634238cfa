/**
 * The locator on real history: anchors taken in one released version of popular npm packages and located
 * in a later one. The truth comes from a line diff of the two files: an anchor over lines that the diff
 * keeps unchanged must be found exactly where those lines went. Reports the share found at the right
 * place, the share placed wrongly (must be 0), the share not found, and the time per anchor.
 *
 * `npm run bench:history` (downloads the packages from the npm registry into bench/.cache once).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureContext, locate } from '../src/core/anchors/anchor';
import { renamedPath, renamesFromNameStatus } from '../src/core/anchors/renames';
import type { Rename } from '../src/core/anchors/renames';
import { rng } from './generate';

const CACHE = path.join(__dirname, '.cache');

/**
 * [package, old version, new version, file inside the package, its path in the new version when the release
 * renamed it]. The new path is only the truth to judge by: the benchmark finds it through git's rename
 * detection between the two versions, as Go to Code does, and is never handed it.
 */
const CASES: [string, string, string, string, string?][] = [
  ['commander', '8.3.0', '9.5.0', 'lib/command.js'],
  ['express', '4.17.1', '4.19.2', 'lib/response.js'],
  ['express', '4.17.1', '4.19.2', 'lib/router/index.js'],
  ['yargs-parser', '20.2.9', '21.1.1', 'build/lib/yargs-parser.js'],
  ['semver', '7.3.8', '7.6.3', 'classes/range.js'],
  // ws 4.0.0 renamed its modules to lower case (and edited them in the same release).
  ['ws', '3.3.3', '4.0.0', 'lib/WebSocket.js', 'lib/websocket.js'],
  ['ws', '3.3.3', '4.0.0', 'lib/Receiver.js', 'lib/receiver.js'],
  ['ws', '3.3.3', '4.0.0', 'lib/PerMessageDeflate.js', 'lib/permessage-deflate.js'],
  // Test files, which repeat the same few lines (an app set up, a request made, an assertion) many times
  // over, and whose copies are edited one by one: an anchor must not land on another copy unannounced.
  ['qs', '6.9.7', '6.13.0', 'test/parse.js'],
  ['qs', '6.9.7', '6.13.0', 'test/stringify.js'],
  ['resolve', '1.20.0', '1.22.8', 'test/resolver.js'],
  ['resolve', '1.20.0', '1.22.8', 'test/mock.js'],
  ['minimist', '1.2.5', '1.2.8', 'test/parse.js'],
];

const renameCache = new Map<string, Rename[]>();
/**
 * git's renames between two versions of a package: a repository whose first commit is the old version's
 * files and whose index holds the new version's, compared with `git diff --name-status -M --cached` — the
 * command Go to Code runs from a feedback's commit to the working tree.
 */
function gitRenames(pkg: string, from: string, to: string): Rename[] {
  const key = `${pkg}@${from}..${to}`;
  let renames = renameCache.get(key);
  if (!renames) {
    fetchFile(pkg, from, 'package.json');
    fetchFile(pkg, to, 'package.json');
    const repo = mkdtempSync(path.join(os.tmpdir(), 'mentorship-renames-'));
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    cpSync(path.join(CACHE, `${pkg}-${from}`, 'package'), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', from);
    for (const entry of readdirSync(repo)) {
      if (entry !== '.git') {
        rmSync(path.join(repo, entry), { recursive: true, force: true });
      }
    }
    cpSync(path.join(CACHE, `${pkg}-${to}`, 'package'), repo, { recursive: true });
    git('add', '-A');
    renames = renamesFromNameStatus(git('diff', '--name-status', '-M', '--cached', 'HEAD'));
    rmSync(repo, { recursive: true, force: true });
    renameCache.set(key, renames);
  }
  return renames;
}

export function fetchFile(pkg: string, version: string, file: string): string {
  const dir = path.join(CACHE, `${pkg}-${version}`);
  if (!existsSync(path.join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop() as string;
    execFileSync('tar', ['-xzf', path.join(dir, tgz), '-C', dir]);
  }
  return readFileSync(path.join(dir, 'package', file), 'utf8').replace(/\r\n/g, '\n');
}

/**
 * For each old line (0-based), its line in the new file when git's histogram diff keeps it, white space
 * aside (a re-indented or re-spaced line is the same code), else -1. The histogram diff anchors on lines
 * that are rare in both files first, so in a test file that repeats the same lines many times it keeps
 * the copy that stayed, where a plain longest common subsequence may pick any.
 */
export function gitLineMapping(oldText: string, newText: string, oldCount: number): Int32Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-diff-'));
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  writeFileSync(a, oldText);
  writeFileSync(b, newText);
  let out = '';
  try {
    out = execFileSync('git', ['diff', '--no-index', '--no-color', '--histogram', '--ignore-all-space', '--unified=0', a, b], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? ''; // exit code 1: the files differ
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const map = new Int32Array(oldCount).fill(-1);
  let oi = 0;
  let ni = 0;
  const keepUntil = (oldEnd: number): void => {
    for (; oi < oldEnd && oi < oldCount; oi++, ni++) {
      map[oi] = ni;
    }
  };
  for (const m of out.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const oStart = Number(m[1]);
    const oLen = m[2] === undefined ? 1 : Number(m[2]);
    const nStart = Number(m[3]);
    const nLen = m[4] === undefined ? 1 : Number(m[4]);
    // Lines before the hunk are kept (a hunk of length 0 starts after its line number).
    const oFirst = oLen === 0 ? oStart : oStart - 1;
    const nFirst = nLen === 0 ? nStart : nStart - 1;
    keepUntil(oFirst);
    ni = nFirst;
    oi = oFirst + oLen;
    ni += nLen;
  }
  keepUntil(oldCount);
  return map;
}

/** For each old line (0-based), its line in the new file when a longest common subsequence keeps it, else -1. */
export function lineMapping(oldLines: string[], newLines: string[]): Int32Array {
  const n = oldLines.length;
  const m = newLines.length;
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let v = ids.get(s);
    if (v === undefined) {
      v = ids.size;
      ids.set(s, v);
    }
    return v;
  };
  const a = oldLines.map(id);
  const b = newLines.map(id);
  // Suffix LCS table (n+1)×(m+1), 16 bits a cell is enough for files under 65k lines.
  const w = m + 1;
  const t = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = a[i] === b[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  const map = new Int32Array(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      map[i] = j;
      i++;
      j++;
    } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return map;
}

interface Tally {
  anchors: number;
  right: number;
  wrong: number;
  /** Placed with the warning that the code stands in several places (right or not, the UI says so). */
  ambiguous: number;
  ambiguousRight: number;
  notFound: number;
  changed: number;
  changedFound: number;
  /** Anchors on edited lines placed at the place of the change, away from it without a flag, or flagged. */
  changedRight: number;
  changedWrong: number;
  changedFlagged: number;
  /** Of the right ones: placed at the change with the message that the code was edited or changed. */
  changedSaidEdited: number;
  ms: number[];
  /** Files the release renamed, and how many of them git's rename detection followed to the right path. */
  renamedFiles?: number;
  renamedFollowed?: number;
  /** Anchors whose lines the diff did not keep but which moved as a block (judged where they went). */
  movedTruth: number;
}

/** Where `block` stands as consecutive lines of `lines` (0-based starts; at most two are looked for). */
function findBlock(lines: string[], block: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + block.length <= lines.length && out.length < 2; i++) {
    if (block.every((l, k) => lines[i + k] === l)) {
      out.push(i);
    }
  }
  return out;
}

export function run(perFile = 150, seed = Number(process.env.SEED ?? 11)): { perCase: (Tally & { name: string })[]; total: Tally } {
  const total: Tally = { anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, movedTruth: 0, ms: [] };
  const perCase: (Tally & { name: string })[] = [];
  const r = rng(seed);
  for (const [pkg, from, to, file, renamedTo] of CASES) {
    const oldText = fetchFile(pkg, from, file);
    // A renamed file is followed the way Go to Code follows it; a wrong or missing path counts against it.
    const newPath = renamedTo ? renamedPath(file, gitRenames(pkg, from, to)) : file;
    if (renamedTo) {
      total.renamedFiles = (total.renamedFiles ?? 0) + 1;
      if (newPath === renamedTo) {
        total.renamedFollowed = (total.renamedFollowed ?? 0) + 1;
      }
    }
    const newText = newPath === (renamedTo ?? file) ? fetchFile(pkg, to, newPath) : '';
    const oldLines = oldText.split('\n');
    const newLines = newText.split('\n');
    const map = gitLineMapping(oldText, newText, oldLines.length);
    const tally: Tally & { name: string } = { name: `${pkg} ${from} → ${to}, ${file}${renamedTo ? ` (renamed to ${newPath ?? '?'})` : ''}`, anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, movedTruth: 0, ms: [] };
    for (let k = 0; k < perFile * 4 && tally.anchors + tally.changed < perFile; k++) {
      const len = 1 + Math.floor(r() * 5);
      const start = Math.floor(r() * (oldLines.length - len));
      const lines = oldLines.slice(start, start + len);
      if (lines.join('').trim().length < 12) {
        continue; // a mentor selects code, not blank lines and lone braces
      }
      const range = { startLine: start + 1, startColumn: 1, endLine: start + len, endColumn: oldLines[start + len - 1].length + 1 };
      const anchor = { path: file, range, ...captureContext(oldText, range) };
      const t0 = performance.now();
      const res = locate(newText, anchor);
      const ms = performance.now() - t0;
      // Known truth: every anchored line kept, contiguous in the new file.
      let mapped = Array.from({ length: len }, (_, x) => map[start + x]);
      let kept = mapped.every((v, x) => v >= 0 && (x === 0 || v === mapped[x - 1] + 1));
      if (!kept) {
        // A line diff cannot see a move: code that went elsewhere (a method moved below another, a block
        // moved into an `if` and re-indented) looks deleted and inserted. When the anchored lines stand,
        // with the three lines that followed or preceded them, as one block exactly once in the new file
        // (white space aside), the code moved there unchanged: the truth is there. Counted apart.
        // Blank lines at the edges of the selection are not code: a block moves without them.
        const sq = (l: string) => l.replace(/\s+/g, '');
        const oldSq = oldLines.map(sq);
        const newSq = newLines.map(sq);
        let s0 = start;
        let s1 = start + len;
        while (s0 < s1 - 1 && oldSq[s0] === '') {
          s0++;
        }
        while (s1 - 1 > s0 && oldSq[s1 - 1] === '') {
          s1--;
        }
        const windows: [number, number][] = [
          [Math.max(0, s0 - 3), Math.min(oldLines.length, s1 + 3)],
          [s0, Math.min(oldLines.length, s1 + 3)],
          [Math.max(0, s0 - 3), s1],
        ];
        for (const [a, b] of windows) {
          const at = findBlock(newSq, oldSq.slice(a, b));
          if (at.length === 1) {
            // Where the code lines went; the blank edge lines count as going along with them.
            mapped = Array.from({ length: len }, (_, x) => at[0] + (s0 - a) + (start - s0) + x);
            kept = true;
            tally.movedTruth++;
            break;
          }
        }
      }
      if (!kept) {
        // The anchored lines were edited: the truth is the place of the change, between the nearest lines
        // the diff keeps above and below the anchor. A placement away from it is wrong unless flagged.
        tally.changed++;
        let above = -1;
        for (let x = start - 1; x >= 0; x--) {
          if (map[x] >= 0) {
            above = map[x];
            break;
          }
        }
        let below = newLines.length;
        for (let x = start + len; x < oldLines.length; x++) {
          if (map[x] >= 0) {
            below = map[x];
            break;
          }
        }
        if (res.status !== 'notFound' && res.range) {
          tally.changedFound++;
          const inside = res.range.endLine - 1 > above && res.range.startLine - 1 < below;
          if ((res.edited || res.doubt) && inside) {
            tally.changedRight++;
            tally.changedSaidEdited++;
          } else if (res.ambiguous || res.edited || res.doubt) {
            tally.changedFlagged++;
          } else if (inside) {
            tally.changedRight++;
          } else {
            tally.changedWrong++;
            if (process.env.SHOW_WRONG) {
              console.log(`WRONG changed ${file} old ${start + 1}-${start + len} → ${res.range.startLine}-${res.range.endLine} (${res.status}/${res.method}, conf ${res.confidence.toFixed(2)}), truth between ${above + 1} and ${below + 1}\n  ${lines.join('\n  ')}`);
            }
          }
        }
        continue;
      }
      tally.anchors++;
      tally.ms.push(ms);
      // Right when the result covers the same code lines (a blank line at an edge of the selection may be
      // left out of a result matched without regard to white space).
      const blankOld = (x: number) => oldLines[start + x].trim() === '';
      let lo = 0;
      let hi = len - 1;
      while (lo < hi && blankOld(lo)) {
        lo++;
      }
      while (hi > lo && blankOld(hi)) {
        hi--;
      }
      const atTruth =
        !!res.range &&
        res.range.startLine >= mapped[0] + 1 &&
        res.range.startLine <= mapped[lo] + 1 &&
        res.range.endLine <= mapped[len - 1] + 1 &&
        res.range.endLine >= mapped[hi] + 1;
      if (res.status === 'notFound' || !res.range) {
        tally.notFound++;
      } else if (res.ambiguous || res.doubt) {
        tally.ambiguous++;
        if (atTruth) {
          tally.ambiguousRight++;
        }
      } else if (atTruth) {
        tally.right++;
      } else {
        tally.wrong++;
        if (process.env.SHOW_WRONG) {
          console.log(`WRONG kept ${file} old ${start + 1}-${start + len} → ${res.range.startLine}-${res.range.endLine} (${res.status}/${res.method}), truth ${mapped[0] + 1}-${mapped[len - 1] + 1}\n  ${lines.join('\n  ')}`);
        }
      }
    }
    perCase.push(tally);
    for (const key of ['anchors', 'right', 'wrong', 'ambiguous', 'ambiguousRight', 'notFound', 'changed', 'changedFound', 'changedRight', 'changedWrong', 'changedFlagged', 'changedSaidEdited', 'movedTruth'] as const) {
      total[key] += tally[key];
    }
    total.ms.push(...tally.ms);
  }
  return { perCase, total };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}

if (require.main === module) {
  // Ten seeds: ten different sets of random anchors over the same file pairs, added up.
  const seeds = process.env.SEED ? [Number(process.env.SEED)] : Array.from({ length: 10 }, (_, i) => 11 + i);
  const runs = seeds.map((seed) => run(150, seed));
  const perCase = runs[0].perCase;
  const total = runs.reduce(
    (acc, r) => {
      for (const key of ['anchors', 'right', 'wrong', 'ambiguous', 'ambiguousRight', 'notFound', 'changed', 'changedFound', 'changedRight', 'changedWrong', 'changedFlagged', 'changedSaidEdited', 'movedTruth'] as const) {
        acc[key] += r.total[key];
      }
      acc.ms.push(...r.total.ms);
      return acc;
    },
    { anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, movedTruth: 0, ms: [] as number[] },
  );
  console.log(`seeds ${seeds.join(', ')}; per file pair, first seed:`);
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  for (const c of perCase) {
    console.log(
      `${c.name}: ${c.anchors} anchors with known truth; right ${pct(c.right, c.anchors)}, wrong ${c.wrong}, flagged ambiguous ${c.ambiguous} (${c.ambiguousRight} of them right), not found ${c.notFound}; ${c.changed} anchors on changed code (found ${c.changedFound})`,
    );
  }
  console.log(
    `\ntotal: ${total.anchors} anchors with known truth: found at the right place ${pct(total.right, total.anchors)}, wrongly placed ${pct(total.wrong, total.anchors)} (${total.wrong}), placed with an "appears in several places" warning ${pct(total.ambiguous, total.anchors)} (${total.ambiguousRight} of ${total.ambiguous} at the right place), not found ${pct(total.notFound, total.anchors)}; median ${median(total.ms).toFixed(3)} ms, max ${Math.max(...total.ms).toFixed(2)} ms per anchor`,
  );
  console.log(`of the anchors with known truth, ${total.movedTruth} moved as a block the line diff cannot follow (judged where the block went)`);
  console.log(`renamed files: ${runs[0].total.renamedFollowed ?? 0} of ${runs[0].total.renamedFiles ?? 0} followed to their new path by git's rename detection (not handed the new path)`);
  console.log(
    `anchors on code that was edited between the versions: ${total.changed}; placed at the place of the change ${total.changedRight} (${total.changedSaidEdited} of them said to be changed or edited there), away from it without a warning ${total.changedWrong}, with a warning ${total.changedFlagged}, stated as not found ${total.changed - total.changedFound}`,
  );
  if (total.wrong > 0 || total.changedWrong > 0) {
    process.exitCode = 1;
  }
}
