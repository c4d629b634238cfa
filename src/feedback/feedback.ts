/**
 * Feedback from code review, linked to a code selection: logging it, going back to it (following the code
 * when it moved, saying so plainly when it is gone), re-pointing it.
 */
import * as vscode from 'vscode';
import { renamedByGit } from './renames';
import { captureContext, locate } from '../core/anchors/anchor';
import type { LocateResult } from '../core/anchors/anchor';
import { lacksNextStep } from '../core/domain/feedbackQuality';
import type { AnchorRange, CodeAnchor, Feedback, FeedbackKind, Goal } from '../core/domain/model';
import { FEEDBACK_KINDS } from '../core/domain/model';
import { addFeedback, moveFeedbackRange, setFeedbackAnchor } from '../core/domain/operations';
import { isInside, safeRelativePath } from '../core/anchors/paths';
import { FEEDBACK_ICON } from '../core/render/treeModel';
import { entityFromArg, entryArg, pathFromArg } from '../kit/args';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today } from '../kit/input';
import { menteeItems, noteRecentMentee } from '../kit/mentees';
import { isBack, Wizard } from '../kit/wizard';
import type { PickItem } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';

export function kindDescriptions(): Record<FeedbackKind, string> {
  const t = vscode.l10n.t;
  return {
    praise: t('What went well, so they keep doing it'),
    suggestion: t('An improvement worth making'),
    issue: t('A problem that needs fixing'),
    question: t('Something to understand or explain'),
    nitpick: t('A small thing; take it or leave it'),
    thought: t('An idea to consider, no action needed'),
  };
}

export function registerFeedback(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.logFeedback', (arg) => logFeedbackOnSelection(deps, arg)),
    command(deps, 'mentorship.goToFeedback', (arg) => goToFeedback(deps, arg)),
    command(deps, 'mentorship.repointFeedback', (arg) => repointFeedback(deps, arg)),
  );
}

function toAnchorRange(sel: vscode.Range): AnchorRange {
  return { startLine: sel.start.line + 1, startColumn: sel.start.character + 1, endLine: sel.end.line + 1, endColumn: sel.end.character + 1 };
}

export function toVscodeRange(r: AnchorRange): vscode.Range {
  return new vscode.Range(r.startLine - 1, r.startColumn - 1, r.endLine - 1, r.endColumn - 1);
}

/** The selection to anchor: the editor's selection, or the whole current line when nothing is selected. */
function anchorSelection(editor: vscode.TextEditor): vscode.Range {
  const sel = editor.selection;
  if (!sel.isEmpty) {
    return new vscode.Range(sel.start, sel.end);
  }
  const line = editor.document.lineAt(sel.active.line);
  return line.range;
}

/** Where a document is, relative to its workspace folder; refuses documents outside the workspace. */
function workspaceLocation(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== folder.uri.scheme) {
    throw new UserFacingError(
      vscode.l10n.t('Feedback can be linked only to files in the workspace. In a diff, use the right-hand (current) side.'),
    );
  }
  const rel = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  const safe = safeRelativePath(rel);
  if (!safe) {
    throw new UserFacingError(vscode.l10n.t('This file is not inside the workspace folder.'));
  }
  return { folder, path: safe };
}

interface GitApi {
  getRepository(uri: vscode.Uri): { state: { HEAD?: { commit?: string } } } | null;
}

async function currentCommit(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) {
      return undefined;
    }
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.getAPI(1).getRepository(uri)?.state.HEAD?.commit;
  } catch {
    return undefined;
  }
}

