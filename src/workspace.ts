/**
 * Connects the notebook to the window: finds its places — the data folder of the open workspace (setting
 * `mentorship.dataFolder`) and the mentor's notebook folders (setting `mentorship.notebookFolders`) —
 * reads them, follows changes on disk (file events, no polling), mirrors problems into the Problems panel
 * and state into when-clause context keys. A notebook folder that cannot be read is named once, with its
 * cause; the other places keep working.
 */
import * as vscode from 'vscode';
import { Identity } from './identity';
import { joinPath, normalizePosix, relativeInside } from './core/paths';
import { MentorshipStore } from './core/storage/store';
import type { MenteeFile, StoreChange } from './core/storage/store';
import { Notebook } from './core/storage/notebook';
import type { Place, PlaceSource } from './core/storage/notebook';
import { DEFAULT_DATA_FOLDER, expandHome, folderLabel, isAbsoluteSetting, probeNotebookFolder } from './core/storage/places';
import { UserFacingError } from './kit/errors';
import { CONTEXT, SETTINGS, splitSetting } from './kit/names';
import { homeFolder, realFolder } from './platform/disk';
import { VscodeFileSystem } from './platform/vscodeFs';

export { DEFAULT_DATA_FOLDER };

/** A place before it is read: where its data folder is, and the folder that always exists around it. */
interface PlaceSpec {
  root: string;
  label: string;
  source: PlaceSource;
  /** The scheme and authority of its files. */
  base: vscode.Uri;
  /** The nearest folder that exists (a watcher based on a folder that does not exist yet sees nothing there). */
  anchor: vscode.Uri;
  /** For the workspace's own data folder: the workspace folder. */
  folder?: vscode.WorkspaceFolder;
  /** A notebook folder as the mentor wrote it in the settings. */
  entry?: string;
  /** Whether its data folder is there, once looked at (see choosePlaces); undefined when the look failed. */
  exists?: boolean;
}

/** A notebook folder of the settings that cannot be read, and why. */
export interface FolderProblem {
  entry: string;
  cause: string;
}

/**
 * The data folder of a workspace folder. A relative setting is resolved inside the folder and may not climb
 * out of it; an absolute one is a notebook folder of its own (see `places`).
 */
export function resolveDataLocation(setting: string | undefined, folder: vscode.WorkspaceFolder): { root?: string; absolute?: vscode.Uri; error?: string } {
  const raw = (setting ?? '').trim() || DEFAULT_DATA_FOLDER;
  const expanded = expandHome(raw, homeFolder()) ?? raw;
  if (isAbsoluteSetting(expanded)) {
    return { absolute: vscode.Uri.file(expanded) };
  }
  const root = normalizePosix(joinPath(folder.uri.path, expanded.replace(/\\/g, '/')));
  if (relativeInside(folder.uri.path, root) === undefined) {
    return { error: vscode.l10n.t('The setting mentorship.dataFolder ("{0}") points outside the workspace folder; using {1} instead.', raw, DEFAULT_DATA_FOLDER) };
  }
  return { root };
}

interface Running {
  notebook: Notebook;
  fs: Map<string, VscodeFileSystem>;
  subscriptions: vscode.Disposable[];
}

/** The core's words for why a folder cannot be read, in the mentor's language where they are the usual ones. */
function localCause(cause: string): string {
  const t = vscode.l10n.t;
  const known: Record<string, string> = {
    'it does not exist': t('it does not exist'),
    'it is not a folder': t('it is not a folder'),
    'permission denied': t('permission denied'),
    'the file system is unavailable': t('the file system is unavailable'),
  };
  return known[cause] ?? cause;
}

function raw(setting: string | undefined): string {
  return (setting ?? '').trim();
}

