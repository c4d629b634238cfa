/**
 * Sharing a mentorship with the mentee through git: Share with Mentee, Move Private Notes Out, Resolve
 * Merge Conflict; the merge driver's path kept current; a warning in the Problems panel when a file git
 * tracks still holds a private note. A bundle of its own (dist/sharing.js), loaded on first use.
 */
import * as vscode from 'vscode';
import { conflictMarkerLine } from '../core/storage/markers';
import { mergeTexts, type Choice, type MergeConflict } from '../core/sharing/merge';
import {
  DATA_FOLDER_GITIGNORE,
  DRIVER_NAME,
  driverCommand,
  notesToMove,
  privateFields,
  routesToDriver,
  withDriverAttributes,
  withoutDataFolderIgnored,
} from '../core/sharing/share';
import { relativeInside } from '../core/paths';
import { decode, entityLine } from '../core/storage/parse';
import { plural } from '../core/domain/text';
import type { MenteeFile } from '../core/storage/store';
import type { Place } from '../core/storage/notebook';
import { provideYaml, type YamlLib } from '../core/storage/yamlLib';
import { pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { run } from '../kit/operations';
import { UserFacingError } from '../kit/errors';
import { Cancelled, isBack, Wizard } from '../kit/wizard';
import { git, GIT_AVAILABLE, GitError, repositoryRoot } from '../platform/git';

// This bundle has its own copy of the core: it loads the YAML library the same way the extension does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
provideYaml(() => require('./yaml.js') as YamlLib);

interface GitContext {
  /** The repository's root on disk. */
  repo: string;
  /** The data folder relative to it, with forward slashes. */
  rel: string;
}

/** Repository roots already asked for, by folder: the check after every change spawns no git for it. */
const knownRoots = new Map<string, Promise<string | undefined>>();
/** Repositories whose driver config was checked since the extension started. */
const driverChecked = new Set<string>();

/**
 * The folder on disk around a place's data folder that git is asked about: the workspace folder for the
 * workspace's own data folder, the data folder's parent for a notebook folder (`~/mentoring/ana` for
 * `~/mentoring/ana/.mentorship`), which need not be a repository yet.
 */
function gitFolder(deps: Deps, place: Place): vscode.Uri | undefined {
  const root = deps.ws.uri(place.root);
  if (root.scheme !== 'file') {
    return undefined;
  }
  return deps.ws.workspaceFolderOf(place)?.uri ?? vscode.Uri.joinPath(root, '..');
}

/**
 * The repository that holds a place's data folder, or undefined where there is none (or no git, or no
 * disk). `fresh`: ask git again (a command the mentor runs; the folder may have become a repository since).
 */
async function gitContext(deps: Deps, place: Place, fresh = false): Promise<GitContext | undefined> {
  const folder = gitFolder(deps, place);
  if (!folder) {
    return undefined;
  }
  const key = folder.fsPath;
  if (fresh || !knownRoots.has(key)) {
    knownRoots.set(key, repositoryRoot(key).catch(() => undefined));
  }
  const repo = await knownRoots.get(key);
  if (!repo) {
    return undefined;
  }
  const rel = inRepo(repo, deps.ws.uri(place.root));
  return rel === undefined ? undefined : { repo, rel };
}

async function requireGitContext(deps: Deps, place: Place): Promise<GitContext> {
  if (!GIT_AVAILABLE) {
    throw new UserFacingError(
      vscode.l10n.t('Sharing goes through git, which VS Code in the browser cannot run. Share from VS Code on the desktop; everything else works here.'),
    );
  }
  if (!gitFolder(deps, place)) {
    throw new UserFacingError(vscode.l10n.t('Sharing goes through git, which this folder cannot use here (it is not on this machine’s disk).'));
  }
  const ctx = await gitContext(deps, place, true);
  if (!ctx) {
    throw new UserFacingError(
      place.source === 'notebook'
        ? vscode.l10n.t('The notebook folder {0} is not a git repository. Sharing goes through git: create one there (git init) or clone the one you share with your mentee, then share again.', place.label)
        : vscode.l10n.t('This folder is not in a git repository. Sharing goes through git: create a repository (git init) or clone the one you share with your mentee, then share again.'),
    );
  }
  return ctx;
}

/** The place to share: the only one, or the one the mentor picks, each said with the mentees it holds. */
async function placeToShare(deps: Deps, w: Wizard): Promise<Place> {
  const t = vscode.l10n.t;
  const places = deps.ws.requireStore().places;
  if (places.length === 1) {
    return places[0];
  }
  const picked = await w.pick({
    placeholder: t('Which notes? Each folder is shared as a whole, with whoever can read its repository'),
    items: places.map((p) => {
      const names = p.store.mentees.flatMap((f) => (f.data ? [f.data.name] : []));
      return {
        label: `$(${p.source === 'notebook' ? 'folder-library' : 'root-folder'}) ${p.label}`,
        description: names.join(', ') || t('(no mentee yet)'),
        detail: names.length > 1 ? t('{0} mentees: each sees the notes of the others. Keep one folder per mentee when each should see only their own.', names.length) : undefined,
        value: p,
      };
    }),
  });
  if (isBack(picked)) {
    throw new Cancelled();
  }
  return picked;
}

/** Where `uri` is in the repository (posix, '' for its root), or undefined when outside it. */
function inRepo(repo: string, uri: vscode.Uri): string | undefined {
  return relativeInside(vscode.Uri.file(repo).path, uri.path);
}

/** A file of the repository, by its path in it. */
function repoFile(repo: string, rel: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.file(repo), rel);
}

