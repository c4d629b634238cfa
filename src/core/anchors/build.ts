/**
 * A code anchor is built here and nowhere else: from where the code is (its repository, or the workspace
 * folder for code outside any repository), the path there, the range, the code with a few lines around it,
 * and the commit it was seen at. Feedback logged on a selection, re-pointed, or imported from a review all
 * come through `buildAnchor`, so their anchors have the same fields in the same order.
 */
import type { AnchorRange, CodeAnchor } from '../domain/model';

/** Where the anchored file is. */
export interface AnchorPlace {
  /** The repository: its normalised remote ("github.com/owner/repo"), or "root:<first commit>". */
  repo?: string;
  /** The workspace folder's name: recorded only without a repository, in a workspace of several folders. */
  folder?: string;
  /** The file's path in its repository (or, without one, in its workspace folder), with forward slashes. */
  path: string;
}

export function buildAnchor(
  place: AnchorPlace,
  range: AnchorRange,
  code: Pick<CodeAnchor, 'text' | 'before' | 'after'>,
  extra: { commit?: string; side?: CodeAnchor['side'] } = {},
): CodeAnchor {
  return {
    ...(place.repo ? { repo: place.repo } : place.folder ? { folder: place.folder } : {}),
    path: place.path,
    range,
    text: code.text,
    ...(code.before ? { before: code.before } : {}),
    ...(code.after ? { after: code.after } : {}),
    ...(extra.commit ? { commit: extra.commit } : {}),
    ...(extra.side === 'base' ? { side: 'base' as const } : {}),
  };
}