async function logFeedbackOnSelection(deps: Deps, arg: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const t = vscode.l10n.t;
  if (!editor) {
    throw new UserFacingError(t('Select the code the feedback is about first.'));
  }
  const { folder, path } = workspaceLocation(editor.document.uri);
  const selection = anchorSelection(editor);
  const range = toAnchorRange(selection);
  const docText = editor.document.getText();
  const ctx = captureContext(docText, range);
  const store = deps.ws.requireStore();
  const presetPath = pathFromArg(arg);
  const preset = presetPath ? store.file(presetPath) : undefined;
  const lastKind = deps.context.workspaceState.get<FeedbackKind>('mentorship.lastFeedbackKind', 'suggestion');
  const state: { mentee?: string; kind: FeedbackKind; text: string; goal: string; review: string; saved: boolean } = {
    mentee: preset?.data ? preset.path : undefined,
    kind: lastKind,
    text: '',
    goal: '',
    review: '',
    saved: false,
  };
  const descriptions = kindDescriptions();
  const steps = [
    async (w: Wizard, s: typeof state) => {
      if (preset?.data) {
        return 'next' as const;
      }
      const items = menteeItems(deps).map((i) => ({ ...i, value: i.value.path }));
      if (items.length === 0) {
        throw new UserFacingError(t('There are no mentees yet. Add one with "Mentorship: Add Mentee".'));
      }
      const r = await w.pick({ placeholder: t('Feedback for…'), items, active: s.mentee });
      if (isBack(r)) {
        return 'back' as const;
      }
      s.mentee = r;
      return 'next' as const;
    },
    async (w: Wizard, s: typeof state) => {
      const items: PickItem<FeedbackKind>[] = FEEDBACK_KINDS.map((k) => ({ label: `$(${FEEDBACK_ICON[k]}) ${k}`, description: descriptions[k], value: k }));
      const r = await w.pick({ placeholder: t('What kind of feedback?'), items, active: s.kind });
      if (isBack(r)) {
        return 'back' as const;
      }
      s.kind = r;
      return 'next' as const;
    },
    async (w: Wizard, s: typeof state) => {
      for (;;) {
        const r = await w.input({
          prompt: t('Feedback on {0}:{1} — specific, and with a next step', path, range.startLine),
          value: s.text,
          validate: (v) => (v.trim() ? undefined : t('Write the feedback.')),
        });
        if (isBack(r)) {
          return 'back' as const;
        }
        s.text = r.trim();
        if (!lacksNextStep(s.kind, s.text)) {
          return 'next' as const;
        }
        const add = t('Add a next step');
        const keep = t('Save as it is');
        const choice = await vscode.window.showInformationMessage(
          t('Constructive feedback names a concrete next step ("Try…", "Consider…", "Next time…"). Add one?'),
          add,
          keep,
        );
        if (choice !== add) {
          return 'next' as const;
        }
      }
    },
    async (w: Wizard, s: typeof state) => {
      const f = s.mentee ? store.file(s.mentee) : undefined;
      const goals = (f?.data?.goals ?? []).filter((g: Goal) => g.status === 'active');
      if (goals.length === 0) {
        return 'next' as const;
      }
      const items: PickItem<string>[] = [{ label: t('No goal'), value: '' }, ...goals.map((g) => ({ label: g.title, description: `${g.progress}%`, value: g.id }))];
      const r = await w.pick({ placeholder: t('Does it relate to a goal? (optional)'), items, active: s.goal });
      if (isBack(r)) {
        return 'back' as const;
      }
      s.goal = r;
      return 'next' as const;
    },
    async (w: Wizard, s: typeof state) => {
      const r = await w.input({ prompt: t('Review reference: pull request URL or number (optional)'), value: s.review });
      if (isBack(r)) {
        return 'back' as const;
      }
      s.review = r.trim();
      s.saved = true;
      return 'done' as const;
    },
  ];
  await Wizard.run(t('Log Feedback'), steps, state);
  if (!state.saved || !state.mentee) {
    return;
  }
  const commit = await currentCommit(editor.document.uri);
  const anchor: CodeAnchor = {
    ...(vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? { folder: folder.name } : {}),
    path,
    range,
    text: ctx.text,
    ...(ctx.before ? { before: ctx.before } : {}),
    ...(ctx.after ? { after: ctx.after } : {}),
    ...(commit ? { commit } : {}),
  };
  const fb: Omit<Feedback, 'id'> = {
    date: today(),
    kind: state.kind,
    text: state.text,
    ...(state.goal ? { goal: state.goal } : {}),
    ...(state.review ? { review: state.review } : {}),
    anchor,
  };
  const saved = await store.edit(state.mentee, addFeedback(fb));
  noteRecentMentee(deps, state.mentee);
  // Show the new comment thread open where it was written, not only a gutter icon.
  const added = [...(saved.data?.feedback ?? [])].reverse().find((x) => x.text === fb.text && x.anchor?.path === path && x.anchor.range.startLine === range.startLine);
  if (added) {
    revealThread(editor.document.uri, added.id);
  }
  await deps.context.workspaceState.update('mentorship.lastFeedbackKind', state.kind);
  deps.log.info(`Feedback (${state.kind}) logged on ${path}:${range.startLine}-${range.endLine}`);
  void vscode.window.showInformationMessage(t('Feedback saved, linked to {0}:{1}.', path, range.startLine));
}

