/** How every command is registered: what it gets (Deps), and one wrapper that turns failures into clear messages. */
import * as vscode from 'vscode';
import type { AnchorRange, CodeAnchor } from '../core/domain/model';
import type { StoreError } from '../core/storage/store';
import type { MentorshipWorkspace } from '../workspace';
import type { OpenRepositories } from '../repositories';
import type { CommandId } from './commandIds';

/** What the inline comment threads (in the activation bundle) offer the flows loaded later. */
export interface InlineBridge {
  /** The live range of a feedback item in an open document (it follows unsaved edits). */
  liveRange(uri: vscode.Uri, feedbackId: string): AnchorRange | undefined;
  /** Opens the thread of a feedback item, now or the next time it is drawn. */
  reveal(uri: vscode.Uri, feedbackId: string): void;
}

export interface Deps {
  context: vscode.ExtensionContext;
  ws: MentorshipWorkspace;
  /** The repositories of the open folders: where feedback's code is. */
  repos: OpenRepositories;
  log: vscode.LogOutputChannel;
  inline?: InlineBridge;
}

/** Writes the activation bundle hands to the flows bundle (where the operations are). */
export interface Background {
  /** Ranges of feedback whose code moved with its text intact (written when the file is saved). */
  moveRanges(deps: Deps, moves: { menteePath: string; feedbackId: string; anchor: CodeAnchor }[]): Promise<void>;
  /** Files renamed in the editor: the anchors on them follow. */
  followRenames(deps: Deps, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void>;
}

/** A command's code: it gets the dependencies and the command's arguments. */
export type Flow = (deps: Deps, ...args: unknown[]) => Promise<unknown>;
/** The commands a bundle implements. */
export type Flows = Partial<Record<CommandId, Flow>>;

/** A command's title as the palette shows it ("Mentorship: Log Session"), for messages that name it. */
export function commandTitle(deps: Deps, id: string): string {
  const all = (deps.context.extension.packageJSON as { contributes?: { commands?: { command: string; title?: string; category?: string }[] } }).contributes?.commands ?? [];
  const c = all.find((x) => x.command === id);
  const title = c?.title && !c.title.startsWith('%') ? c.title : id;
  const category = c?.category && !c.category.startsWith('%') ? c.category : vscode.l10n.t('Mentorship');
  return `${category}: ${title}`;
}

/**
 * Registers a command whose failures reach the mentor as a clear message, and whose cancel is silent. A
 * command that `writes` is refused in an untrusted workspace before it asks anything, naming itself.
 */
export function command(deps: Deps, id: string, run: Flow, opts: { writes?: boolean } = {}): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    if (opts.writes && !vscode.workspace.isTrusted) {
      const message = vscode.l10n.t('{0}: this workspace is not trusted, so Mentorship only reads here. Trust the workspace to make this change; nothing was written.', commandTitle(deps, id));
      deps.log.warn(`${id}: refused, the workspace is not trusted: ${message}`);
      void vscode.window.showWarningMessage(message);
      return undefined;
    }
    try {
      // A command can be what activated the extension: let the first read of the data finish.
      await deps.ws.whenLoaded();
      return await run(deps, ...args);
    } catch (e) {
      if (isNamed(e, 'Cancelled')) {
        deps.log.info(`${id}: cancelled, nothing written`);
        return undefined;
      }
      if (isNamed(e, 'StoreError') || isNamed(e, 'UserFacingError') || isNamed(e, 'InputError')) {
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
 * Our error classes (Cancelled, StoreError, UserFacingError, InputError) are recognised by name: a lazily
 * loaded bundle has its own copies of them, which `instanceof` would not match.
 */
function isNamed(e: unknown, name: string): boolean {
  return e instanceof Error && e.name === name;
}
