/**
 * Registers sharing through git. The commands and the check of shared files are a separate bundle
 * (dist/sharing.js), loaded the first time one runs, so activation does not pay for them.
 */
import * as vscode from 'vscode';
import { command } from '../kit/command';
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
      if (deps.ws.location?.folder.uri.scheme !== 'file') {
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
    command(deps, 'mentorship.shareWithMentee', async () => (await load()).shareWithMentee(deps)),
    command(deps, 'mentorship.movePrivateNotes', async () => (await load()).movePrivateNotes(deps, true)),
    command(deps, 'mentorship.resolveConflict', async (arg) => (await load()).resolveConflict(deps, arg)),
    deps.ws.onDidChange(check),
  );
}
