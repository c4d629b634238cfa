/**
 * Git merge driver for Mentorship files (dist/merge-driver.js, run by git, not by VS Code).
 *
 * git runs it as `<node> merge-driver.js %O %A %B %P %L` when `.gitattributes` routes a file to the
 * `mentorship` driver and the repository's config names it (the extension writes both on Share with
 * Mentee, and keeps the path current). It merges by entry ids and writes the result over %A.
 *
 * It never writes a file the extension would refuse to read: the merged text is read and checked as the
 * extension reads it. When the same field was changed differently on both sides, every other change is
 * merged and only those fields are left between git's conflict markers; when the merged text would not
 * pass the check (a side that was broken by hand), the places where it differs from the local file are
 * left between markers. Either way it exits 1, so git reports a conflict, and the Mentees view offers
 * Resolve. A version that cannot be read as YAML at all is merged by git's own line merge, checked the
 * same way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as yaml from 'yaml';
import { provideYaml } from '../core/storage/yamlLib';
import { markConflicts, markDifferences, mergeTexts } from '../core/sharing/merge';
import { parseMentee, parseMentor } from '../core/storage/parse';

provideYaml(() => yaml);

/** The first problem the extension would refuse the text for, or undefined when it reads cleanly. */
function problemOf(name: string, text: string): string | undefined {
  const parse = /(^|\/)mentor\.ya?ml$/i.test(name) ? parseMentor : parseMentee;
  const error = parse(text).problems.find((p) => p.severity === 'error');
  return error ? `line ${error.line}: ${error.message}` : undefined;
}

function write(path: string, text: string): void {
  const tmp = `${path}.mentorship-merge`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function main(argv: readonly string[]): number {
  const [basePath, oursPath, theirsPath, name = oursPath, markerSize = '7'] = argv;
  if (!basePath || !oursPath || !theirsPath) {
    process.stderr.write('usage: merge-driver.js <base> <ours> <theirs> [path] [marker size]\n');
    return 2;
  }
  const size = Number(markerSize) || 7;
  const read = (p: string) => readFileSync(p, 'utf8');
  const ours = read(oursPath);
  /** A merged text: written when it reads cleanly, else its differences from the local file marked. */
  const settle = (merged: string): number => {
    const problem = problemOf(name, merged);
    if (!problem) {
      write(oursPath, merged);
      return 0;
    }
    process.stderr.write(`mentorship: ${name}: the merged file would not read (${problem}); the places it differs from yours are marked. Open it in VS Code and choose Resolve in the Mentees view.\n`);
    write(oursPath, markDifferences(ours, merged, size));
    return 1;
  };
  try {
    const result = mergeTexts(read(basePath), ours, read(theirsPath));
    if (result.text !== undefined) {
      return settle(result.text);
    }
    const marked = markConflicts(read(basePath), ours, read(theirsPath), size);
    if (marked) {
      const names = marked.conflicts.slice(0, 3).map((c) => c.label).join('; ');
      process.stderr.write(`mentorship: ${name}: ${marked.conflicts.length} changed on both sides (${names}); open it in VS Code and choose Resolve in the Mentees view.\n`);
      write(oursPath, marked.text);
      return 1;
    }
  } catch (e) {
    process.stderr.write(`mentorship: ${name}: merged line by line (${e instanceof Error ? e.message : String(e)})\n`);
  }
  // git's own line merge: with its markers where lines conflict (exit code 1), else checked like any merge.
  try {
    const merged = execFileSync('git', ['merge-file', '-p', `--marker-size=${size}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return settle(merged);
  } catch (e) {
    const r = e as { status?: number; stdout?: string };
    if (typeof r.status === 'number' && r.status > 0 && typeof r.stdout === 'string') {
      write(oursPath, r.stdout);
      return 1;
    }
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
