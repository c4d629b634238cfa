/**
 * Where the import reads a code host's API: its public address, or one the mentor set in their own
 * settings. The token goes there, so a repository's workspace settings cannot choose it: the settings are
 * `machine`-scoped (VS Code applies them from the user's or the remote machine's settings only, and leaves
 * a workspace's value out of the configuration altogether). A value written in a workspace's settings
 * file is still said, once per value, so the mentor knows it was ignored.
 */
import * as vscode from 'vscode';
import { defaultApiBase } from '../core/reviews/model';
import type { RequestRef } from '../core/reviews/model';
import { SETTINGS, splitSetting } from '../kit/names';
import type { SettingKey } from '../kit/names';

const warned = new Set<string>();

/** JSON with comments and trailing commas, as VS Code's settings files are written. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') {
          j++;
        }
      }
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as unknown;
}

/** The value a workspace's own settings files give a key (folders' .vscode/settings.json, a .code-workspace file). */
async function workspaceValue(key: SettingKey): Promise<string | undefined> {
  const files: { uri: vscode.Uri; inWorkspaceFile: boolean }[] = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'), inWorkspaceFile: false }));
  if (vscode.workspace.workspaceFile && vscode.workspace.workspaceFile.scheme !== 'untitled') {
    files.push({ uri: vscode.workspace.workspaceFile, inWorkspaceFile: true });
  }
  for (const f of files) {
    try {
      const data = parseJsonc(new TextDecoder().decode(await vscode.workspace.fs.readFile(f.uri))) as Record<string, unknown>;
      const settings = (f.inWorkspaceFile ? data.settings : data) as Record<string, unknown> | undefined;
      const v = settings?.[key];
      if (typeof v === 'string' && v.trim()) {
        return v.trim();
      }
    } catch {
      // no such file, or one that does not parse: VS Code reads nothing from it either
    }
  }
  return undefined;
}

/**
 * The API base of a request's host, from the mentor's own settings or the host's public address;
 * `onIgnored` hears once per value about a workspace's attempt to set it.
 */
export async function apiBase(ref: Pick<RequestRef, 'provider' | 'host' | 'protocol'>, onIgnored: (message: string) => void): Promise<string> {
  const key = ref.provider === 'github' ? SETTINGS.githubApiUrl : SETTINGS.gitlabApiUrl;
  const { section, name } = splitSetting(key);
  const fromWorkspace = await workspaceValue(key);
  if (fromWorkspace && !warned.has(`${key}=${fromWorkspace}`)) {
    warned.add(`${key}=${fromWorkspace}`);
    onIgnored(
      vscode.l10n.t(
        'The workspace settings set {0} to {1}. It is ignored: where the import sends your token is taken only from your own (user or remote machine) settings.',
        key,
        fromWorkspace,
      ),
    );
  }
  // `machine` scope: VS Code gives only the user's and the remote machine's value here.
  const inspected = vscode.workspace.getConfiguration(section).inspect<string>(name);
  const own = (inspected?.globalValue ?? '').trim();
  return own || defaultApiBase(ref);
}
