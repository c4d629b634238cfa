/** Commands on a feedback thread in the editor (its title bar and comment actions), and Feedback in This File. */
import * as vscode from 'vscode';
import { safeRelativePath } from '../core/paths';
import { entryArg } from '../kit/args';
import type { Flows } from '../kit/command';
import { run } from '../kit/operations';
import { isBack, Wizard } from '../kit/wizard';
import type { Tracked } from './inline';

/** The feedback a thread stands for (the inline view keeps it on the thread). */
function trackedOf(thread: unknown): Tracked | undefined {
  return (thread as { mentorship?: Tracked } | undefined)?.mentorship;
}

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

export const THREAD_FLOWS: Flows = {
  'mentorship.resolveFeedback': async (deps, thread) => {
    const tr = trackedOf(thread);
    if (tr) {
      await run(deps, 'updateFeedback', tr.menteePath, { feedback: tr.fb.id, resolved: true });
    }
  },
  'mentorship.unresolveFeedback': async (deps, thread) => {
    const tr = trackedOf(thread);
    if (tr) {
      await run(deps, 'updateFeedback', tr.menteePath, { feedback: tr.fb.id, resolved: false });
    }
  },
  'mentorship.editFeedbackText': async (deps, thread) => {
    const tr = trackedOf(thread);
    if (!tr) {
      return;
    }
    const text = await Wizard.flow(t('Edit Feedback'), (w) => w.input({ prompt: t('Feedback text'), value: tr.fb.text, cursorAtEnd: true, validate: (v) => (v.trim() ? undefined : t('Write the feedback.')) }));
    if (!isBack(text)) {
      await run(deps, 'updateFeedback', tr.menteePath, { feedback: tr.fb.id, text: text.trim() });
    }
  },
  'mentorship.deleteFeedbackComment': async (deps, thread) => {
    const tr = trackedOf(thread);
    if (!tr) {
      return;
    }
    const ok = await vscode.window.showWarningMessage(t('Delete this feedback?'), { modal: true, detail: tr.fb.text }, t('Delete'));
    if (ok) {
      await run(deps, 'removeEntry', tr.menteePath, { list: 'feedback', id: tr.fb.id });
    }
  },
  'mentorship.feedbackInFile': async (deps) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      return;
    }
    const items = deps.ws.store?.mentees.flatMap((f) =>
      (f.data?.feedback ?? [])
        .filter((fb) => fb.anchor && editor.document.uri.path.endsWith('/' + (safeRelativePath(fb.anchor.path) ?? '\u0000')))
        .map((fb) => ({ label: fb.text, description: `${f.data?.name ?? ''} · ${fb.kind} · ${fb.date}`, detail: `${fb.anchor?.path}:${fb.anchor?.range.startLine}`, value: { path: f.path, id: fb.id } })),
    );
    if (!items || items.length === 0) {
      void vscode.window.showInformationMessage(t('No feedback is linked to this file.'));
      return;
    }
    const picked = await Wizard.flow(t('Feedback in This File'), (w) => w.pick({ placeholder: t('Feedback in this file'), items, matchOnDescription: true, matchOnDetail: true }));
    if (!isBack(picked)) {
      await vscode.commands.executeCommand('mentorship.goToFeedback', entryArg('feedback', picked.path, picked.id));
    }
  },
};
