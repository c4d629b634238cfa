/**
 * Which repository a piece of code is in, said the same way on every machine and in every clone: the
 * remote without scheme, user, port or `.git`, in lower case ("github.com/expressjs/express",
 * "gitlab.example.com/shop/web/checkout"), or "root:<first commit>" for a repository without a remote.
 * And the code host's web link to code at a commit (a permalink), where the remote names a host that has
 * one.
 */
import type { AnchorRange } from '../domain/model';

/** The repository id of a git remote URL (https, ssh, scp-like `git@host:owner/repo.git`); undefined when it is none. */
export function normalizeRemote(remote: string): string | undefined {
  const r = remote.trim();
  if (!r) {
    return undefined;
  }
  let host: string;
  let path: string;
  // scp-like: [user@]host:path (no scheme, and the part before ':' has no '/').
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(r);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) {
    host = scp[1];
    path = scp[2];
  } else {
    let u: URL;
    try {
      u = new URL(r);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(u.protocol) || !u.hostname) {
      return undefined;
    }
    host = u.hostname;
    path = decodeURIComponent(u.pathname);
  }
  const segments = path
    .replace(/\\/g, '/')
    .replace(/\.git\/?$/i, '')
    .split('/')
    .filter((s) => s && s !== '.');
  // GitHub Enterprise and GitLab self-hosted under a path prefix are kept as they are; a URL without an
  // owner/repo pair names no repository.
  if (segments.length < 2 || segments.some((s) => s === '..')) {
    return undefined;
  }
  return `${host.toLowerCase()}/${segments.join('/').toLowerCase()}`;
}

/** The id of a repository without a remote, from its first commit. */
export function rootCommitId(commit: string): string | undefined {
  return /^[0-9a-f]{7,64}$/i.test(commit.trim()) ? `root:${commit.trim().toLowerCase()}` : undefined;
}

/** The short name a person uses for a repository: "expressjs/express", or "repository 1a2b3c4" without a remote. */
export function repositoryName(id: string): string {
  if (id.startsWith('root:')) {
    return `repository ${id.slice(5, 12)}`;
  }
  return id.slice(id.indexOf('/') + 1);
}

/**
 * Whether a repository's web links are GitLab's ("/-/blob/…"): a host named gitlab, or a project path
 * deeper than owner/repo (GitLab's subgroups; GitHub has none).
 */
function isGitLab(host: string, project: string): boolean {
  return /(^|\.)gitlab\./.test(host) || project.split('/').length > 2;
}

/**
 * The code host's web link to lines of a file at a commit: GitHub (and GitHub Enterprise)
 * `https://host/owner/repo/blob/<commit>/<path>#L19-L23`, GitLab `https://host/group/project/-/blob/<commit>/<path>#L19-23`.
 * Undefined for a repository without a remote. Without a commit the link is to the default branch (HEAD).
 */
export function permalink(repo: string, path: string, range: Pick<AnchorRange, 'startLine' | 'endLine'>, commit?: string): string | undefined {
  if (repo.startsWith('root:') || !repo.includes('/')) {
    return undefined;
  }
  const host = repo.slice(0, repo.indexOf('/'));
  const project = repo.slice(host.length + 1);
  const ref = commit && /^[0-9a-f]{7,64}$/i.test(commit) ? commit : 'HEAD';
  const file = path.split('/').map(encodeURIComponent).join('/');
  const lines = range.endLine > range.startLine ? [range.startLine, range.endLine] : [range.startLine];
  if (isGitLab(host, project)) {
    return `https://${host}/${project}/-/blob/${ref}/${file}#L${lines.join('-')}`;
  }
  return `https://${host}/${project}/blob/${ref}/${file}#${lines.map((l) => `L${l}`).join('-')}`;
}

/** The remotes of a git config file (`.git/config`): name and URL, in the order written. */
export function remotesOfGitConfig(text: string): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  let remote: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) {
      continue;
    }
    const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (section) {
      remote = section[1].toLowerCase() === 'remote' && section[2] !== undefined ? section[2].replace(/\\(.)/g, '$1') : undefined;
      continue;
    }
    const kv = /^url\s*=\s*(.*)$/i.exec(line);
    if (remote !== undefined && kv) {
      const url = kv[1].replace(/\s+[#;].*$/, '').replace(/^"(.*)"$/, '$1').trim();
      if (url && !out.some((r) => r.name === remote)) {
        out.push({ name: remote, url });
      }
    }
  }
  return out;
}

/** Who a repository is: the id anchors record, and every id it answers to (each remote, its first commit). */
export interface RepositoryIdentity {
  id: string;
  ids: string[];
}

/**
 * The identity of a repository from its remotes and first commit: its id is `origin`'s (else `upstream`'s,
 * else the first remote's), or the first commit's without a remote; a fork answers to its upstream too.
 */
export function repositoryIdentity(remotes: readonly { name: string; url: string }[], rootCommit?: string): RepositoryIdentity | undefined {
  const rank = (n: string): number => (n === 'origin' ? 0 : n === 'upstream' ? 1 : 2);
  const ordered = [...remotes].sort((a, b) => rank(a.name) - rank(b.name));
  const ids: string[] = [];
  for (const r of ordered) {
    const id = normalizeRemote(r.url);
    if (id && !ids.includes(id)) {
      ids.push(id);
    }
  }
  const root = rootCommit ? rootCommitId(rootCommit) : undefined;
  if (root) {
    ids.push(root);
  }
  return ids.length > 0 ? { id: ids[0], ids } : undefined;
}

/** The repository of a github.dev or vscode.dev folder (`vscode-vfs://github…/owner/repo`), from its URI. */
export function repositoryOfVirtualFolder(scheme: string, authority: string, path: string): RepositoryIdentity | undefined {
  if (scheme !== 'vscode-vfs') {
    return undefined;
  }
  const host = /^github(\+|$)/i.test(authority) ? 'github.com' : undefined;
  const [owner, repo] = path.split('/').filter(Boolean);
  if (!host || !owner || !repo) {
    return undefined;
  }
  const id = `${host}/${owner.toLowerCase()}/${repo.toLowerCase()}`;
  return { id, ids: [id] };
}

/** The repository a review's web URL is in: `https://github.com/o/r/pull/7`, `https://gitlab.com/g/s/p/-/merge_requests/3`. */
export function repositoryOfReviewUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = u.pathname.replace(/\/-\/.*$/, '').replace(/\/(pull|pulls)\/\d+.*$/, '');
  return normalizeRemote(`${u.protocol}//${u.host}${path}`);
}
