/**
 * Connects the store to the open workspace: finds the data folder (setting `mentorship.dataFolder`),
 * loads it, follows changes on disk, mirrors problems into the Problems panel and state into
 * when-clause context keys.
 */
import * as vscode from 'vscode';
import { Identity } from './identity';
import { joinPath, normalizePosix, relativeInside } from './core/paths';
import { MentorshipStore } from './core/storage/store';
import type { MenteeFile, StoreChange } from './core/storage/store';
import { UserFacingError } from './kit/errors';
import { CONTEXT, SETTINGS, splitSetting } from './kit/names';
import { VscodeFileSystem } from './platform/vscodeFs';

export const DEFAULT_DATA_FOLDER = '.mentorship';

export interface DataLocation {
  folder: vscode.WorkspaceFolder;
  /** Posix path of the data folder, as the store sees it. */
  root: string;
  base: vscode.Uri;
}

/**
 * Where the data lives. A relative setting is resolved inside the first workspace folder and may not climb
 * out of it; an absolute one is taken as the user wrote it.
 */
export function resolveDataLocation(setting: string | undefined, folder: vscode.WorkspaceFolder): { location?: DataLocation; error?: string } {
  const raw = (setting ?? '').trim() || DEFAULT_DATA_FOLDER;
  const posix = raw.replace(/\\/g, '/');
  if (/^([a-zA-Z]:)?\//.test(posix)) {
    const uri = vscode.Uri.file(raw);
    return { location: { folder, root: normalizePosix(uri.path), base: uri } };
  }
  const root = normalizePosix(joinPath(folder.uri.path, posix));
  const inside = relativeInside(folder.uri.path, root) !== undefined;
  if (!inside) {
    return { error: vscode.l10n.t('The setting mentorship.dataFolder ("{0}") points outside the workspace folder; using {1} instead.', raw, DEFAULT_DATA_FOLDER) };
  }
  return { location: { folder, root, base: folder.uri } };
}

