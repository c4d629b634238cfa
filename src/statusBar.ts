/** Status bar: active mentees and the next 1:1 ("2 active mentees · 1:1 with Ana in 3 d"); click opens that mentee. */
import * as vscode from 'vscode';
import { todayOf } from './core/domain/dates';
import { conflictStatusLine, ENGLISH_STATUS_STRINGS, menteeStatusLine, statusLine } from './core/render/statusLine';
import { translateTable } from './kit/l10nTable';
import type { MentorshipWorkspace } from './workspace';

export function registerStatusBar(context: vscode.ExtensionContext, ws: MentorshipWorkspace): void {
  const item = vscode.window.createStatusBarItem('mentorship.nextSession', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Mentorship: next session');
  const strings = translateTable(ENGLISH_STATUS_STRINGS);
  const update = (): void => {
    const files = ws.store?.mentees ?? [];
    const readable = files.filter((m) => m.data);
    if (!ws.store || files.length === 0) {
      item.hide();
      return;
    }
    // A merge in conflict is what matters now: its file cannot be read, so no count would be true.
    const conflicted = files.filter((f) => f.problems.some((p) => p.code === 'conflict'));
    if (conflicted.length > 0) {
      const line = conflictStatusLine(conflicted.length, strings);
      item.text = `$(git-merge) ${line.text}`;
      item.tooltip = line.tooltip;
      item.accessibilityInformation = { label: `${line.text}. ${line.tooltip}` };
      item.command = { command: 'mentorship.resolveConflict', title: vscode.l10n.t('Resolve Merge Conflict'), arguments: conflicted.length === 1 ? [conflicted[0].path] : [] };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.show();
      return;
    }
    const mine = ws.identity.menteePath ? ws.store.file(ws.identity.menteePath)?.data : undefined;
    if (mine) {
      // The mentee's own view: their next 1:1 and what they own, never the mentor's other mentees.
      const own = menteeStatusLine(mine, todayOf(new Date()), strings);
      item.text = `$(mortar-board) ${own.text}`;
      item.tooltip = own.tooltip;
      item.accessibilityInformation = { label: own.text };
      item.command = 'workbench.view.extension.mentorship';
      item.backgroundColor = undefined;
      item.show();
      return;
    }
    const line = statusLine(readable, files.length - readable.length, todayOf(new Date()), strings);
    item.text = `$(mortar-board) ${line.text}`;
    item.tooltip = line.tooltip;
    item.accessibilityInformation = { label: line.text };
    if (line.next) {
      item.command = { command: 'mentorship.openDashboard', title: vscode.l10n.t('Open Dashboard'), arguments: [line.next.path] };
      item.backgroundColor = line.next.days < 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      item.command = 'workbench.view.extension.mentorship';
      item.backgroundColor = undefined;
    }
    item.show();
  };
  context.subscriptions.push(item, ws.onDidChange(update));
  update();
}
