/** Export Report: a mentee's progress as Markdown to share with them; private notes are never read. */
import * as vscode from 'vscode';
import { addMonths } from '../core/domain/dates';
import { renderReport } from '../core/render/report';
import { joinPath } from '../core/storage/fs';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';

export function registerReport(deps: Deps): void {
  deps.context.subscriptions.push(command(deps, 'mentorship.exportReport', (arg) => exportReport(deps, arg)));
}

export async function exportReport(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Export the progress report of…'), vscode.l10n.t('Export Report'));
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
