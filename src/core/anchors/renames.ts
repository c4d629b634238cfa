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

/**
 * The edits that point every anchor of a mentee at its file's new path. `folder`: the workspace folder's
 * name the renames happened in; anchors naming another folder are left alone.
 */
export function followRenames(renames: readonly Rename[], folder: string | undefined, isFirstFolder: boolean): (m: Mentee) => Edit[] {
  return (m) => {
    const edits: Edit[] = [];
    m.feedback.forEach((fb, i) => {
      const a = fb.anchor;
      if (!a || (a.folder ? a.folder !== folder : !isFirstFolder)) {
        return;
      }
      const next = renamedPath(a.path, renames);
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
