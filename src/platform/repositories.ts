/**
 * Which repository a folder is in, asked of its files: the `.git` above it (a folder, or a file pointing to
 * a worktree's), the remotes of its config, and — where git can run — its first commit. Read through
 * `vscode.workspace.fs`, so it works in every host with a real file system (desktop, remote, the web
 * worker of a remote); github.dev says its repository in the folder's URI.
 */
import * as vscode from 'vscode';
import { repositoryIdentity, repositoryOfVirtualFolder, remotesOfGitConfig } from '../core/anchors/repository';
import type { RepositoryIdentity } from '../core/anchors/repository';
import { relativeInside } from '../core/paths';
import { git, GIT_AVAILABLE } from './git';

export interface FolderRepository extends RepositoryIdentity {
  /** The repository's top folder. */
  root: vscode.Uri;
  /** The folder is inside the repository, at this path ('' at its top). */
  within?: string;
  /** The repository is a sub-folder of the folder, at this path. */
  at?: string;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function statType(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}

function parent(uri: vscode.Uri): vscode.Uri | undefined {
  const path = uri.path.replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  if (i < 0 || path === '' || /^\/[a-zA-Z]:$/.test(path)) {
    return undefined;
  }
  return uri.with({ path: i === 0 ? '/' : path.slice(0, i) });
}

/** A path git wrote in a file (`gitdir: ../x`, a worktree's `commondir`): absolute, or relative to `base`. */
function resolveFrom(base: vscode.Uri, written: string): vscode.Uri {
  const p = written.trim().replace(/\\/g, '/');
  if (/^([a-zA-Z]:)?\//.test(p)) {
    return base.with({ path: p.startsWith('/') ? p : `/${p}` });
  }
  return vscode.Uri.joinPath(base, p);
}

/** The repository around `folder`, or undefined when it is in none (or none that can be named). */
export async function repositoryOfFolder(folder: vscode.Uri): Promise<FolderRepository | undefined> {
  const virtual = repositoryOfVirtualFolder(folder.scheme, folder.authority, folder.path);
  if (virtual) {
    const [owner, repo] = folder.path.split('/').filter(Boolean);
    const root = folder.with({ path: `/${owner}/${repo}` });
    return { ...virtual, root, within: relativeInside(root.path, folder.path) ?? '' };
  }
  const around = await gitFolderAround(folder);
  const identity = around && (await identityAt(around.root, around.gitDir));
  return around && identity ? { ...identity, root: around.root, within: relativeInside(around.root.path, folder.path) ?? '' } : undefined;
}

/** The nearest folder at or above `uri` that is a repository's top, and its git folder. */
async function gitFolderAround(uri: vscode.Uri): Promise<{ root: vscode.Uri; gitDir: vscode.Uri } | undefined> {
  let dir: vscode.Uri | undefined = uri;
  for (let depth = 0; dir && depth < 64; depth++, dir = parent(dir)) {
    const gitDir = await gitDirOf(dir);
    if (gitDir) {
      return { root: dir, gitDir };
    }
  }
  return undefined;
}

/** Where a git folder keeps what its worktrees share (config, refs): its `commondir`, else itself. */
async function commonDirOf(gitDir: vscode.Uri): Promise<vscode.Uri | undefined> {
  const common = await readText(vscode.Uri.joinPath(gitDir, 'commondir'));
  return common ? resolveFrom(gitDir, common) : undefined;
}

/** A repository's identity from its git folder's config (a worktree's: the common one) and first commit. */
async function identityAt(root: vscode.Uri, gitDir: vscode.Uri): Promise<RepositoryIdentity | undefined> {
  const configDir = (await commonDirOf(gitDir)) ?? gitDir;
  const remotes = remotesOfGitConfig((await readText(vscode.Uri.joinPath(configDir, 'config'))) ?? '');
  return repositoryIdentity(remotes, await firstCommit(root));
}

/** The git folder of a repository whose top is `dir`: `.git` itself, or where its `.git` file points. */
async function gitDirOf(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
  const dotGit = vscode.Uri.joinPath(dir, '.git');
  const type = await statType(dotGit);
  if (type === undefined) {
    return undefined;
  }
  if (type & vscode.FileType.Directory) {
    return dotGit;
  }
  const pointer = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? '');
  return pointer ? resolveFrom(dir, pointer[1]) : undefined;
}

