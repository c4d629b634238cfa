/**
 * Running git for sharing: the repository's root, its config, the versions of a conflicted file, which
 * files it tracks. git is the one found on PATH (or VS Code's `git.path` setting), as VS Code's own git
 * support finds it.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { GitError } from './gitError';

export { GitError };

export const GIT_AVAILABLE = true;

function gitPath(): string {
  const setting = vscode.workspace.getConfiguration('git').get<string | string[]>('path');
  const first = Array.isArray(setting) ? setting[0] : setting;
  return first && first.trim() ? first : 'git';
}

/** Runs git in `cwd`; its standard output, or a GitError with what git said. */
export function git(cwd: string, args: readonly string[], options: { allowExit?: number[] } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(gitPath(), [...args], { cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'ENOENT') {
          reject(new GitError(vscode.l10n.t('git was not found. Install git, or set git.path to where it is.'), true));
          return;
        }
        if (typeof code === 'number' && options.allowExit?.includes(code)) {
          resolve(stdout);
          return;
        }
        reject(new GitError(`git ${args[0]}: ${(stderr || err.message).trim().split('\n')[0]}`));
        return;
      }
      resolve(stdout);
    });
  });
}

/** The root of the git repository holding `folder`, or undefined when it is not in one. */
export async function repositoryRoot(folder: string): Promise<string | undefined> {
  try {
    return (await git(folder, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch (e) {
    if (e instanceof GitError && e.notInstalled) {
      throw e;
    }
    return undefined;
  }
}
