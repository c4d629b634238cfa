/** The store's FileSystem on Node's `fs`, for the MCP server, unit tests and benchmarks. */
import { promises as fsp } from 'node:fs';
import { FsError, unlessNotFound } from '../core/storage/fs';
import type { FileStat, FileSystem, FsErrorCode } from '../core/storage/fs';

const CODES: Record<string, FsErrorCode> = { ENOENT: 'notFound', ENOTDIR: 'notFound', EACCES: 'noPermission', EPERM: 'noPermission', EIO: 'unavailable', EEXIST: 'exists' };

/** Node's errors as the store's FsError, the cause kept. */
async function call<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const code = CODES[(e as NodeJS.ErrnoException).code ?? ''] ?? 'other';
    throw new FsError(code, path, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

function kind(s: { isFile(): boolean; isDirectory(): boolean }): FileStat['type'] {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

export class NodeFileSystem implements FileSystem {
  async readFile(path: string): Promise<Uint8Array> {
    return new Uint8Array(await call(path, () => fsp.readFile(path)));
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await call(path, () => fsp.writeFile(path, data));
  }
  async rename(from: string, to: string): Promise<void> {
    await call(to, () => fsp.rename(from, to));
  }
  async delete(path: string): Promise<void> {
    await call(path, () => fsp.rm(path, { force: true }));
  }
  async stat(path: string): Promise<FileStat | undefined> {
    const s = await unlessNotFound(() => call(path, () => fsp.stat(path)), undefined);
    return s && { mtime: s.mtimeMs, size: s.size, type: kind(s) };
  }
  async readDirectory(path: string): Promise<[string, FileStat['type']][]> {
    const entries = await unlessNotFound(() => call(path, () => fsp.readdir(path, { withFileTypes: true })), []);
    return entries.map((e) => [e.name, kind(e)]);
  }
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    try {
      await call(path, () => fsp.writeFile(path, data, { flag: 'wx' }));
      return true;
    } catch (e) {
      if (e instanceof FsError && e.code === 'exists') {
        return false;
      }
      throw e;
    }
  }
  async createDirectory(path: string): Promise<void> {
    await call(path, () => fsp.mkdir(path, { recursive: true }));
  }
}
