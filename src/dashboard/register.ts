/**
 * Registers the dashboard command and the panel serializer. The dashboard's own code is a separate bundle
 * (dist/dashboard.js), loaded the first time a dashboard opens, so activation does not pay for it.
 */
import * as vscode from 'vscode';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { resolveMentee } from '../kit/mentees';
import { loadBundle } from '../platform/bundles';
import type { DashboardManager } from './panel';
import { DASHBOARD_VIEW_TYPE } from './protocol';

export function registerDashboard(deps: Deps): void {
  let manager: Promise<DashboardManager> | undefined;
  const get = (): Promise<DashboardManager> => {
    manager ??= loadBundle<typeof import('./panel')>('dashboard').then(
      (mod) => {
        const m = new mod.DashboardManager(deps);
        deps.context.subscriptions.push(m);
        return m;
      },
      (e: unknown) => {
        manager = undefined; // a bundle that failed to load is tried again next time
        throw e;
      },
    );
    return manager;
  };
  deps.context.subscriptions.push(
    command(deps, 'mentorship.openDashboard', async (arg) => {
      const f = await resolveMentee(deps, arg, vscode.l10n.t('Open the dashboard of…'), vscode.l10n.t('Open Dashboard'));
      (await get()).show(f.path);
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const path = typeof state === 'object' && state !== null ? (state as { path?: unknown }).path : undefined;
        // After a reload the panel can come back before the files are read.
        await deps.ws.whenLoaded();
        (await get()).restore(panel, typeof path === 'string' ? path : undefined);
      },
    }),
  );
}
