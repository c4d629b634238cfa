/**
 * Pull and merge requests as the import sees them, whatever the code host: GitHub's and GitLab's answers
 * are mapped to these shapes (github.ts, gitlab.ts) and checked on the way, so the rest never guesses.
 * Lines are 1-based.
 */
import type { DiffSide } from './diffHunk';

export type Provider = 'github' | 'gitlab';

/** Where a request lives, parsed from its URL. */
export interface RequestRef {
  provider: Provider;
  /** The web host, e.g. "github.com" or "gitlab.example.com". */
  host: string;
  /** "https:" or "http:". */
  protocol: string;
  /** GitHub: "owner/repo"; GitLab: the project's full path "group/sub/project". */
  project: string;
  number: number;
  /** The request's web URL, normalized. */
  url: string;
}

export interface ReviewRequest {
  ref: RequestRef;
  title: string;
  author: string;
  /** ISO timestamp. */
  createdAt: string;
  baseSha?: string;
  headSha?: string;
}

export interface ReviewNote {
  /** The host's id of the comment, as a string. */
  id: string;
  author: string;
  body: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Web link to the comment. */
  url?: string;
}

/** A comment on lines of the diff, or (without `path`) a summary of a review. */
export interface ReviewComment extends ReviewNote {
  /** Repository-relative path (on the side commented on). */
  path?: string;
  /** The side of the diff: "new" for added or unchanged lines, "old" for removed ones. */
  side?: DiffSide;
  startLine?: number;
  endLine?: number;
  /** The commit the line numbers refer to. */
  commit?: string;
  /** GitHub's diff hunk, ending at the commented line. */
  diffHunk?: string;
  /** True when the code has changed since the comment was written (GitHub: no current line). */
  outdated?: boolean;
  /** Answers in the same thread, oldest first. */
  replies: ReviewNote[];
  /** For summaries: APPROVED, CHANGES_REQUESTED, COMMENTED … */
  state?: string;
}

export interface FetchedReview {
  request: ReviewRequest;
  /** Threads (first comment with its replies) and review summaries. */
  comments: ReviewComment[];
  /** The user name of the account the token belongs to. */
  viewer?: string;
}

/** A request listed to choose from (recent requests by the mentee). */
export interface RequestSummary {
  ref: RequestRef;
  title: string;
  author: string;
  updatedAt: string;
}

/** An answer that is not of the documented shape. */
export class ShapeError extends Error {}

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') {
    throw new ShapeError(`${what} is not text`);
  }
  return v;
}

export function optStr(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function optInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

export function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ShapeError(`${what} is not an object`);
  }
  return v as Record<string, unknown>;
}

export function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) {
    throw new ShapeError(`${what} is not a list`);
  }
  return v;
}

export function idOf(v: unknown, what: string): string {
  if (typeof v === 'number' || (typeof v === 'string' && v.length > 0)) {
    return String(v);
  }
  throw new ShapeError(`${what} has no id`);
}

/** Parses a pull or merge request URL of GitHub (or GitHub Enterprise) or GitLab (any host). */
export function parseRequestUrl(input: string): RequestRef | undefined {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return undefined;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  const mr = parts.indexOf('merge_requests');
  if (mr >= 2 && parts[mr - 1] === '-' && /^\d+$/.test(parts[mr + 1] ?? '')) {
    const project = parts.slice(0, mr - 1).join('/');
    const number = Number(parts[mr + 1]);
    return { provider: 'gitlab', host: u.host, protocol: u.protocol, project, number, url: `${u.protocol}//${u.host}/${project}/-/merge_requests/${number}` };
  }
  if (parts.length >= 4 && parts[2] === 'pull' && /^\d+$/.test(parts[3])) {
    const project = `${parts[0]}/${parts[1]}`;
    const number = Number(parts[3]);
    return { provider: 'github', host: u.host, protocol: u.protocol, project, number, url: `${u.protocol}//${u.host}/${project}/pull/${number}` };
  }
  return undefined;
}

/** The REST API base of a host: api.github.com, GitHub Enterprise's /api/v3, GitLab's /api/v4. */
export function defaultApiBase(ref: Pick<RequestRef, 'provider' | 'host' | 'protocol'>): string {
  if (ref.provider === 'github') {
    return ref.host === 'github.com' || ref.host === 'www.github.com' ? 'https://api.github.com' : `${ref.protocol}//${ref.host}/api/v3`;
  }
  return `${ref.protocol}//${ref.host}/api/v4`;
}

/** The code host of a git remote URL ("git@github.com:o/r.git", "https://gitlab.x/g/p.git"). */
export function parseRemote(remote: string): { host: string; project: string } | undefined {
  const ssh = /^(?:ssh:\/\/)?[^@/\s]+@([^:/\s]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/.exec(remote.trim());
  if (ssh) {
    return { host: ssh[1], project: ssh[2] };
  }
  try {
    const u = new URL(remote.trim());
    const project = u.pathname.replace(/^\/+/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '');
    return project.includes('/') ? { host: u.host, project } : undefined;
  } catch {
    return undefined;
  }
}
