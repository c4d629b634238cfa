/**
 * The code each imported comment was about: the file at the comment's commit (the local repository
 * first, then the code host — the way it works in the browser, where there is no git), found again in
 * today's file of the request's repository where it is open here. The request's URL names the repository;
 * where no open folder is a clone of it, the comments keep the code and lines of the review, recorded as
 * that repository's — never matched against a file of another repository with the same path.
 */
import * as vscode from 'vscode';
import { safeRelativePath } from '../core/paths';
import type { CodeAnchor } from '../core/domain/model';
import { repositoryOfReviewUrl } from '../core/anchors/repository';
import { anchorHome } from '../core/anchors/where';
import { resolveAnchor } from '../core/reviews/importPlan';
import type { AnchorStatus, ImportCandidate } from '../core/reviews/importPlan';
import type { Deps } from '../kit/command';
import { repositoryOf, showAt } from '../platform/gitApi';
import { Cancelled } from '../kit/wizard';

/** A file as it was at a commit, asked of the code host (undefined: not there, or not available). */
export type FileAt = (commit: string, path: string) => Promise<string | undefined>;

export interface FoundAnchor {
  anchor?: CodeAnchor;
  /** `notOpen`: the request's repository is not open here; the code is as the review had it. */
  status: AnchorStatus | 'notOpen';
}

async function readWorking(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined; // the file is not in today's checkout: the anchor is stated as not found
  }
}

export async function anchorsFor(deps: Deps, requestUrl: string, chosen: readonly ImportCandidate[], signal: AbortSignal, fromHost: FileAt): Promise<FoundAnchor[]> {
  const repo = repositoryOfReviewUrl(requestUrl);
  const open = await deps.repos.folders();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const atCommit = new Map<string, Promise<string | undefined>>();
  const working = new Map<string, Promise<string | undefined>>();
  const out: FoundAnchor[] = [];
  for (const c of chosen) {
    if (signal.aborted) {
      throw new Cancelled();
    }
    const repoPath = c.comment.path ? safeRelativePath(c.comment.path) : undefined;
    if (!repoPath) {
      out.push({ status: 'none' });
      continue;
    }
    // Where the request's repository is open here, and the file's path in that folder.
    const home = repo ? anchorHome({ repo, path: repoPath, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, text: '' }, open) : undefined;
    const folder = home?.kind === 'open' ? folders[home.folder] : !repo ? folders[0] : undefined;
    const inFolder = home?.kind === 'open' ? home.path : !repo ? repoPath : undefined;
    const uri = folder && inFolder ? vscode.Uri.joinPath(folder.uri, ...inFolder.split('/')) : undefined;
    if (uri && !working.has(uri.toString())) {
      working.set(uri.toString(), readWorking(uri));
    }
    const commit = c.comment.commit;
    const key = `${commit ?? ''}:${repoPath}`;
    if (commit && !atCommit.has(key)) {
      // The local repository first; where it lacks the commit, or there is no git (the browser), the code
      // host gives the file as it was (GitLab's notes carry no diff hunk to fall back on).
      const local = uri ? showAt(await repositoryOf(uri), commit, uri) : Promise.resolve(undefined);
      atCommit.set(
        key,
        local.then((s) => s ?? fromHost(commit, repoPath)),
      );
    }
    const today = uri ? await working.get(uri.toString()) : undefined;
    // The anchor records the request's repository and the path there; with no repository to name (an
    // address that is not a request's), the first folder's, as before.
    const multi = folders.length > 1;
    const r = resolveAnchor(c.comment, repo ? repoPath : inFolder, await atCommit.get(key), today, !repo && multi ? folder?.name : undefined, repo);
    out.push({ anchor: r.anchor, status: repo && !uri && r.status !== 'none' ? 'notOpen' : r.status });
  }
  return out;
}
