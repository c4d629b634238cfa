/** Whether a session is in progress (a draft exists): the context key End Session's when-clauses read. */
import * as vscode from 'vscode';
import type { Deps } from '../kit/command';
import { CONTEXT } from '../kit/names';

export async function refreshDraftContext(deps: Deps): Promise<void> {
  const drafts = deps.ws.store ? await deps.ws.store.drafts.list() : [];
  await vscode.commands.executeCommand('setContext', CONTEXT.sessionInProgress, drafts.length > 0);
}

/** In the activation bundle: the context follows the data folder. */
export function registerDraftContext(deps: Deps): void {
  deps.context.subscriptions.push(
    deps.ws.onDidChange(() => {
      refreshDraftContext(deps).catch((e: unknown) => deps.ws.reportBackground(e, vscode.l10n.t('Could not list the session drafts')));
    }),
  );
}

