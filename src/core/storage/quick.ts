/**
 * The first level of the tree, fast: a mentee's header fields (name, role, status, cadence, since) and
 * the date of the last session, read without parsing the goals, sessions and feedback lists. Used to show
 * the Mentees view at once on a large workspace while the full read runs; never used to write.
 */
import type { IsoDate, Mentee } from '../domain/model';

/** What the quick read knows: the header as a mentee with empty lists, and the date of the last session. */
export interface QuickRead {
  mentee: Mentee;
  lastSession?: IsoDate;
}
import { loadPlain } from './plain';

const LIST_KEYS = new Set(['goals', 'sessions', 'feedback', 'closing']);

/** Header fields and the last session date, or undefined when the quick read is not sure. */
export function quickMentee(text: string): QuickRead | undefined {
  // Split into top-level blocks: a line that starts with a key at column 0 opens a block.
  const blocks: { key: string; start: number; end: number }[] = [];
  const re = /^([A-Za-z_][\w-]*)[ \t]*:/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (blocks.length) {
      blocks[blocks.length - 1].end = m.index;
    }
    blocks.push({ key: m[1], start: m.index, end: text.length });
  }
  if (blocks.length === 0) {
    return undefined;
  }
  const header = blocks.filter((b) => !LIST_KEYS.has(b.key)).map((b) => text.slice(b.start, b.end)).join('');
  let data: unknown;
  try {
    data = loadPlain(header);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return undefined;
  }
  const h = data as Record<string, unknown>;
  if (typeof h.name !== 'string') {
    return undefined;
  }
  let last: string | undefined;
  const sessions = blocks.find((b) => b.key === 'sessions');
  if (sessions) {
    const body = text.slice(sessions.start, sessions.end);
    // Session dates sit directly in each item: "- date: …", "  date: …" or "{…, date: …}" (comments skipped).
    for (const m of body.matchAll(/^[^#\n]*?[\s{,-]date:[ \t]*['"]?(\d{4}-\d{2}-\d{2})/gm)) {
      if (!last || m[1] > last) {
        last = m[1];
      }
    }
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const status = h.status === 'paused' || h.status === 'closed' ? h.status : 'active';
  return {
    mentee: { version: 1, name: h.name, role: str(h.role), since: str(h.since), status, cadence: str(h.cadence), goals: [], sessions: [], feedback: [] },
    ...(last ? { lastSession: last } : {}),
  };
}
