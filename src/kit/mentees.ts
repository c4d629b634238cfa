/** Choosing the mentee a command is about: from its argument, or asked, most recently used first. */
import * as vscode from 'vscode';
import type { Mentee } from '../core/domain/model';
import type { MenteeFile } from '../core/storage/store';
import { UserFacingError } from './errors';
import { pathFromArg } from './args';
import type { Deps } from './command';
import { isBack } from './wizard';
import type { PickItem, Wizard } from './wizard';

const LAST_MENTEES = 'mentorship.recentMentees';

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
    // Where each file lives, once the notebook has mentees in more than one place (two of one name are told apart).
    .map((f) => ({ label: f.data.name, description: [f.data.role, f.data.status !== 'active' ? f.data.status : undefined, store.isSpread ? store.placeOf(f.path)?.label : undefined].filter(Boolean).join(' · '), value: f }));
}

/** The mentee a command is about: from the tree node it was run on, or asked as a step of the flow's wizard. */
export async function resolveMentee(deps: Deps, arg: unknown, w: Wizard, placeholder?: string): Promise<MenteeFile & { data: Mentee }> {
  const store = deps.ws.requireStore();
  const path = pathFromArg(arg);
  if (path) {
    const f = store.file(path);
    if (f?.data) {
      return f as MenteeFile & { data: Mentee };
    }
  }
  // The mentee's own view is about one mentorship: theirs.
  const mine = deps.ws.identity.menteePath ? store.file(deps.ws.identity.menteePath) : undefined;
  if (mine?.data) {
    return mine as MenteeFile & { data: Mentee };
  }
  const items = menteeItems(deps, true);
  if (items.length === 0) {
    throw new UserFacingError(vscode.l10n.t('There are no mentees yet. Add one with "Mentorship: Add Mentee".'));
  }
  for (;;) {
    const picked = await w.pick({ placeholder: placeholder ?? vscode.l10n.t('Which mentee?'), items, matchOnDescription: true });
    if (!isBack(picked)) {
      return picked as MenteeFile & { data: Mentee };
    }
  }
}
