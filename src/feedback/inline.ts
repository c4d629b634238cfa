/**
 * Feedback where the code is: one comment thread per feedback item in open editors (Comments API), whose
 * ranges follow every edit live; when the file is saved, a range that moved with its text intact is
 * written back to the YAML. Deleting the anchored code never deletes the feedback: it is only no longer
 * shown inline, and "Go to Feedback Code" says it is gone and offers to re-point it.
 */
import * as vscode from 'vscode';
import { LineIndex, locate, shiftRange } from '../core/anchors/anchor';
import type { AnchorRange, CodeAnchor, Feedback, Mentee } from '../core/domain/model';
import type { Background, Deps } from '../kit/command';
import { loadBundle } from '../platform/bundles';
import { toVscodeRange } from './ranges';
import { ENGLISH_REVIEW_MARKDOWN, reviewMarkdown } from '../core/render/reviewMarkdown';
import { translateTable } from '../kit/l10nTable';

export interface Tracked {
  menteePath: string;
  menteeName: string;
  /** The mentee's code-host user names, lower case: a reply by one of them is the mentee's. */
  menteeHandles: string[];
  fb: Feedback;
  range: AnchorRange;
  thread?: vscode.CommentThread;
}

class FeedbackComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  constructor(
    public body: vscode.MarkdownString,
    public author: vscode.CommentAuthorInformation,
    public contextValue: string,
    public label: string | undefined,
  ) {}
}