export class MentorshipWorkspace implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StoreChange>();
  /** Fires after the store changed, or was replaced (setting changed, folder added). */
  readonly onDidChange = this.changed.event;
  private current: { store: MentorshipStore; fs: VscodeFileSystem; location: DataLocation; subscriptions: vscode.Disposable[] } | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mentorship');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Mentor or mentee: decided from the data before every view hears of a change. */
  readonly identity = new Identity();

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS.dataFolder) || e.affectsConfiguration(SETTINGS.myEmail)) {
          this.restart();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
    );
  }

  private readonly reported = new Set<string>();

  /**
   * A failure of work the mentor did not start by hand (loading, re-reading after a change on disk,
   * restarting after a setting changed): logged with its cause, and shown once — the same message again
   * stays quiet until the data folder loads cleanly.
   */
  reportBackground(e: unknown, context: string): void {
    const cause = e instanceof Error ? e.message : String(e);
    const message = vscode.l10n.t('{0}: {1}', context, cause);
    this.log.error(e instanceof Error && e.cause ? `${message} (cause: ${String(e.cause)})` : message);
    if (this.reported.has(message)) {
      return;
    }
    this.reported.add(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('Mentorship: {0}', message));
  }

  /** Reads the data folder again (setting or workspace folders changed); a failure reaches the mentor. */
  restart(): void {
    this.start().catch((e: unknown) => this.reportBackground(e, vscode.l10n.t('Could not load the data folder')));
  }

  // Declared before the promise whose executor replaces it (field initializers run in order).
  private markLoaded: () => void = () => undefined;
  private readonly loadedOnce: Promise<void> = new Promise((resolve) => (this.markLoaded = resolve));

  /** Settles once the data folder has been read the first time (or there is none to read). */
  whenLoaded(): Promise<void> {
    return this.loadedOnce;
  }

  get store(): MentorshipStore | undefined {
    return this.current?.store;
  }

  get location(): DataLocation | undefined {
    return this.current?.location;
  }

  uri(path: string): vscode.Uri {
    if (!this.current) {
      throw new Error('No data folder');
    }
    return this.current.fs.uri(path);
  }

  /** The store, or an error message for the mentor when there is no workspace folder. */
  requireStore(): MentorshipStore {
    const store = this.store;
    if (!store) {
      throw new UserFacingError(vscode.l10n.t('Open a folder first: Mentorship keeps its files in the workspace.'));
    }
    return store;
  }

  async start(): Promise<void> {
    this.stop();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      await this.setContexts(false, false);
      this.changed.fire({ paths: [], removed: [] });
      this.markLoaded();
      return;
    }
    const { section, name } = splitSetting(SETTINGS.dataFolder);
    const setting = vscode.workspace.getConfiguration(section).get<string>(name);
    let { location, error } = resolveDataLocation(setting, folder);
    if (error) {
      this.log.warn(error);
      void vscode.window.showWarningMessage(error);
      location = resolveDataLocation(DEFAULT_DATA_FOLDER, folder).location;
    }
    if (!location) {
      return;
    }
    const fs = new VscodeFileSystem(location.base);
    const store = new MentorshipStore(fs, location.root, {
      log: (m) => this.log.info(m),
      blockWrite: (path) => {
        if (!vscode.workspace.isTrusted) {
          return vscode.l10n.t('This workspace is not trusted: Mentorship only reads here. Trust the workspace to save changes.');
        }
        const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.path === path && d.uri.scheme === location?.base.scheme);
        return dirty
          ? vscode.l10n.t('{0} has unsaved changes in an editor. Save or revert them first; the change was not saved.', path.slice(path.lastIndexOf('/') + 1))
          : undefined;
      },
    });
    const subscriptions: vscode.Disposable[] = [store];
    this.current = { store, fs, location, subscriptions };
    subscriptions.push(
      store.onDidChange((e) => {
        this.identity.update(store);
        this.updateDiagnostics(store);
        void this.setContexts(true, store.mentees.length > 0 || !!store.mentor);
        this.changed.fire(e);
      }),
    );
    // Watched from the workspace folder, which always exists (a watcher based on a folder that does not
    // exist yet sees nothing there); Initialize starts over once it has created the data folder.
    const folderPath = location.folder.uri.path.replace(/\/$/, '');
    const inside = relativeInside(folderPath, location.root) || undefined;
    const files = '{mentor.yaml,mentees/*.yaml,mentees/*.yml}';
    const pattern = inside && !/[*?{}[\]]/.test(inside) ? new vscode.RelativePattern(location.folder, `${inside}/${files}`) : new vscode.RelativePattern(fs.uri(location.root), files);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onFs = (uri: vscode.Uri): void => this.scheduleRefresh(store, uri.path);
    subscriptions.push(watcher, watcher.onDidChange(onFs), watcher.onDidCreate(onFs), watcher.onDidDelete(onFs));
    // A save in the editor is seen at once, without waiting for the file watcher.
    subscriptions.push(vscode.workspace.onDidSaveTextDocument((d) => onFs(d.uri)));
    try {
      await this.identity.read(location.folder);
      this.identity.update(undefined);
      const exists = await store.exists();
      await this.setContexts(exists, false);
      const t0 = Date.now();
      if (exists) {
        await store.loadQuick();
        this.log.info(`First level of ${store.mentees.length} mentee(s) in ${Date.now() - t0} ms`);
      }
      await store.load();
      this.reported.clear();
      this.log.info(`Loaded ${store.mentees.length} mentee file(s) from ${location.root} in ${Date.now() - t0} ms`);
    } catch (e) {
      // The views must not keep showing the previous folder's mentees as if they were this one's.
      this.changed.fire({ paths: [], removed: [] });
      throw e;
    } finally {
      // Commands wait for the first read; they must not wait forever when it failed.
      this.markLoaded();
    }
  }

  private scheduleRefresh(store: MentorshipStore, path: string): void {
    // Editors and git write in bursts; read once the burst is over.
    const prev = this.pending.get(path);
    if (prev) {
      clearTimeout(prev);
    }
    this.pending.set(
      path,
      setTimeout(() => {
        this.pending.delete(path);
        if (this.store === store) {
          store.refresh(path).catch((e: unknown) => this.reportBackground(e, vscode.l10n.t('Could not re-read {0}', path.slice(path.lastIndexOf('/') + 1))));
        }
      }, 80),
    );
  }

  private async setContexts(folderExists: boolean, hasData: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT.dataFolderExists, folderExists);
    await vscode.commands.executeCommand('setContext', CONTEXT.hasData, hasData);
  }

  private updateDiagnostics(store: MentorshipStore): void {
    this.diagnostics.clear();
    const files: { path: string; problems: MenteeFile['problems'] }[] = [...store.mentees];
    if (store.mentor) {
      files.push(store.mentor);
    }
    for (const f of files) {
      if (f.problems.length === 0) {
        continue;
      }
      const diags = f.problems.map((p) => {
        const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
        const d = new vscode.Diagnostic(
          new vscode.Range(pos, pos.translate(0, 1)),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Mentorship';
        return d;
      });
      this.diagnostics.set(this.uri(f.path), diags);
    }
  }

  private stop(): void {
    for (const t of this.pending.values()) {
      clearTimeout(t);
    }
    this.pending.clear();
    this.current?.subscriptions.forEach((d) => d.dispose());
    this.current = undefined;
    this.diagnostics.clear();
  }

  dispose(): void {
    this.stop();
    this.disposables.forEach((d) => d.dispose());
  }
}
