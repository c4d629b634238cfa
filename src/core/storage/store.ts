/**
 * The store: the one place that reads and writes mentorship files.
 *
 * - Reads `mentor.yaml` and `mentees/*.yaml` under the data folder through a FileSystem.
 * - Every change is a list of edits computed from the file's current content and spliced into its text
 *   (see yamlEdit.ts), so hand-written parts survive byte for byte.
 * - A file that fails to parse or validate is reported and never written.
 * - Writes are atomic (temporary file in the same folder, then rename).
 * - Before writing, the file is read again: if it changed on disk since it was last read (another window,
 *   git, a hand edit), the change is applied to the fresh content; right before the rename it is checked
 *   once more, so a concurrent write is never clobbered.
 * - Listeners hear about every change, whether made here or found on disk.
 */
import { conflictMarkerLine } from '../sharing/markers';
import { Emitter } from './events';
import type { Disposable } from './events';
import { basename, describeFsError, isNotFound, joinPath } from './fs';
import type { FileSystem } from './fs';
import type { Mentee, MentorProfile } from '../domain/model';
import { decode, encode, hasErrors, parseMentee, parseMentor } from './parse';
import { loadPlain } from './plain';
import type { Parsed } from './parse';
import { quickMentee } from './quick';
import { uniqueSlug } from '../domain/slug';
import type { Problem } from './validate';
import { StoreError } from './errors';
import { applyEdits, EditError } from './yamlEdit';
import type { Edit } from './yamlEdit';

export { StoreError };

export const MENTOR_FILE = 'mentor.yaml';
export const MENTEES_FOLDER = 'mentees';
/**
 * Private notes live apart, in `private/<mentee file name>`, keyed by session id, in a folder whose own
 * `.gitignore` keeps it out of every commit even when the rest of the data folder is committed.
 */
export const PRIVATE_FOLDER = 'private';
const PRIVATE_GITIGNORE = '# Private mentoring notes: never committed, never exported.\n*\n';
const PRIVATE_NEW = '# Private notes, by session id. This folder is kept out of git by its own .gitignore.\nversion: 1\nsessions: {}\n';

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

/** Session drafts (Start Session … End Session): Markdown files, one per session in progress. */
export const DRAFTS_FOLDER = 'drafts';
const TEMP_MARK = '.mentorship-tmp-';

export interface LoadedFile<T> {
  kind: 'mentee' | 'mentor';
  path: string;
  /** File name without `.yaml`. */
  slug: string;
  /** Present when the file parsed and validated without errors. */
  data?: T;
  problems: Problem[];
  /** Hash of the text last read or written, to recognise our own writes and changes on disk. */
  hash: string;
  /** Only the header was read yet (see loadQuick): enough for the first level of the tree. */
  partial?: boolean;
}

export type MenteeFile = LoadedFile<Mentee>;
export type MentorFile = LoadedFile<MentorProfile>;

export interface StoreChange {
  /** Files that changed (added, edited, removed, or whose problems changed). */
  paths: string[];
  removed: string[];
}

/** A read or write that failed for a reason other than a missing file, with that reason in the message. */
function fsFailure(what: string, path: string, e: unknown): StoreError {
  return new StoreError(`Could not ${what} ${basename(path)}: ${describeFsError(e)}.`, path, undefined, { cause: e });
}

export interface StoreOptions {
  log?: (message: string) => void;
  /** Hook for tests: runs after the temporary file is written, before the check and the rename. */
  beforeRename?: (path: string) => Promise<void>;
  /**
   * Asked before a change is written; a message means "not now" (for example: the file has unsaved edits
   * in an editor, which a write on disk would put in conflict).
   */
  blockWrite?: (path: string) => string | undefined;
}

export type MenteeChange = (mentee: Mentee) => Edit[];

/**
 * Per-file queues shared by every store in this JavaScript context (two stores on one folder must not
 * interleave either); a lock file next to the mentee file does the same across processes.
 */
const FILE_QUEUES = new Map<string, Promise<unknown>>();
const LOCK_SUFFIX = '.mentorship-lock';
/** A full read gives the host back its event loop this often (ms of parsing). */
const YIELD_EVERY_MS = 12;
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

