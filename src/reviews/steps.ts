/**
 * The import's questions, as steps of the flow's one quick input: which request (a pasted URL, or one of
 * the mentee's recent requests in this repository), whose comments, which of them and with which kind (a
 * guessed kind can be changed by the pencil, or by keyboard in the step after).
 */
import * as vscode from 'vscode';
import type { FeedbackKind, Mentee } from '../core/domain/model';
import { FEEDBACK_KINDS } from '../core/domain/model';
import { firstWords, plural } from '../core/domain/text';
import { FEEDBACK_ICON } from '../core/render/treeModel';
import { listRequestsBy } from '../core/reviews/api';
import { planImport } from '../core/reviews/importPlan';
import type { ImportCandidate } from '../core/reviews/importPlan';
import type { FetchedReview, Provider, RequestRef } from '../core/reviews/model';
import { parseRemote, parseRequestUrl } from '../core/reviews/model';
import type { MenteeFile } from '../core/storage/store';
import type { Deps } from '../kit/command';
import { isBack } from '../kit/wizard';
import type { PickItem, Wizard } from '../kit/wizard';
import { remoteUrl, repositoryOf } from '../platform/gitApi';
import { apiBase } from './settings';
import { tokenFor } from './signIn';

export type Mf = MenteeFile & { data: Mentee };
const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/** The code host of the workspace's repository, from its remote. */
async function remoteOf(): Promise<{ host: string; project: string; provider: Provider } | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const url = folder ? remoteUrl(await repositoryOf(folder.uri)) : undefined;
  const parsed = url ? parseRemote(url) : undefined;
  return parsed ? { ...parsed, provider: /gitlab/i.test(parsed.host) ? 'gitlab' : 'github' } : undefined;
}

/**
 * The request: typed or pasted as a URL, or picked from the mentee's recent requests, listed when the
 * mentee file names their user name on the host of the workspace's remote. Listing uses only a token
 * that is already known (it never asks for one).
 */
export async function requestStep(deps: Deps, w: Wizard, f: Mf, warn: (message: string) => void): Promise<RequestRef | undefined> {
  const remote = await remoteOf();
  const user = remote ? (remote.provider === 'github' ? f.data.github : f.data.gitlab) : undefined;
  let recent: PickItem<RequestRef | undefined>[] = [];
  let placeholder = t('Paste the URL of a pull request (GitHub) or merge request (GitLab)');
  if (remote && user) {
    const where = { provider: remote.provider, host: remote.host, protocol: 'https:', project: remote.project };
    try {
      recent = await w.busy(t('Listing the recent requests of {0} in {1}…', user, remote.project), async (signal) => {
        const base = await apiBase(where, warn);
        const token = await tokenFor(deps, where, base);
        const list = await listRequestsBy(where, user, { provider: remote.provider, base, token, signal });
        return list.map((r) => ({ label: `$(git-pull-request) ${r.title}`, description: `#${r.ref.number} · ${r.updatedAt.slice(0, 10)}`, detail: r.ref.url, value: r.ref }));
      });
      if (recent.length === 0) {
        placeholder = t('No recent requests by {0} in {1}; paste a URL', user, remote.project);
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'Cancelled') {
        throw e;
      }
      deps.log.warn(`Listing the requests of ${user}: ${e instanceof Error ? e.message : String(e)}`);
      placeholder = t('Could not list the requests of {0}; paste a URL', user);
    }
  }
  const picked = await w.pick<RequestRef | undefined>({
    placeholder,
    items: recent,
    matchOnDescription: true,
    matchOnDetail: true,
    inert: (v) => v === undefined,
    allowNew: (typed) => {
      const ref = parseRequestUrl(typed);
      return ref
        ? { label: `$(cloud-download) ${t('Import from {0}', ref.url)}`, value: ref }
        : { label: `$(warning) ${t('Not a pull or merge request URL')}`, description: t('for example https://github.com/owner/repo/pull/12'), value: undefined };
    },
  });
  if (isBack(picked)) {
    return undefined;
  }
  return picked;
}

