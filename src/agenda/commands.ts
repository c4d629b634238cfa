/** The shared agenda: Add Agenda Topic, from the mentor's side or from the mentee's own view. */
import * as vscode from 'vscode';
import { addAgendaTopic } from '../core/domain/agenda';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { Cancelled } from '../kit/wizard';

export function registerAgenda(deps: Deps): void {
  deps.context.subscriptions.push(command(deps, 'mentorship.addAgendaTopic', (arg) => addTopic(deps, arg)));
}

async function addTopic(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const f = await resolveMentee(deps, arg, t('A topic for the next session with…'), t('Add Agenda Topic'));
  const mine = deps.ws.identity.menteePath === f.path;
  const text = await vscode.window.showInputBox({
    title: t('Add Agenda Topic'),
    prompt: mine ? t('What would you like to talk about next time?') : t('What would you like to talk about with {0} next time?', f.data.name),
    placeHolder: t('For example: how to prepare the design review'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t('A few words are enough.')),
  });
  if (text === undefined) {
    throw new Cancelled();
  }
  await deps.ws.requireStore().edit(f.path, addAgendaTopic(text.trim(), mine ? 'mentee' : 'mentor', today()));
  void vscode.window.showInformationMessage(
    mine ? t('Added to the agenda; your mentor sees it once you commit and push.') : t('Added to the agenda of the next session with {0}.', f.data.name),
  );
}
