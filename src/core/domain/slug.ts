/**
 * Safe, unique file names for mentees: "Ana Souza" → "ana-souza". Unicode letters and digits are kept
 * (accents are dropped), everything else becomes a dash; names that are empty after that, Windows
 * reserved device names and names that collide (case-insensitively, as on macOS and Windows) get a
 * suffix.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_LENGTH = 60;

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points so no surrogate pair is split.
  let slug = Array.from(base).slice(0, MAX_LENGTH).join('').replace(/-+$/, '');
  if (slug.length === 0) {
    slug = 'mentee';
  }
  if (WINDOWS_RESERVED.test(slug)) {
    slug = `${slug}-mentee`;
  }
  return slug;
}

/** A slug for name that is not in `taken` (compared case-insensitively). */
export function uniqueSlug(name: string, taken: Iterable<string>): string {
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  const base = slugify(name);
  if (!lower.has(base)) {
    return base;
  }
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!lower.has(candidate)) {
      return candidate;
    }
  }
}

/** A short id with a prefix, unique among `taken`: "g-write-api-tests", "s-2026-11-28". */
export function uniqueId(prefix: string, hint: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = `${prefix}-${slugify(hint).slice(0, 32).replace(/-+$/, '')}`;
  if (!used.has(stem)) {
    return stem;
  }
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!used.has(candidate)) {
      return candidate;
    }
  }
}
