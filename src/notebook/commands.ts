/**
 * The mentor's notebook folders: adding and removing them. They live in the mentor's own settings
 * (`mentorship.notebookFolders`, never a repository's), so every window reads the same notebook. Removing
 * a folder only stops reading it: its files stay where they are.
 */
import * as vscode from 'vscode';
import type { Deps, Flows } from '../kit/command';
import { isBack, Wizard } from '../kit/wizard';
import { homeFolder } from '../platform/disk';

export const NOTEBOOK_FLOWS: Flows = {
  'mentorship.addNotebookFolder': (deps, arg) => addNotebookFolder(deps, arg),
  'mentorship.removeNotebookFolder': (deps) => removeNotebookFolder(deps),
};

/** A folder as the settings keep it: under the home folder written with `~`, so it reads the same on every machine of the mentor. */
export function settingEntry(uri: vscode.Uri, home = homeFolder()): string {
  const path = uri.fsPath;
  if (home) {
    const h = home.replace(/[\\/]+$/, '');
    if (path === h) {
      return '~';
    }
    if (path.startsWith(h + '/') || path.startsWith(h + '\\')) {
      return `~${path.slice(h.length).replace(/\\/g, '/')}`;
    }
  }
  return path;
}

function folderArgs(arg: unknown): vscode.Uri[] | undefined {
  if (arg instanceof vscode.Uri) {
    return [arg];
  }
  if (typeof arg === 'string' && arg.trim()) {
    return [vscode.Uri.file(arg.trim())];
  }
  return undefined;
}

async function addNotebookFolder(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const picked =
    folderArgs(arg) ??
    (await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: true,
      openLabel: t('Add to Notebook'),
      title: t('Add Notebook Folder: one that holds notes, or an empty one for a new mentee'),
    }));
  if (!picked || picked.length === 0) {
    return;
  }
  const entries = deps.ws.notebookFolderEntries();
  const added = picked.map((u) => settingEntry(u)).filter((e, i, all) => !entries.includes(e) && all.indexOf(e) === i);
  if (added.length === 0) {
    void vscode.window.showInformationMessage(t('{0} is in your notebook already.', settingEntry(picked[0])));
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Reading the notebook…') }, () => deps.ws.setNotebookFolders([...entries, ...added]));
  deps.log.info(`Notebook folders added: ${added.join(', ')}`);
  const notebook = deps.ws.store;
  for (const entry of added) {
    if (deps.ws.problems.some((p) => p.entry === entry)) {
      continue; // said already, with its cause
    }
    const place = notebook?.places.find((p) => p.source === 'notebook' && p.label === entry);
    const names = place?.store.mentees.flatMap((f) => (f.data ? [f.data.name] : [])) ?? [];
    if (names.length > 0) {
      void vscode.window.showInformationMessage(t('{0} is in your notebook: {1}.', entry, names.join(', ')));
      continue;
    }
    const addHere = t('Add a Mentee There');
    void vscode.window.showInformationMessage(t('{0} is in your notebook, with no mentee yet.', entry), addHere).then((c) => {
      if (c && place) {
        void vscode.commands.executeCommand('mentorship.addMentee', { root: place.root });
      }
    });
  }
}

async function removeNotebookFolder(deps: Deps): Promise<void> {
  const t = vscode.l10n.t;
  const entries = deps.ws.notebookFolderEntries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(t('Your notebook has no folders of its own yet; add one with "Mentorship: Add Notebook Folder".'));
    return;
  }
  const places = deps.ws.store?.places ?? [];
  const entry = await Wizard.flow(t('Remove Notebook Folder'), (w) =>
    w.pick({
      placeholder: t('Which folder should the notebook stop reading? Its files stay where they are'),
      items: entries.map((e) => {
        const problem = deps.ws.problems.find((p) => p.entry === e);
        const names = places.find((p) => p.source === 'notebook' && p.label === e)?.store.mentees.flatMap((f) => (f.data ? [f.data.name] : [])) ?? [];
        return { label: `$(folder-library) ${e}`, description: problem ? t('cannot be read: {0}', problem.cause) : names.join(', ') || t('no mentee yet'), value: e };
      }),
    }),
  );
  if (isBack(entry)) {
    return;
  }
  await deps.ws.setNotebookFolders(entries.filter((e) => e !== entry));
  deps.log.info(`Notebook folder removed: ${entry}`);
  void vscode.window.showInformationMessage(t('{0} is no longer in your notebook; its files are where they were.', entry));
}