export class MentorshipStore implements Disposable {
  private readonly changed = new Emitter<StoreChange>();
  readonly onDidChange = this.changed.event;
  private readonly menteeFiles = new Map<string, MenteeFile>();
  private mentorFile: MentorFile | undefined;
  private readonly prefetched = new Map<string, Uint8Array>();
  private loaded = false;

  constructor(
    private readonly fs: FileSystem,
    readonly root: string,
    private readonly options: StoreOptions = {},
  ) {}

  get menteesFolder(): string {
    return joinPath(this.root, MENTEES_FOLDER);
  }

  get mentorPath(): string {
    return joinPath(this.root, MENTOR_FILE);
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Mentee files sorted by name (files with errors by file name). */
  get mentees(): MenteeFile[] {
    return [...this.menteeFiles.values()].sort((a, b) => sortName(a).localeCompare(sortName(b)));
  }

  get mentor(): MentorFile | undefined {
    return this.mentorFile;
  }

  file(path: string): MenteeFile | undefined {
    return this.menteeFiles.get(path);
  }

  bySlug(slug: string): MenteeFile | undefined {
    return this.menteeFiles.get(this.menteePath(slug));
  }

  menteePath(slug: string): string {
    return joinPath(this.menteesFolder, `${slug}.yaml`);
  }

  /** Whether the data folder exists at all. */
  async exists(): Promise<boolean> {
    try {
      return (await this.fs.stat(this.root))?.type === 'directory';
    } catch (e) {
      throw new StoreError(`Could not look at the data folder ${this.root}: ${describeFsError(e)}.`, undefined, undefined, { cause: e });
    }
  }

  private async menteePaths(): Promise<string[]> {
    let entries: [string, string][];
    try {
      entries = await this.fs.readDirectory(this.menteesFolder);
    } catch (e) {
      throw new StoreError(`Could not read the folder ${this.menteesFolder}: ${describeFsError(e)}.`, undefined, undefined, { cause: e });
    }
    return entries.filter(([name, type]) => type === 'file' && isMenteeFileName(name)).map(([name]) => joinPath(this.menteesFolder, name));
  }

  /**
   * Reads only what the first level of the tree needs (see quick.ts), so a workspace with hundreds of
   * mentees shows its list at once. The bytes read are kept for the full `load()` that follows.
   */
  async loadQuick(): Promise<void> {
    const paths = await this.menteePaths();
    const files = await Promise.all(
      paths.map(async (path): Promise<MenteeFile | undefined> => {
        let raw: Uint8Array;
        try {
          raw = await this.fs.readFile(path);
        } catch {
          // Not shown in the quick first level; the full read that follows reads it again and reports why.
          return undefined;
        }
        this.prefetched.set(path, raw);
        const d = decode(raw);
        const data = d.problem ? undefined : quickMentee(d.text);
        return data ? { kind: 'mentee', path, slug: basename(path).replace(/\.ya?ml$/i, ''), data, problems: [], hash: '', partial: true } : undefined;
      }),
    );
    for (const f of files) {
      if (f && !this.menteeFiles.has(f.path)) {
        this.menteeFiles.set(f.path, f);
      }
    }
    this.changed.fire({ paths: files.filter((f): f is MenteeFile => !!f).map((f) => f.path), removed: [] });
  }

  /** Reads every file. Problems are recorded per file; one bad file never stops the others. */
  async load(): Promise<void> {
    const paths = await this.menteePaths();
    const before = new Set(this.menteeFiles.keys());
    // Read in parallel, then parse one file after another, giving the host a moment every few
    // milliseconds: the extension host must stay free to answer the views (the tree's first level is
    // already shown from loadQuick) while 20 MB of mentee files are parsed.
    await Promise.all(
      paths.map(async (p) => {
        if (!this.prefetched.has(p)) {
          try {
            this.prefetched.set(p, await this.fs.readFile(p));
          } catch {
            // readMentee reads it again and records why it cannot be read
          }
        }
      }),
    );
    const results: (MenteeFile | undefined)[] = [];
    let since = Date.now();
    for (const p of paths) {
      results.push(await this.readMentee(p));
      if (Date.now() - since > YIELD_EVERY_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = Date.now();
      }
    }
    this.prefetched.clear();
    this.menteeFiles.clear();
    for (const f of results) {
      if (f) {
        this.menteeFiles.set(f.path, f);
      }
    }
    this.mentorFile = await this.readMentor();
    this.loaded = true;
    const removed = [...before].filter((p) => !this.menteeFiles.has(p));
    this.changed.fire({ paths: [...this.menteeFiles.keys(), this.mentorPath], removed });
  }

  /** Re-reads one file after a change on disk; fires only if its content really changed. */
  async refresh(path: string): Promise<void> {
    await this.enqueue(path, async () => {
      if (path === this.mentorPath) {
        const next = await this.readMentor();
        if (next?.hash !== this.mentorFile?.hash) {
          this.mentorFile = next;
          this.changed.fire({ paths: [path], removed: next ? [] : [path] });
        }
        return;
      }
      if (!this.isMenteePath(path)) {
        return;
      }
      const prev = this.menteeFiles.get(path);
      const next = await this.readMentee(path);
      if (!next) {
        if (prev) {
          this.menteeFiles.delete(path);
          this.changed.fire({ paths: [path], removed: [path] });
        }
        return;
      }
      if (prev?.hash !== next.hash) {
        this.menteeFiles.set(path, next);
        this.changed.fire({ paths: [path], removed: [] });
      }
    });
  }

  isMenteePath(path: string): boolean {
    return path.startsWith(this.menteesFolder + '/') && !path.slice(this.menteesFolder.length + 1).includes('/') && isMenteeFileName(basename(path));
  }

  /**
   * Applies a change to a mentee file. `change` gets the file's current data (read fresh from disk) and
   * returns the edits; it is called again if the file changes on disk while the write is prepared.
   */
  async edit(path: string, change: MenteeChange): Promise<MenteeFile> {
    return this.enqueue(path, async () => {
      const r = await this.editText(path, parseMentee, change);
      return this.remember(path, r.text, r.parsed);
    });
  }

  /** Applies a change to mentor.yaml, with the same guarantees as a mentee file. */
  async editMentor(change: (profile: MentorProfile) => Edit[]): Promise<MentorFile> {
    const path = this.mentorPath;
    return this.enqueue(path, async () => {
      const r = await this.editText(path, parseMentor, change);
      const file: MentorFile = { kind: 'mentor', path, slug: 'mentor', data: r.parsed.data, problems: r.parsed.problems, hash: hashText(r.text) };
      this.mentorFile = file;
      this.changed.fire({ paths: [path], removed: [] });
      return file;
    });
  }

  /**
   * The write protocol: read the file as it is now (refuse if it does not parse), compute the edits from
   * that content, splice them in, validate the result, then replace the file atomically under the lock
   * if it still holds what was read — else start over on the new content.
   */
  private async editText<T>(path: string, parse: (text: string, plain?: unknown) => Parsed<T>, change: (data: T) => Edit[]): Promise<{ text: string; parsed: Parsed<T> }> {
    const blocked = this.options.blockWrite?.(path);
    if (blocked) {
      throw new StoreError(blocked, path);
    }
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = await this.readText(path);
      if (current === undefined) {
        throw new StoreError(`${basename(path)} no longer exists; the change was not saved.`, path);
      }
      const known = this.menteeFiles.get(path) ?? (path === this.mentorPath ? this.mentorFile : undefined);
      const currentHash = current.problem ? undefined : hashText(current.text);
      // Unchanged since it was read and checked: its data is known (a large file is not read twice).
      const parsed: Parsed<T> =
        known?.data && !known.partial && known.hash === currentHash ? { data: known.data as T, problems: known.problems } : current.problem ? { problems: [current.problem] } : parse(current.text);
      const firstError = parsed.problems.find((p) => p.severity === 'error');
      if (!parsed.data || firstError) {
        throw new StoreError(
          `${basename(path)} has a problem at line ${firstError?.line ?? 1}: ${firstError?.message ?? 'it could not be read'} Fix the file first; the change was not saved.`,
          path,
          firstError?.line,
        );
      }
      if (known && known.hash !== currentHash) {
        this.log(`${basename(path)} changed on disk since it was read; applying the change to the new content.`);
      }
      const edits = change(parsed.data);
      let next: string;
      let plain: unknown;
      try {
        ({ text: next, data: plain } = applyEdits(current.text, edits));
      } catch (e) {
        if (e instanceof EditError) {
          throw new StoreError(`${basename(path)}: ${e.message}`, path);
        }
        throw e;
      }
      const nextParsed = parse(next, plain);
      const newError = nextParsed.problems.find((p) => p.severity === 'error');
      if (newError) {
        throw new StoreError(`The change would make ${basename(path)} invalid: ${newError.message} It was not saved.`, path, newError.line);
      }
      const written = await this.withLock(path, () => this.writeAtomic(path, encode(next, current.bom), current.raw));
      if (!written) {
        this.log(`${basename(path)} changed on disk during the write; trying again on the new content.`);
        continue;
      }
      return { text: next, parsed: nextParsed };
    }
    throw new StoreError(`${basename(path)} kept changing on disk; the change was not saved. Try again.`, path);
  }