/**
 * The commit checked out in the repository around `uri`, read from its git folder (HEAD, the branch's ref
 * file or packed-refs): for when VS Code's git extension has not opened the repository yet, or is off.
 */
export async function headCommitOnDisk(uri: vscode.Uri): Promise<string | undefined> {
  const gitDir = (await gitFolderAround(uri))?.gitDir;
  if (!gitDir) {
    return undefined;
  }
  const head = ((await readText(vscode.Uri.joinPath(gitDir, 'HEAD'))) ?? '').trim();
  if (OBJECT_ID.test(head)) {
    return head; // a detached HEAD
  }
  const ref = /^ref:\s*(refs\/\S+)$/.exec(head)?.[1];
  if (!ref) {
    return undefined;
  }
  const common = await commonDirOf(gitDir);
  for (const d of common ? [gitDir, common] : [gitDir]) {
    const loose = ((await readText(vscode.Uri.joinPath(d, ...ref.split('/')))) ?? '').trim();
    if (OBJECT_ID.test(loose)) {
      return loose;
    }
    const packed = (await readText(vscode.Uri.joinPath(d, 'packed-refs'))) ?? '';
    const id = packed.split('\n').find((l) => l.trim().endsWith(` ${ref}`))?.trim().split(' ')[0];
    if (id && OBJECT_ID.test(id)) {
      return id;
    }
  }
  return undefined;
}

const OBJECT_ID = /^[0-9a-f]{40,64}$/;

/**
 * Every repository a workspace folder's code is in: the one around it, and those in its first level of
 * sub-folders (a folder that holds several clones, as VS Code's git support finds them).
 */
export async function repositoriesOfFolder(folder: vscode.Uri): Promise<FolderRepository[]> {
  const around = await repositoryOfFolder(folder);
  if (folder.scheme === 'vscode-vfs') {
    return around ? [around] : [];
  }
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    entries = [];
  }
  const subs = entries.filter(([name, type]) => type & vscode.FileType.Directory && !name.startsWith('.') && name !== 'node_modules');
  const nested = await Promise.all(
    subs.map(async ([name]) => {
      const dir = vscode.Uri.joinPath(folder, name);
      const gitDir = await gitDirOf(dir);
      const identity = gitDir ? await identityAt(dir, gitDir) : undefined;
      const repo: FolderRepository | undefined = identity ? { ...identity, root: dir, at: name } : undefined;
      return repo;
    }),
  );
  return [...(around ? [around] : []), ...nested.filter((r): r is FolderRepository => !!r)];
}

/** The repository's first commit (the oldest root, by name when there are several), where git runs here. */
async function firstCommit(root: vscode.Uri): Promise<string | undefined> {
  if (!GIT_AVAILABLE || root.scheme !== 'file') {
    return undefined;
  }
  try {
    const out = await git(root.fsPath, ['rev-list', '--max-parents=0', 'HEAD'], { allowExit: [128] });
    return out.split('\n').map((l) => l.trim()).filter(Boolean).sort()[0];
  } catch {
    return undefined;
  }
}

/** Whether the repository at `root` has this commit (git answers; undefined where it cannot be asked). */
export async function hasCommit(root: vscode.Uri, commit: string): Promise<boolean | undefined> {
  if (!GIT_AVAILABLE || root.scheme !== 'file' || !/^[0-9a-f]{7,64}$/i.test(commit)) {
    return undefined;
  }
  try {
    await git(root.fsPath, ['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
