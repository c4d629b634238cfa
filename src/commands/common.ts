/** Shared pieces of the command adapters: error handling, mentee choice, validation of typed values. */
import * as vscode from 'vscode';
import { isValidDate, todayOf } from '../core/domain/dates';
import type { Mentee } from '../core/domain/model';
import { StoreError } from '../core/storage/store';
import type { MenteeFile } from '../core/storage/store';
import type { NodeArg } from '../tree/treeView';
import { Cancelled } from '../ui/wizard';
import type { PickItem } from '../ui/wizard';
import { UserFacingError } from '../workspace';
import type { MentorshipWorkspace } from '../workspace';

export interface Deps {
  context: vscode.ExtensionContext;
  ws: MentorshipWorkspace;
  log: vscode.LogOutputChannel;
}

const LAST_MENTEES = 'mentorship.recentMentees';

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

export function today(): string {
  return todayOf(new Date());
}

export function validateDate(v: string, optional = false): string | undefined {
  const t = v.trim();
  if (optional && t === '') {
    return undefined;
  }
  return isValidDate(t) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD, for example {0}.', today());
}

export function validateProgress(v: string): string | undefined {
  const t = v.trim().replace(/%$/, '');
  return /^\d{1,3}$/.test(t) && Number(t) <= 100 ? undefined : vscode.l10n.t('Progress is a whole number from 0 to 100.');
}

export function validateMinutes(v: string): string | undefined {
  const t = v.trim();
  if (t === '') {
    return undefined;
  }
  return /^\d{1,4}$/.test(t) && Number(t) >= 1 && Number(t) <= 1440 ? undefined : vscode.l10n.t('Duration is a number of minutes, from 1 to 1440.');
}

export function noteRecentMentee(deps: Deps, path: string): void {
  const recent = deps.context.workspaceState.get<string[]>(LAST_MENTEES, []).filter((p) => p !== path);
  void deps.context.workspaceState.update(LAST_MENTEES, [path, ...recent].slice(0, 50));
}

/** Mentees to offer, most recently used first, then by name; closed mentees last. */
export function menteeItems(deps: Deps, includeClosed = false): PickItem<MenteeFile>[] {
  const store = deps.ws.requireStore();
  const recent = deps.context.workspaceState.get<string[]>(LAST_MENTEES, []);
  const rank = (f: MenteeFile): number => {
    const i = recent.indexOf(f.path);
    return i < 0 ? recent.length : i;
  };
  return store.mentees
    .filter((f): f is MenteeFile & { data: Mentee } => !!f.data && (includeClosed || f.data.status !== 'closed'))
    .sort((a, b) => rank(a) - rank(b) || a.data.name.localeCompare(b.data.name))
    .map((f) => ({ label: f.data.name, description: [f.data.role, f.data.status !== 'active' ? f.data.status : undefined].filter(Boolean).join(' · '), value: f }));
}

/** The mentee a command is about: from the tree node it was run on, or asked. */
export async function resolveMentee(deps: Deps, arg: unknown, placeholder?: string): Promise<MenteeFile & { data: Mentee }> {
  const store = deps.ws.requireStore();
  const path = pathFromArg(arg);
  if (path) {
    const f = store.file(path);
    if (f?.data) {
      return f as MenteeFile & { data: Mentee };
    }
  }
  const items = menteeItems(deps, true);
  if (items.length === 0) {
    throw new UserFacingError(vscode.l10n.t('There are no mentees yet. Add one with "Mentorship: Add Mentee".'));
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: placeholder ?? vscode.l10n.t('Which mentee?'), matchOnDescription: true });
  if (!picked) {
    throw new Cancelled();
  }
  return picked.value as MenteeFile & { data: Mentee };
}

export function pathFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg && typeof arg === 'object' && typeof (arg as NodeArg).path === 'string') {
    return (arg as NodeArg).path;
  }
  return undefined;
}

export function entityFromArg(arg: unknown): string | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as NodeArg).entityId === 'string') {
    return (arg as NodeArg).entityId;
  }
  return undefined;
}

export function splitList(v: string): string[] {
  return v
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
