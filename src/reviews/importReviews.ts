/**
 * Import Review Comments: a pull request (GitHub, GitHub Enterprise) or merge request (GitLab) becomes
 * feedback on the mentee, each comment linked to the code it was about and found again in today's
 * checkout. Only the code host of the request is contacted; one import is one write.
 */
import * as vscode from 'vscode';
import { safeRelativePath } from '../core/anchors/paths';
import type { CodeAnchor, FeedbackKind, Mentee } from '../core/domain/model';
import { FEEDBACK_KINDS } from '../core/domain/model';
import { addImportedFeedback } from '../core/domain/operations';
import { firstWords, plural } from '../core/domain/text';
import { FEEDBACK_ICON } from '../core/render/treeModel';
import type { MenteeFile } from '../core/storage/store';
import { fetchFileAt, fetchReview, listRequestsBy, ReviewApiError } from '../core/reviews/api';
import type { ApiOptions } from '../core/reviews/api';
import { feedbackEntry, planImport, resolveAnchor } from '../core/reviews/importPlan';
import type { AnchorStatus, ImportCandidate } from '../core/reviews/importPlan';
import type { FetchedReview, Provider, RequestRef } from '../core/reviews/model';
import { defaultApiBase, parseRemote, parseRequestUrl } from '../core/reviews/model';
import type { Deps } from '../kit/command';
import { resolveMentee } from '../kit/mentees';
import { Cancelled } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';

type Mf = MenteeFile & { data: Mentee };
const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

// ---------------------------------------------------------------------------------------------------
// Git: the remote (to list the mentee's requests), the file at a commit, the repository's place.

interface GitRepository {
  rootUri: vscode.Uri;
  state: { remotes: { name: string; fetchUrl?: string; pushUrl?: string }[] };
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) {
      return undefined;
    }
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined; // no git here (the browser, git disabled): the diff hunks are used instead
  }
}

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new UserFacingError(t('Open a folder first: Mentorship keeps its files in the workspace.'));
  }
  return folder;
}

/** The repository's root as a path inside the workspace folder ("" when they are the same). */
function repoPrefix(folder: vscode.WorkspaceFolder, repo: GitRepository | undefined): string {
  if (!repo) {
    return '';
  }
  const f = folder.uri.path.replace(/\/$/, '');
  const r = repo.rootUri.path.replace(/\/$/, '');
  return r.startsWith(f + '/') ? r.slice(f.length + 1) + '/' : '';
}

// ---------------------------------------------------------------------------------------------------
// Sign-in: VS Code's GitHub accounts, a GitLab token in SecretStorage, or GH_TOKEN / GITHUB_TOKEN / GITLAB_TOKEN.

const SECRET = (host: string): string => `mentorship.gitlab.token:${host.toLowerCase()}`;

function env(name: string): string | undefined {
  const v = typeof process === 'object' ? process.env[name] : undefined;
  return v && v.trim() ? v.trim() : undefined;
}

async function tokenFor(deps: Deps, ref: RequestRef): Promise<string | undefined> {
  if (ref.provider === 'github') {
    // gh's convention: GH_TOKEN first, then GITHUB_TOKEN (code-server, for one, keeps GITHUB_TOKEN to itself).
    const fromEnv = env('GH_TOKEN') ?? env('GITHUB_TOKEN');
    if (fromEnv) {
      return fromEnv;
    }
    const provider = ref.host === 'github.com' ? 'github' : 'github-enterprise';
    try {
      const session = await vscode.authentication.getSession(provider, ['repo'], { createIfNone: true });
      return session.accessToken;
    } catch (e) {
      throw new UserFacingError(t('Signing in to {0} did not work ({1}); nothing was imported.', ref.host, e instanceof Error ? e.message : String(e)));
    }
  }
  const fromEnv = env('GITLAB_TOKEN');
  if (fromEnv) {
    return fromEnv;
  }
  const stored = await deps.context.secrets.get(SECRET(ref.host));
  if (stored) {
    return stored;
  }
  const typed = await vscode.window.showInputBox({
    title: t('Sign in to {0}', ref.host),
    prompt: t('A GitLab personal access token with the read_api scope. It is kept in VS Code\'s secret storage and sent only to {0}.', ref.host),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t('Paste the token, or press Escape to cancel.')),
  });
  if (!typed) {
    throw new Cancelled();
  }
  await deps.context.secrets.store(SECRET(ref.host), typed.trim());
  return typed.trim();
}