export class InlineFeedback implements vscode.Disposable {
  /**
   * Created when the first thread is shown, not at activation. In a window with more than one extension
   * host (a browser window on a remote runs a web worker host and the remote host), the comments bridge of
   * each host that starts clears the comment controllers every host has registered until then (VS Code
   * 1.100). A controller registered at activation, while the other host was still starting, was dropped
   * so: none of its threads was drawn for the rest of the session. Opening a file with feedback comes after
   * the window's start, not within it.
   */
  private controllerInstance?: vscode.CommentController;
  /** Per document URI: the feedback shown in it, with live ranges. */
  private readonly docs = new Map<string, Tracked[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly expandNext = new Set<string>();
  /** What each thread was last given to show, so an update sends only what changed. */
  private readonly signatures = new WeakMap<vscode.CommentThread, string>();

  constructor(private readonly deps: Deps) {
    this.disposables.push(
      { dispose: () => this.controllerInstance?.dispose() },
      { dispose: () => [...this.relook.values()].forEach((t) => clearTimeout(t)) },
      vscode.window.onDidChangeVisibleTextEditors(() => this.syncVisible()),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d).catch((e: unknown) => deps.ws.reportBackground(e, vscode.l10n.t('Could not update the feedback links of {0}', d.uri.path.slice(d.uri.path.lastIndexOf('/') + 1))))),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri.toString())),
      deps.ws.onDidChange(() => this.rebuildAll()),
      // Feedback on code of a repository is placed once the repositories of the open folders are known.
      deps.repos.onDidChange(() => this.rebuildAll()),
    );
    this.syncVisible();
  }

  private get controller(): vscode.CommentController {
    if (!this.controllerInstance) {
      this.controllerInstance = vscode.comments.createCommentController('mentorship.feedback', vscode.l10n.t('Mentorship feedback'));
      this.controllerInstance.options = { placeHolder: '', prompt: '' };
    }
    return this.controllerInstance;
  }

  /** The threads shown in a document, by feedback id (read by the extension-host tests). */
  threadsOf(uri: vscode.Uri): ReadonlyMap<string, vscode.CommentThread> {
    return new Map((this.docs.get(uri.toString()) ?? []).flatMap((t) => (t.thread ? [[t.fb.id, t.thread] as const] : [])));
  }

  /** Expands the thread of this feedback the next time it is shown (after "Go to Feedback Code"). */
  reveal(uri: vscode.Uri, feedbackId: string): void {
    const t = this.docs.get(uri.toString())?.find((x) => x.fb.id === feedbackId);
    if (t?.thread) {
      t.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    } else {
      this.expandNext.add(feedbackId);
    }
  }

  /** The feedback on this document: anchors of its repository (or, older ones, of its folder) at its path. */
  private feedbackFor(doc: vscode.TextDocument): { menteePath: string; m: Mentee; fb: Feedback }[] {
    const store = this.deps.ws.store;
    const place = store ? this.deps.repos.documentPlace(doc.uri) : undefined;
    if (!store || !place) {
      return [];
    }
    const out: { menteePath: string; m: Mentee; fb: Feedback }[] = [];
    for (const f of store.mentees) {
      for (const fb of f.data?.feedback ?? []) {
        if (fb.anchor && this.deps.repos.isOn(fb.anchor, place)) {
          out.push({ menteePath: f.path, m: f.data as Mentee, fb });
        }
      }
    }
    return out;
  }

  private syncVisible(): void {
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const e of vscode.window.visibleTextEditors) {
      if (!this.docs.has(e.document.uri.toString())) {
        this.refresh(e.document);
      }
    }
    // Keep tracking documents that are open but hidden: their ranges must keep following edits.
    for (const key of [...this.docs.keys()]) {
      if (!visible.has(key) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
        this.clear(key);
      }
    }
  }

  /**
   * A change in the data updates the threads of every tracked document in place: a thread whose feedback
   * is still there keeps its identity (and, while its anchor is unchanged, the live range that follows
   * unsaved edits); only feedback that is new gets a thread, only feedback that is gone loses its own.
   * (Disposing and re-creating every thread on each write sent the workbench a burst of deletes and
   * creates that an editor asking for its threads at the same moment could get wrong.)
   */
  private rebuildAll(): void {
    for (const key of [...this.docs.keys()]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc) {
        this.refresh(doc);
      } else {
        this.clear(key);
      }
    }
    this.syncVisible();
  }

  private refresh(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote' && doc.uri.scheme !== 'vscode-userdata') {
      return;
    }
    const key = doc.uri.toString();
    const items = this.feedbackFor(doc);
    const before = new Map((this.docs.get(key) ?? []).map((t) => [t.fb.id, t]));
    if (items.length === 0 && before.size === 0) {
      return;
    }
    let text: string | undefined;
    const tracked: Tracked[] = [];
    for (const { menteePath, m, fb } of items) {
      const anchor = fb.anchor;
      const prev = before.get(fb.id);
      before.delete(fb.id);
      let range: AnchorRange | undefined;
      if (prev && anchor && sameAnchor(prev.fb.anchor, anchor)) {
        range = prev.range;
      } else if (anchor) {
        const found = locate((text ??= doc.getText()), anchor);
        range = found.status === 'notFound' ? undefined : found.range;
      }
      if (!range) {
        prev?.thread?.dispose(); // orphaned: kept in the YAML and the tree, not shown inline
        continue;
      }
      if (prev?.thread) {
        Object.assign(prev, { menteePath, menteeName: m.name, menteeHandles: handlesOf(m), fb, range });
        this.update(prev.thread, prev);
        tracked.push(prev);
      } else {
        const t: Tracked = { menteePath, menteeName: m.name, menteeHandles: handlesOf(m), fb, range };
        t.thread = this.thread(doc.uri, t);
        tracked.push(t);
      }
    }
    for (const gone of before.values()) {
      gone.thread?.dispose();
    }
    if (items.length > 0) {
      this.docs.set(key, tracked); // also when none was found: not searched again on every focus change
    } else {
      this.docs.delete(key);
    }
    // Feedback whose code is not in the text now is looked for again when the text changes (the code
    // restored on disk, by git or an undo): its thread comes back without reopening the file.
    if (items.length > tracked.length) {
      this.orphaned.add(key);
    } else {
      this.orphaned.delete(key);
    }
  }

  private readonly orphaned = new Set<string>();
  /** The review Markdown's labels in the display language: translated once, not for every thread drawn. */
  private readonly reviewStrings = translateTable(ENGLISH_REVIEW_MARKDOWN);
  private readonly relook = new Map<string, ReturnType<typeof setTimeout>>();

  private relookSoon(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.relook.get(key));
    this.relook.set(
      key,
      setTimeout(() => {
        this.relook.delete(key);
        const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (now) {
          this.refresh(now);
        }
      }, 300),
    );
  }

  /** What a thread shows of its feedback: the comment, the replies from the review, label and state. */
  private view(t: Tracked): { signature: string; comments: FeedbackComment[]; label: string; contextValue: string; state: vscode.CommentThreadState } {
    // Whoever wrote it: the reviewer of an imported comment, else the mentor (by the name in mentor.yaml).
    const mentorName = this.deps.ws.store?.mentor?.data?.name?.trim();
    const writer = t.fb.reviewer ?? mentorName ?? vscode.l10n.t('Mentor');
    const author = `${writer} · ${t.fb.kind}`;
    const review = t.fb.review ? `\n\n${vscode.l10n.t('Review: {0}', String(t.fb.review))}` : '';
    const replies = t.fb.replies ?? [];
    const replyAuthor = (login: string): string => (t.menteeHandles.includes(login.replace(/^@/, '').toLowerCase()) ? `${t.menteeName} (@${login.replace(/^@/, '')})` : login);
    const strings = this.reviewStrings;
    return {
      signature: JSON.stringify([t.fb.text, review, author, t.fb.date, t.menteeHandles, replies.map((r) => [r.text, r.author, r.date])]),
      get comments() {
        // Markdown as the review showed it (code, suggestions, links), never trusted, no HTML: see reviewMarkdown.
        const body = safeMarkdown(reviewMarkdown(t.fb.text, strings) + review);
        // Answers from the review thread follow, as they were written (read-only).
        return [
          new FeedbackComment(body, { name: author }, 'mentorship.feedbackComment', t.fb.date),
          ...replies.map((r) => new FeedbackComment(safeMarkdown(reviewMarkdown(r.text, strings)), { name: replyAuthor(r.author) }, 'mentorship.feedbackReply', r.date)),
        ];
      },
      label: vscode.l10n.t('Feedback for {0} ({1})', t.menteeName, t.fb.kind),
      contextValue: `mentorship.feedbackThread.${t.fb.resolved ? 'resolved' : 'open'}`,
      state: t.fb.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved,
    };
  }

  private thread(uri: vscode.Uri, t: Tracked): vscode.CommentThread {
    const v = this.view(t);
    const thread = this.controller.createCommentThread(uri, toVscodeRange(t.range), v.comments);
    thread.label = v.label;
    thread.canReply = false;
    thread.contextValue = v.contextValue;
    thread.state = v.state;
    const expand = this.expandNext.delete(t.fb.id);
    thread.collapsibleState = expand ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
    (thread as vscode.CommentThread & { mentorship?: Tracked }).mentorship = t;
    this.signatures.set(thread, v.signature);
    return thread;
  }

  /** Sets only what changed: each property set is a message to the workbench. */
  private update(thread: vscode.CommentThread, t: Tracked): void {
    const v = this.view(t);
    const range = toVscodeRange(t.range);
    if (!thread.range?.isEqual(range)) {
      thread.range = range;
    }
    if (this.signatures.get(thread) !== v.signature) {
      thread.comments = v.comments;
      this.signatures.set(thread, v.signature);
    }
    if (thread.label !== v.label) {
      thread.label = v.label;
    }
    if (thread.contextValue !== v.contextValue) {
      thread.contextValue = v.contextValue;
    }
    if (thread.state !== v.state) {
      thread.state = v.state;
    }
    if (this.expandNext.delete(t.fb.id)) {
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    }
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length > 0 && this.orphaned.has(e.document.uri.toString())) {
      this.relookSoon(e.document);
    }
    const tracked = this.docs.get(e.document.uri.toString());
    if (!tracked || e.contentChanges.length === 0) {
      return;
    }
    // VS Code reports the changes of one event against the document before the event, in any order;
    // applied from the bottom up, each one is still relative to the text the next one sees.
    const changes = [...e.contentChanges]
      .sort((a, b) => b.rangeOffset - a.rangeOffset)
      .map((c) => ({ range: { start: c.range.start, end: c.range.end }, text: c.text.replace(/\r\n/g, '\n') }));
    for (const t of [...tracked]) {
      const next = shiftRange(t.range, changes);
      if (!next) {
        // The anchored code was deleted: the feedback stays in the YAML, only its inline thread goes.
        t.thread?.dispose();
        tracked.splice(tracked.indexOf(t), 1);
        this.orphaned.add(e.document.uri.toString());
        this.deps.log.info(`Feedback ${t.fb.id}: its code was deleted; it is kept as orphaned`);
        continue;
      }
      t.range = next;
      if (t.thread) {
        t.thread.range = toVscodeRange(next);
      }
    }
  }

  /** On save, write back ranges that moved while their text stayed the same. */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const tracked = this.docs.get(doc.uri.toString());
    if (!tracked) {
      return;
    }
    const idx = new LineIndex(doc.getText());
    const moves: { menteePath: string; feedbackId: string; anchor: CodeAnchor }[] = [];
    for (const t of tracked) {
      const a = t.fb.anchor;
      if (!a || sameRange(a.range, t.range)) {
        continue;
      }
      const now = idx.text.slice(idx.offset(t.range.startLine, t.range.startColumn), idx.offset(t.range.endLine, t.range.endColumn));
      if (now.replace(/\r\n/g, '\n') !== a.text.replace(/\r\n/g, '\n')) {
        continue; // edited inside: the locator finds it when needed; the stored snippet stays as logged
      }
      moves.push({ menteePath: t.menteePath, feedbackId: t.fb.id, anchor: { ...a, range: t.range } });
    }
    if (moves.length > 0 && vscode.workspace.isTrusted) {
      // The writes are operations of the table, in the flows bundle.
      const flows = await loadBundle<{ BACKGROUND: Background }>('flows');
      await flows.BACKGROUND.moveRanges(this.deps, moves);
    }
  }

  /** The live range of a feedback item in an open document: it follows unsaved edits. */
  liveRange(uri: vscode.Uri, feedbackId: string): AnchorRange | undefined {
    return this.docs.get(uri.toString())?.find((t) => t.fb.id === feedbackId)?.range;
  }

  private clear(key: string): void {
    for (const t of this.docs.get(key) ?? []) {
      t.thread?.dispose();
    }
    this.docs.delete(key);
  }

  dispose(): void {
    for (const key of [...this.docs.keys()]) {
      this.clear(key);
    }
    this.disposables.forEach((d) => d.dispose());
  }
}

function sameAnchor(a: CodeAnchor | undefined, b: CodeAnchor): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}

function sameRange(a: AnchorRange, b: AnchorRange): boolean {
  return a.startLine === b.startLine && a.startColumn === b.startColumn && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** Draws the feedback threads, and offers the flows loaded later their live ranges and reveal. */
/** A comment body: Markdown made safe by reviewMarkdown, in a string VS Code treats as untrusted, without HTML. */
function safeMarkdown(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function handlesOf(m: Mentee): string[] {
  return [m.github, m.gitlab].filter((h): h is string => !!h && h.trim() !== '').map((h) => h.trim().replace(/^@/, '').toLowerCase());
}

export function registerInlineFeedback(deps: Deps): InlineFeedback {
  const inline = new InlineFeedback(deps);
  deps.context.subscriptions.push(inline);
  deps.inline = {
    liveRange: (uri, id) => inline.liveRange(uri, id),
    reveal: (uri, id) => inline.reveal(uri, id),
  };
  return inline;
}
