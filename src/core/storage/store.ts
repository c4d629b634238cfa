/**
 * The store: the one place that reads and writes the files of a data folder.
 *
 * - Reads `mentor.yaml` and `mentees/*.yaml` through a FileSystem, and keeps what it read (the cache);
 *   listeners hear about every change, whether made here or found on disk.
 * - Every write goes through one guarded entry and the write protocol (writes.ts): a change is a list of
 *   edits computed from the file's current content and spliced into its text, so hand-written parts
 *   survive byte for byte; a file that fails to parse or validate is never written; writes are atomic; an
 *   edit made on disk meanwhile is not clobbered.
 * - Private notes (privateNotes.ts) and session drafts (drafts.ts) are parts of their own, written
 *   through the same entry.
 */
import { StoreError } from '../errors';
import type { Edit, MenteeChange, MentorChange } from '../domain/edit';
import type { IsoDate, Mentee, MentorProfile } from '../domain/model';
import { uniqueSlug } from '../domain/slug';
import { basename, joinPath } from '../paths';
import { Emitter } from './events';
import type { Disposable } from './events';
import { describeFsError } from './fs';
import type { FileSystem } from './fs';
import { hashBytes, hashText } from './hash';
import { conflictMarkerLine } from './markers';
import { decode, encode, hasErrors, parseMentee, parseMentor } from './parse';
import type { Parsed } from './parse';
import { Drafts, DRAFTS_FOLDER } from './drafts';
import { PRIVATE_FOLDER, PRIVATE_GITIGNORE, parsePrivate, PrivateFiles } from './privateNotes';
import type { PrivateNotes } from './privateNotes';
import { quickMentee } from './quick';
import type { Problem } from './validate';
import { TEMP_MARK, Writes } from './writes';
import type { TextRead, WriteOptions } from './writes';
import { applyEdits } from './yamlEdit';

export { StoreError, PRIVATE_FOLDER, DRAFTS_FOLDER, parsePrivate };
export type { MenteeChange, MentorChange, PrivateNotes };

export const MENTOR_FILE = 'mentor.yaml';
export const MENTEES_FOLDER = 'mentees';

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
  /**
   * Only the header was read yet (see loadQuick): enough for the first level of the tree. `data` then has
   * empty lists; the date of the last session is kept here.
   */
  partial?: { lastSession?: IsoDate };
}

export type MenteeFile = LoadedFile<Mentee>;
export type MentorFile = LoadedFile<MentorProfile>;

export interface StoreChange {
  /** Files that changed (added, edited, removed, or whose problems changed). */
  paths: string[];
  removed: string[];
}

export type StoreOptions = WriteOptions;

/** A full read gives the host back its event loop this often (ms of parsing). */
const YIELD_EVERY_MS = 12;

export class MentorshipStore implements Disposable {
  private readonly changed = new Emitter<StoreChange>();
  readonly onDidChange = this.changed.event;
  private readonly menteeFiles = new Map<string, MenteeFile>();
  private mentorFile: MentorFile | undefined;
  private readonly prefetched = new Map<string, Uint8Array>();
  private loaded = false;
  private readonly writes: Writes;
  /** Session drafts (drafts.ts). */
  readonly drafts: Drafts;
  /** Private notes, apart from the shared files (privateNotes.ts). */
  private readonly privates: PrivateFiles;

  constructor(
    private readonly fs: FileSystem,
    readonly root: string,
    options: StoreOptions = {},
  ) {
    this.writes = new Writes(fs, options);
    this.drafts = new Drafts(fs, this.writes, root);
    this.privates = new PrivateFiles(this.writes, root);
  }

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

