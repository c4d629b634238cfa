/**
 * git in the browser: there is none. vscode.dev and github.dev run no processes, so every git call says
 * so plainly, and the callers (sharing, rename detection, who the user is) carry on without it.
 */
import * as vscode from 'vscode';
import { GitError } from './gitError';

export { GitError };

export const GIT_AVAILABLE = false;

function unavailable(): GitError {
  return new GitError(vscode.l10n.t('git cannot run in VS Code in the browser. Sharing through git works in VS Code on the desktop; everything else works here.'), true);
}

export function git(_cwd: string, _args: readonly string[], _options: { allowExit?: number[] } = {}): Promise<string> {
  return Promise.reject(unavailable());
}

export function repositoryRoot(_folder: string): Promise<string | undefined> {
  return Promise.resolve(undefined);
}
