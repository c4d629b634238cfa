/** The mentor's own side and the end of the road: mentor profile, Close Mentorship, Export Report. */
import * as vscode from 'vscode';
import { addMonths } from '../core/domain/dates';
import { joinPath } from '../core/storage/fs';
import type { MentorProfile } from '../core/domain/model';
import { renderReport } from '../core/render/report';
import type { Edit } from '../core/storage/yamlEdit';
import { mentorTemplate } from '../templates';
import { isBack, Wizard } from '../ui/wizard';
import { command, resolveMentee, splitList, today } from './common';
import type { Deps } from './common';

export function registerClosing(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.editMentorProfile', () => editMentorProfile(deps)),
    command(deps, 'mentorship.closeMentorship', (arg) => closeMentorship(deps, arg)),
    command(deps, 'mentorship.exportReport', (arg) => exportReport(deps, arg)),
  );
}

/** Guided questions for a first fill; answers are added to what the profile already holds. */
async function editMentorProfile(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  if (!(await vscode.workspace.fs.stat(deps.ws.uri(store.mentorPath)).then(() => true, () => false))) {
    await store.initialize([{ name: 'mentor.yaml', text: mentorTemplate() }]);
  }
  const questions: { key: keyof MentorProfile; prompt: string; placeholder: string }[] = [
    { key: 'strengths', prompt: t('What are you good at, that a mentee could learn from?'), placeholder: t('For example: explaining trade-offs; calm code reviews') },
    { key: 'expertise', prompt: t('Which areas do you know well enough to teach?'), placeholder: t('For example: TypeScript; testing strategy') },
    { key: 'lessons', prompt: t('Which lessons did you learn the hard way?'), placeholder: t('For example: small pull requests get better reviews') },
    { key: 'values', prompt: t('Which values guide how you work?'), placeholder: t('For example: honesty; curiosity') },
  ];
  const answers: Record<string, string> = {};
  await Wizard.run(
    t('Your Mentor Profile'),
    questions.map((q) => async (w: Wizard) => {
      const r = await w.input({ prompt: q.prompt, placeholder: q.placeholder + ' — ' + t('separate with ;, or leave empty'), value: answers[q.key] ?? '' });
      if (isBack(r)) {
        return 'back' as const;
      }
      answers[q.key] = r;
      return 'next' as const;
    }),
    {},
  );
  await store.editMentor((profile) => {
    const edits: Edit[] = [];
    for (const q of questions) {
      const have = Array.isArray(profile[q.key]) ? (profile[q.key] as string[]) : [];
      for (const item of splitList((answers[q.key] ?? '').replace(/,(?=\s)/g, ';'))) {
        if (!have.includes(item)) {
          edits.push({ op: 'append', path: [q.key], value: item });
        }
      }
    }
    return edits;
  });
  await vscode.window.showTextDocument(deps.ws.uri(store.mentorPath), { preview: false });
}

async function closeMentorship(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Close the mentorship with…'));
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
          prompt: t('Looking back: how did the mentorship go? ({0} goal(s) done, {1} still open)', done.length, open.length),
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

async function exportReport(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Export the progress report of…'));
  const t = vscode.l10n.t;
  const now = today();
  const periods = [
    { label: t('The whole mentorship'), from: undefined as string | undefined },
    { label: t('The last 3 months'), from: addMonths(now, -3) },
    { label: t('The last 6 months'), from: addMonths(now, -6) },
    { label: t('This year'), from: `${now.slice(0, 4)}-01-01` },
  ];
  const period = typeof arg === 'string' ? periods[0] : await vscode.window.showQuickPick(periods, { placeHolder: t('Which period? (private notes are always left out)') });
  if (!period) {
    return;
  }
  const text = renderReport(f.data, { today: now, from: period.from });
  const store = deps.ws.requireStore();
  const folder = joinPath(store.root, 'reports');
  await vscode.workspace.fs.createDirectory(deps.ws.uri(folder));
  const uri = deps.ws.uri(joinPath(folder, `${f.slug}-${now}.md`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  deps.log.info(`Report for ${f.slug} written to ${uri.path}`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  void vscode.window.showInformationMessage(t('Report saved to {0}. Private notes are not in it.', vscode.workspace.asRelativePath(uri)));
}
