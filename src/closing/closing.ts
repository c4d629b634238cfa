/** The end of the road, planned (step 5): Close Mentorship with a closing summary. */
import * as vscode from 'vscode';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { splitList, today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { plural } from '../core/domain/text';
import { exportReport } from '../report/exportReport';
import { isBack, Wizard } from '../kit/wizard';

export function registerClosing(deps: Deps): void {
  deps.context.subscriptions.push(command(deps, 'mentorship.closeMentorship', (arg) => closeMentorship(deps, arg)));
}

async function closeMentorship(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Close the mentorship with…'), vscode.l10n.t('Close Mentorship'));
  const t = vscode.l10n.t;
  const m = f.data;
  const done = m.goals.filter((g) => g.status === 'done').map((g) => g.title);
  const open = m.goals.filter((g) => g.status === 'active');
  const state = { summary: '', achievements: done.join('; '), nextSteps: '', keepInTouch: '' };
  await Wizard.run(
    t('Close Mentorship: {0}', m.name),
    [
      async (w) => {
        const r = await w.input({
          prompt: t('Looking back: how did the mentorship go? ({0})', [plural(done.length, t('{0} goal done', done.length), t('{0} goals done', done.length)), t('{0} still open', open.length)].join(', ')),
          value: state.summary,
          validate: (v) => (v.trim() ? undefined : t('A sentence or two to look back on.')),
        });
        if (isBack(r)) {
          return 'back';
        }
        state.summary = r.trim();
        return 'next';
      },
      async (w) => {
        const r = await w.input({ prompt: t('Achievements (separated by ;)'), value: state.achievements });
        if (isBack(r)) {
          return 'back';
        }
        state.achievements = r;
        return 'next';
      },
      async (w) => {
        const r = await w.input({
          prompt: t('What comes next for {0}? (separated by ;)', m.name),
          value: state.nextSteps || open.map((g) => g.title).join('; '),
        });
        if (isBack(r)) {
          return 'back';
        }
        state.nextSteps = r;
        return 'next';
      },
      async (w) => {
        const r = await w.input({ prompt: t('How will you keep in touch? (optional)'), value: state.keepInTouch, placeholder: t('For example: coffee once a quarter') });
        if (isBack(r)) {
          return 'back';
        }
        state.keepInTouch = r.trim();
        return 'done';
      },
    ],
    state,
  );
  const ok = await vscode.window.showWarningMessage(t('Close the mentorship with {0}?', m.name), { modal: true, detail: t('The status becomes closed and the closing summary is saved. You can reopen by editing the status.') }, t('Close Mentorship'));
  if (!ok) {
    return;
  }
  const closing = {
    date: today(),
    summary: state.summary,
    ...(splitList(state.achievements).length ? { achievements: splitList(state.achievements) } : {}),
    ...(splitList(state.nextSteps).length ? { nextSteps: splitList(state.nextSteps) } : {}),
    ...(state.keepInTouch ? { keepInTouch: state.keepInTouch } : {}),
  };
  await deps.ws.requireStore().edit(f.path, () => [
    { op: 'set', path: ['status'], value: 'closed' },
    { op: 'set', path: ['closing'], value: closing },
  ]);
  const exp = t('Export Report');
  const choice = await vscode.window.showInformationMessage(t('The mentorship with {0} is closed. Share a report with them?', m.name), exp);
  if (choice === exp) {
    await exportReport(deps, f.path);
  }
}
