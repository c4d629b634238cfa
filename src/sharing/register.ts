/**
 * The check of shared files after each change. It and the sharing commands are a separate bundle
 * (dist/sharing.js, its FLOWS in the command table), loaded the first time one runs.
 */
import * as vscode from 'vscode';
import type { Deps } from '../kit/command';
import { loadBundle } from '../platform/bundles';

export function registerSharing(deps: Deps): void {
  const load = () => loadBundle<typeof import('./sharing')>('sharing');
  const privacy = vscode.languages.createDiagnosticCollection('mentorship-sharing');
  let timer: ReturnType<typeof setTimeout> | undefined;
  // After each change of the data (and once loaded): private notes in tracked files, the driver's path.
  const check = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!deps.ws.store?.places.some((p) => deps.ws.uri(p.root).scheme === 'file')) {
        return;
      }
      void load()
        .then((mod) => mod.checkShared(deps, privacy))
        .catch((e: unknown) => deps.log.warn(`sharing check: ${e instanceof Error ? e.message : String(e)}`));
    }, 400);
  };
  deps.context.subscriptions.push(
    privacy,
    { dispose: () => clearTimeout(timer) },
    deps.ws.onDidChange(check),
  );
}