  /**
   * Replaces a file git left in conflict with its merged text. Refused unless the file still holds git's
   * markers (a resolution made meanwhile is not clobbered) and the new text reads without an error; then
   * written atomically under the lock like every other change.
   */
  async writeResolved(path: string, text: string): Promise<void> {
    const blocked = this.options.blockWrite?.(path);
    if (blocked) {
      throw new StoreError(blocked, path);
    }
    const parse = path === this.mentorPath ? parseMentor : parseMentee;
    const parsed = parse(text);
    const error = parsed.problems.find((p) => p.severity === 'error');
    if (error) {
      throw new StoreError(`The merged ${basename(path)} would have a problem at line ${error.line}: ${error.message} It was not saved.`, path, error.line);
    }
    await this.enqueue(path, async () => {
      const current = await this.readText(path);
      if (!current || conflictMarkerLine(current.text) === undefined) {
        throw new StoreError(`${basename(path)} is no longer in conflict (it was changed meanwhile); nothing was written.`, path);
      }
      const written = await this.withLock(path, () => this.writeAtomic(path, encode(text, current.bom), current.raw));
      if (!written) {
        throw new StoreError(`${basename(path)} changed on disk during the write; nothing was written. Try again.`, path);
      }
    });
    await this.refresh(path);
  }

