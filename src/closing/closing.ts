/** The end of the road, planned (step 5): Close Mentorship with a closing summary. */
import * as vscode from 'vscode';
import type { Mentee } from '../core/domain/model';
import type { MenteeFile } from '../core/storage/store';
import type { Deps, Flows } from '../kit/command';
import { splitList, today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { plural } from '../core/domain/text';
import { exportReport } from '../report/exportReport';
import { isBack, Wizard } from '../kit/wizard';
import type { Step } from '../kit/wizard';

export const CLOSING_FLOWS: Flows = {
  'mentorship.closeMentorship': (deps, arg) => closeMentorship(deps, arg),
};

interface ClosingState {
  summary: string;
  achievements: string;
  nextSteps: string;
  keepInTouch: string;
  confirmed: boolean;
}

async function closeMentorship(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const { f, state } = await Wizard.flow(t('Close Mentorship'), async (w) => {
    const f = await resolveMentee(deps, arg, w, t('Close the mentorship with…'));
    w.title = t('Close Mentorship: {0}', f.data.name);
    const done = f.data.goals.filter((g) => g.status === 'done').map((g) => g.title);
    const state: ClosingState = { summary: '', achievements: done.join('; '), nextSteps: '', keepInTouch: '', confirmed: false };
    await w.run(closingSteps(f.data), state);
    return { f: f as MenteeFile & { data: Mentee }, state };
  });
  if (!state.confirmed) {
    return;
  }
  const m = f.data;
  const closing = {
    date: today(),
    summary: state.summary,
    ...(splitList(state.achievements).length ? { achievements: splitList(state.achievements) } : {}),
    ...(splitList(state.nextSteps).length ? { nextSteps: splitList(state.nextSteps) } : {}),
    ...(state.keepInTouch ? { keepInTouch: state.keepInTouch } : {}),
  };
  await run(deps, 'closeMentorship', f.path, closing);
  const exp = t('Export Report');
  const choice = await vscode.window.showInformationMessage(t('The mentorship with {0} is closed. Share a report with them?', m.name), exp);
  if (choice === exp) {
    await exportReport(deps, f.path);
  }
}

function closingSteps(m: Mentee): Step<ClosingState>[] {
  const t = vscode.l10n.t;
  const done = m.goals.filter((g) => g.status === 'done');
  const open = m.goals.filter((g) => g.status === 'active');
  return [
    async (w, state) => {
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
    async (w, state) => {
      const r = await w.input({ prompt: t('Achievements (separated by ;)'), value: state.achievements });
      if (isBack(r)) {
        return 'back';
      }
      state.achievements = r;
      return 'next';
    },
    async (w, state) => {
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
    async (w, state) => {
      const r = await w.input({ prompt: t('How will you keep in touch? (optional)'), value: state.keepInTouch, placeholder: t('For example: coffee once a quarter') });
      if (isBack(r)) {
        return 'back';
      }
      state.keepInTouch = r.trim();
      return 'next';
    },
    // The confirmation is the last step of the same quick input.
    async (w, state) => {
      const r = await w.confirm(t('Close the mentorship with {0}? The status becomes closed and the closing summary is saved; you can reopen by editing the status.', m.name), [
        { label: `$(archive) ${t('Close Mentorship')}`, value: true },
        { label: `$(close) ${t('Keep it open')}`, value: false },
      ]);
      if (isBack(r)) {
        return 'back';
      }
      state.confirmed = r;
      return 'done';
    },
  ];
}
