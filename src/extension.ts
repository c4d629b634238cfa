/** Mentorship: activation wires the store to the workspace and registers each feature. */
const activationStart: number = (globalThis as { __mentorshipLoadStart?: number }).__mentorshipLoadStart ?? Date.now();

import * as vscode from 'vscode';
import { registerMenteeCommands } from './commands/mentees';
import { registerSessionCommands } from './commands/sessions';
import { registerDashboard } from './dashboard/register';
import { registerFeedback } from './feedback/feedback';
import { registerStatusBar } from './statusBar';
import { registerTree } from './tree/treeView';
import { MentorshipWorkspace } from './workspace';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Mentorship', { log: true });
  const ws = new MentorshipWorkspace(log);
  context.subscriptions.push(log, ws);
  const deps = { context, ws, log };
  registerTree(context, ws);
  registerStatusBar(context, ws);
  registerMenteeCommands(deps);
  registerSessionCommands(deps);
  registerFeedback(deps);
  registerDashboard(deps);
  const registered = Date.now();
  // Loading runs after activation returns: views fill in as soon as the files are read.
  const loading = ws.start().catch((e: unknown) => log.error(`Could not load the data folder: ${String(e)}`));
  log.info(`activate_ms=${registered - activationStart} (extension ${String(context.extension.packageJSON.version)})`);
  await Promise.race([loading, Promise.resolve()]);
}

export function deactivate(): void {
  // Every resource is disposed through context.subscriptions.
}