  /** Creates a new mentee file from a name; returns it. */
  async createMentee(fields: Partial<Mentee> & { name: string }, header?: string): Promise<MenteeFile> {
    await this.fs.createDirectory(this.menteesFolder);
    const existing = (await this.fs.readDirectory(this.menteesFolder)).map(([n]) => n.replace(/\.ya?ml$/i, ''));
    const slug = uniqueSlug(fields.name, existing);
    const path = this.menteePath(slug);
    const text = (header ?? '') + renderNew({ version: 1, ...fields });
    const parsed = parseMentee(text);
    if (hasErrors(parsed.problems)) {
      const p = parsed.problems.find((x) => x.severity === 'error');
      throw new StoreError(p?.message ?? 'The new mentee is not valid.');
    }
    return this.enqueue(path, async () => {
      if (await this.fs.stat(path)) {
        throw new StoreError(`${basename(path)} already exists.`, path);
      }
      await this.writeAtomic(path, encode(text, false), undefined);
      return this.remember(path, text, parsed);
    });
  }

  /** Removes a mentee file; returns its bytes so the caller can offer to restore them. */
  async deleteMentee(path: string): Promise<Uint8Array> {
    return this.enqueue(path, async () => {
      const bytes = await this.fs.readFile(path);
      await this.fs.delete(path);
      this.menteeFiles.delete(path);
      this.changed.fire({ paths: [path], removed: [path] });
      return bytes;
    });
  }

  /** Writes back bytes of a file that was deleted (undo). Refuses to overwrite a file that exists again. */
  async restore(path: string, bytes: Uint8Array): Promise<void> {
    await this.enqueue(path, async () => {
      if (await this.fs.stat(path)) {
        throw new StoreError(`${basename(path)} exists again; it was not overwritten.`, path);
      }
      await this.fs.createDirectory(this.menteesFolder);
      await this.writeAtomic(path, bytes, undefined);
    });
    await this.refresh(path);
  }

  get privateFolder(): string {
    return joinPath(this.root, PRIVATE_FOLDER);
  }

  /** The private-notes file of a mentee file. */
  privatePath(menteePath: string): string {
    return joinPath(this.privateFolder, basename(menteePath));
  }

