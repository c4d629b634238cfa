/** The store's FileSystem on Node's `fs`, for unit tests and benchmarks. */
import { promises as fsp } from 'node:fs';
import type { FileStat, FileSystem } from '../../src/core/storage/fs';

function kind(s: { isFile(): boolean; isDirectory(): boolean }): FileStat['type'] {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

export class NodeFileSystem implements FileSystem {
  async readFile(path: string): Promise<Uint8Array> {
    return new Uint8Array(await fsp.readFile(path));
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await fsp.writeFile(path, data);
  }
  async rename(from: string, to: string): Promise<void> {
    await fsp.rename(from, to);
  }
  async delete(path: string): Promise<void> {
    await fsp.rm(path, { force: true });
  }
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.stat(path);
      return { mtime: s.mtimeMs, size: s.size, type: kind(s) };
    } catch {
      return undefined;
    }
  }
  async readDirectory(path: string): Promise<[string, FileStat['type']][]> {
    try {
      const entries = await fsp.readdir(path, { withFileTypes: true });
      return entries.map((e) => [e.name, kind(e)]);
    } catch {
      return [];
    }
  }
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    try {
      await fsp.writeFile(path, data, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        return false;
      }
      throw e;
    }
  }
  async createDirectory(path: string): Promise<void> {
    await fsp.mkdir(path, { recursive: true });
  }
}
