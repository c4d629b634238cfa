/**
 * In the browser there is no home folder and no symbolic link to follow: notebook folders are paths of the
 * workspace's own file system, taken as written.
 */
import * as vscode from 'vscode';

export function homeFolder(): string | undefined {
  return undefined;
}

export function realFolder(uri: vscode.Uri): Promise<string> {
  return Promise.resolve(uri.toString());
}

export async function writeFileNow(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
