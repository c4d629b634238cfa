/**
 * The HTTP path of the import: GitHub's and GitLab's REST APIs through `fetch` (global in Node, in the
 * browser and in every VS Code extension host), pagination followed to the end, and every failure turned
 * into a message that says what happened.
 *
 * The token goes to one origin only: that of the API base the mentor chose (`ApiOptions.base`). A next
 * page, a redirect or any other URL a code host names on another origin is refused, with a message that
 * names both hosts, before anything is sent there; redirects are followed by hand for that reason (the
 * runtime's own redirects would carry a GitLab PRIVATE-TOKEN to wherever they lead).
 */
import { githubComments, githubRequest, githubRequestList, githubReviews, githubViewer } from './github';
import { gitlabDiscussions, gitlabRequest, gitlabRequestList, gitlabViewer } from './gitlab';
import type { FetchedReview, Provider, RequestRef, RequestSummary } from './model';
import { ShapeError } from './model';

export type ApiErrorKind = 'network' | 'unauthorized' | 'forbidden' | 'notFound' | 'rateLimited' | 'shape' | 'http' | 'cancelled' | 'foreignOrigin';

export class ReviewApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** When a rate limit resets. */
    readonly resetAt?: Date,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReviewApiError';
  }
}

export interface ApiOptions {
  provider: Provider;
  /** REST base, e.g. "https://api.github.com" or "https://gitlab.example.com/api/v4". */
  base: string;
  token?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Told after each page, for progress. */
  onPage?: (what: string, page: number) => void;
  now?: () => Date;
}

const MAX_PAGES = 200;
const MAX_REDIRECTS = 5;