async function readOrEmpty(file: vscode.Uri): Promise<string> {
  try {
    return decode(await vscode.workspace.fs.readFile(file)).text;
  } catch {
    return '';
  }
}

/** A repository file (its .gitignore, .gitattributes) through the store's guarded entry, over what was read. */
async function writeText(place: Place, file: vscode.Uri, text: string, before: string): Promise<void> {
  await place.store.writeFile(file.path, text, before || undefined);
}

/** Registers the driver in the repository's config, with this installation's paths (they change on update). */
async function registerDriver(deps: Deps, repo: string): Promise<boolean> {
  const wanted = driverCommand(process.execPath, deps.context.asAbsolutePath('dist/merge-driver.js'));
  const current = (await git(repo, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`], { allowExit: [1] })).trim();
  if (current === wanted) {
    return false;
  }
  await git(repo, ['config', '--local', `merge.${DRIVER_NAME}.name`, 'Mentorship: merge notes by entry ids']);
  await git(repo, ['config', '--local', `merge.${DRIVER_NAME}.driver`, wanted]);
  deps.log.info(`Registered the merge driver in ${repo}/.git/config`);
  return true;
}

export const FLOWS: Flows = {
  'mentorship.shareWithMentee': (deps) => shareWithMentee(deps),
  'mentorship.movePrivateNotes': (deps) => movePrivateNotes(deps, true),
  'mentorship.resolveConflict': (deps, arg) => resolveConflict(deps, arg),
};

export async function shareWithMentee(deps: Deps): Promise<void> {
  await Wizard.flow(vscode.l10n.t('Share with Mentee'), (w) => shareSteps(deps, w));
}

async function shareSteps(deps: Deps, w: Wizard): Promise<void> {
  const t = vscode.l10n.t;
  const place = await placeToShare(deps, w);
  const store = place.store;
  const { repo, rel } = await w.busy(t('Looking for the git repository…'), () => requireGitContext(deps, place));
  // 1. No private note may be left in a file that is about to be shared.
  const holding = store.mentees.filter((f) => f.data && privateFields(f.data).length > 0);
  if (holding.length > 0) {
    const count = holding.reduce((n, f) => n + privateFields(f.data!).length, 0);
    const choice = await w.confirm(
      plural(count, t('A session still holds its private note in the file to share.'), t('{0} sessions still hold their private notes in the files to share.', count)),
      [
        { label: `$(lock) ${t('Move Them Out')}`, detail: t('They move to {0}, which git never commits. Then sharing goes on.', `${rel}/private/`), value: true },
        { label: `$(close) ${t('Cancel')}`, value: false },
      ],
    );
    if (choice !== true) {
      throw new Cancelled();
    }
    await w.busy(t('Moving private notes out…'), () => movePrivateNotes(deps, false, place));
    if (store.mentees.some((f) => f.data && privateFields(f.data).length > 0)) {
      throw new UserFacingError(t('Some private notes could not be moved out; nothing was shared. Run Move Private Notes Out again.'));
    }
  }
  // 2. Already shared (a second Share): say so, and what is left to do.
  const attributesNow = await readOrEmpty(repoFile(repo, '.gitattributes'));
  const ignoreNow = await readOrEmpty(repoFile(repo, '.gitignore'));
  if (routesToDriver(attributesNow, rel) && withoutDataFolderIgnored(ignoreNow, rel).removed.length === 0) {
    const pending = (await git(repo, ['status', '--porcelain', '--', rel, '.gitignore', '.gitattributes'], { allowExit: [1] }).catch(() => '')).trim();
    const left = missingEmails(store.mentees);
    const leftText = [
      pending ? t('commit and push the changes to {0}', `${rel}/`) : undefined,
      left.length ? t('set the e-mail of {0} (Edit Mentee), so their clone shows them their own mentorship', left.map((f) => f.data!.name).join(', ')) : undefined,
    ].filter(Boolean);
    await registerDriver(deps, repo);
    void vscode.window.showInformationMessage(
      leftText.length ? t('{0} is shared already. Left to do: {1}.', `${rel}/`, leftText.join('; ')) : t('{0} is shared already, and nothing is left to do: your mentee pulls to see your changes.', `${rel}/`),
    );
    return;
  }
  // 3. Each mentee's e-mail, which their clone needs to show them their own mentorship.
  for (const f of missingEmails(store.mentees)) {
    const name = f.data!.name;
    const choice = await w.confirm(t('{0} has no e-mail in the notes: their clone would not show them their own mentorship ("My Mentorship").', name), [
      { label: `$(mail) ${t('Set the E-mail of {0}', name)}`, detail: t('The e-mail of their git config.'), value: 'set' as const },
      { label: `$(arrow-right) ${t('Share Without It')}`, detail: t('You can set it later with Edit Mentee.'), value: 'skip' as const },
    ]);
    if (choice === 'set') {
      const email = await w.input({
        prompt: t('The e-mail of {0}, as in their git config', name),
        placeholder: t('For example: ana@example.com'),
        validate: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? undefined : t('An e-mail address looks like name@example.com.')),
      });
      if (isBack(email)) {
        throw new Cancelled();
      }
      await run(deps, 'editMentee', f.path, { fields: { email: email.trim() } });
    } else if (choice !== 'skip') {
      throw new Cancelled();
    }
  }
  // 4. Say what will be visible to whom, before anything changes.
  const names = store.mentees.filter((f) => f.data).map((f) => f.data!.name);
  const choice = await w.confirm(t('Share {0} through this git repository?', `${rel}/`), [
    {
      label: `$(git-commit) ${t('Share')}`,
      detail: t('Once you commit and push, everyone who can read this repository sees the goals, sessions with their notes, action items and feedback of: {0}.', names.join(', ') || t('(no mentee yet)')),
      value: true,
    },
    { label: `$(info) ${t('Your mentor profile (mentor.yaml) is shared too.')}`, detail: t('Private notes stay on this machine in {0}, which git never commits; drafts and exported reports stay here as well.', `${rel}/private/`), value: true },
    { label: `$(close) ${t('Cancel')}`, detail: t('Keep one repository per mentee when each should see only their own notes.'), value: false },
  ]);
  if (choice !== true) {
    throw new Cancelled();
  }
  // 5. The data folder out of .gitignore; what stays private kept out by the folder's own ignore files.
  await store.initialize([{ name: '.gitignore', text: DATA_FOLDER_GITIGNORE }]);
  const ignorePath = repoFile(repo, '.gitignore');
  const ignore = await readOrEmpty(ignorePath);
  const unignored = withoutDataFolderIgnored(ignore, rel);
  if (unignored.removed.length > 0) {
    await writeText(place, ignorePath, unignored.text, ignore);
  }
  // 6. The merge set-up.
  const attributesPath = repoFile(repo, '.gitattributes');
  const attributes = await readOrEmpty(attributesPath);
  if (!routesToDriver(attributes, rel)) {
    await writeText(place, attributesPath, withDriverAttributes(attributes, rel), attributes);
  }
  await registerDriver(deps, repo);
  // 7. Check with git itself: the notes are visible to it, the private folder is not.
  const sample = store.mentees[0]?.path;
  if (sample) {
    const relFile = inRepo(repo, deps.ws.uri(sample)) ?? '';
    const rule = (await git(repo, ['check-ignore', '-v', '--no-index', relFile], { allowExit: [1] })).trim();
    if (rule) {
      throw new UserFacingError(t('{0} is still ignored by git ({1}). Remove that rule from the ignore file, then share again.', relFile, rule.split('\t')[0]));
    }
  }
  const privateProbe = `${rel}/private/probe.yaml`;
  if (!(await git(repo, ['check-ignore', '--no-index', privateProbe], { allowExit: [1] })).trim()) {
    throw new UserFacingError(t('{0} would be committed: its .gitignore is missing. Nothing more was changed; run Initialize, then share again.', `${rel}/private/`));
  }
  deps.log.info(`Shared ${rel}/ in ${repo}: .gitignore lines removed: ${unignored.removed.length}`);
  const scm = t('Open Source Control');
  void vscode.window
    .showInformationMessage(t('Ready to share: commit {0}, .gitignore and .gitattributes, and push. Your mentee clones the repository and opens it in VS Code with Mentorship.', `${rel}/`), scm)
    .then((c) => (c ? vscode.commands.executeCommand('workbench.view.scm') : undefined));
}

/** Active or paused mentees with no e-mail: their clone cannot tell it is theirs. */
function missingEmails(files: readonly MenteeFile[]): MenteeFile[] {
  return files.filter((f) => f.data && f.data.status !== 'closed' && !f.data.email?.trim());
}

/**
 * Moves every `private:` field to the private folder of its place: the private file first, then the field
 * removed. `only`: the files of that place (the one being shared); else every place's.
 */
export async function movePrivateNotes(deps: Deps, report: boolean, only?: Place): Promise<void> {
  const t = vscode.l10n.t;
  const store = only?.store ?? deps.ws.requireStore();
  const holding = store.mentees.filter((f): f is MenteeFile & { data: NonNullable<MenteeFile['data']> } => !!f.data && privateFields(f.data).length > 0);
  if (holding.length === 0) {
    if (report) {
      void vscode.window.showInformationMessage(t('No private note is left in the mentee files.'));
    }
    return;
  }
  let moved = 0;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Moving private notes out') }, async () => {
    for (const f of holding) {
      const existing = (await store.readPrivate(f.path))?.sessions ?? {};
      const toWrite = notesToMove(f.data, existing);
      // The private file first: a crash in between leaves the note twice, never nowhere.
      if (Object.keys(toWrite).length > 0) {
        await store.setPrivateNotes(f.path, toWrite);
      }
      await run(deps, 'removeMovedPrivateNotes', f.path, { moved: { ...existing, ...toWrite } });
      moved += privateFields(f.data).length;
    }
  });
  deps.log.info(`Moved ${moved} private note(s) out of ${holding.length} mentee file(s)`);
  if (report) {
    const place = deps.ws.store?.placeOf(holding[0].path);
    const ctx = place ? await gitContext(deps, place) : undefined;
    const tracked = ctx ? (await git(ctx.repo, ['ls-files', '--', `${ctx.rel}/mentees`])).trim() !== '' : false;
    void vscode.window.showInformationMessage(
      [
        plural(moved, t('Moved 1 private note to {0}.', `${ctx?.rel ?? '.mentorship'}/private/`), t('Moved {0} private notes to {1}.', moved, `${ctx?.rel ?? '.mentorship'}/private/`)),
        tracked ? t('Commits made before still hold them in git’s history.') : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
}

/** A Problems warning for each private note in a mentee file that git tracks (the next commit takes it). */
export async function checkShared(deps: Deps, privacy: vscode.DiagnosticCollection): Promise<void> {
  const places = deps.ws.store?.places ?? [];
  const found = await Promise.all(places.map(async (place) => ({ place, ctx: await gitContext(deps, place).catch(() => undefined) })));
  privacy.clear();
  for (const { place, ctx } of found) {
    if (ctx) {
      await checkPlace(deps, privacy, place.store, ctx);
    }
  }
}

async function checkPlace(deps: Deps, privacy: vscode.DiagnosticCollection, store: Place['store'], ctx: GitContext): Promise<void> {
  if (vscode.workspace.isTrusted && !driverChecked.has(ctx.repo) && routesToDriver(await readOrEmpty(repoFile(ctx.repo, '.gitattributes')), ctx.rel)) {
    driverChecked.add(ctx.repo);
    await registerDriver(deps, ctx.repo); // keeps the path current across updates of the extension
  }
  const holding = store.mentees.filter((f) => f.data && privateFields(f.data).length > 0);
  if (holding.length === 0) {
    return;
  }
  const tracked = new Set((await git(ctx.repo, ['ls-files', '-z', '--', `${ctx.rel}/mentees`])).split('\0').filter(Boolean));
  for (const f of holding) {
    const uri = deps.ws.uri(f.path);
    const relFile = inRepo(ctx.repo, uri) ?? '';
    if (!tracked.has(relFile)) {
      continue;
    }
    const text = await readOrEmpty(uri);
    const diags = privateFields(f.data!).map((p) => {
      const line = Math.max(0, entityLine(text, 'sessions', p.id) - 1);
      const lines = text.split('\n');
      let at = line;
      for (let i = line; i < Math.min(lines.length, line + 40); i++) {
        if (/^\s*private\s*:/.test(lines[i])) {
          at = i;
          break;
        }
      }
      const d = new vscode.Diagnostic(
        new vscode.Range(at, 0, at, lines[at]?.length ?? 1),
        vscode.l10n.t('A private note in a file git tracks: the next commit would share it. Run “Mentorship: Move Private Notes Out”.'),
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Mentorship';
      return d;
    });
    privacy.set(uri, diags);
  }
}

/** Merges the three versions git keeps of a conflicted file by entry ids, asking only about real conflicts. */
export async function resolveConflict(deps: Deps, arg: unknown): Promise<void> {
  await Wizard.flow(vscode.l10n.t('Resolve Merge Conflict'), (w) => resolveSteps(deps, arg, w));
}

async function resolveSteps(deps: Deps, arg: unknown, w: Wizard): Promise<void> {
  const t = vscode.l10n.t;
  const store = deps.ws.requireStore();
  let file = pathFromArg(arg);
  if (!file) {
    const conflicted = store.mentees.filter((f) => f.problems.some((p) => p.code === 'conflict'));
    if (conflicted.length === 0) {
      void vscode.window.showInformationMessage(t('No mentee file is in a merge conflict.'));
      return;
    }
    const picked = await w.pick({ placeholder: t('Which file?'), items: conflicted.map((f) => ({ label: `${f.slug}.yaml`, value: f.path })) });
    if (isBack(picked)) {
      throw new Cancelled();
    }
    file = picked;
  }
  const name = file.slice(file.lastIndexOf('/') + 1);
  const place = store.placeOf(file);
  if (!place) {
    throw new UserFacingError(t('{0} is in none of the notebook\'s folders.', name));
  }
  // The repository of the file's own folder: each notebook folder may be a repository of its own.
  const { repo } = await requireGitContext(deps, place);
  const relFile = inRepo(repo, deps.ws.uri(file)) ?? '';
  const onDisk = await readOrEmpty(deps.ws.uri(file));
  if (conflictMarkerLine(onDisk) === undefined) {
    void vscode.window.showInformationMessage(t('{0} is not in a merge conflict.', name));
    return;
  }
  const stage = async (n: 1 | 2 | 3): Promise<string | undefined> => {
    try {
      return await git(repo, ['show', `:${n}:${relFile}`]);
    } catch (e) {
      if (e instanceof GitError && !e.notInstalled) {
        return undefined; // no such stage: the file was added on both sides (no base)
      }
      throw e;
    }
  };
  const [base, ours, theirs] = await Promise.all([stage(1), stage(2), stage(3)]);
  if (ours === undefined || theirs === undefined) {
    throw new UserFacingError(t('git holds no versions of {0} to merge (the merge was finished or aborted). Edit the file to remove the markers.', name));
  }
  let plan;
  try {
    plan = mergeTexts(base ?? '', ours, theirs);
  } catch (e) {
    throw new UserFacingError(t('{0} cannot be merged by entries ({1}). Edit the file to remove the markers.', name, e instanceof Error ? e.message : String(e)));
  }
  const choices = new Map<string, Choice>();
  w.title = t('Resolve {0}', name);
  const conflicts = plan.conflicts;
  await w.run(
    conflicts.map((c) => async (wz: Wizard) => {
      const picked = await wz.pick({
        placeholder: t('{0}: changed on both sides (was {1})', c.label, show(c.base)),
        items: [
          { label: `$(arrow-left) ${t('Keep yours')}`, description: show(c.ours), value: 'ours' as const },
          { label: `$(arrow-right) ${t('Take theirs')}`, description: show(c.theirs), value: 'theirs' as const },
        ],
        active: choices.get(c.where.join('\u0000')),
      });
      if (isBack(picked)) {
        return 'back';
      }
      choices.set(c.where.join('\u0000'), picked);
      return 'next';
    }),
    undefined,
  );
  const merged = mergeTexts(base ?? '', ours, theirs, (c: MergeConflict) => choices.get(c.where.join('\u0000')));
  if (merged.text === undefined) {
    throw new UserFacingError(t('{0} could not be merged; nothing was written.', name));
  }
  await store.writeResolved(file, merged.text);
  deps.log.info(`Resolved ${name}: ${plan.conflicts.length} conflict(s) settled`);
  const message =
    plan.conflicts.length === 0
      ? t('Merged {0} by entries: no field was changed on both sides. Stage it to finish the merge.', name)
      : plural(plan.conflicts.length, t('Merged {0} by entries, with your choice for the one field changed on both sides. Stage it to finish the merge.', name), t('Merged {0} by entries, with your choices for {1} fields changed on both sides. Stage it to finish the merge.', name, plan.conflicts.length));
  // Staging is the last step of the same flow: the merge is not finished until git has the file staged
  // and the merge committed, and the mentor is told both.
  const stageIt = await w.confirm(message, [
    { label: `$(add) ${t('Stage {0}', name)}`, detail: t('Then commit to finish the merge.'), value: true },
    { label: `$(close) ${t('Not now')}`, detail: t('git still reports the file as in conflict until it is staged.'), value: false },
  ]);
  if (stageIt === true) {
    await git(repo, ['add', '--', relFile]);
    deps.log.info(`Staged ${relFile}`);
    const scm = t('Open Source Control');
    void vscode.window.showInformationMessage(t('{0} is staged. Commit to finish the merge.', name), scm).then((c) => (c ? vscode.commands.executeCommand('workbench.view.scm') : undefined));
  }
}

function show(v: unknown): string {
  if (v === undefined) {
    return vscode.l10n.t('(removed)');
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
