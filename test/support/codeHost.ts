/**
 * A code host of the tests' own on 127.0.0.1, answering like GitHub's and GitLab's REST APIs: the
 * response bodies start from GitHub's documented examples (the npm package @octokit/openapi) and GitLab's
 * documented discussion and merge-request shapes, pages are linked with `Link: rel="next"` (and GitLab's
 * x-next-page / x-total-pages), and failures come with the headers the real services send.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

let examples: Record<string, { value: unknown }> | undefined;
/** An example response from GitHub's OpenAPI description, deep-copied. */
export function githubExample(name: string): unknown {
  if (!examples) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spec = require('@octokit/openapi/generated/api.github.com.json') as { components: { examples: Record<string, { value: unknown }> } };
    examples = spec.components.examples;
  }
  const ex = examples[name];
  if (!ex) {
    throw new Error(`no example ${name} in GitHub's OpenAPI description`);
  }
  return JSON.parse(JSON.stringify(ex.value));
}

function githubUser(login: string): Json {
  const u = (githubExample('pull-request') as { user: Json }).user;
  return { ...u, login, html_url: `https://github.com/${login}` };
}

export interface CommentSpec {
  id: number;
  login: string;
  body: string;
  path?: string;
  /** 1-based; the last line of the comment. Omitted with `outdated`. */
  line?: number;
  startLine?: number;
  side?: 'LEFT' | 'RIGHT';
  diffHunk?: string;
  inReplyTo?: number;
  createdAt?: string;
  commit?: string;
  /** Written on code that a later push changed: `line` and `position` are null, originals stay. */
  outdated?: boolean;
}

/** A review comment as GitHub documents it (`pull-request-review-comment`), with the given fields. */
export function githubComment(s: CommentSpec, repo = 'octocat/Hello-World', number = 1): Json {
  const c = (githubExample('pull-request-review-comment-items') as Json[])[0];
  const line = s.line ?? null;
  return {
    ...c,
    id: s.id,
    node_id: `PRRC_${s.id}`,
    user: githubUser(s.login),
    body: s.body,
    path: s.path ?? 'file1.txt',
    diff_hunk: s.diffHunk ?? c.diff_hunk,
    commit_id: s.commit ?? c.commit_id,
    original_commit_id: s.commit ?? c.original_commit_id,
    in_reply_to_id: s.inReplyTo,
    line: s.outdated ? null : line,
    original_line: line,
    position: s.outdated ? null : 1,
    start_line: s.outdated ? null : (s.startLine ?? null),
    original_start_line: s.startLine ?? null,
    side: s.side ?? 'RIGHT',
    start_side: s.startLine ? (s.side ?? 'RIGHT') : null,
    created_at: s.createdAt ?? '2026-11-20T10:00:00Z',
    updated_at: s.createdAt ?? '2026-11-20T10:00:00Z',
    html_url: `https://github.com/${repo}/pull/${number}#discussion_r${s.id}`,
    pull_request_url: `https://api.github.com/repos/${repo}/pulls/${number}`,
  };
}

export function githubReview(id: number, login: string, body: string, state = 'COMMENTED', repo = 'octocat/Hello-World', number = 1): Json {
  const r = githubExample('pull-request-review') as Json;
  return { ...r, id, user: githubUser(login), body, state, html_url: `https://github.com/${repo}/pull/${number}#pullrequestreview-${id}`, submitted_at: '2026-11-20T11:00:00Z' };
}

export function githubPull(number: number, author: string, title: string, repo = 'octocat/Hello-World', base = 'b'.repeat(40), head = 'c'.repeat(40)): Json {
  const p = githubExample('pull-request') as Json & { base: Json; head: Json };
  return { ...p, number, title, user: githubUser(author), html_url: `https://github.com/${repo}/pull/${number}`, base: { ...p.base, sha: base }, head: { ...p.head, sha: head } };
}

export interface NoteSpec {
  id: number;
  username: string;
  body: string;
  createdAt?: string;
  system?: boolean;
  /** A diff note: the path and lines; `oldLine` alone for a removed line. */
  position?: { path: string; newLine?: number; oldLine?: number; startLine?: number; baseSha?: string; headSha?: string };
}

function gitlabUser(username: string): Json {
  return { id: 1, username, name: username, state: 'active', avatar_url: 'https://gitlab.example.com/uploads/avatar.png', web_url: `https://gitlab.example.com/${username}` };
}

