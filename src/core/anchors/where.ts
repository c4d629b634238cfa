/**
 * Where an anchor's code is among the folders open in the window — in no other way than by its
 * repository: an anchor that names one is code of that repository only, under whatever folder name and
 * wherever the clone is; a file of another repository at the same path is never taken for it. An older
 * anchor, with no repository, belongs to the workspace folder it names (or the first), as it always did.
 */
import type { CodeAnchor } from '../domain/model';
import { safeRelativePath } from '../paths';
import type { AnchorPlace } from './build';

/** A repository that code of an open folder is in. */
export interface FolderRepo {
  /** The id anchors logged here record. */
  id: string;
  /** Every id the repository answers to: its remotes, its first commit. */
  ids: readonly string[];
  /**
   * How its paths meet the folder's: `within` — the folder is inside the repository, at this path ('' at
   * its top); `at` — the repository is a folder inside the workspace folder, at this path.
   */
  within?: string;
  at?: string;
}

/** A workspace folder as far as anchors care: its name, and the repositories its code is in (when known). */
export interface OpenFolder {
  name: string;
  /** The repository around the folder (`within`), and those in its sub-folders (`at`). */
  repos: readonly FolderRepo[];
}

export type AnchorHome =
  /** The code is in an open folder, at `path` inside it. */
  | { kind: 'open'; folder: number; path: string }
  /** The code is in a repository that is not open here (or not the part of it that is). */
  | { kind: 'elsewhere'; repo: string; path: string }
  /** An older anchor and no folder is open; or a path that is not a path. */
  | { kind: 'nowhere' };

/** A repository path as a path of the folder, or undefined when the folder does not hold it. */
function toFolderPath(repoPath: string, r: FolderRepo): string | undefined {
  if (r.at !== undefined) {
    return r.at ? `${r.at}/${repoPath}` : repoPath;
  }
  const within = r.within ?? '';
  if (!within) {
    return repoPath;
  }
  return repoPath.startsWith(within + '/') ? repoPath.slice(within.length + 1) : undefined;
}

/** The repository a path of the folder is in (the innermost), and the path there. */
export function repoOfPath(folder: OpenFolder, path: string): { repo: FolderRepo; path: string } | undefined {
  let best: { repo: FolderRepo; path: string; depth: number } | undefined;
  for (const r of folder.repos) {
    if (r.at !== undefined) {
      if (r.at === '' || path.startsWith(r.at + '/')) {
        const depth = r.at ? r.at.split('/').length : 0;
        if (!best || depth > best.depth) {
          best = { repo: r, path: r.at ? path.slice(r.at.length + 1) : path, depth };
        }
      }
    } else if (!best) {
      best = { repo: r, path: r.within ? `${r.within}/${path}` : path, depth: -1 };
    }
  }
  return best ? { repo: best.repo, path: best.path } : undefined;
}

export function anchorHome(anchor: CodeAnchor, folders: readonly OpenFolder[]): AnchorHome {
  const path = safeRelativePath(anchor.path);
  if (!path) {
    return { kind: 'nowhere' };
  }
  if (anchor.repo) {
    for (const [i, f] of folders.entries()) {
      for (const r of f.repos) {
        if (!r.ids.includes(anchor.repo)) {
          continue;
        }
        const inFolder = toFolderPath(path, r);
        // The path must be this repository's there, not a nested repository's that shadows it.
        if (inFolder && repoOfPath(f, inFolder)?.repo === r) {
          return { kind: 'open', folder: i, path: inFolder };
        }
      }
    }
    return { kind: 'elsewhere', repo: anchor.repo, path };
  }
  if (folders.length === 0) {
    return { kind: 'nowhere' };
  }
  const named = anchor.folder ? folders.findIndex((f) => f.name === anchor.folder) : -1;
  return { kind: 'open', folder: named >= 0 ? named : 0, path };
}

/**
 * Whether an anchor is on the file at `path` of open folder `folder`: its repository's (any clone open
 * under any name), or — for an older anchor — the folder it names, or the first when it names none.
 */
export function anchorIsOn(anchor: CodeAnchor, folders: readonly OpenFolder[], folder: number, path: string): boolean {
  const f = folders[folder];
  if (!f) {
    return false;
  }
  if (anchor.repo) {
    const here = repoOfPath(f, path);
    return !!here && here.repo.ids.includes(anchor.repo) && safeRelativePath(anchor.path) === here.path;
  }
  const home = anchorHome(anchor, folders);
  return home.kind === 'open' && home.folder === folder && home.path === path;
}

/** Where code at `path` of open folder `folder` is, as an anchor records it: its repository and the path there, or the folder without one. */
export function anchorPlaceIn(folders: readonly OpenFolder[], folder: number, path: string): AnchorPlace {
  const f = folders[folder];
  const here = f ? repoOfPath(f, path) : undefined;
  if (here) {
    return { repo: here.repo.id, path: here.path };
  }
  return { ...(folders.length > 1 && f ? { folder: f.name } : {}), path };
}

/**
 * An older anchor with its repository, when it can be told for certain: it belongs to its folder (the one
 * it names, or the first), its file there is in a repository, and that repository has the anchor's commit
 * (`hasCommit`, asked of git). Undefined otherwise: an anchor is never given a repository on a guess.
 */
export function withRepository(anchor: CodeAnchor, folders: readonly OpenFolder[], hasCommit: (repo: FolderRepo) => boolean | undefined): CodeAnchor | undefined {
  if (anchor.repo || !anchor.commit) {
    return undefined;
  }
  const home = anchorHome(anchor, folders);
  if (home.kind !== 'open') {
    return undefined;
  }
  const here = repoOfPath(folders[home.folder], home.path);
  if (!here || hasCommit(here.repo) !== true) {
    return undefined;
  }
  const { folder: _folder, ...rest } = anchor;
  void _folder;
  return { repo: here.repo.id, ...rest, path: here.path };
}

/** The repository of an older anchor's file, for asking whether it has the anchor's commit. */
export function legacyRepo(anchor: CodeAnchor, folders: readonly OpenFolder[]): FolderRepo | undefined {
  if (anchor.repo) {
    return undefined;
  }
  const home = anchorHome(anchor, folders);
  return home.kind === 'open' ? repoOfPath(folders[home.folder], home.path)?.repo : undefined;
}

/** Whether feedback on this anchor is about code open here (an older anchor is its folder's; feedback without one counts as here). */
export function isOpenHere(anchor: CodeAnchor | undefined, folders: readonly OpenFolder[]): boolean {
  return !anchor || anchorHome(anchor, folders).kind === 'open';
}
