/**
 * In the browser there is no home folder and no symbolic link to follow: notebook folders are paths of the
 * workspace's own file system, taken as written.
 */
import type * as vscode from 'vscode';

export function homeFolder(): string | undefined {
  return undefined;
}

export function realFolder(uri: vscode.Uri): Promise<string> {
  return Promise.resolve(uri.toString());
}