/** A note as GitLab's discussions API documents it. */
export function gitlabNote(s: NoteSpec): Json {
  const p = s.position;
  const side = p?.newLine ? 'new' : 'old';
  const point = (line: number): Json => ({ line_code: `588440f66559714280628a4f9799f0c4eb880a4a_${line}_${line}`, type: side, old_line: side === 'old' ? line : null, new_line: side === 'new' ? line : null });
  return {
    id: s.id,
    type: p ? 'DiffNote' : null,
    body: s.body,
    attachment: null,
    author: gitlabUser(s.username),
    created_at: s.createdAt ?? '2026-11-20T10:00:00.000Z',
    updated_at: s.createdAt ?? '2026-11-20T10:00:00.000Z',
    system: s.system ?? false,
    noteable_id: 3,
    noteable_type: 'MergeRequest',
    commit_id: null,
    resolved: false,
    resolvable: !!p,
    resolved_by: null,
    confidential: false,
    internal: false,
    noteable_iid: 1,
    ...(p
      ? {
          position: {
            base_sha: p.baseSha ?? 'b'.repeat(40),
            start_sha: p.baseSha ?? 'b'.repeat(40),
            head_sha: p.headSha ?? 'c'.repeat(40),
            old_path: p.path,
            new_path: p.path,
            position_type: 'text',
            old_line: p.oldLine ?? null,
            new_line: p.newLine ?? null,
            line_range: p.startLine ? { start: point(p.startLine), end: point((p.newLine ?? p.oldLine) as number) } : null,
          },
        }
      : {}),
  };
}

/** Base64 as both hosts send file content: wrapped at 60 characters by GitHub, in one line by GitLab. */
function base64(text: string, wrap: boolean): string {
  const b = Buffer.from(text, 'utf8').toString('base64');
  return wrap ? (b.match(/.{1,60}/g) ?? []).join('\n') + '\n' : b;
}

/** A file from GitHub's contents API (`GET /repos/{owner}/{repo}/contents/{path}?ref=`), from its documented example. */
export function githubContent(path: string, text: string): Json {
  const ex = githubExample('content-file-response-if-content-is-a-file') as Record<string, unknown>;
  return { ...ex, name: path.slice(path.lastIndexOf('/') + 1), path, size: Buffer.byteLength(text), content: base64(text, true), encoding: 'base64' };
}

/** A file from GitLab's repository files API (`GET /projects/:id/repository/files/:file_path?ref=`), as documented. */
export function gitlabFile(path: string, text: string, ref: string): Json {
  return {
    file_name: path.slice(path.lastIndexOf('/') + 1),
    file_path: path,
    size: Buffer.byteLength(text),
    encoding: 'base64',
    content_sha256: '4c294617b60715c1d218e61164a3abd4808a4284cbc30e6728a01ad9aada4481',
    ref,
    blob_id: '79f7bbd25901e8334750839545a9bd021f0e4c83',
    commit_id: ref,
    last_commit_id: ref,
    execute_filemode: false,
    content: base64(text, false),
  };
}

export function gitlabDiscussion(id: string, notes: NoteSpec[]): Json {
  return { id, individual_note: notes.length === 1 && !notes[0].position, notes: notes.map(gitlabNote) };
}