  /** The private notes of a mentee, or none. A file that cannot be read says so (StoreError). */
  async readPrivate(menteePath: string): Promise<PrivateNotes | undefined> {
    const r = await this.readText(this.privatePath(menteePath));
    if (!r) {
      return undefined;
    }
    const parsed = r.problem ? { problems: [r.problem] } : parsePrivate(r.text);
    if (!parsed.data) {
      throw new StoreError(`${basename(this.privatePath(menteePath))} (private notes) has a problem at line ${parsed.problems[0]?.line ?? 1}: ${parsed.problems[0]?.message ?? ''}`, this.privatePath(menteePath), parsed.problems[0]?.line);
    }
    return parsed.data;
  }

  /**
   * Sets private notes of sessions (id → text), with the write protocol of every file. The folder gets its
   * `.gitignore` first, so a private note never lands where git would take it.
   */
  async setPrivateNotes(menteePath: string, notes: Record<string, string>): Promise<void> {
    const path = this.privatePath(menteePath);
    const blocked = this.options.blockWrite?.(path);
    if (blocked) {
      throw new StoreError(blocked, path);
    }
    await this.fs.createDirectory(this.privateFolder);
    const ignore = joinPath(this.privateFolder, '.gitignore');
    await this.enqueue(ignore, async () => {
      if (!(await this.fs.stat(ignore))) {
        await this.writeAtomic(ignore, encode(PRIVATE_GITIGNORE, false), undefined);
      }
    });
    await this.enqueue(path, async () => {
      if (!(await this.fs.stat(path))) {
        await this.withLock(path, () => this.writeAtomic(path, encode(PRIVATE_NEW, false), undefined));
      }
      await this.editText(path, parsePrivate, () => Object.entries(notes).map(([id, text]) => ({ op: 'set' as const, path: ['sessions', id], value: text })));
    });
  }

  get draftsFolder(): string {
    return joinPath(this.root, DRAFTS_FOLDER);
  }

  /** Paths of the session drafts (`drafts/*.md`), oldest name first. */
  async listDrafts(): Promise<string[]> {
    const entries = await this.fs.readDirectory(this.draftsFolder);
    return entries
      .filter(([name, type]) => type === 'file' && name.endsWith('.md') && !name.startsWith('.') && !name.startsWith(TEMP_MARK))
      .map(([name]) => joinPath(this.draftsFolder, name))
      .sort();
  }

  /** Writes a new draft atomically under the lock; never replaces a file that exists. */
  async createDraft(name: string, text: string): Promise<string> {
    if (!/^[^/\\]+\.md$/.test(name) || name.startsWith('.')) {
      throw new StoreError(`"${name}" is not a draft file name.`);
    }
    const path = joinPath(this.draftsFolder, name);
    const blocked = this.options.blockWrite?.(path);
    if (blocked) {
      throw new StoreError(blocked, path);
    }
    await this.fs.createDirectory(this.draftsFolder);
    return this.enqueue(path, async () => {
      const written = await this.withLock(path, () => this.writeAtomic(path, encode(text, false), undefined));
      if (!written) {
        throw new StoreError(`${basename(path)} already exists; it was not replaced.`, path);
      }
      return path;
    });
  }

  /** The text of a draft, as it is on disk now. */
  async readDraft(path: string): Promise<string> {
    this.requireDraftPath(path);
    const r = await this.readText(path);
    if (!r) {
      throw new StoreError(`${basename(path)} no longer exists.`, path);
    }
    return r.text;
  }

  /**
   * Removes a draft once its session is stored. With `expected`, the draft is kept if its text changed
   * since it was read (typed on in another window): nothing written there is lost.
   */
  async removeDraft(path: string, expected?: string): Promise<void> {
    this.requireDraftPath(path);
    await this.enqueue(path, () =>
      this.withLock(path, async () => {
        if (expected !== undefined) {
          const now = await this.readText(path);
          if (now && now.text !== expected) {
            throw new StoreError(`${basename(path)} changed while the session was stored; it was kept so nothing is lost.`, path);
          }
        }
        await this.fs.delete(path);
      }),
    );
  }

  private requireDraftPath(path: string): void {
    if (!path.startsWith(this.draftsFolder + '/') || path.slice(this.draftsFolder.length + 1).includes('/')) {
      throw new StoreError(`${path} is not a session draft of this data folder.`, path);
    }
  }

