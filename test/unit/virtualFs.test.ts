/**
 * The write protocol on a virtual file system (github.dev and vscode.dev keep the workspace in one): the
 * store knows only the FileSystem interface, so an in-memory one stands for it here. Atomic where the file
 * system can rename; where it cannot, or where no temporary file may be written, nothing is written and
 * the message says why.
 */
import * as assert from 'node:assert/strict';
import { FsError } from '../../src/core/storage/fs';
import type { FileStat, FileSystem, FsErrorCode } from '../../src/core/storage/fs';
import { MentorshipStore, StoreError } from '../../src/core/storage/store';

/** A file system held in memory, with the semantics VS Code asks of a FileSystemProvider. */
class MemoryFs implements FileSystem {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>(['/']);
  /** Set to make an operation fail the way a provider reports it. */
  failRename?: FsErrorCode;
  failWriteOf?: { match: RegExp; code: FsErrorCode };
  readonly renames: [string, string][] = [];

  private parentOf(p: string): string {
    return p.slice(0, p.lastIndexOf('/')) || '/';
  }
  async readFile(p: string): Promise<Uint8Array> {
    const f = this.files.get(p);
    if (!f) {
      throw new FsError('notFound', p, `not found: ${p}`);
    }
    return f.slice();
  }
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    if (this.failWriteOf?.match.test(p)) {
      throw new FsError(this.failWriteOf.code, p, `${this.failWriteOf.code}: ${p}`);
    }
    if (!this.dirs.has(this.parentOf(p))) {
      throw new FsError('notFound', p, `no folder for ${p}`);
    }
    this.files.set(p, data.slice());
  }
  async rename(from: string, to: string): Promise<void> {
    if (this.failRename) {
      throw new FsError(this.failRename, to, `${this.failRename}: rename ${from} → ${to}`);
    }
    const f = this.files.get(from);
    if (!f) {
      throw new FsError('notFound', from, `not found: ${from}`);
    }
    this.files.delete(from);
    this.files.set(to, f);
    this.renames.push([from, to]);
  }
  async delete(p: string): Promise<void> {
    this.files.delete(p);
  }
  async stat(p: string): Promise<FileStat | undefined> {
    const f = this.files.get(p);
    if (f) {
      return { mtime: 0, size: f.length, type: 'file' };
    }
    return this.dirs.has(p) ? { mtime: 0, size: 0, type: 'directory' } : undefined;
  }
  async readDirectory(p: string): Promise<[string, FileStat['type']][]> {
    const out: [string, FileStat['type']][] = [];
    for (const f of this.files.keys()) {
      if (this.parentOf(f) === p) {
        out.push([f.slice(p.length + 1), 'file']);
      }
    }
    for (const d of this.dirs) {
      if (d !== p && this.parentOf(d) === p) {
        out.push([d.slice(p.length + 1), 'directory']);
      }
    }
    return out;
  }
  async createDirectory(p: string): Promise<void> {
    for (let d = p; d !== '/'; d = this.parentOf(d)) {
      this.dirs.add(d);
    }
  }
  async createExclusive(p: string, data: Uint8Array): Promise<boolean> {
    if (this.files.has(p)) {
      return false;
    }
    await this.writeFile(p, data);
    return true;
  }
}

const ANA = '/ws/.mentorship/mentees/ana.yaml';
const TEXT = '# Ana, by hand\nversion: 1\nname: Ana\ngoals: []   # none yet\nfuture_key: {kept: true}\n';

async function setup(): Promise<{ fs: MemoryFs; store: MentorshipStore }> {
  const fs = new MemoryFs();
  await fs.createDirectory('/ws/.mentorship/mentees');
  fs.files.set(ANA, new TextEncoder().encode(TEXT));
  const store = new MentorshipStore(fs, '/ws/.mentorship');
  await store.load();
  return { fs, store };
}

const text = (fs: MemoryFs, p: string) => new TextDecoder().decode(fs.files.get(p));
const leftovers = (fs: MemoryFs) => [...fs.files.keys()].filter((p) => p !== ANA);

describe('writes on a virtual file system', () => {
  it('a write goes to a temporary file and replaces the mentee file by one rename; comments and unknown keys survive', async () => {
    const { fs, store } = await setup();
    await store.edit(ANA, () => [{ op: 'set', path: ['role'], value: 'Backend engineer' }]);
    const after = text(fs, ANA);
    assert.match(after, /^# Ana, by hand\n/);
    assert.match(after, /goals: \[\] {3}# none yet/);
    assert.match(after, /future_key: \{kept: true\}/);
    assert.match(after, /role: Backend engineer/);
    assert.equal(fs.renames.filter(([, to]) => to === ANA).length, 1, 'replaced by exactly one rename');
    assert.deepEqual(leftovers(fs), [], 'no temporary or lock file is left');
  });

  it('a file system that cannot rename: nothing is written, the file is unchanged, and the message names the file and why', async () => {
    const { fs, store } = await setup();
    fs.failRename = 'unavailable';
    await assert.rejects(
      store.edit(ANA, () => [{ op: 'set', path: ['role'], value: 'x' }]),
      (e: unknown) => {
        assert.ok(e instanceof StoreError);
        assert.equal(e.path, ANA);
        assert.match(e.message, /Could not save ana\.yaml: this file system cannot replace it in one step \(the file system is unavailable\), so nothing was written\. The file is unchanged\./);
        return true;
      },
    );
    assert.equal(text(fs, ANA), TEXT);
    assert.deepEqual(leftovers(fs), []);
  });

  it('a folder where no temporary file may be written: nothing is written, and the message says so', async () => {
    const { fs, store } = await setup();
    fs.failWriteOf = { match: /mentorship-tmp-/, code: 'noPermission' };
    await assert.rejects(
      store.edit(ANA, () => [{ op: 'set', path: ['role'], value: 'x' }]),
      /Could not save ana\.yaml: a temporary file beside it cannot be written \(permission denied\), and the file is only ever replaced whole\. It is unchanged\./,
    );
    assert.equal(text(fs, ANA), TEXT);
    assert.deepEqual(leftovers(fs), []);
  });

  it('an edit made meanwhile on the virtual file system is not clobbered: the change is applied on top of it', async () => {
    const { fs, store } = await setup();
    // Someone else (another tab of github.dev, a pull) changes the file after the store read it.
    fs.files.set(ANA, new TextEncoder().encode(TEXT.replace('name: Ana', 'name: Ana Souza')));
    await store.edit(ANA, () => [{ op: 'set', path: ['role'], value: 'Backend engineer' }]);
    const after = text(fs, ANA);
    assert.match(after, /name: Ana Souza/);
    assert.match(after, /role: Backend engineer/);
  });
});
