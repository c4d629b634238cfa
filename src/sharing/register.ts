/**
 * Registers sharing through git. The commands and the check of shared files are a separate bundle
 * (dist/sharing.js), loaded the first time one runs, so activation does not pay for them.
 */
import * as vscode from 'vscode';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';

export function registerSharing(deps: Deps): void {
  let mod: typeof import('./sharing') | undefined;
  const load = (): typeof import('./sharing') => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod ??= require('./sharing.js') as typeof import('./sharing');
    return mod;
  };
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
        .checkShared(deps, privacy)
        .catch((e: unknown) => deps.log.warn(`sharing check: ${e instanceof Error ? e.message : String(e)}`));
    }, 400);
  };
  deps.context.subscriptions.push(
    privacy,
    { dispose: () => clearTimeout(timer) },
    command(deps, 'mentorship.shareWithMentee', () => load().shareWithMentee(deps)),
    command(deps, 'mentorship.movePrivateNotes', () => load().movePrivateNotes(deps, true)),
    command(deps, 'mentorship.resolveConflict', (arg) => load().resolveConflict(deps, arg)),
    deps.ws.onDidChange(check),
  );
}
