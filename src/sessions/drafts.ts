/** Start Session / End Session: notes in a Markdown draft, turned into a session entry at the end. */
import * as vscode from 'vscode';
import { ENGLISH_DRAFT_STRINGS, minutesBetween, parseDraft, renderDraft } from '../core/render/sessionDraft';
import type { DraftStrings } from '../core/render/sessionDraft';
import { translateTable } from '../kit/l10nTable';
import { UserFacingError } from '../kit/errors';
import type { Deps, Flows } from '../kit/command';
import { refreshDraftContext } from './draftContext';
import { today } from '../kit/input';
import { noteRecentMentee, resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { isBack, Wizard } from '../kit/wizard';
import { plural } from '../core/domain/text';

function draftStrings(): DraftStrings {
  return translateTable(ENGLISH_DRAFT_STRINGS);
}

export const DRAFT_FLOWS: Flows = {
  'mentorship.startSession': async (deps, arg) => {
    await startSession(deps, arg);
    await refreshDraftContext(deps);
  },
  'mentorship.endSession': async (deps) => {
    await endSession(deps);
    await refreshDraftContext(deps);
  },
};

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

async function startSession(deps: Deps, arg: unknown): Promise<void> {
  const f = await Wizard.flow(vscode.l10n.t('Start Session'), (w) => resolveMentee(deps, arg, w, vscode.l10n.t('Start a session with…')));
  const store = deps.ws.requireStore();
  const drafts = await store.drafts.list();
  const existing = drafts.find((p) => fileName(p).startsWith(`${f.slug}--`));
  if (existing) {
    // One draft per mentee: reopen it rather than start a second one.
    await vscode.window.showTextDocument(deps.ws.uri(existing), { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('A session with {0} is already in progress; its notes are open.', f.data.name));
    return;
  }
  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const text = renderDraft(f.data, f.slug, now.toISOString(), today(), draftStrings());
  const uri = deps.ws.uri(await store.drafts.create(f.path, `${f.slug}--${stamp}.md`, text));
  // Open with the cursor in the notes section, ready to type.
  const before = text.slice(0, text.indexOf(`## ${draftStrings().notes}`));
  const line = before.split('\n').length;
  await vscode.window.showTextDocument(uri, { preview: false, selection: new vscode.Range(line, 0, line, 0) });
  noteRecentMentee(deps, f.path);
  deps.log.info(`Session draft started for ${f.slug}: ${uri.path}`);
}

async function endSession(deps: Deps): Promise<void> {
  const t = vscode.l10n.t;
  const store = deps.ws.requireStore();
  const drafts = (await store.drafts.list()).map((p) => deps.ws.uri(p));
  if (drafts.length === 0) {
    throw new UserFacingError(t('No session is in progress. Start one with "Mentorship: Start Session".'));
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  let uri: vscode.Uri | undefined = drafts.find((d) => active && d.toString() === active.toString());
  if (!uri) {
    if (drafts.length === 1) {
      uri = drafts[0];
    } else {
      const picked = await Wizard.flow(t('End Session'), (w) => w.pick({ placeholder: t('Which session ends?'), items: drafts.map((d) => ({ label: fileName(d.path), value: d })) }));
      if (isBack(picked)) {
        return;
      }
      uri = picked;
    }
  }
  // Save what is typed first: the file on disk is what gets stored. The save runs in the editor itself
  // (the extension host's copy of a document can lag a keystroke behind), and on a clean file it is a no-op.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.save');
  }
  const text = await store.drafts.read(uri.path);
  const draft = parseDraft(text);
  if (!draft) {
    throw new UserFacingError(t('{0} is not a session draft (its first line was changed); it was left as it is.', fileName(uri.path)));
  }
  const f = store.drafts.menteeOf(uri.path, draft.slug);
  if (!f?.data) {
    throw new UserFacingError(t('The mentee of this draft ({0}) cannot be read; the draft was kept.', draft.slug));
  }
  const date = draft.started.slice(0, 10);
  const duration = minutesBetween(draft.started, new Date());
  await run(deps, 'logSession', f.path, {
    date,
    ...(duration ? { duration } : {}),
    topics: draft.topics,
    notes: draft.notes,
    private: draft.private,
    wins: draft.wins,
    setbacks: draft.setbacks,
    checkIns: draft.checkIns,
    doneActions: draft.doneActions,
    newActions: draft.newActions,
    agendaDiscussed: draft.agendaDiscussed,
  });
  // Stored: close the draft's editors and remove the file.
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) {
        await vscode.window.tabGroups.close(tab);
      }
    }
  }
  await store.drafts.remove(uri.path, text);
  deps.log.info(`Session draft of ${draft.slug} stored (${duration ?? '?'} min)`);
  void vscode.window.showInformationMessage(
    t(
      'Session with {0} saved: {1} min, {2}, {3}.',
      f.data.name,
      duration ?? '?',
      plural(draft.doneActions.length, t('{0} action item done', draft.doneActions.length), t('{0} action items done', draft.doneActions.length)),
      t('{0} new', draft.newActions.length),
    ),
  );
}
