/**
 * Feedback from code review, linked to a code selection: logging it, going back to it (following the code
 * when it moved, saying so plainly when it is gone), re-pointing it.
 */
import * as vscode from 'vscode';
import { renamedByGit } from './renames';
import { toAnchorRange, toVscodeRange } from './ranges';
import { captureContext, locate } from '../core/anchors/anchor';
import type { LocateResult } from '../core/anchors/anchor';
import { lacksNextStep } from '../core/domain/feedbackQuality';
import type { CodeAnchor, Feedback, FeedbackKind, Goal } from '../core/domain/model';
import { FEEDBACK_KINDS } from '../core/domain/model';
import { buildAnchor } from '../core/anchors/build';
import { isInside } from '../core/paths';
import { permalink, repositoryName } from '../core/anchors/repository';
import { FEEDBACK_ICON } from '../core/render/treeModel';
import { entityFromArg, entryArg, pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { today } from '../kit/input';
import { menteeItems, noteRecentMentee } from '../kit/mentees';
import { isBack, Wizard } from '../kit/wizard';
import type { PickItem } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';
import { run } from '../kit/operations';
import { headCommit } from '../platform/gitApi';
import { writeFileNow } from '../platform/disk';

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

export const FEEDBACK_FLOWS: Flows = {
  'mentorship.logFeedback': (deps, arg) => logFeedbackOnSelection(deps, arg),
  'mentorship.goToFeedback': (deps, arg) => goToFeedback(deps, arg),
  'mentorship.repointFeedback': (deps, arg) => repointFeedback(deps, arg),
};


/** The selection to anchor: the editor's selection, or the whole current line when nothing is selected. */
function anchorSelection(editor: vscode.TextEditor): vscode.Range {
  const sel = editor.selection;
  if (!sel.isEmpty) {
    return new vscode.Range(sel.start, sel.end);
  }
  const line = editor.document.lineAt(sel.active.line);
  return line.range;
}

/** Where a document is: its workspace folder and the path there; refuses documents outside the workspace. */
function workspaceLocation(deps: Deps, uri: vscode.Uri): { folder: number; path: string } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== folder.uri.scheme) {
    throw new UserFacingError(
      vscode.l10n.t('Feedback can be linked only to files in the workspace. In a diff, use the right-hand (current) side.'),
    );
  }
  const place = deps.repos.documentPlace(uri);
  if (!place) {
    throw new UserFacingError(vscode.l10n.t('This file is not inside the workspace folder.'));
  }
  return place;
}