/** The file an anchor points to, or an error message: never outside its workspace folder. */
export async function anchorUri(anchor: CodeAnchor): Promise<vscode.Uri> {
  const t = vscode.l10n.t;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = (anchor.folder ? folders.find((f) => f.name === anchor.folder) : undefined) ?? folders[0];
  const rel = safeRelativePath(anchor.path);
  if (!folder || !rel) {
    throw new UserFacingError(t('The feedback points to "{0}", which is not a path inside the workspace; it was not opened.', String(anchor.path)));
  }
  const uri = vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
  if (!isInside(folder.uri.path, uri.path)) {
    throw new UserFacingError(t('The feedback points outside the workspace; it was not opened.'));
  }
  // Follow no symbolic link: a link could lead out of the workspace.
  let cur = folder.uri;
  for (const seg of rel.split('/')) {
    cur = vscode.Uri.joinPath(cur, seg);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(cur);
    } catch {
      throw new UserFacingError(t('The file {0} of this feedback no longer exists (renamed or deleted?).', rel));
    }
    if (stat.type & vscode.FileType.SymbolicLink) {
      throw new UserFacingError(t('The feedback points through a symbolic link ({0}); it was not followed.', rel));
    }
  }
  return uri;
}

function findFeedback(deps: Deps, arg: unknown): { path: string; fb: Feedback } {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const f = path ? deps.ws.store?.file(path) : undefined;
  const fb = f?.data?.feedback.find((x) => x.id === id);
  if (!path || !fb) {
    throw new UserFacingError(vscode.l10n.t('That feedback item is no longer there.'));
  }
  return { path, fb };
}

/** Live ranges of open documents, kept by the inline view; consulted first. */
export type LiveRanges = (uri: vscode.Uri, feedbackId: string) => AnchorRange | undefined;
let liveRanges: LiveRanges = () => undefined;
let revealThread: (uri: vscode.Uri, feedbackId: string) => void = () => undefined;
export function setLiveRangeSource(source: LiveRanges, reveal?: (uri: vscode.Uri, feedbackId: string) => void): void {
  liveRanges = source;
  revealThread = reveal ?? revealThread;
}

