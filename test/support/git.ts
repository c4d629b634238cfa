/** Running a real git in the tests' own repositories (unit tests of the merge driver and the sharing e2e). */
import { execFileSync } from 'node:child_process';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** git's output, and whether it succeeded (a merge that stops on a conflict exits non-zero). */
export function tryGit(cwd: string, ...args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: git(cwd, ...args) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Who commits in a clone, and merges (not rebases) on pull. */
export function identity(repo: string, name: string, email: string): void {
  git(repo, 'config', 'user.name', name);
  git(repo, 'config', 'user.email', email);
  git(repo, 'config', 'pull.rebase', 'false');
}

/** Makes `dir` a clone of the repository at `remote` as far as its identity goes: a repository with that origin. */
export function repositoryWithOrigin(dir: string, remote: string): void {
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', remote);
}
