/** The shared agenda: Add Agenda Topic, from the mentor's side or from the mentee's own view. */
import * as vscode from 'vscode';
import type { Deps, Flows } from '../kit/command';
import { today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { isBack, Wizard } from '../kit/wizard';

export const AGENDA_FLOWS: Flows = {
  'mentorship.addAgendaTopic': (deps, arg) => addTopic(deps, arg),
};

async function addTopic(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const { f, mine, text } = await Wizard.flow(t('Add Agenda Topic'), async (w) => {
    for (;;) {
      const f = await resolveMentee(deps, arg, w, t('A topic for the next session with…'));
      const mine = deps.ws.identity.menteePath === f.path;
      const text = await w.input({
        prompt: mine ? t('What would you like to talk about next time?') : t('What would you like to talk about with {0} next time?', f.data.name),
        placeholder: t('For example: how to prepare the design review'),
        validate: (v) => (v.trim() ? undefined : t('A few words are enough.')),
      });
      if (!isBack(text)) {
        return { f, mine, text };
      }
    }
  });
  await run(deps, 'addAgendaTopic', f.path, { text: text.trim(), by: mine ? 'mentee' : 'mentor', added: today() });
  void vscode.window.showInformationMessage(
    mine ? t('Added to the agenda; your mentor sees it once you commit and push.') : t('Added to the agenda of the next session with {0}.', f.data.name),
  );
}