export class MentorshipWorkspace implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StoreChange>();
  /** Fires after the notebook changed, or was replaced (a setting changed, a folder was added). */
  readonly onDidChange = this.changed.event;
  private current: Running | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('mentorship');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Mentor or mentee: decided from the data before every view hears of a change. */
  readonly identity = new Identity();
  /** Notebook folders of the settings that could not be read at the last start. */
  problems: FolderProblem[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS.dataFolder) || e.affectsConfiguration(SETTINGS.notebookFolders) || e.affectsConfiguration(SETTINGS.myEmail)) {
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
   * stays quiet until the notebook loads cleanly.
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

  /** Reads the notebook again (a setting or the workspace folders changed); a failure reaches the mentor. */
  restart(): void {
    this.start().catch((e: unknown) => this.reportBackground(e, vscode.l10n.t('Could not load the data folder')));
  }

  private started: Promise<void> | undefined;

  /** Settles when the last start (or restart) has read every place. */
  async whenStarted(): Promise<void> {
    await this.started;
  }

  // Declared before the promise whose executor replaces it (field initializers run in order).
  private markLoaded: () => void = () => undefined;
  private readonly loadedOnce: Promise<void> = new Promise((resolve) => (this.markLoaded = resolve));

  /** Settles once the notebook has been read the first time (or there is none to read). */
  whenLoaded(): Promise<void> {
    return this.loadedOnce;
  }

  /** The notebook: every place's mentees; undefined in a window with no folder and no notebook folder. */
  get store(): Notebook | undefined {
    return this.current?.notebook;
  }

  /** The file URI of a path of the notebook (its place's scheme and authority). */
  uri(path: string): vscode.Uri {
    const run = this.current;
    if (!run) {
      throw new Error('No data folder');
    }
    const place = run.notebook.placeOf(path) ?? run.notebook.home;
    return (run.fs.get(place.root) as VscodeFileSystem).uri(path);
  }

  /** The notebook, or an error message for the mentor when there is nowhere to keep notes. */
  requireStore(): Notebook {
    const store = this.store;
    if (!store) {
      throw new UserFacingError(vscode.l10n.t('Open a folder first, or add a notebook folder: Mentorship keeps its files in the workspace or in your notebook folders.'));
    }
    return store;
  }

  /** The workspace folder of a place of the open workspace (undefined for a notebook folder). */
  workspaceFolderOf(place: Place): vscode.WorkspaceFolder | undefined {
    return place.source === 'workspace' ? vscode.workspace.getWorkspaceFolder(this.uri(place.root)) : undefined;
  }

  /** The notebook folders of the mentor's settings, as written. */
  notebookFolderEntries(): string[] {
    const { section, name } = splitSetting(SETTINGS.notebookFolders);
    const value = vscode.workspace.getConfiguration(section).get<unknown>(name);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  }

  /** The workspace's own data folder (first folder first), and each notebook folder, in order; `problems` gets the folders that cannot be read. */
  private async placeSpecs(problems: FolderProblem[]): Promise<PlaceSpec[]> {
    const specs: PlaceSpec[] = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    const { section, name } = splitSetting(SETTINGS.dataFolder);
    const entries = this.notebookFolderEntries();
    for (const [i, folder] of folders.entries()) {
      const setting = vscode.workspace.getConfiguration(section, folder.uri).get<string>(name);
      let r = resolveDataLocation(setting, folder);
      if (r.error) {
        this.log.warn(r.error);
        if (i === 0) {
          void vscode.window.showWarningMessage(r.error);
        }
        r = resolveDataLocation(DEFAULT_DATA_FOLDER, folder);
      }
      if (r.absolute) {
        // An absolute data folder (the way one notebook was kept before notebook folders): a place of its
        // own, taken as written — and the workspace's own .mentorship/ stays in view beside it.
        if (!specs.some((x) => x.root === r.absolute?.path)) {
          specs.push({ root: normalizePosix(r.absolute.path), label: r.absolute.fsPath, source: 'notebook', base: r.absolute, anchor: r.absolute, entry: raw(setting) });
        }
        r = resolveDataLocation(DEFAULT_DATA_FOLDER, folder);
      }
      specs.push({ root: r.root as string, label: folder.name, source: 'workspace', base: folder.uri, anchor: folder.uri, folder });
    }
    // The folders are asked side by side; the places keep the order of the setting.
    const unique = [...new Set(entries)];
    const probes = await Promise.all(
      unique.map(async (entry) => {
        const expanded = expandHome(entry, homeFolder());
        if (!expanded || !isAbsoluteSetting(expanded)) {
          return undefined;
        }
        const uri = vscode.Uri.file(expanded);
        return { uri, probe: await probeNotebookFolder(new VscodeFileSystem(uri), uri.path) };
      }),
    );
    for (const [i, entry] of unique.entries()) {
      const asked = probes[i];
      if (!asked) {
        problems.push({ entry, cause: vscode.l10n.t('it is not an absolute path (write it as /home/you/mentoring/ana, or ~/mentoring/ana)') });
        continue;
      }
      if ('problem' in asked.probe) {
        problems.push({ entry, cause: localCause(asked.probe.problem) });
        continue;
      }
      specs.push({ root: asked.probe.root, label: folderLabel(entry), source: 'notebook', base: asked.uri, anchor: asked.uri, entry });
    }
    return specs;
  }

  /**
   * Which places are read: the first workspace folder's data folder always (it is where Initialize sets
   * up), the others' only when they exist; every readable notebook folder; a folder reached twice (the same
   * path, or through a symbolic link) once.
   */
  private async choosePlaces(specs: PlaceSpec[]): Promise<PlaceSpec[]> {
    const seen = new Set<string>();
    const out: PlaceSpec[] = [];
    const hasNotebook = specs.some((s) => s.source === 'notebook');
    // Every place is looked at side by side (its folder, then where it really is); the order stays the specs'.
    const looks = await Promise.all(
      specs.map(async (s) => {
        const stat = await new VscodeFileSystem(s.base).stat(s.root).then(
          (st) => st,
          () => null,
        );
        const exists = stat?.type === 'directory';
        return { exists: stat === null ? undefined : exists, key: await realFolder(exists ? s.base.with({ path: s.root }) : s.anchor) };
      }),
    );
    for (const [i, s] of specs.entries()) {
      const { exists, key } = looks[i];
      // In a code repository with no notes of its own, the notebook is the mentor's folders; without any,
      // the first workspace folder is where notes are set up.
      if (s.source === 'workspace' && !exists && (i > 0 || hasNotebook)) {
        continue;
      }
      const id = exists ? key : `${key}\u0000${s.root}`;
      if (seen.has(id)) {
        continue;
      }
      seen.add(id);
      out.push({ ...s, exists });
    }
    return out;
  }

  private generation = 0;

  /** Reads the notebook afresh: its places, their files. */
  start(): Promise<void> {
    const p = this.startOnce(++this.generation);
    this.started = p.catch(() => undefined);
    return p;
  }

  private async startOnce(generation: number): Promise<void> {
    const problems: FolderProblem[] = [];
    // Who is in VS Code (a git call) is asked while the folders are looked at: neither waits for the other.
    const identity = this.identity.read(vscode.workspace.workspaceFolders?.[0]);
    const specs = await this.choosePlaces(await this.placeSpecs(problems));
    if (generation !== this.generation) {
      return; // a newer start is under way: it reads the places as they are now
    }
    this.stop();
    this.problems = problems;
    this.reportFolderProblems();
    if (specs.length === 0) {
      await this.setContexts(false, false);
      this.changed.fire({ paths: [], removed: [] });
      this.markLoaded();
      return;
    }
    const fsByRoot = new Map<string, VscodeFileSystem>();
    const places: Place[] = specs.map((s) => {
      const fs = new VscodeFileSystem(s.base);
      fsByRoot.set(s.root, fs);
      const store = new MentorshipStore(fs, s.root, {
        log: (m) => this.log.info(m),
        blockWrite: (path) => {
          if (!vscode.workspace.isTrusted) {
            return vscode.l10n.t('This workspace is not trusted: Mentorship only reads here. Trust the workspace to save changes.');
          }
          const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.path === path && d.uri.scheme === s.base.scheme);
          return dirty
            ? vscode.l10n.t('{0} has unsaved changes in an editor. Save or revert them first; the change was not saved.', path.slice(path.lastIndexOf('/') + 1))
            : undefined;
        },
      });
      return { root: s.root, label: s.label, source: s.source, store };
    });
    const notebook = new Notebook(places);
    const subscriptions: vscode.Disposable[] = [notebook, ...places.map((p) => p.store)];
    const run: Running = { notebook, fs: fsByRoot, subscriptions };
    this.current = run;
    subscriptions.push(
      notebook.onDidChange((e) => {
        this.identity.update(notebook);
        this.updateDiagnostics(notebook);
        void this.setContexts(true, notebook.mentees.length > 0 || !!notebook.mentor);
        this.changed.fire(e);
      }),
    );
    for (const s of specs) {
      this.watch(run, s);
    }
    // A save in the editor is seen at once, without waiting for the file watcher.
    subscriptions.push(vscode.workspace.onDidSaveTextDocument((d) => this.onDisk(run, d.uri)));
    try {
      await identity;
      this.identity.update(undefined);
      const t0 = Date.now();
      // choosePlaces has looked already; a place whose look failed is asked again, for the store's own error.
      const exists = await Promise.all(places.map((p, i) => specs[i].exists ?? p.store.exists()));
      await this.setContexts(exists.some(Boolean), false);
      // Every place's first level, then the full reads: one place's parsing would hold up the others' first
      // rows. One place that fails does not hold up the others.
      const failures: unknown[] = [];
      const quick = await Promise.all(places.map((p, i) => (exists[i] ? p.store.loadQuick().then(() => true, (e: unknown) => (failures.push(e), false)) : true)));
      await Promise.all(
        places.map(async (p, i) => {
          if (!quick[i]) {
            return;
          }
          try {
            await p.store.load();
          } catch (e) {
            failures.push(e);
          }
        }),
      );
      this.log.info(`Loaded ${notebook.mentees.length} mentee file(s) from ${places.map((p) => p.root).join(', ')} in ${Date.now() - t0} ms`);
      if (failures.length > 0) {
        throw failures[0];
      }
      this.reported.clear();
    } catch (e) {
      // The views must not keep showing the previous notebook's mentees as if they were this one's.
      this.changed.fire({ paths: [], removed: [] });
      throw e;
    } finally {
      // Commands wait for the first read; they must not wait forever when it failed.
      this.markLoaded();
    }
  }

  /** Follows a place's files on disk with the file watcher (events from the operating system, no polling). */
  private watch(run: Running, s: PlaceSpec): void {
    const files = '{mentor.yaml,mentees/*.yaml,mentees/*.yml}';
    const inside = relativeInside(s.anchor.path.replace(/\/$/, ''), s.root) || undefined;
    const base: vscode.WorkspaceFolder | vscode.Uri = s.folder ?? s.anchor;
    const pattern = inside && !/[*?{}[\]]/.test(inside) ? new vscode.RelativePattern(base, `${inside}/${files}`) : new vscode.RelativePattern(s.base.with({ path: s.root }), files);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onFs = (uri: vscode.Uri): void => this.onDisk(run, uri);
    run.subscriptions.push(watcher, watcher.onDidChange(onFs), watcher.onDidCreate(onFs), watcher.onDidDelete(onFs));
  }

  private onDisk(run: Running, uri: vscode.Uri): void {
    const place = run.notebook.placeOf(uri.path);
    if (place && run.fs.get(place.root)?.uri(uri.path).scheme === uri.scheme) {
      this.scheduleRefresh(run, uri.path);
    }
  }

  /** One message per notebook folder that cannot be read, naming it and the cause; it offers the way out. */
  private reportFolderProblems(): void {
    for (const p of this.problems) {
      const message = vscode.l10n.t('The notebook folder {0} cannot be read: {1}. Your other notes are read as usual.', p.entry, p.cause);
      this.log.warn(message);
      if (this.reported.has(message)) {
        continue;
      }
      this.reported.add(message);
      const remove = vscode.l10n.t('Remove from Notebook');
      const settings = vscode.l10n.t('Open Settings');
      void vscode.window.showWarningMessage(vscode.l10n.t('Mentorship: {0}', message), remove, settings).then(async (c) => {
        if (c === remove) {
          await this.setNotebookFolders(this.notebookFolderEntries().filter((e) => e !== p.entry));
        } else if (c === settings) {
          await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS.notebookFolders);
        }
      });
    }
  }

  /** Writes the notebook folders to the mentor's own settings (never a repository's), and waits for the new notebook. */
  async setNotebookFolders(entries: string[]): Promise<void> {
    const { section, name } = splitSetting(SETTINGS.notebookFolders);
    const before = this.generation;
    await vscode.workspace.getConfiguration(section).update(name, entries.length > 0 ? entries : undefined, vscode.ConfigurationTarget.Global);
    // The configuration event restarts the notebook; if it has not come yet, start here (a second start
    // from the event then reads the same settings).
    if (this.generation === before) {
      this.restart();
    }
    await this.whenStarted();
  }

  private scheduleRefresh(run: Running, path: string): void {
    // Editors and git write in bursts; read once the burst is over.
    const prev = this.pending.get(path);
    if (prev) {
      clearTimeout(prev);
    }
    this.pending.set(
      path,
      setTimeout(() => {
        this.pending.delete(path);
        if (this.current === run) {
          run.notebook.refresh(path).catch((e: unknown) => this.reportBackground(e, vscode.l10n.t('Could not re-read {0}', path.slice(path.lastIndexOf('/') + 1))));
        }
      }, 80),
    );
  }

  private async setContexts(folderExists: boolean, hasData: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT.hasNotebook, !!this.current);
    await vscode.commands.executeCommand('setContext', CONTEXT.dataFolderExists, folderExists);
    await vscode.commands.executeCommand('setContext', CONTEXT.hasData, hasData);
  }

  private updateDiagnostics(notebook: Notebook): void {
    this.diagnostics.clear();
    const files: { path: string; problems: MenteeFile['problems'] }[] = [...notebook.mentees];
    for (const p of notebook.places) {
      if (p.store.mentor) {
        files.push(p.store.mentor);
      }
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