async function logFeedbackOnSelection(deps: Deps, arg: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const t = vscode.l10n.t;
  if (!editor) {
    throw new UserFacingError(t('Select the code the feedback is about first.'));
  }
  const doc = workspaceLocation(deps, editor.document.uri);
  const { path } = doc;
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
      // Going back from the hint to add a next step puts the cursor after the text, to type on.
      let goOn = false;
      for (;;) {
        const r = await w.input({
          // The whole selection: a multi-line one is named by its range ("cart.ts:27-31").
          prompt: t('Feedback on {0}:{1} — specific, and with a next step', path, range.endLine > range.startLine ? `${range.startLine}-${range.endLine}` : String(range.startLine)),
          value: s.text,
          cursorAtEnd: goOn,
          validate: (v) => (v.trim() ? undefined : t('Write the feedback.')),
        });
        if (isBack(r)) {
          return 'back' as const;
        }
        s.text = r.trim();
        if (!lacksNextStep(s.kind, s.text)) {
          return 'next' as const;
        }
        // The hint is a step of the same quick input: a notification would hand the keyboard to the code.
        const choice = await w.confirm(t('Constructive feedback names a concrete next step ("Try…", "Consider…", "Next time…"). Add one?'), [
          { label: `$(edit) ${t('Add a next step')}`, value: 'add' as const },
          { label: `$(check) ${t('Save as it is')}`, value: 'keep' as const },
        ]);
        if (choice !== 'add' && !isBack(choice)) {
          return 'next' as const;
        }
        goOn = choice === 'add';
        if (goOn) {
          s.text += ' ';
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
  const commit = await headCommit(editor.document.uri);
  // The repository of the code and the path there (or, outside any repository, the workspace folder).
  const anchor = buildAnchor(await deps.repos.anchorPlace(doc), range, ctx, { commit });
  const fb = {
    date: today(),
    kind: state.kind,
    text: state.text,
    ...(state.goal ? { goal: state.goal } : {}),
    ...(state.review ? { review: state.review } : {}),
    anchor,
  };
  const saved = await run(deps, 'logFeedback', state.mentee, fb);
  noteRecentMentee(deps, state.mentee);
  // Show the new comment thread open where it was written, not only a gutter icon.
  const added = [...(saved.data?.feedback ?? [])].reverse().find((x) => x.text === fb.text && x.anchor?.path === anchor.path && x.anchor.range.startLine === range.startLine);
  if (added) {
    deps.inline?.reveal(editor.document.uri, added.id);
  }
  await deps.context.workspaceState.update('mentorship.lastFeedbackKind', state.kind);
  deps.log.info(`Feedback (${state.kind}) logged on ${path}:${range.startLine}-${range.endLine}`);
  void vscode.window.showInformationMessage(t('Feedback saved, linked to {0}:{1}.', path, range.startLine));
}

/** The code of the feedback is in a repository that is not open in this window. */
export class NotOpenHere extends Error {
  constructor(
    readonly repo: string,
    readonly anchor: CodeAnchor,
  ) {
    super(vscode.l10n.t('This feedback is on {0}, {1}:{2}, which is not open here.', repositoryName(repo), anchor.path, anchor.range.startLine));
    this.name = 'NotOpenHere';
  }
}

/**
 * The file an anchor points to in this window, or why not: its repository is not open here (NotOpenHere),
 * the file is gone, or the path would lead out of its folder (a message). Never a file of another
 * repository that happens to have the same path.
 */
export async function anchorUri(deps: Deps, anchor: CodeAnchor): Promise<{ uri: vscode.Uri; folder: number; path: string }> {
  const t = vscode.l10n.t;
  const home = await deps.repos.home(anchor);
  if (home.kind === 'elsewhere') {
    throw new NotOpenHere(home.repo, anchor);
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = home.kind === 'open' ? folders[home.folder] : undefined;
  if (!folder || home.kind !== 'open') {
    throw new UserFacingError(t('The feedback points to "{0}", which is not a path inside the workspace; it was not opened.', String(anchor.path)));
  }
  const rel = home.path;
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
  return { uri, folder: home.folder, path: rel };
}

/**
 * Go to Code when the repository is not open: say so by name, and offer what can open it — the code host
 * at the recorded commit and lines, or a local clone this machine has opened before (added to the
 * workspace, then the code is shown). Never a file of another repository.
 */
async function offerElsewhere(deps: Deps, e: NotOpenHere, path: string, fb: Feedback): Promise<void> {
  const t = vscode.l10n.t;
  const link = permalink(e.repo, e.anchor.path, e.anchor.range, e.anchor.commit);
  const clones = await deps.repos.clonesOf(e.repo);
  const onHost = t('Open on Code Host');
  const inClone = clones.length === 1 ? t('Open Local Clone ({0})', clones[0].fsPath) : t('Open Local Clone…');
  const choices = [...(link ? [onHost] : []), ...(clones.length > 0 ? [inClone] : [])];
  deps.log.info(`Feedback ${fb.id}: ${e.repo} is not open here (${link ?? 'no web link'}; ${clones.length} local clone(s) known)`);
  const extra = choices.length === 0 ? ` ${t('Open a clone of it in VS Code to go to the code.')}` : '';
  const choice = await vscode.window.showInformationMessage(e.message + extra, ...choices);
  if (choice === onHost && link) {
    await vscode.env.openExternal(vscode.Uri.parse(link));
  } else if (choice === inClone) {
    let clone: vscode.Uri | undefined = clones[0];
    if (clones.length > 1) {
      const picked = await Wizard.flow(t('Open Local Clone'), (w) => w.pick({ placeholder: t('Which clone of {0}?', repositoryName(e.repo)), items: clones.map((c) => ({ label: `$(repo) ${c.fsPath}`, value: c })) }));
      clone = isBack(picked) ? undefined : picked;
    }
    if (!clone) {
      return;
    }
    // Added at the end, so the first folder stays. The window reloads on a workspace of its folders and
    // the clone: the next activation goes on from here (resumeGoTo).
    const at = vscode.workspace.workspaceFolders?.length ?? 0;
    const restarts = !vscode.workspace.workspaceFile;
    await writePending(deps, { path, id: fb.id, at: Date.now() });
    if (restarts) {
      // A window of one folder: a workspace file of its own (in the extension's storage), opened in this
      // window. Left to VS Code, the window would become an untitled workspace, which code-server was seen
      // to lose on the way (the window came back with no folder). Folders on this host's disk are written
      // as paths: a remote window reads them on its own machine.
      const folders = [...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), clone];
      // A name a URL carries as it is (the window opens it through one): letters, digits, '.', '_' and '-'.
      const name = folders.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1).replace(/[^\w.-]+/g, '_')).join('-');
      const file = vscode.Uri.joinPath(deps.context.globalStorageUri, 'workspaces', `${name}.code-workspace`);
      await writeFileNow(file, JSON.stringify({ folders: folders.map((u) => (u.scheme === 'file' ? { path: u.fsPath } : { uri: u.toString() })) }, null, 2) + '\n');
      deps.log.info(`Open Local Clone: the window opens ${file.fsPath}`);
      await vscode.commands.executeCommand('vscode.openFolder', file, { forceReuseWindow: true });
      return;
    }
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        sub.dispose();
        resolve();
      });
    });
    if (!vscode.workspace.updateWorkspaceFolders(at, 0, { uri: clone })) {
      throw new UserFacingError(t('{0} could not be added to the workspace.', clone.fsPath));
    }
    await opened;
    await writePending(deps, undefined);
    await goToFeedback(deps, entryArg('feedback', path, fb.id));
  }
}

