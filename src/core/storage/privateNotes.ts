/**
 * Private notes: kept apart from the shared mentee file, in `private/<mentee file name>`, keyed by session
 * id, in a folder whose own `.gitignore` keeps it out of every commit even when the rest of the data
 * folder is committed. The format and its parser; the store reads and writes the files.
 */
import { StoreError } from '../errors';
import type { Edit } from '../domain/edit';
import { basename, joinPath } from '../paths';
import { encode } from './parse';
import type { Parsed } from './parse';
import { loadPlain } from './plain';
import type { Writes } from './writes';

export const PRIVATE_FOLDER = 'private';
export const PRIVATE_GITIGNORE = '# Private mentoring notes: never committed, never exported.\n*\n';
export const PRIVATE_NEW = '# Private notes, by session id. This folder is kept out of git by its own .gitignore.\nversion: 1\nsessions: {}\n';

export interface PrivateNotes {
  version: number;
  /** Session id → the private notes of that session. */
  sessions: Record<string, string>;
}

/** A private-notes file: a version and a map of session ids to text. */
export function parsePrivate(text: string): Parsed<PrivateNotes> {
  let data: unknown;
  try {
    data = loadPlain(text);
  } catch (e) {
    const mark = (e as { mark?: { line?: number; column?: number } }).mark;
    return { problems: [{ severity: 'error', line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: `YAML syntax: ${(e as { reason?: string }).reason ?? String(e)}.` }] };
  }
  const o = data as { version?: unknown; sessions?: unknown } | null;
  const sessions = o?.sessions ?? {};
  if (!o || typeof o !== 'object' || Array.isArray(o) || typeof sessions !== 'object' || sessions === null || Array.isArray(sessions) || Object.values(sessions).some((v) => typeof v !== 'string')) {
    return { problems: [{ severity: 'error', line: 1, column: 1, message: 'A private-notes file holds "version: 1" and "sessions:", a map of session ids to text.' }] };
  }
  return { data: { version: 1, sessions: sessions as Record<string, string> }, problems: [] };
}

/** The private-notes files of a data folder, read and written through the store's one guarded entry. */
export class PrivateFiles {
  constructor(
    private readonly writes: Writes,
    private readonly root: string,
  ) {}

  get folder(): string {
    return joinPath(this.root, PRIVATE_FOLDER);
  }

  /** The private-notes file of a mentee file. */
  pathOf(menteePath: string): string {
    return joinPath(this.folder, basename(menteePath));
  }

  /** The private notes of a mentee, or none. A file that cannot be read says so (StoreError). */
  async read(menteePath: string): Promise<PrivateNotes | undefined> {
    const path = this.pathOf(menteePath);
    const r = await this.writes.readText(path);
    if (!r) {
      return undefined;
    }
    const parsed = r.problem ? { problems: [r.problem] } : parsePrivate(r.text);
    if (!parsed.data) {
      throw new StoreError(`${basename(path)} (private notes) has a problem at line ${parsed.problems[0]?.line ?? 1}: ${parsed.problems[0]?.message ?? ''}`, path, parsed.problems[0]?.line);
    }
    return parsed.data;
  }

  /**
   * Sets private notes of sessions (id → text), with the write protocol of every file. The folder gets its
   * `.gitignore` first, so a private note never lands where git would take it.
   */
  async set(menteePath: string, notes: Record<string, string>): Promise<void> {
    const path = this.pathOf(menteePath);
    const ignore = joinPath(this.folder, '.gitignore');
    await this.writes.guarded(ignore, async () => {
      await this.writes.createDirectory(this.folder);
      await this.writes.create(ignore, encode(PRIVATE_GITIGNORE, false));
    });
    await this.writes.guarded(path, async () => {
      await this.writes.create(path, encode(PRIVATE_NEW, false));
      await this.writes.edit(path, parsePrivate, () => Object.entries(notes).map(([id, text]): Edit => ({ op: 'set', path: ['sessions', id], value: text })));
    });
  }
}