  /** Creates the data folder with the given starter files, never replacing an existing file. */
  async initialize(files: { name: string; text: string }[]): Promise<string[]> {
    await this.fs.createDirectory(this.menteesFolder);
    // The private folder's .gitignore comes first, whatever the mentor decides about committing the rest.
    await this.fs.createDirectory(this.privateFolder);
    const created: string[] = [];
    for (const f of [{ name: `${PRIVATE_FOLDER}/.gitignore`, text: PRIVATE_GITIGNORE }, ...files]) {
      const path = joinPath(this.root, f.name);
      if (!(await this.fs.stat(path))) {
        await this.writeAtomic(path, encode(f.text, false), undefined);
        created.push(path);
      }
    }
    await this.load();
    return created;
  }

  dispose(): void {
    this.changed.dispose();
  }

  // -------------------------------------------------------------------------------------------------

  private log(message: string): void {
    this.options.log?.(message);
  }

  private remember(path: string, text: string, parsed: Parsed<Mentee>): MenteeFile {
    const file: MenteeFile = {
      kind: 'mentee',
      path,
      slug: basename(path).replace(/\.ya?ml$/i, ''),
      data: parsed.data,
      problems: parsed.problems,
      hash: hashText(text),
    };
    const prev = this.menteeFiles.get(path);
    this.menteeFiles.set(path, file);
    if (prev?.hash !== file.hash || !prev) {
      this.changed.fire({ paths: [path], removed: [] });
    }
    return file;
  }

  private async readText(path: string, usePrefetched = false): Promise<{ text: string; bom: boolean; raw: Uint8Array; problem?: Problem } | undefined> {
    let raw: Uint8Array;
    const pre = usePrefetched ? this.prefetched.get(path) : undefined;
    try {
      raw = pre ?? (await this.fs.readFile(path));
    } catch (e) {
      if (isNotFound(e)) {
        return undefined;
      }
      throw fsFailure('read', path, e);
    }
    const d = decode(raw);
    return { text: d.text, bom: d.bom, raw, problem: d.problem };
  }

  private async readMentee(path: string): Promise<MenteeFile | undefined> {
    let r: Awaited<ReturnType<MentorshipStore['readText']>>;
    try {
      r = await this.readText(path, true);
    } catch (e) {
      // A file that exists but cannot be read (permission, disk) is shown with its cause; the others load.
      const message = e instanceof Error ? e.message : String(e);
      return { kind: 'mentee', path, slug: basename(path).replace(/\.ya?ml$/i, ''), problems: [{ severity: 'error', message, line: 1, column: 1 }], hash: `unreadable:${message}` };
    }
    if (!r) {
      return undefined;
    }
    const parsed: Parsed<Mentee> = r.problem ? { problems: [r.problem] } : parseMentee(r.text);
    return {
      kind: 'mentee',
      path,
      slug: basename(path).replace(/\.ya?ml$/i, ''),
      data: parsed.data,
      problems: parsed.problems,
      hash: r.problem ? hashBytes(r.raw) : hashText(r.text),
    };
  }

  private async readMentor(): Promise<MentorFile | undefined> {
    const path = this.mentorPath;
    let r: Awaited<ReturnType<MentorshipStore['readText']>>;
    try {
      r = await this.readText(path);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { kind: 'mentor', path, slug: 'mentor', problems: [{ severity: 'error', message, line: 1, column: 1 }], hash: `unreadable:${message}` };
    }
    if (!r) {
      return undefined;
    }
    const parsed: Parsed<MentorProfile> = r.problem ? { problems: [r.problem] } : parseMentor(r.text);
    return { kind: 'mentor', path, slug: 'mentor', data: parsed.data, problems: parsed.problems, hash: hashText(r.text) };
  }