/** Whose comments: asked only when other reviewers commented too. */
export async function reviewersStep(w: Wizard, review: FetchedReview, f: Mf): Promise<'viewer' | 'all' | undefined> {
  const mine = planImport(review, f.data.feedback, 'viewer');
  const all = planImport(review, f.data.feedback, 'all');
  if (!review.viewer || all.candidates.length === mine.candidates.length) {
    return review.viewer ? 'viewer' : 'all';
  }
  const others = [...all.reviewers.keys()].filter((r) => r.toLowerCase() !== review.viewer?.toLowerCase());
  const picked = await w.pick({
    placeholder: t('Whose review comments?'),
    items: [
      { label: `$(account) ${t('Your comments ({0})', review.viewer)}`, description: t('{0} new', mine.candidates.length), value: 'viewer' as const },
      { label: `$(organization) ${t('All reviewers')}`, description: t('{0} new, also by {1}', all.candidates.length, others.join(', ')), value: 'all' as const },
    ],
  });
  return isBack(picked) ? undefined : picked;
}

/** Where a comment is: its file and line, or "review summary". */
export function placeOf(c: ImportCandidate): string {
  return c.comment.path ? `${c.comment.path}${c.comment.endLine ? `:${c.comment.endLine}` : ''}` : t('review summary');
}

function commentItem(c: ImportCandidate): PickItem<ImportCandidate> {
  return {
    label: `$(${FEEDBACK_ICON[c.kind]}) ${t(c.kind)}${c.labeled ? '' : ` (${t('guessed')})`}`,
    description: `${placeOf(c)} · ${c.comment.author} · ${c.comment.createdAt.slice(0, 10)}`,
    detail: firstWords(c.comment.body, 120),
    buttons: [{ iconPath: new vscode.ThemeIcon('edit'), tooltip: t('Change the kind') }],
    value: c,
  };
}

async function kindStep(w: Wizard, c: ImportCandidate): Promise<void> {
  const picked = await w.pick<FeedbackKind>({
    placeholder: t('Kind of the comment at {0}: {1}', placeOf(c), firstWords(c.comment.body, 60)),
    items: FEEDBACK_KINDS.map((k) => ({ label: `$(${FEEDBACK_ICON[k]}) ${t(k)}`, value: k })),
    active: c.kind,
  });
  if (!isBack(picked)) {
    c.kind = picked;
    c.labeled = true;
  }
}

/** Which comments, each with its kind; undefined: Back. */
export async function commentsStep(w: Wizard, candidates: ImportCandidate[]): Promise<ImportCandidate[] | undefined> {
  let selected = new Set(candidates);
  for (;;) {
    let pencil: ImportCandidate | undefined;
    const r = await w.pickMany({
      placeholder: t('Untick what not to import; the pencil changes a kind. Enter to continue.'),
      items: candidates.map(commentItem),
      selected: [...selected],
      matchOnDescription: true,
      matchOnDetail: true,
      onItemButton: (item) => {
        pencil = item.value;
        return true;
      },
    });
    if (isBack(r)) {
      return undefined;
    }
    selected = new Set(r);
    if (pencil) {
      await kindStep(w, pencil);
      continue;
    }
    const chosen = candidates.filter((c) => selected.has(c));
    const guessed = chosen.filter((c) => !c.labeled);
    if (guessed.length === 0 || chosen.length === 0) {
      return chosen;
    }
    // The keyboard path to the same change: confirm, or change one of the guessed kinds.
    const next = await w.pick<ImportCandidate | undefined>({
      placeholder: plural(guessed.length, t('1 kind is a guess from the wording'), t('{0} kinds are guesses from the wording', guessed.length)),
      items: [
        { label: `$(check) ${plural(chosen.length, t('Import 1 comment'), t('Import {0} comments', chosen.length))}`, value: undefined },
        ...guessed.map((c) => ({
          label: `$(edit) ${t('Change the guessed kind "{0}"', t(c.kind))}`,
          description: placeOf(c),
          detail: firstWords(c.comment.body, 100),
          value: c,
        })),
      ],
      matchOnDetail: true,
    });
    if (isBack(next)) {
      continue;
    }
    if (!next) {
      return chosen;
    }
    await kindStep(w, next);
  }
}
