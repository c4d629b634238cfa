/** Commands on any entry of a mentee file (goal, session, feedback): delete with undo, reveal in YAML, open at a line. */
import * as vscode from 'vscode';
import { decode, entityLine } from '../core/storage/parse';
import type { EntityList } from '../core/storage/parse';
import { entityFromArg, kindFromArg, pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { run } from '../kit/operations';

export const ENTRY_FLOWS: Flows = {
  'mentorship.deleteEntry': (deps, arg) => deleteEntry(deps, arg),
  'mentorship.revealInYaml': (deps, arg) => revealInYaml(deps, arg),
  'mentorship.openFileAt': (deps, path, line, column) => openFileAt(deps, path, line, column),
};

const LIST_OF: Record<string, EntityList> = { goal: 'goals', session: 'sessions', feedback: 'feedback', action: 'actions' };

async function deleteEntry(deps: Deps, arg: unknown): Promise<void> {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const kind = kindFromArg(arg);
  const list = LIST_OF[kind];
  const store = deps.ws.requireStore();
  const f = path ? store.file(path) : undefined;
  if (!f?.data || !id || !path || (list !== 'goals' && list !== 'sessions' && list !== 'feedback')) {
    return;
  }
  const t = vscode.l10n.t;
  const entry = (f.data[list] as { id: string; title?: string; date?: string; text?: string }[]).find((e) => e.id === id);
  if (!entry) {
    return;
  }
  const label = entry.title ?? entry.text ?? entry.date ?? id;
  const ok = await vscode.window.showWarningMessage(t('Delete "{0}"?', label), { modal: true }, t('Delete'));
  if (!ok) {
    return;
  }
  await run(deps, 'removeEntry', path, { list, id });
  const undo = t('Undo');
  const choice = await vscode.window.showInformationMessage(t('"{0}" was deleted.', label), undo);
  if (choice === undo) {
    await run(deps, 'restoreEntry', path, { list, entry });
  }
}

async function revealInYaml(deps: Deps, arg: unknown): Promise<void> {
  const path = pathFromArg(arg);
  if (!path) {
    return;
  }
  const id = entityFromArg(arg);
  const kind = kindFromArg(arg);
  const list = LIST_OF[kind];
  let line = 1;
  if (id && list) {
    const text = decode(await vscode.workspace.fs.readFile(deps.ws.uri(path))).text;
    line = entityLine(text, list, id);
  }
  await openFileAt(deps, path, line, 1);
}

export async function openFileAt(deps: Deps, path: unknown, line: unknown, column: unknown): Promise<void> {
  if (typeof path !== 'string') {
    return;
  }
  const l = typeof line === 'number' && line > 0 ? line - 1 : 0;
  const c = typeof column === 'number' && column > 0 ? column - 1 : 0;
  const pos = new vscode.Position(l, c);
  await vscode.window.showTextDocument(deps.ws.uri(path), { selection: new vscode.Range(pos, pos), preview: false });
}