export async function goToFeedback(deps: Deps, arg: unknown): Promise<LocateResult | undefined> {
  const { path, fb } = findFeedback(deps, arg);
  const t = vscode.l10n.t;
  if (!fb.anchor) {
    throw new UserFacingError(t('This feedback is not linked to code.'));
  }
  let anchor = fb.anchor;
  let uri: vscode.Uri;
  try {
    uri = await anchorUri(anchor);
  } catch (e) {
    // Renamed or moved another way than in this editor (a pull, a terminal): git may know where to.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = (anchor.folder ? folders.find((f) => f.name === anchor.folder) : undefined) ?? folders[0];
    const moved = folder ? await renamedByGit(folder, anchor) : undefined;
    if (!moved) {
      throw e;
    }
    anchor = { ...anchor, path: moved };
    uri = await anchorUri(anchor);
    deps.log.info(`Feedback ${fb.id}: ${fb.anchor.path} was renamed to ${moved} (git)`);
    if (vscode.workspace.isTrusted) {
      await deps.ws.requireStore().edit(path, setFeedbackAnchor(fb.id, anchor));
    }
    void vscode.window.showInformationMessage(t('{0} was renamed to {1}; the feedback follows it.', fb.anchor.path, moved));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const live = liveRanges(uri, fb.id);
  const result: LocateResult = live
    ? { status: 'found', method: 'exact', range: live, confidence: 1 }
    : locate(doc.getText(), anchor);
  if (result.status === 'notFound' || !result.range) {
    const repoint = t('Re-point to Selection');
    await vscode.window.showTextDocument(doc, { preview: false });
    const choice = await vscode.window.showWarningMessage(
      t('The code this feedback was about is no longer in {0} (deleted or rewritten). The feedback is kept; select the code it is about now and re-point it.', anchor.path),
      repoint,
    );
    if (choice === repoint) {
      await repointFeedback(deps, entryArg('feedback', path, fb.id));
    }
    return result;
  }
  const range = toVscodeRange(result.range);
  revealThread(uri, fb.id);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
  vscode.window.activeTextEditor?.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // Rewritten where it stood, changed, or a copy among other lines: show the place, say why it may not be
  // the code the feedback was about, and offer to re-point it.
  const doubt = result.edited
    ? t('The code this feedback was about was rewritten; the selection shows where it stood in {0}. If the feedback is about the new code, re-point it.', anchor.path)
    : result.doubt === 'changed'
      ? t('The code this feedback was about changed; the most similar lines in {0} are selected ({1}% alike). If they are not the ones, select the right code and re-point the feedback.', anchor.path, Math.round(result.confidence * 100))
      : result.doubt === 'surroundings'
        ? t('The same code stands at line {0} of {1}, but most of the lines that were around it do not: it may be another copy. Check that it is the one the feedback is about.', result.range.startLine, anchor.path)
        : undefined;
  if (doubt) {
    const repoint = t('Re-point to Selection');
    void vscode.window.showWarningMessage(doubt, repoint).then(async (c) => {
      if (c === repoint) {
        await repointFeedback(deps, entryArg('feedback', path, fb.id));
      }
    });
  } else if (result.ambiguous) {
    void vscode.window.showWarningMessage(
      t('This code now appears {0} times in {1}; the likeliest place is selected. Check that it is the one the feedback is about.', result.ambiguous, anchor.path),
    );
  } else if (result.status === 'moved') {
    const update = t('Update Link');
    deps.log.info(`Feedback ${fb.id} moved to line ${result.range.startLine} (${result.method})`);
    void vscode.window
      .showInformationMessage(t('The code moved to line {0}; the link still says line {1}.', result.range.startLine, anchor.range.startLine), update)
      .then(async (c) => {
        if (c === update && result.range) {
          await deps.ws.requireStore().edit(path, moveFeedbackRange(fb.id, result.range));
        }
      });
  }
  return result;
}

async function repointFeedback(deps: Deps, arg: unknown): Promise<void> {
  const { path, fb } = findFeedback(deps, arg);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    throw new UserFacingError(vscode.l10n.t('Select the code the feedback is about now, then run "Re-point Feedback to Selection" again.'));
  }
  const loc = workspaceLocation(editor.document.uri);
  const range = toAnchorRange(editor.selection);
  const ctx = captureContext(editor.document.getText(), range);
  const anchor: CodeAnchor = { ...(fb.anchor?.folder ? { folder: loc.folder.name } : {}), path: loc.path, range, ...ctx };
  const commit = await currentCommit(editor.document.uri);
  await deps.ws.requireStore().edit(path, setFeedbackAnchor(fb.id, commit ? { ...anchor, commit } : anchor));
  void vscode.window.showInformationMessage(vscode.l10n.t('Feedback re-pointed to {0}:{1}.', loc.path, range.startLine));
}

