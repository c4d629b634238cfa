/** How every command is registered: what it gets (Deps), and one wrapper that turns failures into clear messages. */
import * as vscode from 'vscode';
import { StoreError } from '../core/storage/store';
import { Cancelled } from './wizard';
import { UserFacingError } from '../workspace';
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
      if (e instanceof Cancelled) {
        deps.log.info(`${id}: cancelled, nothing written`);
        return undefined;
      }
      if (e instanceof StoreError || e instanceof UserFacingError) {
        deps.log.warn(`${id}: ${e.message}`);
        const open = e instanceof StoreError && e.path ? vscode.l10n.t('Open File') : undefined;
        // The command ends now; the message stays until the mentor dismisses it.
        void vscode.window.showErrorMessage(e.message, ...(open ? [open] : [])).then(async (choice) => {
          if (choice && e instanceof StoreError && e.path) {
            await vscode.commands.executeCommand('mentorship.openFileAt', e.path, e.line ?? 1, 1);
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