  /**
   * Writes via a temporary file and a rename. `expected` is what the file held when the change was
   * computed (undefined: it must not exist); if the file differs right before the rename, nothing is
   * replaced and false is returned.
   */
  private async writeAtomic(path: string, bytes: Uint8Array, expected: Uint8Array | undefined): Promise<boolean> {
    const dir = path.slice(0, path.lastIndexOf('/'));
    const tmp = joinPath(dir, `${TEMP_MARK}${basename(path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
    try {
      await this.fs.writeFile(tmp, bytes);
    } catch (e) {
      await this.fs.delete(tmp).catch(() => undefined);
      throw new StoreError(
        `Could not save ${basename(path)}: a temporary file beside it cannot be written (${describeFsError(e)}), and the file is only ever replaced whole. It is unchanged.`,
        path,
        undefined,
        { cause: e },
      );
    }
    try {
      await this.options.beforeRename?.(path);
      let onDisk: Uint8Array | undefined;
      try {
        onDisk = await this.fs.readFile(path);
      } catch (e) {
        if (!isNotFound(e)) {
          throw fsFailure('check', path, e);
        }
        onDisk = undefined;
      }
      const same = expected === undefined ? onDisk === undefined : onDisk !== undefined && bytesEqual(onDisk, expected);
      if (!same) {
        await this.fs.delete(tmp);
        return false;
      }
      try {
        await this.fs.rename(tmp, path);
      } catch (e) {
        // A file system that cannot rename (some virtual ones) gets no in-place write instead: half a file
        // must never be possible. The mentor hears why, and the file is as it was.
        throw new StoreError(
          `Could not save ${basename(path)}: this file system cannot replace it in one step (${describeFsError(e)}), so nothing was written. The file is unchanged.`,
          path,
          undefined,
          { cause: e },
        );
      }
      return true;
    } catch (e) {
      await this.fs.delete(tmp).catch(() => undefined);
      throw e;
    }
  }

  private enqueue<T>(path: string, work: () => Promise<T>): Promise<T> {
    const prev = FILE_QUEUES.get(path) ?? Promise.resolve();
    const next = prev.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    FILE_QUEUES.set(path, settled);
    void settled.then(() => {
      if (FILE_QUEUES.get(path) === settled) {
        FILE_QUEUES.delete(path);
      }
    });
    return next;
  }

  /** Runs `work` holding the file's lock (a lock file beside it), waiting a little for another writer. */
  private async withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
    const lock = path + LOCK_SUFFIX;
    const stamp = new TextEncoder().encode(`${Date.now()}\n`);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 5; ; wait = Math.min(100, wait * 2)) {
      if (await this.fs.createExclusive(lock, stamp)) {
        break;
      }
      const st = await this.fs.stat(lock);
      if (st && Date.now() - st.mtime > LOCK_STALE_MS) {
        // Left behind by a writer that died: take it over.
        await this.fs.delete(lock);
        continue;
      }
      if (Date.now() > deadline) {
        throw new StoreError(`${basename(path)} is being written by another window; the change was not saved. Try again.`, path);
      }
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    }
    try {
      return await work();
    } finally {
      await this.fs.delete(lock).catch(() => undefined);
    }
  }
}

function sortName(f: MenteeFile): string {
  return (f.data?.name ?? f.slug).toLocaleLowerCase();
}

/** Mentee files are `*.yaml`/`*.yml`; temporary and hidden files are ignored. */
export function isMenteeFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.') && !name.startsWith(TEMP_MARK);
}

function renderNew(fields: Record<string, unknown>): string {
  // A new file is written through the same splicer as every edit, starting from its version line.
  const clean = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  const { version, ...rest } = clean;
  let text = `version: ${String(version)}\n`;
  const edits: Edit[] = Object.entries(rest).map(([k, v]) => ({ op: 'set', path: [k], value: v }));
  text = applyEdits(text, edits).text;
  return text;
}

/** Byte equality, four bytes at a time where both are aligned (a 1 MB file compares in well under a millisecond). */
function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.byteLength;
  if (n !== b.byteLength) {
    return false;
  }
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const wa = new Uint32Array(a.buffer, a.byteOffset, n >> 2);
    const wb = new Uint32Array(b.buffer, b.byteOffset, n >> 2);
    for (let k = 0; k < wa.length; k++) {
      if (wa[k] !== wb[k]) {
        return false;
      }
    }
    i = wa.length << 2;
  }
  const x = new Uint8Array(a.buffer, a.byteOffset, n);
  const y = new Uint8Array(b.buffer, b.byteOffset, n);
  for (; i < n; i++) {
    if (x[i] !== y[i]) {
      return false;
    }
  }
  return true;
}

/** A fast non-cryptographic 53-bit hash (cyrb53), as hex with the length. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

function hashBytes(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return 'b' + hashText(s);
}
