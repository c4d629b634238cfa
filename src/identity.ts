/**
 * Who is in VS Code: the mentor, or — in a repository shared with them — the mentee. The mentee is the
 * person whose e-mail (the setting `mentorship.myEmail`, else git's `user.email` for the folder) is the
 * `email` of a mentee file. Their view is "My Mentorship", without the mentor's commands.
 */
import * as vscode from 'vscode';
import { CONTEXT, SETTINGS, splitSetting } from './kit/names';
import type { MenteeFile } from './core/storage/store';
import { git } from './platform/git';

export class Identity {
  private email: string | undefined;
  private mine: string | undefined;

  /** The e-mail this person goes by, from the setting or from git (read once per start of the store). */
  async read(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
    const { section, name } = splitSetting(SETTINGS.myEmail);
    const setting = vscode.workspace.getConfiguration(section, folder?.uri).get<string>(name)?.trim();
    if (setting) {
      this.email = setting.toLowerCase();
      return;
    }
    this.email = undefined;
    if (folder?.uri.scheme !== 'file') {
      return;
    }
    try {
      this.email = (await git(folder.uri.fsPath, ['config', '--get', 'user.email'], { allowExit: [1] })).trim().toLowerCase() || undefined;
    } catch {
      this.email = undefined; // no git: the person is the mentor, as without sharing
    }
  }

  /** Recomputes the side from the store's files; true when it changed. */
  update(store: { readonly mentees: readonly MenteeFile[] } | undefined): boolean {
    const mine = this.email ? store?.mentees.find((f) => f.data?.email?.trim().toLowerCase() === this.email)?.path : undefined;
    if (mine === this.mine) {
      return false;
    }
    this.mine = mine;
    void vscode.commands.executeCommand('setContext', CONTEXT.isMentee, !!mine);
    return true;
  }

  /** The mentee file of the person in VS Code, when they are the mentee; undefined for the mentor. */
  get menteePath(): string | undefined {
    return this.mine;
  }
}
