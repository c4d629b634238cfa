/**
 * The write protocol, and the one entry every write of the store goes through.
 *
 * - `guarded(path, work)` asks the guard first (an untrusted workspace, a file with unsaved edits in an
 *   editor: a message means "not now", and nothing is written), then queues the work per file.
 * - Per-file queues are shared by every store in this JavaScript context (two stores on one folder must
 *   not interleave either); a lock file beside the file does the same across processes (another window,
 *   the MCP server, the merge driver).
 * - `replace` writes atomically: a temporary file in the same folder, then a rename, made only if the file
 *   still holds what the change was computed from (else false: the caller starts over on the new content).
 * - `edit` is the whole protocol for a YAML file: read it as it is now (refuse if it does not parse),
 *   compute the edits from that content, splice them in, check the result, replace it under the lock.
 */
import { StoreError } from '../errors';
import type { Edit } from '../domain/edit';
import { basename, dirname, joinPath } from '../paths';
import type { FileSystem } from './fs';
import { describeFsError, isNotFound } from './fs';
import { bytesEqual, hashText } from './hash';
import { decode, encode } from './parse';
import type { Parsed } from './parse';
import type { Problem } from './validate';
import { applyEdits, EditError } from './yamlEdit';

export const TEMP_MARK = '.mentorship-tmp-';
const LOCK_SUFFIX = '.mentorship-lock';
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

const FILE_QUEUES = new Map<string, Promise<unknown>>();

export interface WriteOptions {
  log?: (message: string) => void;
  /** Hook for tests: runs after the temporary file is written, before the check and the rename. */
  beforeRename?: (path: string) => Promise<void>;
  /**
   * Asked before anything is written; a message means "not now" (an untrusted workspace; a file with
   * unsaved edits in an editor, which a write on disk would put in conflict).
   */
  blockWrite?: (path: string) => string | undefined;
}

export interface TextRead {
  text: string;
  bom: boolean;
  raw: Uint8Array;
  problem?: Problem;
}

/** What the protocol knows of a file already (read and checked before), so a large file is not parsed twice. */
export interface Known<T> {
  data?: T;
  problems: Problem[];
  hash: string;
  partial?: unknown;
}

/** A read or write that failed for a reason other than a missing file, with that reason in the message. */
export function fsFailure(what: string, path: string, e: unknown): StoreError {
  return new StoreError(`Could not ${what} ${basename(path)}: ${describeFsError(e)}.`, path, undefined, { cause: e });
}

export class Writes {
  constructor(
    private readonly fs: FileSystem,
    private readonly options: WriteOptions = {},
  ) {}

  /** The one entry of every write: the guard, then the file's queue. */
  guarded<T>(path: string, work: () => Promise<T>): Promise<T> {
    const blocked = this.options.blockWrite?.(path);
    if (blocked) {
      return Promise.reject(new StoreError(blocked, path));
    }
    return this.queued(path, work);
  }

  /** Work on a file after the work queued before it (reads that must not interleave with a write). */
  queued<T>(path: string, work: () => Promise<T>): Promise<T> {
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

  async readText(path: string, prefetched?: Uint8Array): Promise<TextRead | undefined> {
    let raw: Uint8Array;
    try {
      raw = prefetched ?? (await this.fs.readFile(path));
    } catch (e) {
      if (isNotFound(e)) {
        return undefined;
      }
      throw fsFailure('read', path, e);
    }
    const d = decode(raw);
    return { text: d.text, bom: d.bom, raw, problem: d.problem };
  }

  /**
   * The protocol for a YAML file (call it inside `guarded`): read it as it is now, refuse if it does not
   * parse, compute the edits from that content, splice them in, check the result, then replace it under
   * the lock if it still holds what was read — else start over on the new content.
   */
  async edit<T>(path: string, parse: (text: string, plain?: unknown) => Parsed<T>, change: (data: T) => Edit[], known?: Known<T>): Promise<{ text: string; parsed: Parsed<T> }> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = await this.readText(path);
      if (current === undefined) {
        throw new StoreError(`${basename(path)} no longer exists; the change was not saved.`, path);
      }
      const currentHash = current.problem ? undefined : hashText(current.text);
      // Unchanged since it was read and checked: its data is known (a large file is not read twice).
      const parsed: Parsed<T> =
        known?.data && !known.partial && known.hash === currentHash ? { data: known.data, problems: known.problems } : current.problem ? { problems: [current.problem] } : parse(current.text);
      const firstError = parsed.problems.find((p) => p.severity === 'error');
      if (!parsed.data || firstError) {
        throw new StoreError(
          `${basename(path)} has a problem at line ${firstError?.line ?? 1}: ${firstError?.message ?? 'it could not be read'} Fix the file first; the change was not saved.`,
          path,
          firstError?.line,
        );
      }
      if (known && known.hash !== currentHash) {
        this.options.log?.(`${basename(path)} changed on disk since it was read; applying the change to the new content.`);
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
      if (!(await this.replace(path, encode(next, current.bom), current.raw))) {
        this.options.log?.(`${basename(path)} changed on disk during the write; trying again on the new content.`);
        continue;
      }
      // `known` is what the caller remembered; from now on the file holds `next`.
      return { text: next, parsed: nextParsed };
    }
    throw new StoreError(`${basename(path)} kept changing on disk; the change was not saved. Try again.`, path);
  }

  /**
   * Replaces a file atomically under its lock. `expected` is what the file held when the change was
   * computed (undefined: it must not exist); if the file differs right before the rename, nothing is
   * replaced and false is returned.
   */
  replace(path: string, bytes: Uint8Array, expected: Uint8Array | undefined): Promise<boolean> {
    return this.withLock(path, () => this.writeAtomic(path, bytes, expected));
  }

  /** Writes a new file (a folder's ignore file, a starter file); false when one exists there already. */
  create(path: string, bytes: Uint8Array): Promise<boolean> {
    return this.replace(path, bytes, undefined);
  }

  async remove(path: string, expected?: Uint8Array): Promise<void> {
    await this.withLock(path, async () => {
      if (expected !== undefined) {
        const now = await this.fs.readFile(path).catch(() => undefined);
        if (now && !bytesEqual(now, expected)) {
          throw new StoreError(`${basename(path)} changed meanwhile; it was kept so nothing is lost.`, path);
        }
      }
      await this.fs.delete(path);
    });
  }

  createDirectory(path: string): Promise<void> {
    return this.fs.createDirectory(path);
  }

  private async writeAtomic(path: string, bytes: Uint8Array, expected: Uint8Array | undefined): Promise<boolean> {
    const tmp = joinPath(dirname(path), `${TEMP_MARK}${basename(path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
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
