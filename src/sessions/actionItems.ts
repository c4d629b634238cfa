/** Action items from the tree and the palette: done, reopened, reassigned, postponed. */
import * as vscode from 'vscode';
import { openActions } from '../core/domain/actions';
import { addDays } from '../core/domain/dates';
import type { ActionItem, Owner } from '../core/domain/model';
import { entityFromArg, entryArg, pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { today, validateDate } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { UserFacingError } from '../kit/errors';
import { isBack, Wizard } from '../kit/wizard';

export const ACTION_ITEM_FLOWS: Flows = {
  'mentorship.completeAction': (deps, arg) => setActionDone(deps, arg, true),
  'mentorship.reopenAction': (deps, arg) => setActionDone(deps, arg, false),
  'mentorship.reassignAction': (deps, arg) => reassignAction(deps, arg),
  'mentorship.postponeAction': (deps, arg) => postponeAction(deps, arg),
  'mentorship.updateActionItem': (deps, arg) => updateActionItem(deps, arg),
};

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
  await run(deps, 'updateActionItem', found.path, { action: found.action.id, owner });
}

async function postponeAction(deps: Deps, arg: unknown, w?: Wizard): Promise<void> {
  const found = actionOf(deps, arg);
  if (!found) {
    return;
  }
  const base = found.action.due && found.action.due > today() ? found.action.due : today();
  const ask = (wz: Wizard): Promise<string | undefined> =>
    wz
      .input({ prompt: vscode.l10n.t('New due date for "{0}" (YYYY-MM-DD)', found.action.text), value: addDays(base, 7), validate: (v) => validateDate(v) })
      .then((r) => (isBack(r) ? undefined : r.trim()));
  const due = w ? await ask(w) : await Wizard.flow(vscode.l10n.t('Postpone Action Item'), ask);
  if (due) {
    await run(deps, 'updateActionItem', found.path, { action: found.action.id, due });
  }
}

/** From the palette: pick a mentee and one of their open action items, then what to do with it. */
async function updateActionItem(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  await Wizard.flow(t('Update Action Item'), async (w) => {
    for (;;) {
      const f = await resolveMentee(deps, arg, w, t('Action items of…'));
      const open = openActions(f.data);
      if (open.length === 0) {
        throw new UserFacingError(t('{0} has no open action items.', f.data.name));
      }
      for (;;) {
        const picked = await w.pick({
          placeholder: t('Which action item?'),
          items: open.map(({ action, session }) => ({ label: action.text, description: [action.owner, action.due ? t('due {0}', action.due) : undefined, session.date].filter(Boolean).join(' · '), value: action })),
        });
        if (isBack(picked)) {
          break;
        }
        const other: Owner = picked.owner === 'mentee' ? 'mentor' : 'mentee';
        const what = await w.pick({
          placeholder: picked.text,
          items: [
            { label: '$(check) ' + t('Mark done'), value: 'done' as const },
            { label: '$(person) ' + t('Reassign to the {0}', other), value: 'reassign' as const },
            { label: '$(calendar) ' + t('Postpone'), value: 'postpone' as const },
          ],
        });
        if (isBack(what)) {
          continue;
        }
        const arg2 = entryArg('action', f.path, picked.id);
        if (what === 'done') {
          await setActionDone(deps, arg2, true);
        } else if (what === 'reassign') {
          await reassignAction(deps, arg2);
        } else {
          await postponeAction(deps, arg2, w);
        }
        return;
      }
    }
  });
}

async function setActionDone(deps: Deps, arg: unknown, done: boolean): Promise<void> {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  if (!path || !id) {
    return;
  }
  await run(deps, 'updateActionItem', path, { action: id, done });
}