export function gitlabMr(iid: number, author: string, title: string, webUrl: string): Json {
  return {
    id: 1000 + iid,
    iid,
    project_id: 3,
    title,
    description: '',
    state: 'opened',
    created_at: '2026-11-19T09:00:00.000Z',
    updated_at: '2026-11-20T12:00:00.000Z',
    web_url: webUrl,
    author: gitlabUser(author),
    diff_refs: { base_sha: 'b'.repeat(40), head_sha: 'c'.repeat(40), start_sha: 'b'.repeat(40) },
  };
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The fake host. Routes are keyed by API path (without query); lists are paged by `pageSize`. */
export class FakeCodeHost {
  private server?: http.Server;
  base = '';
  readonly routes = new Map<string, unknown>();
  /** Every request seen: method, path with query, the auth headers. */
  readonly seen: { path: string; authorization?: string; privateToken?: string }[] = [];
  pageSize = 30;
  /** Answered instead of the route, for paths matching. */
  failures: { match: RegExp; failure: Failure; times?: number }[] = [];
  /** Milliseconds to wait before answering. */
  delayMs = 0;
  /** When set, requests without this token get a 401 as the real services answer. */
  token?: string;
  /** When set, next-page links name this origin instead of the host's own (a hostile or broken host). */
  linkOrigin?: string;
  /** Paths answered with a 302 to the given URL. */
  readonly redirects = new Map<string, string>();
  /** Raw file texts, answered when a contents path is asked for with GitHub's raw media type. */
  readonly rawFiles = new Map<string, string>();

  constructor(readonly provider: 'github' | 'gitlab') {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) {
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...this.cors(), ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  /**
   * Cross-origin headers as both services send them, so the import also works from a web page (VS Code in
   * the browser): any origin, and the paging and rate-limit headers readable by the page.
   */
  private cors(): Record<string, string> {
    return this.provider === 'github'
      ? {
          'access-control-allow-origin': '*',
          'access-control-expose-headers':
            'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
        }
      : { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page, X-Gitlab-Blob-Id, X-Gitlab-Commit-Id, X-Gitlab-Content-Sha256, X-Gitlab-Encoding, X-Gitlab-File-Name, X-Gitlab-File-Path, X-Gitlab-Last-Commit-Id, X-Gitlab-Ref, X-Gitlab-Size' };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      // The browser's preflight for a request with Authorization / PRIVATE-TOKEN.
      res.writeHead(204, {
        ...this.cors(),
        'access-control-allow-methods': this.provider === 'github' ? 'GET, POST, PATCH, PUT, DELETE' : 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers':
          this.provider === 'github'
            ? 'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-Github-Next-Global-ID, X-GitHub-Api-Version'
            : String(req.headers['access-control-request-headers'] ?? ''),
        'access-control-max-age': '86400',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', this.base);
    // GitLab's project ids are URL-encoded paths; keep them as one segment.
    const path = url.pathname.replace(/\/api\/v[34]/, '');
    this.seen.push({ path: url.pathname + url.search, authorization: req.headers.authorization, privateToken: req.headers['private-token'] as string | undefined });
    if (this.delayMs) {
      await new Promise((r) => setTimeout(r, this.delayMs));
    }
    const redirect = this.redirects.get(url.pathname);
    if (redirect) {
      this.send(res, 302, { message: 'Moved' }, { location: redirect });
      return;
    }
    const raw = req.headers.accept === 'application/vnd.github.raw' ? this.rawFiles.get(url.pathname) : undefined;
    if (raw !== undefined) {
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8', ...this.cors() });
      res.end(raw);
      return;
    }
    const failure = this.failures.find((f) => f.match.test(url.pathname + url.search) && (f.times === undefined || f.times > 0));
    if (failure) {
      if (failure.times !== undefined) {
        failure.times--;
      }
      this.send(res, failure.failure.status, failure.failure.body ?? {}, failure.failure.headers);
      return;
    }
    if (this.token) {
      const given = this.provider === 'github' ? req.headers.authorization?.replace(/^Bearer /, '') : (req.headers['private-token'] as string | undefined);
      if (given !== this.token) {
        this.send(res, 401, this.provider === 'github' ? { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } : { message: '401 Unauthorized' });
        return;
      }
    }
    const body = this.routes.get(decodeURIComponent(path)) ?? this.routes.get(path);
    if (body === undefined) {
      this.send(res, 404, this.provider === 'github' ? { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } : { message: '404 Not found' });
      return;
    }
    if (!Array.isArray(body)) {
      this.send(res, 200, body);
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = body.slice((page - 1) * this.pageSize, page * this.pageSize);
    const pages = Math.max(1, Math.ceil(body.length / this.pageSize));
    const headers: Record<string, string> = {};
    if (page < pages) {
      const next = new URL(url.pathname + url.search, this.linkOrigin ?? this.base);
      next.searchParams.set('page', String(page + 1));
      const last = new URL(url.pathname + url.search, this.linkOrigin ?? this.base);
      last.searchParams.set('page', String(pages));
      headers.link = `<${next.toString()}>; rel="next", <${last.toString()}>; rel="last"`;
    }
    if (this.provider === 'gitlab') {
      headers['x-page'] = String(page);
      headers['x-next-page'] = page < pages ? String(page + 1) : '';
      headers['x-total-pages'] = String(pages);
      headers['x-total'] = String(body.length);
    }
    this.send(res, 200, slice, headers);
  }
}