export async function forgetGitLabTokens(deps: Deps): Promise<void> {
  const host = await vscode.window.showInputBox({ prompt: t('Forget the GitLab token of which host? (for example gitlab.com)'), value: 'gitlab.com' });
  if (!host) {
    return;
  }
  await deps.context.secrets.delete(SECRET(host.trim()));
  void vscode.window.showInformationMessage(t('The token for {0} is forgotten.', host.trim()));
}

function apiBase(ref: Pick<RequestRef, 'provider' | 'host' | 'protocol'>): string {
  const cfg = vscode.workspace.getConfiguration('mentorship.reviews');
  const override = (cfg.get<string>(ref.provider === 'github' ? 'githubApiUrl' : 'gitlabApiUrl') ?? '').trim();
  return override || defaultApiBase(ref);
}

// ---------------------------------------------------------------------------------------------------
// Which request: a pasted URL, or one of the mentee's recent requests in this repository.

interface RequestItem extends vscode.QuickPickItem {
  ref?: RequestRef;
}

async function remoteOf(): Promise<{ host: string; project: string; provider: Provider } | undefined> {
  const api = await gitApi();
  const folder = vscode.workspace.workspaceFolders?.[0];
  const repo = folder ? (api?.getRepository(folder.uri) ?? api?.repositories[0]) : undefined;
  const remote = repo?.state.remotes.find((r) => r.name === 'origin') ?? repo?.state.remotes[0];
  const parsed = remote ? parseRemote(remote.fetchUrl ?? remote.pushUrl ?? '') : undefined;
  if (!parsed) {
    return undefined;
  }
  return { ...parsed, provider: /gitlab/i.test(parsed.host) ? 'gitlab' : 'github' };
}

