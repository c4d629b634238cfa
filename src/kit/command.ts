/** How every command is registered: what it gets (Deps), and one wrapper that turns failures into clear messages. */
import * as vscode from 'vscode';
import type { StoreError } from '../core/storage/store';
import type { MentorshipWorkspace } from '../workspace';

export interface Deps {
  context: vscode.ExtensionContext;
  ws: MentorshipWorkspace;
  log: vscode.LogOutputChannel;
}

/** Registers a command whose failures reach the mentor as a clear message, and whose cancel is silent. */
export function command(deps: Deps, id: string, run: (...args: unknown[]) => Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      // A command can be what activated the extension: let the first read of the data finish.
      await deps.ws.whenLoaded();
      return await run(...args);
    } catch (e) {
      if (isNamed(e, 'Cancelled')) {
        deps.log.info(`${id}: cancelled, nothing written`);
        return undefined;
      }
      if (isNamed(e, 'StoreError') || isNamed(e, 'UserFacingError')) {
        const err = e as StoreError;
        deps.log.warn(`${id}: ${err.message}`);
        const open = err.path ? vscode.l10n.t('Open File') : undefined;
        // The command ends now; the message stays until the mentor dismisses it.
        void vscode.window.showErrorMessage(err.message, ...(open ? [open] : [])).then(async (choice) => {
          if (choice && err.path) {
            await vscode.commands.executeCommand('mentorship.openFileAt', err.path, err.line ?? 1, 1);
          }
        });
        return undefined;
      }
      deps.log.error(`${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  });
}

/**
 * Our error classes (Cancelled, StoreError, UserFacingError) are recognised by name: a lazily loaded
 * bundle (the review import) has its own copies of them, which `instanceof` would not match.
 */
function isNamed(e: unknown, name: string): boolean {
  return e instanceof Error && e.name === name;
}
