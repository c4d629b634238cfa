/**
 * Posix paths, the one home for them: joining, normalizing, "relative to a folder", and the checks on
 * paths that come from YAML files, which are untrusted (a feedback anchor's path must stay inside its
 * folder). Pure; the adapters add what needs a file system (the symlink check).
 */

export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p.length > 0).join('/');
  return normalizePosix(joined);
}

/**
 * `path` relative to the folder `root` (both absolute posix paths), or undefined when it is not inside it.
 * The folder itself gives ''. Drive letters (`/c:/…`) compare without case, as Windows sees them.
 */
export function relativeInside(root: string, path: string): string | undefined {
  const fold = (p: string) => normalizePosix(p).replace(/^\/([a-zA-Z]):/, (_m, d: string) => `/${d.toLowerCase()}:`);
  const r = fold(root).replace(/\/$/, '');
  const p = fold(path);
  if (p === r) {
    return '';
  }
  return p.startsWith(`${r}/`) ? p.slice(r.length + 1) : undefined;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Collapses "//", "." and ".." segments. A leading "/" is kept; ".." never climbs above the root. */
export function normalizePosix(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!abs) {
        out.push('..');
      }
      continue;
    }
    out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/**
 * A workspace-relative posix path, normalized, or undefined when it is absolute, climbs out with "..",
 * names a drive, or holds control characters. Windows separators are accepted and normalized.
 */
export function safeRelativePath(p: unknown): string | undefined {
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024) {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(p)) {
    return undefined;
  }
  const posix = p.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[a-zA-Z]:/.test(posix) || /^[a-z][a-z0-9+.-]*:\/\//i.test(posix)) {
    return undefined;
  }
  const out: string[] = [];
  for (const seg of posix.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      return undefined;
    }
    out.push(seg);
  }
  return out.length ? out.join('/') : undefined;
}

/** Whether `child` (posix, normalized) is `parent` or inside it. */
export function isInside(parent: string, child: string, caseInsensitive = false): boolean {
  const norm = (s: string): string => (caseInsensitive ? s.toLowerCase() : s).replace(/\/+$/, '');
  const a = norm(parent);
  const b = norm(child);
  return b === a || b.startsWith(a + '/');
}
