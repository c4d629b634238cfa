/**
 * The dashboard panel's serializer, so panels come back after a reload. The dashboard's own code (and its
 * command, Open Dashboard) is a separate bundle (dist/dashboard.js), loaded the first time a dashboard opens.
 */
import * as vscode from 'vscode';
import type { Deps } from '../kit/command';
import { loadBundle } from '../platform/bundles';
import { DASHBOARD_VIEW_TYPE } from './protocol';

export function registerDashboard(deps: Deps): void {
  deps.context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const path = typeof state === 'object' && state !== null ? (state as { path?: unknown }).path : undefined;
        // After a reload the panel can come back before the files are read.
        await deps.ws.whenLoaded();
        (await loadBundle<typeof import('./panel')>('dashboard')).manager(deps).restore(panel, typeof path === 'string' ? path : undefined);
      },
    }),
  );
}
