/**
 * Feedback in the activation bundle: the inline comment threads, and the rename events that anchors
 * follow (the writes themselves are operations, in the flows bundle).
 */
import * as vscode from 'vscode';
import type { Background, Deps } from '../kit/command';
import { loadBundle } from '../platform/bundles';
import { registerInlineFeedback } from './inline';
import type { InlineFeedback } from './inline';

export function registerFeedbackViews(deps: Deps): InlineFeedback {
  const inline = registerInlineFeedback(deps);
  deps.context.subscriptions.push(
    vscode.workspace.onDidRenameFiles((e) => {
      if (!vscode.workspace.isTrusted || !deps.ws.store) {
        return;
      }
      loadBundle<{ BACKGROUND: Background }>('flows')
        .then((flows) => flows.BACKGROUND.followRenames(deps, e.files))
        .catch((err: unknown) => deps.ws.reportBackground(err, vscode.l10n.t('Could not update the feedback links of a renamed file')));
    }),
  );
  return inline;
}