  /** Whether a path is one of this data folder's files (its mentees, mentor.yaml, private notes, drafts). */
  holds(path: string): boolean {
    return path === this.root || path.startsWith(this.root.replace(/\/$/, '') + '/');
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

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
        const quick = d.problem ? undefined : quickMentee(d.text);
        return quick ? { kind: 'mentee', path, slug: slugOf(path), data: quick.mentee, problems: [], hash: '', partial: { ...(quick.lastSession ? { lastSession: quick.lastSession } : {}) } } : undefined;
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
    await this.writes.queued(path, async () => {
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

  /**
   * The data of a mentee file as it is on disk now (the cache when it holds that), or a StoreError that
   * names the problem and its line.
   */
  async current(path: string): Promise<Mentee> {
    const known = this.menteeFiles.get(path);
    const f = known && !known.partial && known.data ? known : await this.readMentee(path);
    const error = f?.problems.find((p) => p.severity === 'error');
    if (!f?.data || error) {
      throw new StoreError(
        `${basename(path)} ${f ? `has a problem at line ${error?.line ?? 1}: ${error?.message ?? 'it could not be read'} Fix the file first; the change was not saved.` : 'no longer exists; the change was not saved.'}`,
        path,
        error?.line,
      );
    }
    return f.data;
  }

  isMenteePath(path: string): boolean {
    return path.startsWith(this.menteesFolder + '/') && !path.slice(this.menteesFolder.length + 1).includes('/') && isMenteeFileName(basename(path));
  }

  // -------------------------------------------------------------------------------------------------
  // Writing: every method below goes through `this.writes.guarded`.

  /**
   * Applies a change to a mentee file. `change` gets the file's current data (read fresh from disk) and
   * returns the edits; it is called again if the file changes on disk while the write is prepared.
   */
  edit(path: string, change: MenteeChange): Promise<MenteeFile> {
    return this.writes.guarded(path, async () => {
      const r = await this.writes.edit(path, parseMentee, change, this.menteeFiles.get(path));
      return this.remember(path, r.text, r.parsed);
    });
  }

  /** Applies a change to mentor.yaml, with the same guarantees as a mentee file. */
  editMentor(change: MentorChange): Promise<MentorFile> {
    const path = this.mentorPath;
    return this.writes.guarded(path, async () => {
      const r = await this.writes.edit(path, parseMentor, change, this.mentorFile);
      const file: MentorFile = { kind: 'mentor', path, slug: 'mentor', data: r.parsed.data, problems: r.parsed.problems, hash: hashText(r.text) };
      this.mentorFile = file;
      this.changed.fire({ paths: [path], removed: [] });
      return file;
    });
  }

  /**
   * Replaces a file git left in conflict with its merged text. Refused unless the file still holds git's
   * markers (a resolution made meanwhile is not clobbered) and the new text reads without an error; then
   * written atomically under the lock like every other change.
   */
  async writeResolved(path: string, text: string): Promise<void> {
    await this.writes.guarded(path, async () => {
      const parse = path === this.mentorPath ? parseMentor : parseMentee;
      const error = parse(text).problems.find((p) => p.severity === 'error');
      if (error) {
        throw new StoreError(`The merged ${basename(path)} would have a problem at line ${error.line}: ${error.message} It was not saved.`, path, error.line);
      }
      const current = await this.writes.readText(path);
      if (!current || conflictMarkerLine(current.text) === undefined) {
        throw new StoreError(`${basename(path)} is no longer in conflict (it was changed meanwhile); nothing was written.`, path);
      }
      if (!(await this.writes.replace(path, encode(text, current.bom), current.raw))) {
        throw new StoreError(`${basename(path)} changed on disk during the write; nothing was written. Try again.`, path);
      }
    });
    await this.refresh(path);
  }

  /** Creates a new mentee file from a name; returns it. */
  async createMentee(fields: Partial<Mentee> & { name: string }, header?: string): Promise<MenteeFile> {
    const text = (header ?? '') + renderNew({ version: 1, ...fields });
    const parsed = parseMentee(text);
    if (hasErrors(parsed.problems)) {
      const p = parsed.problems.find((x) => x.severity === 'error');
      throw new StoreError(p?.message ?? 'The new mentee is not valid.');
    }
    // The guard is asked on the folder first: the file's name is known only once the folder is read.
    return this.writes.guarded(this.menteesFolder, async () => {
      await this.writes.createDirectory(this.menteesFolder);
      const existing = (await this.fs.readDirectory(this.menteesFolder)).map(([n]) => n.replace(/\.ya?ml$/i, ''));
      const path = this.menteePath(uniqueSlug(fields.name, existing));
      return this.writes.guarded(path, async () => {
        if (!(await this.writes.create(path, encode(text, false)))) {
          throw new StoreError(`${basename(path)} already exists.`, path);
        }
        return this.remember(path, text, parsed);
      });
    });
  }

  /** Removes a mentee file; returns its bytes so the caller can offer to restore them. */
  deleteMentee(path: string): Promise<Uint8Array> {
    return this.writes.guarded(path, async () => {
      const bytes = await this.fs.readFile(path);
      await this.writes.remove(path, bytes);
      this.menteeFiles.delete(path);
      this.changed.fire({ paths: [path], removed: [path] });
      return bytes;
    });
  }

  /** Writes back bytes of a file that was deleted (undo). Refuses to overwrite a file that exists again. */
  async restore(path: string, bytes: Uint8Array): Promise<void> {
    await this.writes.guarded(path, async () => {
      await this.writes.createDirectory(this.menteesFolder);
      if (!(await this.writes.create(path, bytes))) {
        throw new StoreError(`${basename(path)} exists again; it was not overwritten.`, path);
      }
    });
    await this.refresh(path);
  }

  /**
   * Creates the data folder with the given starter files, never replacing an existing file. The private
   * folder's .gitignore comes first, whatever the mentor decides about committing the rest.
   */
  async initialize(files: { name: string; text: string }[]): Promise<string[]> {
    const created: string[] = [];
    await this.writes.guarded(this.root, async () => {
      await this.writes.createDirectory(this.menteesFolder);
      await this.writes.createDirectory(this.privateFolder);
      for (const f of [{ name: `${PRIVATE_FOLDER}/.gitignore`, text: PRIVATE_GITIGNORE }, ...files]) {
        const path = joinPath(this.root, f.name);
        const made = await this.writes.guarded(path, () => this.writes.create(path, encode(f.text, false)));
        if (made) {
          created.push(path);
        }
      }
    });
    await this.load();
    return created;
  }

  /**
   * Writes a text file that is not a mentee file (an exported report, a repository's ignore or attributes
   * file) through the same entry: guarded, atomic, and only over the content it was computed from
   * (`expected`: undefined when the file must not exist yet).
   */
  async writeFile(path: string, text: string, expected?: string): Promise<void> {
    await this.writes.guarded(path, async () => {
      const current = await this.writes.readText(path);
      if (expected !== undefined ? current?.text !== expected : false) {
        throw new StoreError(`${basename(path)} changed meanwhile; it was not overwritten. Try again.`, path);
      }
      await this.writes.createDirectory(path.slice(0, path.lastIndexOf('/')));
      const bytes = encode(text, current?.bom ?? false);
      if (!(await this.writes.replace(path, bytes, current?.raw))) {
        throw new StoreError(`${basename(path)} changed meanwhile; it was not overwritten. Try again.`, path);
      }
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Private notes (privateNotes.ts)

  get privateFolder(): string {
    return this.privates.folder;
  }

  privatePath(menteePath: string): string {
    return this.privates.pathOf(menteePath);
  }

  readPrivate(menteePath: string): Promise<PrivateNotes | undefined> {
    return this.privates.read(menteePath);
  }

  setPrivateNotes(menteePath: string, notes: Record<string, string>): Promise<void> {
    return this.privates.set(menteePath, notes);
  }

  dispose(): void {
    this.changed.dispose();
  }

  // -------------------------------------------------------------------------------------------------

  private remember(path: string, text: string, parsed: Parsed<Mentee>): MenteeFile {
    const file: MenteeFile = { kind: 'mentee', path, slug: slugOf(path), data: parsed.data, problems: parsed.problems, hash: hashText(text) };
    const prev = this.menteeFiles.get(path);
    this.menteeFiles.set(path, file);
    if (prev?.hash !== file.hash || !prev) {
      this.changed.fire({ paths: [path], removed: [] });
    }
    return file;
  }

  private async readMentee(path: string): Promise<MenteeFile | undefined> {
    let r: TextRead | undefined;
    try {
      r = await this.writes.readText(path, this.prefetched.get(path));
    } catch (e) {
      // A file that exists but cannot be read (permission, disk) is shown with its cause; the others load.
      const message = e instanceof Error ? e.message : String(e);
      return { kind: 'mentee', path, slug: slugOf(path), problems: [{ severity: 'error', message, line: 1, column: 1 }], hash: `unreadable:${message}` };
    }
    if (!r) {
      return undefined;
    }
    const parsed: Parsed<Mentee> = r.problem ? { problems: [r.problem] } : parseMentee(r.text);
    return { kind: 'mentee', path, slug: slugOf(path), data: parsed.data, problems: parsed.problems, hash: r.problem ? hashBytes(r.raw) : hashText(r.text) };
  }

  private async readMentor(): Promise<MentorFile | undefined> {
    const path = this.mentorPath;
    let r: TextRead | undefined;
    try {
      r = await this.writes.readText(path);
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
}

function slugOf(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

function sortName(f: MenteeFile): string {
  return (f.data?.name ?? f.slug).toLocaleLowerCase();
}

/** Mentee files are `*.yaml`/`*.yml`; temporary and hidden files are ignored. */
export function isMenteeFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.') && !name.startsWith(TEMP_MARK);
}

/** A new file, written through the same splicer as every edit, starting from its version line. */
function renderNew(fields: Record<string, unknown>): string {
  const clean = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  const { version, ...rest } = clean;
  const edits: Edit[] = Object.entries(rest).map(([k, v]) => ({ op: 'set', path: [k], value: v }));
  return applyEdits(`version: ${String(version)}\n`, edits).text;
}

export { hashText };
