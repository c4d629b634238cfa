/**
 * What an assistant may see of a mentee: the file's data without any private text. Private notes live
 * in `private/` (never read here); a `private:` field still in a shared file (written by hand, or before
 * notes were kept apart), on a session or anywhere else, is dropped too. Every read tool, resource,
 * prompt and chat message starts here.
 */
import type { Mentee } from './model';

/** By the data it was made from: a file's data is replaced, never changed in place, when the file changes. */
const made = new WeakMap<Mentee, Mentee>();

export function shareable(m: Mentee): Mentee {
  let s = made.get(m);
  if (!s) {
    s = withoutPrivate(m) as Mentee;
    made.set(m, s);
    made.set(s, s);
  }
  return s;
}

function withoutPrivate(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(withoutPrivate);
  }
  if (v === null || typeof v !== 'object') {
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k !== 'private') {
      out[k] = withoutPrivate(x);
    }
  }
  return out;
}
