/** The store's FileSystem on `vscode.workspace.fs`, so it works in local, remote and browser hosts. */
import * as vscode from 'vscode';
import type { FileStat, FileSystem } from '../core/storage/fs';

function kind(t: vscode.FileType): FileStat['type'] {
  if (t & vscode.FileType.Directory) {
    return 'directory';
  }
  return t & vscode.FileType.File ? 'file' : 'other';
}

export class VscodeFileSystem implements FileSystem {
  /** `base` gives the scheme and authority; store paths become its path. */
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uri(path), data);
  }
  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: true });
  }
  async delete(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) {
        throw e;
      }
    }
  }
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      return { mtime: s.mtime, size: s.size, type: kind(s.type) };
    } catch {
      return undefined;
    }
  }
  async readDirectory(path: string): Promise<[string, FileStat['type']][]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      return entries.map(([n, t]) => [n, kind(t)]);
    } catch {
      return [];
    }
  }
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    // workspace.fs has no exclusive create; a rename that must not overwrite comes closest.
    const tmp = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    await vscode.workspace.fs.writeFile(this.uri(tmp), data);
    try {
      await vscode.workspace.fs.rename(this.uri(tmp), this.uri(path), { overwrite: false });
      return true;
    } catch (e) {
      await vscode.workspace.fs.delete(this.uri(tmp)).then(undefined, () => undefined);
      if (e instanceof vscode.FileSystemError && e.code === 'FileExists') {
        return false;
      }
      throw e;
    }
  }
  async createDirectory(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }
}