/** A Go to Code that opened a local clone and waits for the window to have it. */
interface PendingGoTo {
  path: string;
  id: string;
  at: number;
  /** The window's workspace was opened a second time, having come back without its folders. */
  reopened?: boolean;
}

/**
 * Kept as a file of the extension's global storage, written by the extension host itself: the window's
 * own storage may not be saved when the host restarts at once (the browser's is not).
 */
function pendingUri(deps: Deps): vscode.Uri {
  return vscode.Uri.joinPath(deps.context.globalStorageUri, 'pending-go-to.json');
}

async function writePending(deps: Deps, pending: PendingGoTo | undefined): Promise<void> {
  try {
    if (pending) {
      await vscode.workspace.fs.createDirectory(deps.context.globalStorageUri);
      await vscode.workspace.fs.writeFile(pendingUri(deps), new TextEncoder().encode(JSON.stringify(pending)));
    } else {
      await vscode.workspace.fs.delete(pendingUri(deps));
    }
  } catch {
    // Nothing pending, or no storage: the mentor clicks Go to Code again.
  }
}

async function readPending(deps: Deps): Promise<PendingGoTo | undefined> {
  try {
    const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(pendingUri(deps)))) as Partial<PendingGoTo>;
    return typeof raw.path === 'string' && typeof raw.id === 'string' && typeof raw.at === 'number' ? (raw as PendingGoTo) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * After the extension host restarted to add a local clone (Open Local Clone): go to the code the mentor
 * asked for, once, if it came within two minutes and its repository is open now.
 */
