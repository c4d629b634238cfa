/** Git's conflict markers in a file: a merge to finish, not a broken file. */

const OPENING = /^<{7}(?: |$)/m;
const CLOSING = /^>{7}(?: |$)/m;

/** The 1-based line where git's first conflict starts (`<<<<<<<`, closed by a later `>>>>>>>`), if any. */
export function conflictMarkerLine(text: string): number | undefined {
  const open = OPENING.exec(text);
  if (!open || !CLOSING.test(text.slice(open.index))) {
    return undefined;
  }
  return text.slice(0, open.index).split('\n').length;
}
