/**
 * Session drafts (Start Session … End Session): Markdown files in `drafts/`, one per session in progress.
 * Created and removed through the store's one guarded entry, never over or past a change made elsewhere.
 */
import { StoreError } from '../errors';
import { basename, joinPath } from '../paths';
import type { FileSystem } from './fs';
import { encode } from './parse';
import { TEMP_MARK } from './writes';
import type { Writes } from './writes';

export const DRAFTS_FOLDER = 'drafts';

export class Drafts {
  constructor(
    private readonly fs: FileSystem,
    private readonly writes: Writes,
    private readonly root: string,
  ) {}

  get folder(): string {
    return joinPath(this.root, DRAFTS_FOLDER);
  }

  /** Paths of the session drafts (`drafts/*.md`), oldest name first. */
  async list(): Promise<string[]> {
    const entries = await this.fs.readDirectory(this.folder);
    return entries
      .filter(([name, type]) => type === 'file' && name.endsWith('.md') && !name.startsWith('.') && !name.startsWith(TEMP_MARK))
      .map(([name]) => joinPath(this.folder, name))
      .sort();
  }

  /** Writes a new draft atomically under the lock; never replaces a file that exists. */
  async create(name: string, text: string): Promise<string> {
    if (!/^[^/\\]+\.md$/.test(name) || name.startsWith('.')) {
      throw new StoreError(`"${name}" is not a draft file name.`);
    }
    const path = joinPath(this.folder, name);
    return this.writes.guarded(path, async () => {
      await this.writes.createDirectory(this.folder);
      if (!(await this.writes.create(path, encode(text, false)))) {
        throw new StoreError(`${basename(path)} already exists; it was not replaced.`, path);
      }
      return path;
    });
  }

  /** The text of a draft, as it is on disk now. */
  async read(path: string): Promise<string> {
    this.requirePath(path);
    const r = await this.writes.readText(path);
    if (!r) {
      throw new StoreError(`${basename(path)} no longer exists.`, path);
    }
    return r.text;
  }

  /**
   * Removes a draft once its session is stored. With `expected`, the draft is kept if its text changed
   * since it was read (typed on in another window): nothing written there is lost.
   */
  async remove(path: string, expected?: string): Promise<void> {
    this.requirePath(path);
    await this.writes.guarded(path, async () => {
      const now = expected !== undefined ? await this.writes.readText(path) : undefined;
      if (now && now.text !== expected) {
        throw new StoreError(`${basename(path)} changed while the session was stored; it was kept so nothing is lost.`, path);
      }
      await this.writes.remove(path, now?.raw);
    });
  }

  private requirePath(path: string): void {
    if (!path.startsWith(this.folder + '/') || path.slice(this.folder.length + 1).includes('/')) {
      throw new StoreError(`${path} is not a session draft of this data folder.`, path);
    }
  }
}
