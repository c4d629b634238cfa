/**
 * The code each imported comment was about: the file at the comment's commit (the local repository
 * first, then the code host — the way it works in the browser, where there is no git), found again in
 * today's file of the workspace.
 */
import * as vscode from 'vscode';
import { relativeInside, safeRelativePath } from '../core/paths';
import type { CodeAnchor } from '../core/domain/model';
import { resolveAnchor } from '../core/reviews/importPlan';
import type { AnchorStatus, ImportCandidate } from '../core/reviews/importPlan';
import { repositoryOf, showAt } from '../platform/gitApi';
import { Cancelled } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';

/** A file as it was at a commit, asked of the code host (undefined: not there, or not available). */
export type FileAt = (commit: string, path: string) => Promise<string | undefined>;

export interface FoundAnchor {
  anchor?: CodeAnchor;
  status: AnchorStatus;
}

async function readWorking(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined; // the file is not in today's checkout: the anchor is stated as not found
  }
}

export async function anchorsFor(chosen: readonly ImportCandidate[], signal: AbortSignal, fromHost: FileAt): Promise<FoundAnchor[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new UserFacingError(vscode.l10n.t('Open a folder first: Mentorship keeps its files in the workspace.'));
  }
  const repo = await repositoryOf(folder.uri);
  // The repository's root as a path inside the workspace folder ("" when they are the same).
  const inside = repo ? relativeInside(folder.uri.path, repo.rootUri.path) : undefined;
  const prefix = inside ? `${inside}/` : '';
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const atCommit = new Map<string, Promise<string | undefined>>();
  const working = new Map<string, Promise<string | undefined>>();
  const out: FoundAnchor[] = [];
  for (const c of chosen) {
    if (signal.aborted) {
      throw new Cancelled();
    }
    const rel = c.comment.path ? safeRelativePath(prefix + c.comment.path) : undefined;
    if (!rel) {
      out.push({ status: 'none' });
      continue;
    }
    const uri = vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
    if (!working.has(rel)) {
      working.set(rel, readWorking(uri));
    }
    const key = `${c.comment.commit ?? ''}:${rel}`;
    const commit = c.comment.commit;
    const repoPath = c.comment.path;
    if (commit && repoPath && !atCommit.has(key)) {
      // The local repository first; where it lacks the commit, or there is no git (the browser), the code
      // host gives the file as it was (GitLab's notes carry no diff hunk to fall back on).
      atCommit.set(
        key,
        showAt(repo, commit, uri).then((s) => s ?? fromHost(commit, repoPath)),
      );
    }
    const r = resolveAnchor(c.comment, rel, await atCommit.get(key), await working.get(rel), multi ? folder.name : undefined);
    out.push({ anchor: r.anchor, status: r.status });
  }
  return out;
}
