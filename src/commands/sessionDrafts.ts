/** Start Session / End Session: notes in a Markdown draft, turned into a session entry at the end. */
import * as vscode from 'vscode';
import { joinPath } from '../core/storage/fs';
import { addSession, checkIn, updateAction } from '../core/domain/operations';
import { decode } from '../core/storage/parse';
import { ENGLISH_DRAFT_STRINGS, minutesBetween, parseDraft, renderDraft } from '../core/render/sessionDraft';
import type { DraftStrings } from '../core/render/sessionDraft';
import type { Edit } from '../core/storage/yamlEdit';
import { translateTable } from '../l10nTable';
import { UserFacingError } from '../workspace';
import { command, noteRecentMentee, resolveMentee, today } from './common';
import type { Deps } from './common';

export const DRAFTS_FOLDER = 'drafts';

function draftStrings(): DraftStrings {
  return translateTable(ENGLISH_DRAFT_STRINGS);
}

export function registerSessionDrafts(deps: Deps): void {
  const refreshContext = async (): Promise<void> => {
    const drafts = await listDrafts(deps);
    await vscode.commands.executeCommand('setContext', 'mentorship:sessionInProgress', drafts.length > 0);
  };
  deps.context.subscriptions.push(
    command(deps, 'mentorship.startSession', async (arg) => {
      await startSession(deps, arg);
      await refreshContext();
    }),
    command(deps, 'mentorship.endSession', async () => {
      await endSession(deps);
      await refreshContext();
    }),
    deps.ws.onDidChange(() => void refreshContext()),
  );
}

function draftsFolder(deps: Deps): string {
  return joinPath(deps.ws.requireStore().root, DRAFTS_FOLDER);
}

async function listDrafts(deps: Deps): Promise<vscode.Uri[]> {
  if (!deps.ws.store) {
    return [];
  }
  const folder = deps.ws.uri(draftsFolder(deps));
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.md')).map(([n]) => vscode.Uri.joinPath(folder, n));
  } catch {
    return [];
  }
}

async function startSession(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Start a session with…'));
  const drafts = await listDrafts(deps);
  const existing = drafts.find((u) => u.path.slice(u.path.lastIndexOf('/') + 1).startsWith(`${f.slug}--`));
  if (existing) {
    // One draft per mentee: reopen it rather than start a second one.
    await vscode.window.showTextDocument(existing, { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('A session with {0} is already in progress; its notes are open.', f.data.name));
    return;
  }
  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const folder = draftsFolder(deps);
  await vscode.workspace.fs.createDirectory(deps.ws.uri(folder));
  const uri = deps.ws.uri(joinPath(folder, `${f.slug}--${stamp}.md`));
  const text = renderDraft(f.data, f.slug, now.toISOString(), today(), draftStrings());
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  // Open with the cursor in the notes section, ready to type.
  const before = text.slice(0, text.indexOf(`## ${draftStrings().notes}`));
  const line = before.split('\n').length;
  await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(line, 0, line, 0) });
  noteRecentMentee(deps, f.path);
  deps.log.info(`Session draft started for ${f.slug}: ${uri.path}`);
}

async function endSession(deps: Deps): Promise<void> {
  const t = vscode.l10n.t;
  const drafts = await listDrafts(deps);
  if (drafts.length === 0) {
    throw new UserFacingError(t('No session is in progress. Start one with "Mentorship: Start Session".'));
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  let uri = drafts.find((d) => active && d.toString() === active.toString());
  if (!uri) {
    if (drafts.length === 1) {
      uri = drafts[0];
    } else {
      const picked = await vscode.window.showQuickPick(
        drafts.map((d) => ({ label: d.path.slice(d.path.lastIndexOf('/') + 1), value: d })),
        { placeHolder: t('Which session ends?') },
      );
      if (!picked) {
        return;
      }
      uri = picked.value;
    }
  }
  // Save what is typed first: the file on disk is what gets stored. The save runs in the editor itself
  // (the extension host's copy of a document can lag a keystroke behind), and on a clean file it is a no-op.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.save');
  }
  const text = decode(await vscode.workspace.fs.readFile(uri)).text;
  const draft = parseDraft(text);
  if (!draft) {
    throw new UserFacingError(t('{0} is not a session draft (its first line was changed); it was left as it is.', uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  }
  const store = deps.ws.requireStore();
  const f = store.bySlug(draft.slug);
  if (!f?.data) {
    throw new UserFacingError(t('The mentee of this draft ({0}) cannot be read; the draft was kept.', draft.slug));
  }
  const date = draft.started.slice(0, 10);
  const duration = minutesBetween(draft.started, new Date());
  const session = {
    date,
    ...(duration ? { duration } : {}),
    ...(draft.topics.length ? { topics: draft.topics } : {}),
    ...(draft.notes ? { notes: draft.notes } : {}),
    ...(draft.private ? { private: draft.private } : {}),
    ...(draft.wins.length ? { wins: draft.wins } : {}),
    ...(draft.setbacks.length ? { setbacks: draft.setbacks } : {}),
    ...(draft.checkIns.length ? { goals: draft.checkIns.map((c) => c.goalId) } : {}),
    ...(draft.newActions.length ? { actions: draft.newActions.map((a) => ({ ...a, id: '' })) } : {}),
  };
  await store.edit(f.path, (current) => {
    const edits: Edit[] = [];
    for (const id of draft.doneActions) {
      if (current.sessions.some((s) => (s.actions ?? []).some((a) => a.id === id && !a.done))) {
        edits.push(...updateAction(id, { done: true })(current));
      }
    }
    for (const c of draft.checkIns) {
      if (current.goals.some((g) => g.id === c.goalId)) {
        edits.push(...checkIn(c.goalId, date, c.progress)(current));
      }
    }
    edits.push(...addSession(session)(current));
    return edits;
  });
  // Stored: close the draft's editors and remove the file.
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) {
        await vscode.window.tabGroups.close(tab);
      }
    }
  }
  await vscode.workspace.fs.delete(uri);
  deps.log.info(`Session draft of ${draft.slug} stored (${duration ?? '?'} min)`);
  void vscode.window.showInformationMessage(
    t('Session with {0} saved: {1} min, {2} action item(s) done, {3} new.', f.data.name, duration ?? '?', draft.doneActions.length, draft.newActions.length),
  );
}
