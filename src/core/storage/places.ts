/**
 * Where the notebook's data folders are: the settings as the mentor wrote them turned into data folders,
 * and a notebook folder looked at on disk. A notebook folder counts when it holds a data folder
 * (`<folder>/.mentorship/`, as in a notes repository shared with a mentee, who opens it in VS Code) or is
 * one (it has `mentees/` or `mentor.yaml`); an empty folder gets its notes in `.mentorship/`, so the
 * repository it may become is one the mentee can open as it is.
 */
import { joinPath, normalizePosix } from '../paths';
import { describeFsError, unlessNotFound } from './fs';
import type { FileSystem } from './fs';
import { MENTEES_FOLDER, MENTOR_FILE } from './store';

export const DEFAULT_DATA_FOLDER = '.mentorship';

/** A setting's path with a leading `~` made the home folder's; undefined when it needs one and there is none. */
export function expandHome(entry: string, home: string | undefined): string | undefined {
  const e = entry.trim();
  if (e === '~' || e.startsWith('~/') || e.startsWith('~\\')) {
    return home ? home.replace(/[\\/]+$/, '') + e.slice(1) : undefined;
  }
  return e;
}

/** Whether a path from the settings is absolute (posix, or a Windows drive or share). */
export function isAbsoluteSetting(path: string): boolean {
  return /^([a-zA-Z]:)?[\\/]/.test(path);
}

/** How a notebook folder is shown: as the mentor wrote it, `~` for the home folder, no trailing slash. */
export function folderLabel(entry: string): string {
  return entry.trim().replace(/[\\/]+$/, '') || entry.trim();
}

export type FolderProbe = { root: string } | { problem: string };

/**
 * The data folder a notebook folder stands for, or why it cannot be read: "it does not exist", "it is not
 * a folder", "permission denied". `folder` is a posix path of the store's file system.
 */
export async function probeNotebookFolder(fs: FileSystem, folder: string): Promise<FolderProbe> {
  const path = normalizePosix(folder);
  let entries: [string, string][];
  try {
    const stat = await fs.stat(path);
    if (!stat) {
      return { problem: 'it does not exist' };
    }
    if (stat.type !== 'directory') {
      return { problem: 'it is not a folder' };
    }
    entries = await unlessNotFound(() => fs.readDirectory(path), []);
  } catch (e) {
    return { problem: describeFsError(e) };
  }
  const has = (name: string, type: string): boolean => entries.some(([n, t]) => n === name && t === type);
  if (has(DEFAULT_DATA_FOLDER, 'directory')) {
    return { root: joinPath(path, DEFAULT_DATA_FOLDER) };
  }
  if (has(MENTEES_FOLDER, 'directory') || has(MENTOR_FILE, 'file')) {
    return { root: path };
  }
  return { root: joinPath(path, DEFAULT_DATA_FOLDER) };
}