function headers(o: ApiOptions, accept?: string): Record<string, string> {
  if (o.provider === 'github') {
    return {
      Accept: accept ?? 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
    };
  }
  return { Accept: 'application/json', ...(o.token ? { 'PRIVATE-TOKEN': o.token } : {}) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Refuses a URL on another origin than the API base's: the token is sent nowhere else. */
export function requireSameOrigin(o: Pick<ApiOptions, 'base'>, url: string, what: string, how: string): void {
  const allowed = originOf(o.base);
  if (!allowed || originOf(url) !== allowed) {
    throw new ReviewApiError(
      'foreignOrigin',
      `${hostOf(o.base)} ${how} ${hostOf(url)} for ${what}: another host than the one the import reads from (${hostOf(o.base)}). It was not followed and nothing was sent there; nothing was imported.`,
    );
  }
}

function clock(d: Date): string {
  return d.toISOString().slice(11, 16) + ' UTC';
}

/** The next page: a Link header with rel="next" (both hosts), else GitLab's x-next-page. */
export function nextPage(res: Pick<Response, 'headers'>, url: string): string | undefined {
  const link = res.headers.get('link');
  if (link) {
    for (const part of link.split(',')) {
      const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
      if (m) {
        return new URL(m[1], url).toString();
      }
    }
  }
  const next = res.headers.get('x-next-page');
  if (next && /^\d+$/.test(next.trim())) {
    const u = new URL(url);
    u.searchParams.set('page', next.trim());
    return u.toString();
  }
  return undefined;
}

async function failure(res: Response, o: ApiOptions, what: string, url: string): Promise<ReviewApiError> {
  const host = hostOf(url);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object') {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    body = {};
  }
  const said = typeof body.message === 'string' ? body.message : typeof body.error_description === 'string' ? body.error_description : undefined;
  const now = (o.now ?? (() => new Date()))();
  const resetFrom = (): Date | undefined => {
    const retry = res.headers.get('retry-after');
    if (retry && /^\d+$/.test(retry)) {
      return new Date(now.getTime() + Number(retry) * 1000);
    }
    const reset = res.headers.get('x-ratelimit-reset') ?? res.headers.get('ratelimit-reset');
    return reset && /^\d+$/.test(reset) ? new Date(Number(reset) * 1000) : undefined;
  };
  const limited = res.status === 429 || (res.status === 403 && (res.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(said ?? '')));
  if (limited) {
    const at = resetFrom();
    const when = at ? ` It resets at ${clock(at)} (in ${Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60000))} min).` : ' Try again later.';
    return new ReviewApiError('rateLimited', `${host} limits how often it may be asked, and the limit is reached.${when} Nothing was imported.`, res.status, at);
  }
  if (res.status === 401) {
    return new ReviewApiError('unauthorized', `${host} did not accept the sign-in (401${said ? `: ${said}` : ''}). Sign in again or use another token; nothing was imported.`, 401);
  }
  if (res.status === 403) {
    let need: string;
    if (o.provider === 'gitlab') {
      need = body.error === 'insufficient_scope' ? `the "${typeof body.scope === 'string' ? body.scope : 'read_api'}" scope` : 'read access to this project (Reporter or higher)';
    } else {
      const fine = res.headers.get('x-accepted-github-permissions');
      const scopes = res.headers.get('x-accepted-oauth-scopes');
      need = fine ? `the permission ${fine.replace(/=/g, ': ')}` : scopes ? `the scope "${scopes}"` : 'read access to this repository\'s pull requests (the "repo" scope for a private repository)';
    }
    return new ReviewApiError('forbidden', `${host} refused access to ${what} (403${said ? `: ${said}` : ''}). The sign-in needs ${need}; nothing was imported.`, 403);
  }
  if (res.status === 404) {
    return new ReviewApiError('notFound', `${host} has no ${what}, or this account has no access to it (404). Check the URL and the account; nothing was imported.`, 404);
  }
  return new ReviewApiError('http', `${host} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${what}${said ? `: ${said}` : ''}. Nothing was imported.`, res.status);
}

/**
 * One GET on the API's origin, following redirects there by hand (a redirect to another origin is
 * refused). In a browser a redirect cannot be read (an opaque answer): it is not followed either.
 */
async function send(o: ApiOptions, first: string, what: string, accept?: string): Promise<{ res: Response; url: string }> {
  const f = o.fetch ?? fetch;
  let url = first;
  for (let hop = 0; ; hop++) {
    requireSameOrigin(o, url, what, hop === 0 ? 'was asked for' : 'redirected to');
    let res: Response;
    try {
      res = await f(url, { headers: headers(o, accept), signal: o.signal, redirect: 'manual' });
    } catch (e) {
      if (o.signal?.aborted || (e instanceof Error && e.name === 'AbortError')) {
        throw new ReviewApiError('cancelled', 'The import was cancelled; nothing was imported.', undefined, undefined, { cause: e });
      }
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new ReviewApiError('network', `Could not reach ${hostOf(url)} (${cause}). Check the network connection; nothing was imported.`, undefined, undefined, { cause: e });
    }
    if (res.type === 'opaqueredirect') {
      throw new ReviewApiError('http', `${hostOf(url)} answered ${what} with a redirect, which is not followed here (its target cannot be checked). Nothing was imported.`);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!location) {
      return { res, url };
    }
    if (hop >= MAX_REDIRECTS) {
      throw new ReviewApiError('http', `${hostOf(url)} redirected ${what} more than ${MAX_REDIRECTS} times; nothing was imported.`, res.status);
    }
    url = new URL(location, url).toString();
  }
}

async function request(o: ApiOptions, first: string, what: string): Promise<{ json: unknown; res: Response }> {
  const { res, url } = await send(o, first, what);
  if (!res.ok) {
    throw await failure(res, o, what, url);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    if (o.signal?.aborted) {
      throw new ReviewApiError('cancelled', 'The import was cancelled; nothing was imported.', undefined, undefined, { cause: e });
    }
    throw new ReviewApiError('shape', `The answer of ${hostOf(url)} for ${what} is not JSON; nothing was imported.`, res.status, undefined, { cause: e });
  }
  return { json, res };
}

/** One resource, checked by `map`. */
async function getOne<T>(o: ApiOptions, path: string, what: string, map: (json: unknown) => T): Promise<T> {
  const url = o.base.replace(/\/+$/, '') + path;
  const { json } = await request(o, url, what);
  return shaped(url, what, () => map(json));
}

/** Every page of a list, concatenated. */
async function getAll(o: ApiOptions, path: string, what: string): Promise<unknown[]> {
  let url: string | undefined = o.base.replace(/\/+$/, '') + path;
  const out: unknown[] = [];
  for (let page = 1; url && page <= MAX_PAGES; page++) {
    const { json, res }: { json: unknown; res: Response } = await request(o, url, what);
    if (!Array.isArray(json)) {
      throw new ReviewApiError('shape', `The answer of ${hostOf(url)} for ${what} is not a list; nothing was imported.`);
    }
    out.push(...(json as unknown[]));
    o.onPage?.(what, page);
    url = nextPage(res, url);
    if (url) {
      requireSameOrigin(o, url, what, 'gave a next page on');
    }
  }
  return out;
}

function shaped<T>(url: string, what: string, map: () => T): T {
  try {
    return map();
  } catch (e) {
    if (e instanceof ShapeError) {
      throw new ReviewApiError('shape', `The answer of ${hostOf(url)} for ${what} is not of the expected shape (${e.message}); nothing was imported.`, undefined, undefined, { cause: e });
    }
    throw e;
  }
}

/** The account the token belongs to; undefined when the host will not say (some tokens cannot read it). */
async function viewer(o: ApiOptions): Promise<string | undefined> {
  if (!o.token) {
    return undefined;
  }
  try {
    return await getOne(o, '/user', 'the signed-in user', o.provider === 'github' ? githubViewer : gitlabViewer);
  } catch (e) {
    if (e instanceof ReviewApiError && (e.kind === 'forbidden' || e.kind === 'notFound')) {
      return undefined;
    }
    throw e;
  }
}

/** The request, all its review comments with their replies, and the review summaries. */
export async function fetchReview(ref: RequestRef, o: ApiOptions): Promise<FetchedReview> {
  if (ref.provider === 'github') {
    const repo = `/repos/${ref.project.split('/').map(encodeURIComponent).join('/')}/pulls/${ref.number}`;
    const request = await getOne(o, repo, `pull request #${ref.number}`, (j) => githubRequest(j, ref));
    const comments = await getAll(o, `${repo}/comments?per_page=100`, `the review comments of #${ref.number}`);
    const reviews = await getAll(o, `${repo}/reviews?per_page=100`, `the reviews of #${ref.number}`);
    const url = o.base + repo;
    return {
      request,
      comments: [...shaped(url, 'the review comments', () => githubComments(comments, request.baseSha)), ...shaped(url, 'the reviews', () => githubReviews(reviews))],
      viewer: await viewer(o),
    };
  }
  const mr = `/projects/${encodeURIComponent(ref.project)}/merge_requests/${ref.number}`;
  const request = await getOne(o, mr, `merge request !${ref.number}`, (j) => gitlabRequest(j, ref));
  const discussions = await getAll(o, `${mr}/discussions?per_page=100`, `the discussions of !${ref.number}`);
  return { request, comments: shaped(o.base + mr, 'the discussions', () => gitlabDiscussions(discussions, ref.url)), viewer: await viewer(o) };
}

/** Text of base64 content as the contents APIs give it (UTF-8), in Node and in a browser alike. */
function fromBase64(b64: string): string {
  const bin = atob(b64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    bytes[i] = bin.charCodeAt(i);
  }
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/**
 * A file of the request's repository as it was at `commit`, from the code host itself (GitHub's contents
 * API, GitLab's repository files API): the code a comment was written on, where the local repository does
 * not have that commit or there is no git (VS Code in the browser). Undefined when the host has no such
 * file there, or gives no content (GitHub leaves out files over 1 MB); other failures are thrown as for
 * every request.
 */
export async function fetchFileAt(ref: Pick<RequestRef, 'provider' | 'project'>, path: string, commit: string, o: ApiOptions): Promise<string | undefined> {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const url =
    ref.provider === 'github'
      ? `/repos/${ref.project.split('/').map(encodeURIComponent).join('/')}/contents/${encodedPath}?ref=${encodeURIComponent(commit)}`
      : `/projects/${encodeURIComponent(ref.project)}/repository/files/${encodeURIComponent(path)}?ref=${encodeURIComponent(commit)}`;
  const what = `${path} at ${commit.slice(0, 7)}`;
  let file: { content?: string; encoding?: string; size?: number } | undefined;
  try {
    file = await getOne(o, url, what, (j) => {
      if (!j || typeof j !== 'object' || Array.isArray(j)) {
        throw new ShapeError(`${path}: not a file`);
      }
      const f = j as { content?: unknown; encoding?: unknown; size?: unknown };
      return {
        content: typeof f.content === 'string' ? f.content : undefined,
        encoding: typeof f.encoding === 'string' ? f.encoding : undefined,
        size: typeof f.size === 'number' ? f.size : undefined,
      };
    });
  } catch (e) {
    if (e instanceof ReviewApiError && e.kind === 'notFound') {
      return undefined;
    }
    throw e;
  }
  if (file.encoding === 'base64' && file.content) {
    return fromBase64(file.content);
  }
  // GitHub leaves the content of a file over 1 MB out (encoding "none") and names a download URL on
  // another host; the same contents URL gives the raw file with the raw media type, on the API's origin.
  if (ref.provider === 'github' && (file.size ?? 0) > 0) {
    const { res, url: at } = await send(o, o.base.replace(/\/+$/, '') + url, what, 'application/vnd.github.raw');
    if (!res.ok) {
      throw await failure(res, o, what, at);
    }
    return (await res.text()).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  }
  return file.content === '' && file.encoding === 'base64' ? '' : undefined;
}

/** Recent requests authored by `author` in a project, newest first (one page). */
export async function listRequestsBy(ref: Omit<RequestRef, 'number' | 'url'>, author: string, o: ApiOptions): Promise<RequestSummary[]> {
  if (ref.provider === 'github') {
    const path = `/repos/${ref.project.split('/').map(encodeURIComponent).join('/')}/pulls?state=all&sort=updated&direction=desc&per_page=100`;
    const all = await getOne(o, path, 'the pull requests', (j) => githubRequestList(j, ref));
    return all.filter((p) => p.author.toLowerCase() === author.toLowerCase()).slice(0, 20);
  }
  const path = `/projects/${encodeURIComponent(ref.project)}/merge_requests?author_username=${encodeURIComponent(author)}&state=all&order_by=updated_at&per_page=20`;
  return getOne(o, path, 'the merge requests', (j) => gitlabRequestList(j, ref));
}