async function chooseRequest(deps: Deps, f: Mf): Promise<RequestRef> {
  const qp = vscode.window.createQuickPick<RequestItem>();
  qp.title = t('Import Review Comments: {0}', f.data.name);
  qp.placeholder = t('Paste the URL of a pull request (GitHub) or merge request (GitLab)');
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  let recent: RequestItem[] = [];
  const refresh = (): void => {
    const ref = parseRequestUrl(qp.value);
    const typed: RequestItem[] = ref
      ? [{ label: `$(cloud-download) ${t('Import from {0}', ref.url)}`, ref, alwaysShow: true }]
      : qp.value.trim()
        ? [{ label: `$(warning) ${t('Not a pull or merge request URL')}`, description: t('for example https://github.com/owner/repo/pull/12'), alwaysShow: true }]
        : [];
    qp.items = [...typed, ...recent];
  };
  const remote = await remoteOf();
  const user = remote ? (remote.provider === 'github' ? f.data.github : f.data.gitlab) : undefined;
  if (remote && user) {
    qp.busy = true;
    const where = { provider: remote.provider, host: remote.host, protocol: 'https:', project: remote.project };
    const ref0 = { ...where, number: 0, url: '' };
    void (async () => {
      try {
        const token = await tokenFor(deps, ref0);
        const list = await listRequestsBy(where, user, { provider: remote.provider, base: apiBase(where), token });
        recent = list.map((r) => ({ label: `$(git-pull-request) ${r.title}`, description: `#${r.ref.number} · ${r.updatedAt.slice(0, 10)}`, detail: r.ref.url, ref: r.ref }));
        if (recent.length === 0) {
          qp.placeholder = t('No recent requests by {0} in {1}; paste a URL', user, remote.project);
        }
      } catch (e) {
        deps.log.warn(`Listing the requests of ${user}: ${e instanceof Error ? e.message : String(e)}`);
        qp.placeholder = t('Could not list the requests of {0}; paste a URL', user);
      } finally {
        qp.busy = false;
        refresh();
      }
    })();
  }
  refresh();
  const picked = await new Promise<RequestRef | undefined>((resolve) => {
    qp.onDidChangeValue(refresh);
    qp.onDidAccept(() => {
      const ref = qp.selectedItems[0]?.ref ?? parseRequestUrl(qp.value);
      if (ref) {
        resolve(ref);
        qp.hide();
      }
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (!picked) {
    throw new Cancelled();
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------------
// Whose comments, and which of them, with the kind of each (a guess can be changed before saving).

async function chooseReviewers(review: FetchedReview, f: Mf): Promise<'viewer' | 'all'> {
  const mine = planImport(review, f.data.feedback, 'viewer');
  const all = planImport(review, f.data.feedback, 'all');
  if (!review.viewer || all.candidates.length === mine.candidates.length) {
    return review.viewer ? 'viewer' : 'all';
  }
  const others = [...all.reviewers.keys()].filter((r) => r.toLowerCase() !== review.viewer?.toLowerCase());
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(account) ${t('Your comments ({0})', review.viewer)}`, description: t('{0} new', mine.candidates.length), value: 'viewer' as const },
      { label: `$(organization) ${t('All reviewers')}`, description: t('{0} new, also by {1}', all.candidates.length, others.join(', ')), value: 'all' as const },
    ],
    { title: t('Import Review Comments: {0}', f.data.name), placeHolder: t('Whose review comments?'), ignoreFocusOut: true },
  );
  if (!picked) {
    throw new Cancelled();
  }
  return picked.value;
}

interface CommentItem extends vscode.QuickPickItem {
  candidate: ImportCandidate;
}

function kindLabel(k: FeedbackKind): string {
  return t(k);
}

function commentItem(c: ImportCandidate): CommentItem {
  const where = c.comment.path ? `${c.comment.path}${c.comment.endLine ? `:${c.comment.endLine}` : ''}` : t('review summary');
  const by = c.comment.author;
  return {
    label: `$(${FEEDBACK_ICON[c.kind]}) ${kindLabel(c.kind)}${c.labeled ? '' : ` (${t('guessed')})`}`,
    description: `${where} · ${by} · ${c.comment.createdAt.slice(0, 10)}`,
    detail: firstWords(c.comment.body, 120),
    buttons: [{ iconPath: new vscode.ThemeIcon('edit'), tooltip: t('Change the kind') }],
    candidate: c,
  };
}

async function pickKind(c: ImportCandidate): Promise<FeedbackKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    FEEDBACK_KINDS.map((k) => ({ label: `$(${FEEDBACK_ICON[k]}) ${kindLabel(k)}`, picked: k === c.kind, value: k })),
    { placeHolder: t('Kind of: {0}', firstWords(c.comment.body, 60)), ignoreFocusOut: true },
  );
  return picked?.value;
}

async function chooseComments(f: Mf, candidates: ImportCandidate[]): Promise<ImportCandidate[]> {
  let selected = new Set(candidates);
  for (;;) {
    const qp = vscode.window.createQuickPick<CommentItem>();
    qp.title = t('Import Review Comments: {0}', f.data.name);
    qp.placeholder = t('Untick what not to import; the pencil changes a kind. Enter to continue.');
    qp.canSelectMany = true;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = candidates.map(commentItem);
    qp.selectedItems = qp.items.filter((i) => selected.has(i.candidate));
    const r = await new Promise<{ done: boolean; change?: ImportCandidate }>((resolve) => {
      qp.onDidAccept(() => resolve({ done: true }));
      qp.onDidTriggerItemButton((e) => resolve({ done: false, change: e.item.candidate }));
      qp.onDidHide(() => resolve({ done: false }));
      qp.show();
    });
    selected = new Set(qp.selectedItems.map((i) => i.candidate));
    qp.dispose();
    if (r.change) {
      const kind = await pickKind(r.change);
      if (kind) {
        r.change.kind = kind;
        r.change.labeled = true;
      }
      continue;
    }
    if (!r.done) {
      throw new Cancelled();
    }
    const chosen = candidates.filter((c) => selected.has(c));
    const guessed = chosen.filter((c) => !c.labeled);
    if (guessed.length === 0 || chosen.length === 0) {
      return chosen;
    }
    // Keyboard path to the same change: confirm, or change one of the guessed kinds.
    const next = await vscode.window.showQuickPick(
      [
        { label: `$(check) ${plural(chosen.length, t('Import 1 comment'), t('Import {0} comments', chosen.length))}`, value: undefined },
        ...guessed.map((c) => ({ label: `$(edit) ${t('Change the guessed kind "{0}"', kindLabel(c.kind))}`, detail: firstWords(c.comment.body, 100), value: c })),
      ],
      { title: t('Import Review Comments: {0}', f.data.name), placeHolder: plural(guessed.length, t('1 kind is a guess from the wording'), t('{0} kinds are guesses from the wording', guessed.length)), ignoreFocusOut: true },
    );
    if (!next) {
      throw new Cancelled();
    }
    if (!next.value) {
      return chosen;
    }
    const kind = await pickKind(next.value);
    if (kind) {
      next.value.kind = kind;
      next.value.labeled = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------------

async function readWorking(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined; // the file is not in today's checkout: the anchor is stated as not found
  }
}

/** A file as it was at a commit, asked of the code host (undefined: not there, or not available). */
type FileAt = (commit: string, path: string) => Promise<string | undefined>;

async function anchorsFor(chosen: ImportCandidate[], signal: { isCancellationRequested: boolean }, fromHost: FileAt): Promise<{ anchor?: CodeAnchor; status: AnchorStatus }[]> {
  const folder = workspaceFolder();
  const api = await gitApi();
  const repo = api?.getRepository(folder.uri) ?? undefined;
  const prefix = repoPrefix(folder, repo);
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const atCommit = new Map<string, Promise<string | undefined>>();
  const working = new Map<string, Promise<string | undefined>>();
  const out: { anchor?: CodeAnchor; status: AnchorStatus }[] = [];
  for (const c of chosen) {
    if (signal.isCancellationRequested) {
      throw new Cancelled();
    }
    const rel = c.comment.path ? safeRelativePath(prefix + c.comment.path) : undefined;
    if (!rel) {
      out.push({ status: 'none' });
      continue;
    }
    const uri = vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
    if (!working.has(rel)) {
      working.set(rel, readWorking(uri));
    }
    const key = `${c.comment.commit ?? ''}:${rel}`;
    const commit = c.comment.commit;
    const repoPath = c.comment.path;
    if (commit && repoPath && !atCommit.has(key)) {
      // The local repository first; where it lacks the commit, or there is no git (the browser), the code
      // host gives the file as it was (GitLab's notes carry no diff hunk to fall back on).
      const local = repo ? repo.show(commit, uri.fsPath).then((s) => s, () => undefined) : Promise.resolve(undefined);
      atCommit.set(
        key,
        local.then((s) => s ?? fromHost(commit, repoPath)),
      );
    }
    const r = resolveAnchor(c.comment, rel, await atCommit.get(key), await working.get(rel), multi ? folder.name : undefined);
    out.push({ anchor: r.anchor, status: r.status });
  }
  return out;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function importReviewComments(deps: Deps, arg: unknown): Promise<void> {
  const store = deps.ws.requireStore();
  const f = (await resolveMentee(deps, arg, t('Import review comments for…'), t('Import Review Comments'))) as Mf;
  const ref = await chooseRequest(deps, f);
  const base = apiBase(ref);
  const token = await tokenFor(deps, ref);
  deps.log.info(`Import: reading ${ref.url} from ${base}`);
  let review: FetchedReview;
  try {
    review = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Reading the review of {0}', ref.url), cancellable: true },
      async (progress, cancel) => {
        const abort = new AbortController();
        const sub = cancel.onCancellationRequested(() => abort.abort());
        const opts: ApiOptions = { provider: ref.provider, base, token, signal: abort.signal, onPage: (what, page) => progress.report({ message: t('{0}, page {1}', what, page) }) };
        try {
          return await fetchReview(ref, opts);
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    if (e instanceof ReviewApiError) {
      if (e.kind === 'cancelled') {
        throw new Cancelled();
      }
      if (e.kind === 'unauthorized' && ref.provider === 'gitlab' && !env('GITLAB_TOKEN')) {
        await deps.context.secrets.delete(SECRET(ref.host)); // asked again next time
      }
      throw new UserFacingError(e.message);
    }
    throw e;
  }
  const fresh = store.file(f.path);
  const mentee = (fresh?.data ? fresh : f) as Mf;
  const reviewers = await chooseReviewers(review, mentee);
  const plan = planImport(review, mentee.data.feedback, reviewers);
  if (plan.candidates.length === 0) {
    const who = reviewers === 'viewer' && review.viewer ? review.viewer : t('any reviewer');
    void vscode.window.showInformationMessage(
      plan.alreadyImported > 0
        ? t('Nothing new to import from {0}: its {1} comments by {2} are in the feedback of {3} already.', ref.url, plan.alreadyImported, who, mentee.data.name)
        : t('{0} has no review comments by {1}; nothing was imported.', ref.url, who),
    );
    return;
  }
  const chosen = await chooseComments(mentee, plan.candidates);
  if (chosen.length === 0) {
    void vscode.window.showInformationMessage(t('No comment was ticked; nothing was imported.'));
    return;
  }
  const anchors = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Finding the code of {0} comments', chosen.length), cancellable: true }, (_p, cancel) =>
    anchorsFor(chosen, cancel, async (commit, path) => {
      try {
        return await fetchFileAt(ref, path, commit, { provider: ref.provider, base, token });
      } catch (e) {
        // Without the file the diff hunk serves, or the comment keeps the line it was written on.
        deps.log.warn(`Import: ${path} at ${commit.slice(0, 7)} could not be read from ${ref.host}: ${describe(e)}`);
        return undefined;
      }
    }),
  );
  const entries = chosen.map((c, i) => feedbackEntry(review, c.comment, c.kind, anchors[i].anchor));
  try {
    await store.edit(mentee.path, addImportedFeedback(entries));
  } catch (e) {
    deps.log.warn(`Import of ${ref.url} not saved: ${describe(e)}`);
    throw e;
  }
  const count = (s: AnchorStatus): number => anchors.filter((a) => a.status === s).length;
  const linked = count('found') + count('moved');
  deps.log.info(`Import: ${entries.length} comments of ${ref.url} stored for ${mentee.slug} (${linked} linked, ${count('notFound')} not found, ${count('none')} without a line)`);
  void vscode.window.showInformationMessage(
    plural(
      entries.length,
      t('1 review comment of {0} imported for {1}: {2} linked to today\'s code, {3} not found in today\'s code, {4} without a line.', ref.url, mentee.data.name, linked, count('notFound'), count('none')),
      t('{0} review comments of {1} imported for {2}: {3} linked to today\'s code, {4} not found in today\'s code, {5} without a line.', entries.length, ref.url, mentee.data.name, linked, count('notFound'), count('none')),
    ),
  );
}
