/** Status bar: the next session due across mentees ("1:1 with Ana due today"); click opens that mentee. */
import * as vscode from 'vscode';
import { dueInfo } from './core/domain/cadence';
import { todayOf } from './core/domain/dates';
import { openActions } from './core/domain/actions';
import type { MentorshipWorkspace } from './workspace';

export function registerStatusBar(context: vscode.ExtensionContext, ws: MentorshipWorkspace): void {
  const item = vscode.window.createStatusBarItem('mentorship.nextSession', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Mentorship: next session');
  const update = (): void => {
    const store = ws.store;
    const mentees = (store?.mentees ?? []).filter((m) => m.data);
    const broken = (store?.mentees ?? []).length - mentees.length;
    if (!store || (mentees.length === 0 && broken === 0)) {
      item.hide();
      return;
    }
    const today = todayOf(new Date());
    let next: { name: string; path: string; days: number } | undefined;
    for (const f of mentees) {
      const d = f.data ? dueInfo(f.data, today) : undefined;
      if (d?.dueInDays !== undefined && f.data && (!next || d.dueInDays < next.days)) {
        next = { name: f.data.name, path: f.path, days: d.dueInDays };
      }
    }
    const t = vscode.l10n.t;
    const overdueItems = mentees.reduce(
      (n, f) => n + (f.data?.status === 'active' ? openActions(f.data).filter(({ action }) => !!action.due && action.due < today).length : 0),
      0,
    );
    const itemsText = overdueItems > 0 ? ' · ' + t('{0} action item(s) overdue', overdueItems) : '';
    if (!next) {
      item.text = `$(mortar-board) ${t('{0} mentee(s)', mentees.length)}${itemsText}`;
      item.command = 'workbench.view.extension.mentorship';
      item.backgroundColor = undefined;
    } else {
      const when =
        next.days < 0 ? t('1:1 with {0} overdue {1} d', next.name, -next.days) : next.days === 0 ? t('1:1 with {0} due today', next.name) : t('1:1 with {0} in {1} d', next.name, next.days);
      item.text = `$(mortar-board) ${mentees.length} · ${when}${itemsText}`;
      item.command = { command: 'mentorship.openDashboard', title: t('Open Dashboard'), arguments: [next.path] };
      item.backgroundColor = next.days < 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    item.tooltip = [t('{0} mentee(s)', mentees.length), broken ? t('{0} file(s) with problems', broken) : undefined].filter(Boolean).join(' · ');
    item.show();
  };
  context.subscriptions.push(item, ws.onDidChange(update));
  update();
}
