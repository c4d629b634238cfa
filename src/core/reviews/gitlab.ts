/**
 * GitLab's REST answers (merge request, discussions, user) mapped to the import's shapes. A diff note's
 * `position` says where it was written: `new_line` on added or unchanged lines, only `old_line` on
 * removed ones; `line_range` gives the first and last line of a multi-line comment.
 */
import type { RequestRef, RequestSummary, ReviewComment, ReviewNote, ReviewRequest } from './model';
import { arr, idOf, obj, optInt, optStr, ShapeError, str } from './model';

function username(v: unknown, what: string): string {
  return v === null || v === undefined ? 'ghost' : str(obj(v, what).username, `${what}.username`);
}

export function gitlabRequest(json: unknown, ref: RequestRef): ReviewRequest {
  const mr = obj(json, 'the merge request');
  const refs = mr.diff_refs === undefined || mr.diff_refs === null ? undefined : obj(mr.diff_refs, 'diff_refs');
  return {
    ref,
    title: str(mr.title, 'title'),
    author: username(mr.author, 'author'),
    createdAt: str(mr.created_at, 'created_at'),
    baseSha: optStr(refs?.base_sha),
    headSha: optStr(refs?.head_sha),
  };
}

export function gitlabRequestList(json: unknown, ref: Omit<RequestRef, 'number' | 'url'>): RequestSummary[] {
  return arr(json, 'the merge requests').map((item, i) => {
    const mr = obj(item, `merge request ${i + 1}`);
    const number = optInt(mr.iid);
    if (!number) {
      throw new ShapeError(`merge request ${i + 1} has no iid`);
    }
    return {
      ref: { ...ref, number, url: optStr(mr.web_url) ?? `${ref.protocol}//${ref.host}/${ref.project}/-/merge_requests/${number}` },
      title: str(mr.title, 'title'),
      author: username(mr.author, 'author'),
      updatedAt: optStr(mr.updated_at) ?? str(mr.created_at, 'created_at'),
    };
  });
}

function note(n: Record<string, unknown>, what: string, requestUrl: string): ReviewNote {
  const id = idOf(n.id, what);
  return { id, author: username(n.author, `${what}.author`), body: str(n.body, `${what}.body`), createdAt: str(n.created_at, `${what}.created_at`), url: `${requestUrl}#note_${id}` };
}

function lineOf(point: unknown, side: 'old' | 'new'): number | undefined {
  if (typeof point !== 'object' || point === null) {
    return undefined;
  }
  const p = point as Record<string, unknown>;
  return optInt(side === 'new' ? p.new_line : p.old_line) ?? optInt(side === 'new' ? p.old_line : p.new_line);
}

/** Discussions (`GET /projects/:id/merge_requests/:iid/discussions`): threads with their replies. */
export function gitlabDiscussions(json: unknown, requestUrl: string): ReviewComment[] {
  return arr(json, 'the discussions').flatMap((x, i) => {
    const d = obj(x, `discussion ${i + 1}`);
    const notes = arr(d.notes, `discussion ${i + 1}.notes`)
      .map((n, j) => obj(n, `discussion ${i + 1} note ${j + 1}`))
      .filter((n) => n.system !== true);
    if (notes.length === 0) {
      return [];
    }
    const what = `discussion ${i + 1} note 1`;
    const first = notes[0];
    const replies = notes.slice(1).map((n, j) => note(n, `discussion ${i + 1} note ${j + 2}`, requestUrl));
    const base = note(first, what, requestUrl);
    const pos = first.position === undefined || first.position === null ? undefined : obj(first.position, `${what}.position`);
    if (!pos || (pos.position_type !== undefined && pos.position_type !== 'text')) {
      return [{ ...base, replies }];
    }
    const newLine = optInt(pos.new_line);
    const oldLine = optInt(pos.old_line);
    const side = newLine ? 'new' : 'old';
    const range = pos.line_range === undefined || pos.line_range === null ? undefined : obj(pos.line_range, `${what}.position.line_range`);
    const endLine = (side === 'new' ? newLine : oldLine) ?? lineOf(range?.end, side);
    const startLine = lineOf(range?.start, side) ?? endLine;
    const path = side === 'new' ? (optStr(pos.new_path) ?? optStr(pos.old_path)) : (optStr(pos.old_path) ?? optStr(pos.new_path));
    if (!path || !endLine) {
      return [{ ...base, replies }];
    }
    return [
      {
        ...base,
        path,
        side,
        startLine: Math.min(startLine ?? endLine, endLine),
        endLine,
        commit: side === 'new' ? optStr(pos.head_sha) : optStr(pos.base_sha),
        replies,
      } satisfies ReviewComment,
    ];
  });
}

export function gitlabViewer(json: unknown): string {
  return str(obj(json, 'the user').username, 'username');
}
