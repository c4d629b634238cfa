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
