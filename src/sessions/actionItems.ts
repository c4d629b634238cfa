/** Action items from the tree and the palette: done, reopened, reassigned, postponed. */
import * as vscode from 'vscode';
import { openActions } from '../core/domain/actions';
import { addDays } from '../core/domain/dates';
import type { ActionItem, Owner } from '../core/domain/model';
import { updateAction } from '../core/domain/operations';
import { entityFromArg, entryArg, pathFromArg } from '../kit/args';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today, validateDate } from '../kit/input';
import { resolveMentee } from '../kit/mentees';

export function registerActionItemCommands(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.completeAction', (arg) => setActionDone(deps, arg, true)),
    command(deps, 'mentorship.reopenAction', (arg) => setActionDone(deps, arg, false)),
    command(deps, 'mentorship.reassignAction', (arg) => reassignAction(deps, arg)),
    command(deps, 'mentorship.postponeAction', (arg) => postponeAction(deps, arg)),
    command(deps, 'mentorship.updateActionItem', (arg) => updateActionItem(deps, arg)),
  );
}

function actionOf(deps: Deps, arg: unknown): { path: string; action: ActionItem } | undefined {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const m = path ? deps.ws.store?.file(path)?.data : undefined;
  const action = m?.sessions.flatMap((x) => x.actions ?? []).find((a) => a.id === id);
  return path && action ? { path, action } : undefined;
}

async function reassignAction(deps: Deps, arg: unknown): Promise<void> {
  const found = actionOf(deps, arg);
  if (!found) {
    return;
  }
  const owner: Owner = found.action.owner === 'mentee' ? 'mentor' : 'mentee';
  await deps.ws.requireStore().edit(found.path, updateAction(found.action.id, { owner }));
}

async function postponeAction(deps: Deps, arg: unknown): Promise<void> {
  const found = actionOf(deps, arg);
  if (!found) {
    return;
  }
  const base = found.action.due && found.action.due > today() ? found.action.due : today();
  const due = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('New due date for "{0}" (YYYY-MM-DD)', found.action.text),
    value: addDays(base, 7),
    validateInput: (v) => validateDate(v),
  });
  if (due) {
    await deps.ws.requireStore().edit(found.path, updateAction(found.action.id, { due: due.trim() }));
  }
}

/** From the palette: pick a mentee and one of their open action items, then what to do with it. */
async function updateActionItem(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const f = await resolveMentee(deps, arg, t('Action items of…'), t('Update Action Item'));
  const open = openActions(f.data);
  if (open.length === 0) {
    void vscode.window.showInformationMessage(t('{0} has no open action items.', f.data.name));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    open.map(({ action, session }) => ({ label: action.text, description: [action.owner, action.due ? t('due {0}', action.due) : undefined, session.date].filter(Boolean).join(' · '), value: action })),
    { placeHolder: t('Which action item?') },
  );
  if (!picked) {
    return;
  }
  const other: Owner = picked.value.owner === 'mentee' ? 'mentor' : 'mentee';
  const what = await vscode.window.showQuickPick(
    [
      { label: '$(check) ' + t('Mark done'), value: 'done' as const },
      { label: '$(person) ' + t('Reassign to the {0}', other), value: 'reassign' as const },
      { label: '$(calendar) ' + t('Postpone'), value: 'postpone' as const },
    ],
    { placeHolder: picked.value.text },
  );
  const arg2 = entryArg('action', f.path, picked.value.id);
  if (what?.value === 'done') {
    await setActionDone(deps, arg2, true);
  } else if (what?.value === 'reassign') {
    await reassignAction(deps, arg2);
  } else if (what?.value === 'postpone') {
    await postponeAction(deps, arg2);
  }
}

async function setActionDone(deps: Deps, arg: unknown, done: boolean): Promise<void> {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  if (!path || !id) {
    return;
  }
  await deps.ws.requireStore().edit(path, updateAction(id, { done }));
}
