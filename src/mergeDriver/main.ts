/**
 * Git merge driver for Mentorship files (dist/merge-driver.js, run by git, not by VS Code).
 *
 * git runs it as `<node> merge-driver.js %O %A %B %P %L` when `.gitattributes` routes a file to the
 * `mentorship` driver and the repository's config names it (the extension writes both on Share with
 * Mentee, and keeps the path current). It merges by entry ids and writes the result over %A. When the
 * same field was changed differently on both sides, it leaves git's usual conflict markers instead
 * (`git merge-file`), exits non-zero so git reports the conflict, and the Mentees view offers Resolve.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as yaml from 'yaml';
import { provideYaml } from '../core/storage/yamlLib';
import { mergeTexts, type MergeConflict } from '../core/sharing/merge';

provideYaml(() => yaml);

function main(argv: readonly string[]): number {
  const [basePath, oursPath, theirsPath, name = oursPath, markerSize = '7'] = argv;
  if (!basePath || !oursPath || !theirsPath) {
    process.stderr.write('usage: merge-driver.js <base> <ours> <theirs> [path] [marker size]\n');
    return 2;
  }
  const read = (p: string) => readFileSync(p, 'utf8');
  let conflicts: readonly MergeConflict[] = [];
  try {
    const result = mergeTexts(read(basePath), read(oursPath), read(theirsPath));
    if (result.text !== undefined) {
      const tmp = `${oursPath}.mentorship-merge`;
      writeFileSync(tmp, result.text);
      renameSync(tmp, oursPath);
      return 0;
    }
    conflicts = result.conflicts;
  } catch (e) {
    process.stderr.write(`mentorship: ${name}: merged line by line (${e instanceof Error ? e.message : String(e)})\n`);
  }
  if (conflicts.length > 0) {
    const names = conflicts.slice(0, 3).map((c) => c.label).join('; ');
    process.stderr.write(`mentorship: ${name}: ${conflicts.length} changed on both sides (${names}); open it in VS Code and choose Resolve in the Mentees view.\n`);
  }
  // git's own line merge leaves the usual markers; its exit code is the number of conflicts.
  try {
    execFileSync('git', ['merge-file', `--marker-size=${markerSize}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath], { stdio: 'ignore' });
    return 0;
  } catch (e) {
    const status = (e as { status?: number }).status;
    return typeof status === 'number' && status > 0 ? 1 : 2;
  }
}

process.exitCode = main(process.argv.slice(2));
