/** The store's FileSystem on `vscode.workspace.fs`, so it works in local, remote and browser hosts. */
import * as vscode from 'vscode';
import { FsError, unlessNotFound } from '../core/storage/fs';
import type { FileStat, FileSystem, FsErrorCode } from '../core/storage/fs';

function kind(t: vscode.FileType): FileStat['type'] {
  if (t & vscode.FileType.Directory) {
    return 'directory';
  }
  return t & vscode.FileType.File ? 'file' : 'other';
}

const CODES: Record<string, FsErrorCode> = { FileNotFound: 'notFound', EntryNotFound: 'notFound', FileNotADirectory: 'notFound', NoPermissions: 'noPermission', Unavailable: 'unavailable', FileExists: 'exists', EntryExists: 'exists' };

/** Keeps the cause: a vscode.FileSystemError becomes an FsError with its code and the original error. */
function toFsError(e: unknown, path: string): FsError {
  if (e instanceof FsError) {
    return e;
  }
  const code = e instanceof vscode.FileSystemError ? (CODES[e.code] ?? 'other') : 'other';
  return new FsError(code, path, e instanceof Error ? e.message : String(e), { cause: e });
}

async function call<T>(path: string, run: () => Thenable<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toFsError(e, path);
  }
}

export class VscodeFileSystem implements FileSystem {
  /** `base` gives the scheme and authority; store paths become its path. */
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<Uint8Array> {
    return call(path, () => vscode.workspace.fs.readFile(this.uri(path)));
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await call(path, () => vscode.workspace.fs.writeFile(this.uri(path), data));
  }
  async rename(from: string, to: string): Promise<void> {
    await call(to, () => vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: true }));
  }
  async delete(path: string): Promise<void> {
    await unlessNotFound(() => call(path, () => vscode.workspace.fs.delete(this.uri(path), { useTrash: false })), undefined);
  }
  async stat(path: string): Promise<FileStat | undefined> {
    const s = await unlessNotFound(() => call(path, () => vscode.workspace.fs.stat(this.uri(path))), undefined);
    return s && { mtime: s.mtime, size: s.size, type: kind(s.type) };
  }
  async readDirectory(path: string): Promise<[string, FileStat['type']][]> {
    const entries = await unlessNotFound(() => call(path, () => vscode.workspace.fs.readDirectory(this.uri(path))), []);
    return entries.map(([n, t]) => [n, kind(t)]);
  }
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    // workspace.fs has no exclusive create; a rename that must not overwrite comes closest.
    const tmp = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    await call(tmp, () => vscode.workspace.fs.writeFile(this.uri(tmp), data));
    try {
      await call(path, () => vscode.workspace.fs.rename(this.uri(tmp), this.uri(path), { overwrite: false }));
      return true;
    } catch (e) {
      await vscode.workspace.fs.delete(this.uri(tmp)).then(undefined, () => undefined);
      if (e instanceof FsError && e.code === 'exists') {
        return false;
      }
      throw e;
    }
  }
  async createDirectory(path: string): Promise<void> {
    await call(path, () => vscode.workspace.fs.createDirectory(this.uri(path)));
  }
}
