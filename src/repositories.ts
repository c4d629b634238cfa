/**
 * The repositories open in the window: for each workspace folder, the repository it is in (asked once per
 * folder, in the background after the views are drawn). Feedback is placed by them — inline threads,
 * Go to Code, the tree's "open repositories only" — and the local clones of a repository are remembered
 * per machine (VS Code's global state, which settings sync does not carry), so that Go to Code can offer
 * the clone the mentor opened before.
 */
import * as vscode from 'vscode';
import type { CodeAnchor } from './core/domain/model';
import { anchorHome, anchorIsOn, anchorPlaceIn, legacyRepo, withRepository } from './core/anchors/where';
import type { AnchorHome, FolderRepo, OpenFolder } from './core/anchors/where';
import type { AnchorPlace } from './core/anchors/build';
import { relativeInside, safeRelativePath } from './core/paths';
import { hasCommit, repositoriesOfFolder } from './platform/repositories';
import type { FolderRepository } from './platform/repositories';

const CLONES_KEY = 'mentorship.clones';
const MAX_CLONES = 200;

/** A clone seen open once: where its top folder is, and the ids its repository answers to. */
interface Clone {
  root: string;
  ids: string[];
}

export class OpenRepositories implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the repositories of the open folders are known (again). */
  readonly onDidChange = this.changed.event;
  private resolved: { folders: OpenFolder[]; roots: Map<FolderRepo, FolderRepository> } | undefined;
  private pending: Promise<OpenFolder[]> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private generation = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.forget();
        void this.folders();
      }),
    );
  }

  /** The open folders with their repositories, once known; undefined while they are being asked. */
  get known(): readonly OpenFolder[] | undefined {
    return this.resolved?.folders;
  }

  /**
   * Asks again when the window's folders are not the ones last asked about. A window opened on a new
   * workspace can hand its folders to the extension host without the change event (seen in VS Code 1.100).
   */
  refreshIfStale(): void {
    const now = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n');
    if (this.resolved && now !== this.askedAbout) {
      this.forget();
    }
  }
  private askedAbout = '';

  /** Drops what was asked about the folders: the next folders() asks again (an answer under way is not kept). */
  private forget(): void {
    this.generation++;
    this.resolved = undefined;
    this.pending = undefined;
  }

  /** The open folders with their repositories (asked once, then kept until the folders change). */
  folders(): Promise<OpenFolder[]> {
    if (this.resolved) {
      return Promise.resolve(this.resolved.folders);
    }
    this.pending ??= this.ask();
    return this.pending;
  }

  private async ask(): Promise<OpenFolder[]> {
    const generation = this.generation;
    const ws = vscode.workspace.workspaceFolders ?? [];
    this.askedAbout = ws.map((f) => f.uri.toString()).join('\n');
    const t0 = Date.now();
    const found = await Promise.all(ws.map((f) => repositoriesOfFolder(f.uri).catch(() => [] as FolderRepository[])));
    if (generation !== this.generation) {
      return this.folders(); // the folders changed meanwhile: ask about the new ones
    }
    const roots = new Map<FolderRepo, FolderRepository>();
    const folders: OpenFolder[] = ws.map((f, i) => ({
      name: f.name,
      repos: found[i].map((r) => {
        const repo: FolderRepo = { id: r.id, ids: r.ids, ...(r.within !== undefined ? { within: r.within } : {}), ...(r.at !== undefined ? { at: r.at } : {}) };
        roots.set(repo, r);
        return repo;
      }),
    }));
    this.resolved = { folders, roots };
    this.log.info(`Repositories of ${ws.length} folder(s) in ${Date.now() - t0} ms: ${folders.map((f) => `${f.name} → ${f.repos.map((r) => (r.at ? `${r.at}: ${r.id}` : r.id)).join(', ') || 'none'}`).join('; ')}`);
    await this.remember(found.flat());
    this.changed.fire();
    return folders;
  }

  /** Where an anchor's code is here: an open folder and the path in it, a repository that is not open, or nowhere. */
  async home(anchor: CodeAnchor): Promise<AnchorHome> {
    return anchorHome(anchor, await this.folders());
  }

  /** The file of an open folder at a path in it. */
  uriIn(folder: number, path: string): vscode.Uri | undefined {
    const f = vscode.workspace.workspaceFolders?.[folder];
    const rel = safeRelativePath(path);
    return f && rel ? vscode.Uri.joinPath(f.uri, ...rel.split('/')) : undefined;
  }

  /** Where a document is: its workspace folder (by index) and its path there; undefined outside the workspace. */
  documentPlace(uri: vscode.Uri): { folder: number; path: string } | undefined {
    const f = vscode.workspace.getWorkspaceFolder(uri);
    if (!f || uri.scheme !== f.uri.scheme) {
      return undefined;
    }
    const path = safeRelativePath(relativeInside(f.uri.path, uri.path));
    return path ? { folder: f.index, path } : undefined;
  }

  /** Whether an anchor is on this document (known repositories only: an anchor of a repository is placed once they are). */
  isOn(anchor: CodeAnchor, doc: { folder: number; path: string }): boolean {
    const folders = this.known;
    if (!folders) {
      return !anchor.repo && anchorIsOn(anchor, (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, repos: [] })), doc.folder, doc.path);
    }
    return anchorIsOn(anchor, folders, doc.folder, doc.path);
  }

  /** What an anchor logged on this document records of where it is. */
  async anchorPlace(doc: { folder: number; path: string }): Promise<AnchorPlace> {
    return anchorPlaceIn(await this.folders(), doc.folder, doc.path);
  }

  /** An older anchor with its repository, when the repository of its folder has its commit; else undefined. */
  async upgraded(anchor: CodeAnchor): Promise<CodeAnchor | undefined> {
    if (anchor.repo || !anchor.commit) {
      return undefined;
    }
    const folders = await this.folders();
    const repo = legacyRepo(anchor, folders);
    const root = repo ? this.resolved?.roots.get(repo)?.root : undefined;
    if (!repo || !root) {
      return undefined;
    }
    const known = await hasCommit(root, anchor.commit);
    return withRepository(anchor, folders, (r) => (r === repo ? known : undefined));
  }

  /** Local clones of a repository seen open before on this machine (that still exist), most recent first. */
  async clonesOf(repo: string): Promise<vscode.Uri[]> {
    const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    const out: vscode.Uri[] = [];
    for (const c of this.context.globalState.get<Clone[]>(CLONES_KEY, [])) {
      if (!c.ids.includes(repo) || open.has(c.root)) {
        continue;
      }
      const uri = vscode.Uri.parse(c.root);
      const exists = await vscode.workspace.fs.stat(uri).then(
        (s) => (s.type & vscode.FileType.Directory) !== 0,
        () => false,
      );
      if (exists) {
        out.push(uri);
      }
    }
    return out;
  }

  /** Keeps the clones open now in the list of this machine's (global state, not synced). */
  private async remember(repos: readonly (FolderRepository | undefined)[]): Promise<void> {
    const seen = repos.flatMap((r) => (r && r.root.scheme === 'file' ? [{ root: r.root.toString(), ids: [...r.ids] }] : []));
    if (seen.length === 0) {
      return;
    }
    const before = this.context.globalState.get<Clone[]>(CLONES_KEY, []);
    const next = [...seen, ...before.filter((c) => !seen.some((s) => s.root === c.root))].slice(0, MAX_CLONES);
    if (JSON.stringify(next) !== JSON.stringify(before)) {
      await this.context.globalState.update(CLONES_KEY, next);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
