/**
 * Anchors follow their file when it is renamed or moved: by the editor's rename events (a file, or a
 * folder it is in), and by git's rename detection between the anchor's commit and today's tree.
 */
import type { Mentee } from '../domain/model';
import type { Edit } from '../domain/edit';

/** A rename inside one workspace folder, as paths relative to it with forward slashes. */
export interface Rename {
  from: string;
  to: string;
}

/** The path after the renames: the file itself renamed, or a folder it is in; undefined when none applies. */
export function renamedPath(path: string, renames: readonly Rename[]): string | undefined {
  let out: string | undefined;
  let cur = path;
  for (const r of renames) {
    const from = r.from.replace(/\/$/, '');
    if (cur === from) {
      cur = r.to;
      out = cur;
    } else if (cur.startsWith(from + '/')) {
      cur = r.to.replace(/\/$/, '') + cur.slice(from.length);
      out = cur;
    }
  }
  return out;
}

/** Renames in a repository: the ids it answers to, and the renames as paths of the repository. */
export interface RepositoryRenames {
  ids: readonly string[];
  renames: readonly Rename[];
}

/**
 * The edits that point every anchor of a mentee at its file's new path. An anchor of a repository follows
 * renames made in a folder of that repository (`repo`; its paths are the repository's); an older anchor
 * follows renames of the workspace folder it names (`folder`), or of the first; the others are left alone.
 */
export function followRenames(renames: readonly Rename[], folder: string | undefined, isFirstFolder: boolean, repos: readonly RepositoryRenames[] = []): (m: Mentee) => Edit[] {
  return (m) => {
    const edits: Edit[] = [];
    m.feedback.forEach((fb, i) => {
      const a = fb.anchor;
      if (!a) {
        return;
      }
      const inRepo = a.repo ? repos.find((r) => r.ids.includes(a.repo as string)) : undefined;
      if (a.repo ? !inRepo : a.folder ? a.folder !== folder : !isFirstFolder) {
        return;
      }
      const next = renamedPath(a.path, inRepo ? inRepo.renames : renames);
      if (next !== undefined && next !== a.path) {
        edits.push({ op: 'set', path: ['feedback', i, 'anchor', 'path'], value: next });
      }
    });
    return edits;
  };
}

/** Renames in the output of `git diff --name-status -M` (lines `R<score>\told\tnew`). */
export function renamesFromNameStatus(out: string): Rename[] {
  const renames: Rename[] = [];
  for (const line of out.split('\n')) {
    const [status, from, to] = line.replace(/\r$/, '').split('\t');
    if (status && /^R\d*$/.test(status) && from && to) {
      renames.push({ from, to });
    }
  }
  return renames;
}
