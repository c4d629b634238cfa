/**
 * From a fetched review to feedback entries: which comments to offer (the mentor's own by default, all
 * reviewers on request, never one already imported), their kind, and the anchor: the code as it was at
 * the comment's commit (from git, or from the diff hunk), then found again in today's file.
 */
import { locate } from '../anchors/anchor';
import { buildAnchor } from '../anchors/build';
import { importedKeys, sourceKey } from '../domain/imported';
import type { CodeAnchor, Feedback, FeedbackKind, FeedbackSource } from '../domain/model';
import { readKind } from './conventional';
import { codeFromFile, codeFromHunk } from './diffHunk';
import type { FetchedReview, ReviewComment } from './model';

export interface ImportCandidate {
  comment: ReviewComment;
  kind: FeedbackKind;
  /** False when the kind is a guess (no Conventional Comments label). */
  labeled: boolean;
  decorations: string[];
}

export interface ImportPlan {
  /** New comments by the chosen reviewers, oldest first. */
  candidates: ImportCandidate[];
  /** Comments by the chosen reviewers that are in the mentee's feedback already. */
  alreadyImported: number;
  /** Every reviewer (not the request's author) with the number of their comments and summaries. */
  reviewers: Map<string, number>;
}


/**
 * `reviewers`: "viewer" for the signed-in account's comments (the mentor), "all" for every reviewer
 * but the request's author.
 */
export function planImport(review: FetchedReview, existing: readonly Feedback[], reviewers: 'viewer' | 'all'): ImportPlan {
  const author = review.request.author.toLowerCase();
  const byOthers = review.comments.filter((c) => c.author.toLowerCase() !== author);
  const counts = new Map<string, number>();
  for (const c of byOthers) {
    counts.set(c.author, (counts.get(c.author) ?? 0) + 1);
  }
  const viewer = review.viewer?.toLowerCase();
  const chosen = reviewers === 'all' || !viewer ? byOthers : byOthers.filter((c) => c.author.toLowerCase() === viewer);
  const done = importedKeys(existing);
  const host = review.request.ref.host;
  const fresh = chosen.filter((c) => !done.has(sourceKey(review.request.ref.provider, host, c.id)));
  const candidates = fresh
    .map((comment) => {
      const k = readKind(comment.body);
      return { comment, kind: k.kind, labeled: k.labeled, decorations: k.decorations };
    })
    .sort((a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt));
  return { candidates, alreadyImported: chosen.length - fresh.length, reviewers: counts };
}

export type AnchorStatus = 'found' | 'moved' | 'notFound' | 'none';

export interface ResolvedAnchor {
  anchor?: CodeAnchor;
  status: AnchorStatus;
  /** Where the code came from: git at the comment's commit, or the diff hunk. */
  from?: 'commit' | 'hunk';
  /** Set when the same code stands in several places and the choice is not certain. */
  ambiguous?: number;
}

/**
 * The anchor of a comment. `atCommit` is the file's text at the comment's commit when the local
 * repository has it; `working` is today's text of the file (undefined: it does not exist). `path` is the
 * workspace-relative path (the caller maps the repository path and checks it stays inside).
 */
export function resolveAnchor(c: ReviewComment, path: string | undefined, atCommit: string | undefined, working: string | undefined, folder?: string, repo?: string): ResolvedAnchor {
  if (!path || !c.startLine || !c.endLine) {
    return { status: 'none' };
  }
  const start = c.startLine;
  const end = c.endLine;
  const fromFile = atCommit !== undefined ? codeFromFile(atCommit, start, end) : undefined;
  const fromHunk = fromFile || !c.diffHunk ? undefined : codeFromHunk(c.diffHunk, c.side ?? 'new', start, end);
  const code = fromFile ?? (fromHunk ? { ...fromHunk, after: '' } : undefined);
  const lastLine = code ? (code.text.split('\n').pop() ?? '') : '';
  const anchor = buildAnchor(
    { ...(repo ? { repo } : folder ? { folder } : {}), path },
    { startLine: start, startColumn: 1, endLine: end, endColumn: lastLine.length + 1 },
    { text: code?.text ?? '', before: code?.before, after: code?.after },
    { commit: c.commit, side: c.side === 'old' ? 'base' : undefined },
  );
  const from = fromFile ? ('commit' as const) : fromHunk ? ('hunk' as const) : undefined;
  if (!code || !code.text.trim() || working === undefined) {
    return { anchor, status: 'notFound', ...(from ? { from } : {}) };
  }
  const r = locate(working, anchor);
  // Code on the removed side was taken out by the request itself: only the same text, not a look-alike,
  // is taken for it (a reformatted or similar line elsewhere is most likely other code).
  const lookAlike = c.side === 'old' && (r.method === 'fuzzy' || r.method === 'whitespace' || r.method === 'edited');
  if (r.status === 'notFound' || !r.range || lookAlike) {
    return { anchor, status: 'notFound', ...(from ? { from } : {}) };
  }
  return { anchor: { ...anchor, range: r.range }, status: r.status, ...(from ? { from } : {}), ...(r.ambiguous ? { ambiguous: r.ambiguous } : {}) };
}

/** The feedback entry of an imported comment (the id is given when it is stored). */
export function feedbackEntry(review: FetchedReview, c: ReviewComment, kind: FeedbackKind, anchor: CodeAnchor | undefined): Omit<Feedback, 'id'> {
  const source: FeedbackSource = { provider: review.request.ref.provider, id: c.id, ...(c.url ? { url: c.url } : {}) };
  const viewer = review.viewer?.toLowerCase();
  return {
    date: c.createdAt.slice(0, 10),
    kind,
    text: c.body.trim() || '(no text)',
    review: review.request.ref.url,
    ...(anchor ? { anchor } : {}),
    source,
    ...(viewer && c.author.toLowerCase() !== viewer ? { reviewer: c.author } : {}),
    ...(c.replies.length ? { replies: c.replies.map((r) => ({ author: r.author, date: r.createdAt.slice(0, 10), text: r.body })) } : {}),
  };
}
