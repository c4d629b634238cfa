/** Export Report: a mentee's progress as Markdown to share with them; private notes are never read. */
import * as vscode from 'vscode';
import { addMonths } from '../core/domain/dates';
import { renderReport } from '../core/render/report';
import { joinPath } from '../core/paths';
import type { Deps, Flows } from '../kit/command';
import { today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { isBack, Wizard } from '../kit/wizard';

export const REPORT_FLOWS: Flows = {
  'mentorship.exportReport': (deps, arg) => exportReport(deps, arg),
};

export async function exportReport(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const now = today();
  const periods = [
    { label: t('The whole mentorship'), value: undefined as string | undefined },
    { label: t('The last 3 months'), value: addMonths(now, -3) },
    { label: t('The last 6 months'), value: addMonths(now, -6) },
    { label: t('This year'), value: `${now.slice(0, 4)}-01-01` },
  ];
  const { f, from } = await Wizard.flow(t('Export Report'), async (w) => {
    for (;;) {
      const f = await resolveMentee(deps, arg, w, t('Export the progress report of…'));
      if (typeof arg === 'string') {
        return { f, from: undefined };
      }
      const period = await w.pick({ placeholder: t('Which period? (private notes are always left out)'), items: periods });
      if (!isBack(period)) {
        return { f, from: period };
      }
    }
  });
  const text = renderReport(f.data, { today: now, from });
  const store = deps.ws.requireStore();
  const path = joinPath(store.storeOf(f.path).root, 'reports', `${f.slug}-${now}.md`);
  const uri = deps.ws.uri(path);
  const current = await vscode.workspace.fs.readFile(uri).then(
    (b) => new TextDecoder().decode(b),
    () => undefined,
  );
  // Through the store's guarded entry: refused in an untrusted workspace, atomic, never over an edit of it.
  await store.writeFile(path, text, current);
  deps.log.info(`Report for ${f.slug} written to ${uri.path}`);
  // The text to edit and share, with its preview beside it.
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  void vscode.window.showInformationMessage(t('Report saved to {0}. Private notes are not in it.', vscode.workspace.asRelativePath(uri)));
}
