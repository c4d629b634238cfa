/**
 * Mentorship: activation wires the store to the workspace, draws the views, and registers every command
 * of the command table (their code loads on first use).
 */
const activationStart: number = (globalThis as { __mentorshipLoadStart?: number }).__mentorshipLoadStart ?? Date.now();

import * as vscode from 'vscode';
import { registerAssistant } from './assistant/register';
import { registerCommands } from './commands';
import { registerDashboard } from './dashboard/register';
import { registerFeedbackViews } from './feedback/register';
import { resumeGoTo } from './feedback/feedback';
import type { Deps } from './kit/command';
import { registerDraftContext } from './sessions/draftContext';
import { registerSharing } from './sharing/register';
import { registerStatusBar } from './statusBar';
import { registerTree } from './tree/treeView';
import { HOST, initBundles } from './platform/bundles';
import { MentorshipWorkspace } from './workspace';
import { OpenRepositories } from './repositories';

/** What the extension exports: used by the integration tests, stable enough for other extensions. */
export interface MentorshipApi {
  workspace: MentorshipWorkspace;
  /** Settles when the data folder has been read for the first time. */
  ready: Promise<void>;
  /** The feedback comment threads shown in a document, by feedback id. */
  feedbackThreads(uri: vscode.Uri): ReadonlyMap<string, vscode.CommentThread>;
  /** `@mentor`'s answer to a request, on a stream, as the Chat view gets it (`model` undefined: no model). */
  askMentor(request: Pick<vscode.ChatRequest, 'command' | 'prompt'> & { model?: vscode.LanguageModelChat }, stream: Pick<vscode.ChatResponseStream, 'markdown' | 'button'>): Promise<void>;
}

const modulesLoaded = Date.now();

export async function activate(context: vscode.ExtensionContext): Promise<MentorshipApi> {
  const activateStart = Date.now();
  // The Document API is only needed to write or to locate a problem: it is a bundle of its own (Node loads
  // it on first use; the browser right after activation, and the first read waits for it).
  const bundles = initBundles(context);
  const log = vscode.window.createOutputChannel('Mentorship', { log: true });
  const ws = new MentorshipWorkspace(log);
  const repos = new OpenRepositories(context, log);
  context.subscriptions.push(log, ws, repos);
  const deps: Deps = { context, ws, repos, log };
  const tree = registerTree(context, ws, repos);
  registerStatusBar(context, ws);
  registerDraftContext(deps);
  const inline = registerFeedbackViews(deps);
  registerDashboard(deps);
  registerSharing(deps);
  registerCommands(deps, tree.flows);
  const askMentor = registerAssistant(deps);
  const registered = Date.now();
  // Loading runs after activation returns: views fill in as soon as the files are read.
  const loading = bundles.then(() => ws.start()).finally(() => void repos.folders()).catch((e: unknown) => ws.reportBackground(e, vscode.l10n.t('Could not load the data folder')));
  // Our own time: loading the bundle plus activate(). Between the two the extension host prepares the
  // extension context (storage) on its own; that wait is logged apart.
  const own = modulesLoaded - activationStart + (registered - activateStart);
  log.info(
    `activate_ms=${own} activate_wall_ms=${registered - activationStart} (modules ${modulesLoaded - activationStart} ms, host ${activateStart - modulesLoaded} ms, activate ${registered - activateStart} ms; version ${String(context.extension.packageJSON.version)}; ${HOST} extension host)`,
  );
  void loading.then(() => resumeGoTo(deps)).catch((e: unknown) => log.warn(`Go to Code after adding a clone: ${String(e)}`));
  return { workspace: ws, ready: loading, feedbackThreads: (uri) => inline.threadsOf(uri), askMentor };
}

export function deactivate(): void {
  // Every resource is disposed through context.subscriptions.
}
