/**
 * Errors keep their cause: a folder the store may not read, a file that fails mid-load, a write that
 * cannot check the file on disk — each says what happened, and never passes for "missing".
 */
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FsError } from '../../src/core/storage/fs';
import type { FsErrorCode } from '../../src/core/storage/fs';
import { MentorshipStore, StoreError } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';

/** Node's file system, with chosen calls failing the way a real disk or permission check fails. */
class FailingFs extends NodeFileSystem {
  failures: { op: 'readFile' | 'readDirectory' | 'stat'; match: string; code: FsErrorCode }[] = [];
  private fail(op: string, p: string): void {
    const f = this.failures.find((x) => x.op === op && p.endsWith(x.match));
    if (f) {
      throw new FsError(f.code, p, `${f.code.toUpperCase()}: ${op} ${p}`, { cause: new Error('EACCES') });
    }
  }
  override async readFile(p: string): Promise<Uint8Array> {
    this.fail('readFile', p);
    return super.readFile(p);
  }
  override async readDirectory(p: string): Promise<[string, 'file' | 'directory' | 'other'][]> {
    this.fail('readDirectory', p);
    return super.readDirectory(p);
  }
  override async stat(p: string): Promise<Awaited<ReturnType<NodeFileSystem['stat']>>> {
    this.fail('stat', p);
    return super.stat(p);
  }
}

async function setup(): Promise<{ fs: FailingFs; store: MentorshipStore; root: string }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-errors-'));
  const root = path.join(dir, '.mentorship');
  await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
  await fsp.writeFile(path.join(root, 'mentees', 'ana.yaml'), 'version: 1\nname: Ana\n');
  await fsp.writeFile(path.join(root, 'mentees', 'bo.yaml'), 'version: 1\nname: Bo\n');
  const fs = new FailingFs();
  return { fs, store: new MentorshipStore(fs, root), root };
}

describe('errors keep their cause', () => {
  it('permission denied on the data folder: loading fails with a message that names the folder and the cause', async () => {
    const { fs, store } = await setup();
    fs.failures.push({ op: 'readDirectory', match: '/mentees', code: 'noPermission' });
    await assert.rejects(store.load(), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, /Could not read the folder .*\.mentorship\/mentees: permission denied\./);
      assert.ok(e.cause instanceof FsError, 'the file-system error is kept as the cause');
      return true;
    });
  });

  it('permission denied on the data folder itself is not "no data folder"', async () => {
    const { fs, store } = await setup();
    fs.failures.push({ op: 'stat', match: '/.mentorship', code: 'noPermission' });
    await assert.rejects(store.exists(), /Could not look at the data folder .*: permission denied\./);
  });

  it('a read error mid-load marks that file with its cause; the other mentees load', async () => {
    const { fs, store } = await setup();
    fs.failures.push({ op: 'readFile', match: '/bo.yaml', code: 'unavailable' });
    await store.load();
    assert.equal(store.bySlug('ana')?.data?.name, 'Ana');
    const bo = store.bySlug('bo');
    assert.ok(bo, 'the unreadable file is listed, not dropped as if it did not exist');
    assert.equal(bo.data, undefined);
    assert.equal(bo.problems[0].severity, 'error');
    assert.equal(bo.problems[0].message, 'Could not read bo.yaml: the file system is unavailable.');
  });

  it('a read error during the quick first level is reported by the full read that follows', async () => {
    const { fs, store } = await setup();
    fs.failures.push({ op: 'readFile', match: '/bo.yaml', code: 'noPermission' });
    await store.loadQuick();
    await store.load();
    assert.match(store.bySlug('bo')?.problems[0].message ?? '', /Could not read bo\.yaml: permission denied\./);
  });

  it('a write on a file that cannot be read says why, not "no longer exists"', async () => {
    const { fs, store, root } = await setup();
    await store.load();
    fs.failures.push({ op: 'readFile', match: '/ana.yaml', code: 'noPermission' });
    await assert.rejects(
      store.edit(path.join(root, 'mentees', 'ana.yaml'), () => [{ op: 'set', path: ['role'], value: 'x' }]),
      (e: unknown) => e instanceof StoreError && e.message === 'Could not read ana.yaml: permission denied.' && e.cause instanceof FsError,
    );
    assert.equal(await fsp.readFile(path.join(root, 'mentees', 'ana.yaml'), 'utf8'), 'version: 1\nname: Ana\n');
  });

  it('a file that is really gone still says so', async () => {
    const { store, root } = await setup();
    await store.load();
    await fsp.rm(path.join(root, 'mentees', 'ana.yaml'));
    await assert.rejects(store.edit(path.join(root, 'mentees', 'ana.yaml'), () => []), /ana\.yaml no longer exists/);
  });
});
