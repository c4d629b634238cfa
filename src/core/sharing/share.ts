/**
 * Sharing a mentorship through git: the repository files it touches (`.gitignore`, `.gitattributes`),
 * the merge driver's config line, and moving private notes out of the files to share. Pure text and
 * data; the adapter runs git and writes the files.
 */
import type { Mentee } from '../domain/model';

/** The name of the merge driver in `.gitattributes` and git's config. */
export const DRIVER_NAME = 'mentorship';

/** The `.gitattributes` line that routes the data folder's YAML files to the driver. */
export function attributesLine(dataFolder: string): string {
  return `${dataFolder}/**/*.yaml merge=${DRIVER_NAME}`;
}

/** Does `.gitattributes` route the data folder's files to the driver already? */
export function routesToDriver(attributes: string, dataFolder: string): boolean {
  return attributes.split(/\r?\n/).some((l) => l.trim() === attributesLine(dataFolder));
}

/** `.gitattributes` with the driver's line added once, under a comment that says what it is for. */
export function withDriverAttributes(attributes: string, dataFolder: string): string {
  if (routesToDriver(attributes, dataFolder)) {
    return attributes;
  }
  const sep = attributes === '' || attributes.endsWith('\n') ? '' : '\n';
  return `${attributes}${sep}# Mentorship: merge shared notes by entry ids (the extension registers the driver)\n${attributesLine(dataFolder)}\n`;
}

/**
 * `.gitignore` without the lines that keep the data folder out of git (as Initialize writes them, or by
 * hand), and without the comment line Initialize puts above its own. Other lines stay as they are.
 */
export function withoutDataFolderIgnored(gitignore: string, dataFolder: string): { text: string; removed: string[] } {
  const lines = gitignore.split('\n');
  const ignoresFolder = (line: string): boolean => {
    const l = line.replace(/\r$/, '').trim();
    const bare = l.replace(/^\//, '').replace(/\/(\*\*?)?$/, '');
    return bare === dataFolder;
  };
  const removed: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (ignoresFolder(lines[i])) {
      removed.push(lines[i].trim());
      if (kept.length > 0 && /^#\s*Mentorship notes/.test(kept[kept.length - 1].trim())) {
        kept.pop();
      }
      continue;
    }
    kept.push(lines[i]);
  }
  return { text: kept.join('\n'), removed };
}

/** Files inside the data folder that are never shared: drafts in progress and exported reports. */
export const DATA_FOLDER_GITIGNORE = '# Mentorship: drafts in progress and exported reports stay on this machine.\ndrafts/\nreports/\n';

/**
 * The command git runs for the driver, for the shell git uses (sh, also on Windows). Where the script or
 * the runtime is gone (the extension removed, VS Code moved), git's own line merge runs instead, so a
 * pull never fails for the driver's sake.
 */
export function driverCommand(runtime: string, script: string): string {
  const q = (s: string) => `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
  // ELECTRON_RUN_AS_NODE lets VS Code's own runtime run the script where no separate Node.js is installed.
  return `if [ -f ${q(script)} ] && [ -x ${q(runtime)} ]; then ELECTRON_RUN_AS_NODE=1 ${q(runtime)} ${q(script)} %O %A %B %P %L; else git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B; fi`;
}

/** The sessions of a mentee that still hold a `private:` field in the shared file. */
export function privateFields(m: Mentee): { id: string; date: string; text: string }[] {
  return m.sessions.filter((s) => typeof s.private === 'string' && s.private.trim() !== '').map((s) => ({ id: s.id, date: s.date, text: s.private as string }));
}

/**
 * Notes for the private file: each `private:` field under its session id. A note already there stays; a
 * different note already there is kept above this one, so nothing is lost when the move is run again.
 */
export function notesToMove(m: Mentee, existing: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of privateFields(m)) {
    const before = existing[p.id];
    if (before === undefined || before.trim() === '') {
      out[p.id] = p.text;
    } else if (!before.includes(p.text.trim())) {
      out[p.id] = `${before.trimEnd()}\n\n${p.text}`;
    }
  }
  return out;
}
