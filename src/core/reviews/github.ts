/**
 * GitHub's REST answers (pull request, review comments, reviews, user) mapped to the import's shapes.
 * Field names are GitHub's documented ones; see the example responses in GitHub's OpenAPI description.
 * `original_*` fields are used for positions: they say where the comment was written, which stays true
 * when later pushes make the comment outdated (then `line` is null).
 */
import type { RequestRef, RequestSummary, ReviewComment, ReviewNote, ReviewRequest } from './model';
import { arr, idOf, obj, optInt, optStr, ShapeError, str } from './model';

function login(v: unknown, what: string): string {
  const user = v === null || v === undefined ? undefined : obj(v, what);
  // A deleted account shows as null ("ghost").
  return user ? str(user.login, `${what}.login`) : 'ghost';
}

export function githubRequest(json: unknown, ref: RequestRef): ReviewRequest {
  const pr = obj(json, 'the pull request');
  const base = pr.base === undefined ? undefined : obj(pr.base, 'base');
  const head = pr.head === undefined ? undefined : obj(pr.head, 'head');
  return {
    ref,
    title: str(pr.title, 'title'),
    author: login(pr.user, 'user'),
    createdAt: str(pr.created_at, 'created_at'),
    baseSha: optStr(base?.sha),
    headSha: optStr(head?.sha),
  };
}

export function githubRequestList(json: unknown, ref: Omit<RequestRef, 'number' | 'url'>): RequestSummary[] {
  return arr(json, 'the pull requests').map((item, i) => {
    const pr = obj(item, `pull request ${i + 1}`);
    const number = optInt(pr.number);
    if (!number) {
      throw new ShapeError(`pull request ${i + 1} has no number`);
    }
    return {
      ref: { ...ref, number, url: optStr(pr.html_url) ?? `${ref.protocol}//${ref.host}/${ref.project}/pull/${number}` },
      title: str(pr.title, 'title'),
      author: login(pr.user, 'user'),
      updatedAt: optStr(pr.updated_at) ?? str(pr.created_at, 'created_at'),
    };
  });
}

function note(c: Record<string, unknown>, what: string): ReviewNote {
  return {
    id: idOf(c.id, what),
    author: login(c.user, `${what}.user`),
    body: str(c.body, `${what}.body`),
    createdAt: str(c.created_at, `${what}.created_at`),
    url: optStr(c.html_url),
  };
}

/** Review comments (`GET /repos/{o}/{r}/pulls/{n}/comments`), grouped into threads. */
export function githubComments(json: unknown, baseSha?: string): ReviewComment[] {
  const items = arr(json, 'the review comments').map((x, i) => obj(x, `review comment ${i + 1}`));
  const ids = new Set(items.map((c, i) => idOf(c.id, `review comment ${i + 1}`)));
  const roots: ReviewComment[] = [];
  const byId = new Map<string, ReviewComment>();
  const replies: { to: string; note: ReviewNote }[] = [];
  items.forEach((c, i) => {
    const what = `review comment ${i + 1}`;
    const base = note(c, what);
    const to = c.in_reply_to_id === undefined || c.in_reply_to_id === null ? undefined : idOf(c.in_reply_to_id, `${what}.in_reply_to_id`);
    if (to && ids.has(to)) {
      replies.push({ to, note: base });
      return;
    }
    const path = str(c.path, `${what}.path`);
    const fileLevel = c.subject_type === 'file';
    const side = c.side === 'LEFT' ? 'old' : 'new';
    const endLine = optInt(c.original_line) ?? optInt(c.line);
    const startLine = optInt(c.original_start_line) ?? optInt(c.start_line) ?? endLine;
    const comment: ReviewComment = {
      ...base,
      path,
      ...(fileLevel || !endLine ? {} : { side, startLine, endLine }),
      commit: side === 'old' ? (baseSha ?? optStr(c.original_commit_id)) : (optStr(c.original_commit_id) ?? optStr(c.commit_id)),
      diffHunk: optStr(c.diff_hunk),
      outdated: c.line === null || c.position === null,
      replies: [],
    };
    roots.push(comment);
    byId.set(comment.id, comment);
  });
  // A reply to a reply still belongs to the thread's first comment.
  const rootOf = new Map<string, string>();
  for (const r of replies) {
    rootOf.set(r.note.id, r.to);
  }
  for (const r of replies) {
    let to = r.to;
    for (let hops = 0; !byId.has(to) && rootOf.has(to) && hops < 100; hops++) {
      to = rootOf.get(to) as string;
    }
    byId.get(to)?.replies.push(r.note);
  }
  for (const root of roots) {
    root.replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  return roots;
}

/** Review summaries (`GET /repos/{o}/{r}/pulls/{n}/reviews`): the ones with text. */
export function githubReviews(json: unknown): ReviewComment[] {
  return arr(json, 'the reviews').flatMap((x, i) => {
    const r = obj(x, `review ${i + 1}`);
    const body = typeof r.body === 'string' ? r.body.trim() : '';
    if (!body || r.state === 'PENDING') {
      return [];
    }
    return [
      {
        id: `review-${idOf(r.id, `review ${i + 1}`)}`,
        author: login(r.user, `review ${i + 1}.user`),
        body,
        createdAt: optStr(r.submitted_at) ?? new Date(0).toISOString(),
        url: optStr(r.html_url),
        state: optStr(r.state),
        replies: [],
      },
    ];
  });
}

export function githubViewer(json: unknown): string {
  return str(obj(json, 'the user').login, 'login');
}