export async function resumeGoTo(deps: Deps): Promise<void> {
  const pending = await readPending(deps);
  if (!pending) {
    return;
  }
  // The window was to open the workspace written for the clone, but came back without its folders
  // (code-server was seen to do so once in a while): it opens it again, once.
  const file = vscode.workspace.workspaceFile;
  if (file && !pending.reopened && file.path.startsWith(deps.context.globalStorageUri.path)) {
    for (let i = 0; i < 10 && !(vscode.workspace.workspaceFolders?.length ?? 0); i++) {
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!(vscode.workspace.workspaceFolders?.length ?? 0)) {
      deps.log.warn(`Open Local Clone: the window opened ${file.fsPath} without its folders; opening it again`);
      await writePending(deps, { ...pending, reopened: true });
      await vscode.commands.executeCommand('vscode.openFolder', file, { forceReuseWindow: true });
      return;
    }
  }
  // The window may start with its folders still on their way: wait for them, until the two minutes end.
  const deadline = pending.at + 120_000;
  while (Date.now() < deadline) {
    deps.repos.refreshIfStale();
    await deps.repos.folders();
    const fb = deps.ws.store?.file(pending.path)?.data?.feedback.find((x) => x.id === pending.id);
    if (fb?.anchor && (await deps.repos.home(fb.anchor)).kind === 'open') {
      await writePending(deps, undefined);
      deps.log.info(`Feedback ${fb.id}: going to its code in the local clone that was just added`);
      await vscode.commands.executeCommand('mentorship.goToFeedback', entryArg('feedback', pending.path, pending.id));
      return;
    }
    await new Promise<void>((resolve) => {
      const sub = deps.repos.onDidChange(() => done());
      const timer = setTimeout(() => done(), Math.max(0, Math.min(5_000, deadline - Date.now())));
      function done(): void {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
  await writePending(deps, undefined);
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

export async function goToFeedback(deps: Deps, arg: unknown): Promise<LocateResult | undefined> {
  const { path, fb } = findFeedback(deps, arg);
  const t = vscode.l10n.t;
  if (!fb.anchor) {
    throw new UserFacingError(t('This feedback is not linked to code.'));
  }
  let anchor = fb.anchor;
  let uri: vscode.Uri;
  try {
    uri = (await anchorUri(deps, anchor)).uri;
  } catch (e) {
    if (e instanceof NotOpenHere) {
      await offerElsewhere(deps, e, path, fb);
      return undefined;
    }
    // Renamed or moved another way than in this editor (a pull, a terminal): git may know where to.
    const home = await deps.repos.home(anchor);
    const folder = home.kind === 'open' ? vscode.workspace.workspaceFolders?.[home.folder] : undefined;
    const moved = folder && home.kind === 'open' ? await renamedByGit(folder, { ...anchor, path: home.path }) : undefined;
    if (!moved || home.kind !== 'open') {
      throw e;
    }
    // An anchor of a repository keeps its path in the repository's terms.
    anchor = { ...anchor, path: anchor.repo ? (await deps.repos.anchorPlace({ folder: home.folder, path: moved })).path : moved };
    uri = (await anchorUri(deps, anchor)).uri;
    deps.log.info(`Feedback ${fb.id}: ${fb.anchor.path} was renamed to ${anchor.path} (git)`);
    if (vscode.workspace.isTrusted) {
      await run(deps, 'pointFeedback', path, { feedback: fb.id, anchor });
    }
    void vscode.window.showInformationMessage(t('{0} was renamed to {1}; the feedback follows it.', fb.anchor.path, anchor.path));
  }
  // An older anchor gains its repository once that is certain (the repository has its commit).
  const upgraded = vscode.workspace.isTrusted ? await deps.repos.upgraded(anchor) : undefined;
  if (upgraded) {
    await run(deps, 'pointFeedback', path, { feedback: fb.id, anchor: upgraded });
    deps.log.info(`Feedback ${fb.id}: its code is in ${upgraded.repo ?? '?'} (commit ${upgraded.commit ?? '?'} is there); the anchor records it now`);
    anchor = upgraded;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const live = deps.inline?.liveRange(uri, fb.id);
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
  deps.inline?.reveal(uri, fb.id);
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
          await run(deps, 'pointFeedback', path, { feedback: fb.id, anchor: { ...anchor, range: result.range }, rangeOnly: true });
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
  const loc = workspaceLocation(deps, editor.document.uri);
  const range = toAnchorRange(editor.selection);
  const ctx = captureContext(editor.document.getText(), range);
  const anchor = buildAnchor(await deps.repos.anchorPlace(loc), range, ctx, { commit: await headCommit(editor.document.uri) });
  await run(deps, 'pointFeedback', path, { feedback: fb.id, anchor });
  void vscode.window.showInformationMessage(vscode.l10n.t('Feedback re-pointed to {0}:{1}.', loc.path, range.startLine));
}

