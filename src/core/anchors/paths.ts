/**
 * Paths that come from YAML files are untrusted: a feedback anchor's path must stay inside its workspace
 * folder. These checks are pure; the adapter adds the symlink check, which needs the file system.
 */

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
