/**
 * What only a host with a disk can say about folders: the home folder a `~` in a setting stands for, and
 * where a folder really is (through symbolic links), so a folder reached twice is read once.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';

export function homeFolder(): string | undefined {
  return os.homedir() || undefined;
}

/** The folder's path with every symbolic link followed; its own path when it does not exist or is not on this disk. */
export async function realFolder(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'file') {
    return uri.toString();
  }
  try {
    return vscode.Uri.file(await fs.realpath(uri.fsPath)).toString();
  } catch {
    return uri.toString();
  }
}

/**
 * Writes a small file straight to this host's disk and flushes it, for a file the window reads the moment
 * after (a workspace file it is about to open). Through vscode.workspace.fs the write of a file under the
 * user data folder may reach the disk later than the window asks for it.
 */
export async function writeFileNow(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return;
  }
  const path = await import('node:path');
  await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
  const handle = await fs.open(uri.fsPath, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
