/**
 * Feedback follows renamed and moved files: renames made in VS Code rewrite the anchors at once; a rename
 * that came another way (a pull, a terminal) is found through git's rename detection when the mentor goes
 * to the code, and the anchor follows it from then on.
 */
import * as vscode from 'vscode';
import { renamedPath, renamesFromNameStatus, type Rename } from '../core/anchors/renames';
import { operation } from '../core/operations/run';
import { run } from '../kit/operations';
import type { CodeAnchor } from '../core/domain/model';
import type { Deps } from '../kit/command';
import { relativeInside } from '../core/paths';
import { repoOfPath } from '../core/anchors/where';
import type { FolderRepo } from '../core/anchors/where';
import { git, repositoryRoot } from '../platform/git';

/** Renames made in VS Code (a file, or a folder it is in): every anchor on them follows at once. */
export async function followRenamedFiles(deps: Deps, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
  const store = deps.ws.store;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!store || folders.length === 0) {
    return;
  }
  // Renames grouped by the workspace folder they happened in, as paths relative to it.
  const byFolder = new Map<vscode.WorkspaceFolder, Rename[]>();
  for (const f of files) {
    const folder = vscode.workspace.getWorkspaceFolder(f.oldUri);
    if (!folder || vscode.workspace.getWorkspaceFolder(f.newUri) !== folder) {
      continue;
    }
    const from = relativeInside(folder.uri.path, f.oldUri.path);
    const to = relativeInside(folder.uri.path, f.newUri.path);
    if (from && to) {
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), { from, to }]);
    }
  }
  const open = await deps.repos.folders();
  for (const [folder, renames] of byFolder) {
    // The same renames in the terms of each repository they happened in (an anchor of a repository keeps its paths there).
    const repos = new Map<FolderRepo, Rename[]>();
    for (const r of renames) {
      const from = open[folder.index] ? repoOfPath(open[folder.index], r.from) : undefined;
      const to = open[folder.index] ? repoOfPath(open[folder.index], r.to) : undefined;
      if (from && to && from.repo === to.repo) {
        repos.set(from.repo, [...(repos.get(from.repo) ?? []), { from: from.path, to: to.path }]);
      }
    }
    const input = { renames, folder: folder.name, isFirstFolder: folder === folders[0], ...(repos.size > 0 ? { repos: [...repos].map(([repo, list]) => ({ ids: [...repo.ids], renames: list })) } : {}) };
    const change = operation('followRenames').plan(input);
    for (const m of store.mentees) {
      if (m.data && change(m.data).length > 0) {
        await run(deps, 'followRenames', m.path, input);
        deps.log.info(`Feedback links in ${m.slug}.yaml follow ${renames.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
      }
    }
  }
}

/**
 * Where the anchor's file is now when git saw it renamed since the anchor's commit (committed renames, and
 * renames staged since); undefined when git is not there, has no such commit, or saw no rename.
 */
export async function renamedByGit(folder: vscode.WorkspaceFolder, anchor: CodeAnchor): Promise<string | undefined> {
  if (!anchor.commit || folder.uri.scheme !== 'file' || !/^[0-9a-f]{7,40}$/i.test(anchor.commit)) {
    return undefined;
  }
  try {
    const repo = await repositoryRoot(folder.uri.fsPath);
    if (!repo) {
      return undefined;
    }
    const prefix = relativeInside(vscode.Uri.file(repo).path, folder.uri.path);
    if (prefix === undefined) {
      return undefined;
    }
    const inRepo = (p: string) => (prefix ? `${prefix}/${p}` : p);
    const out = await git(repo, ['diff', '--name-status', '-M', '--cached', anchor.commit]);
    const moved = renamedPath(inRepo(anchor.path), renamesFromNameStatus(out));
    if (!moved || (prefix && !moved.startsWith(prefix + '/'))) {
      return undefined;
    }
    return prefix ? moved.slice(prefix.length + 1) : moved;
  } catch {
    return undefined; // no git, or the commit is not in this clone: the anchor stays as it is
  }
}
