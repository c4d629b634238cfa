/** Mentorship: activation wires the store to the workspace and registers each feature. */
const activationStart: number = (globalThis as { __mentorshipLoadStart?: number }).__mentorshipLoadStart ?? Date.now();

import * as vscode from 'vscode';
import { registerAgenda } from './agenda/commands';
import { registerClosing } from './closing/closing';
import { registerDashboard } from './dashboard/register';
import { registerEntryCommands } from './entries/commands';
import { registerFeedback } from './feedback/feedback';
import { registerInlineFeedback } from './feedback/inline';
import { registerRenameFollowing } from './feedback/renames';
import { registerGoalCommands } from './goals/commands';
import { registerMenteeCommands } from './mentees/commands';
import { registerProfile } from './profile/profile';
import { registerReport } from './report/exportReport';
import { registerReviewImport } from './reviews/register';
import { registerActionItemCommands } from './sessions/actionItems';
import { registerSessionDrafts } from './sessions/drafts';
import { registerLogSession } from './sessions/logSession';
import { registerSharing } from './sharing/register';
import { registerStatusBar } from './statusBar';
import { registerTree } from './tree/treeView';
import { HOST, initBundles } from './platform/bundles';
import { MentorshipWorkspace } from './workspace';

/** What the extension exports: used by the integration tests, stable enough for other extensions. */
export interface MentorshipApi {
  workspace: MentorshipWorkspace;
  /** Settles when the data folder has been read for the first time. */
  ready: Promise<void>;
  /** The feedback comment threads shown in a document, by feedback id. */
  feedbackThreads(uri: vscode.Uri): ReadonlyMap<string, vscode.CommentThread>;
}

const modulesLoaded = Date.now();

export async function activate(context: vscode.ExtensionContext): Promise<MentorshipApi> {
  const activateStart = Date.now();
  // The Document API is only needed to write or to locate a problem: it is a bundle of its own (Node loads
  // it on first use; the browser right after activation, and the first read waits for it).
  const bundles = initBundles(context);
  const log = vscode.window.createOutputChannel('Mentorship', { log: true });
  const ws = new MentorshipWorkspace(log);
  context.subscriptions.push(log, ws);
  const deps = { context, ws, log };
  registerTree(context, ws);
  registerStatusBar(context, ws);
  registerMenteeCommands(deps);
  registerGoalCommands(deps);
  registerEntryCommands(deps);
  registerLogSession(deps);
  registerAgenda(deps);
  registerActionItemCommands(deps);
  registerSessionDrafts(deps);
  registerProfile(deps);
  registerClosing(deps);
  registerReport(deps);
  registerReviewImport(deps);
  registerFeedback(deps);
  const inline = registerInlineFeedback(deps);
  registerRenameFollowing(deps);
  registerDashboard(deps);
  registerSharing(deps);
  const registered = Date.now();
  // Loading runs after activation returns: views fill in as soon as the files are read.
  const loading = bundles.then(() => ws.start()).catch((e: unknown) => ws.reportBackground(e, vscode.l10n.t('Could not load the data folder')));
  // Our own time: loading the bundle plus activate(). Between the two the extension host prepares the
  // extension context (storage) on its own; that wait is logged apart.
  const own = modulesLoaded - activationStart + (registered - activateStart);
  log.info(
    `activate_ms=${own} activate_wall_ms=${registered - activationStart} (modules ${modulesLoaded - activationStart} ms, host ${activateStart - modulesLoaded} ms, activate ${registered - activateStart} ms; version ${String(context.extension.packageJSON.version)}; ${HOST} extension host)`,
  );
  return { workspace: ws, ready: loading, feedbackThreads: (uri) => inline.threadsOf(uri) };
}

export function deactivate(): void {
  // Every resource is disposed through context.subscriptions.
}
