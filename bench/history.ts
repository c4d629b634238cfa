/**
 * The locator on real history: anchors taken in one released version of popular npm packages and located
 * in a later one. The truth comes from a line diff of the two files: an anchor over lines that the diff
 * keeps unchanged must be found exactly where those lines went. Reports the share found at the right
 * place, the share placed wrongly (must be 0), the share not found, and the time per anchor.
 *
 * `npm run bench:history` (downloads the packages from the npm registry into bench/.cache once).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { captureContext, locate } from '../src/core/anchors/anchor';
import { rng } from './generate';

const CACHE = path.join(__dirname, '.cache');

/** [package, old version, new version, file inside the package] */
const CASES: [string, string, string, string][] = [
  ['commander', '8.3.0', '9.5.0', 'lib/command.js'],
  ['express', '4.17.1', '4.19.2', 'lib/response.js'],
  ['express', '4.17.1', '4.19.2', 'lib/router/index.js'],
  ['yargs-parser', '20.2.9', '21.1.1', 'build/lib/yargs-parser.js'],
  ['semver', '7.3.8', '7.6.3', 'classes/range.js'],
];

export function fetchFile(pkg: string, version: string, file: string): string {
  const dir = path.join(CACHE, `${pkg}-${version}`);
  if (!existsSync(path.join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop() as string;
    execFileSync('tar', ['-xzf', path.join(dir, tgz), '-C', dir]);
  }
  return readFileSync(path.join(dir, 'package', file), 'utf8').replace(/\r\n/g, '\n');
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
  /** Of the right ones: placed at the change and said to be edited there. */
  changedSaidEdited: number;
  ms: number[];
}

export function run(perFile = 150, seed = Number(process.env.SEED ?? 11)): { perCase: (Tally & { name: string })[]; total: Tally } {
  const total: Tally = { anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, ms: [] };
  const perCase: (Tally & { name: string })[] = [];
  const r = rng(seed);
  for (const [pkg, from, to, file] of CASES) {
    const oldText = fetchFile(pkg, from, file);
    const newText = fetchFile(pkg, to, file);
    const oldLines = oldText.split('\n');
    const newLines = newText.split('\n');
    const map = lineMapping(oldLines, newLines);
    const tally: Tally & { name: string } = { name: `${pkg} ${from} → ${to}, ${file}`, anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, ms: [] };
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
      const mapped = Array.from({ length: len }, (_, x) => map[start + x]);
      const kept = mapped.every((v, x) => v >= 0 && (x === 0 || v === mapped[x - 1] + 1));
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
          if (res.edited && inside) {
            tally.changedRight++;
            tally.changedSaidEdited++;
          } else if (res.ambiguous || res.edited) {
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
      const atTruth = !!res.range && res.range.startLine === mapped[0] + 1 && res.range.endLine === mapped[len - 1] + 1;
      if (res.status === 'notFound' || !res.range) {
        tally.notFound++;
      } else if (res.ambiguous) {
        tally.ambiguous++;
        if (atTruth) {
          tally.ambiguousRight++;
        }
      } else if (atTruth) {
        tally.right++;
      } else {
        tally.wrong++;
      }
    }
    perCase.push(tally);
    for (const key of ['anchors', 'right', 'wrong', 'ambiguous', 'ambiguousRight', 'notFound', 'changed', 'changedFound', 'changedRight', 'changedWrong', 'changedFlagged', 'changedSaidEdited'] as const) {
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
      for (const key of ['anchors', 'right', 'wrong', 'ambiguous', 'ambiguousRight', 'notFound', 'changed', 'changedFound', 'changedRight', 'changedWrong', 'changedFlagged', 'changedSaidEdited'] as const) {
        acc[key] += r.total[key];
      }
      acc.ms.push(...r.total.ms);
      return acc;
    },
    { anchors: 0, right: 0, wrong: 0, ambiguous: 0, ambiguousRight: 0, notFound: 0, changed: 0, changedFound: 0, changedRight: 0, changedWrong: 0, changedFlagged: 0, changedSaidEdited: 0, ms: [] as number[] },
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
  console.log(
    `anchors on code that was edited between the versions: ${total.changed}; placed at the place of the change ${total.changedRight} (${total.changedSaidEdited} of them said to be edited there), away from it without a warning ${total.changedWrong}, with a warning ${total.changedFlagged}, stated as not found ${total.changed - total.changedFound}`,
  );
  if (total.wrong > 0 || total.changedWrong > 0) {
    process.exitCode = 1;
  }
}
