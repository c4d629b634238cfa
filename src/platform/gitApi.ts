/**
 * VS Code's built-in git extension (`vscode.git`) as the features use it: the repository of a file, its
 * HEAD commit, its remotes, a file at a commit. One typing of that API for every caller. Undefined
 * wherever there is no git (the browser, git disabled, a folder that is no repository): callers carry on
 * without it.
 */
import * as vscode from 'vscode';
import { headCommitOnDisk } from './repositories';

export interface GitRemote {
  name: string;
  fetchUrl?: string;
  pushUrl?: string;
}

export interface GitRepository {
  rootUri: vscode.Uri;
  state: { HEAD?: { commit?: string }; remotes: GitRemote[] };
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) {
      return undefined;
    }
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined; // no git here (the browser, git disabled)
  }
}

/** The repository that holds `uri`, as VS Code's git extension knows it. */
export async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
  return (await gitApi())?.getRepository(uri) ?? undefined;
}

/** The commit checked out where `uri` is. */
export async function headCommit(uri: vscode.Uri): Promise<string | undefined> {
  // The git extension opens repositories a while after start; until then (or without it) git's files say.
  return (await repositoryOf(uri))?.state.HEAD?.commit ?? (await headCommitOnDisk(uri));
}

/** The URL of the remote a repository is known by: `origin`, else its first remote. */
export function remoteUrl(repo: GitRepository | undefined): string | undefined {
  const remote = repo?.state.remotes.find((r) => r.name === 'origin') ?? repo?.state.remotes[0];
  return remote?.fetchUrl ?? remote?.pushUrl;
}

/** A file of the repository as it was at `commit`; undefined when git does not have it. */
export async function showAt(repo: GitRepository | undefined, commit: string, uri: vscode.Uri): Promise<string | undefined> {
  if (!repo) {
    return undefined;
  }
  try {
    return await repo.show(commit, uri.fsPath);
  } catch {
    return undefined;
  }
}
