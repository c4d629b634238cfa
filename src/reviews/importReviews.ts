/**
 * Import Review Comments: a pull request (GitHub, GitHub Enterprise) or merge request (GitLab) becomes
 * feedback on the mentee, each comment linked to the code it was about and found again in today's
 * checkout. The whole flow is one quick input (the keyboard never goes back to the editor while it runs);
 * only the API origin the mentor chose is contacted; one import is one write.
 */
import * as vscode from 'vscode';
import { plural } from '../core/domain/text';
import { fetchFileAt, fetchReview, ReviewApiError } from '../core/reviews/api';
import { feedbackEntry, planImport } from '../core/reviews/importPlan';
import type { AnchorStatus } from '../core/reviews/importPlan';
import { repositoryName, repositoryOfReviewUrl } from '../core/anchors/repository';
import type { FetchedReview, RequestRef } from '../core/reviews/model';
import type { Deps, Flows } from '../kit/command';
import { resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { Cancelled, Wizard } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';
import { entryArg } from '../kit/args';
import { anchorsFor } from './anchors';
import type { FoundAnchor } from './anchors';
import { apiBase } from './settings';
import { forgetRejectedToken, forgetGitLabTokens as forget, tokenFor } from './signIn';
import { commentsStep, requestStep, reviewersStep } from './steps';
import type { Mf } from './steps';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const REVIEW_FLOWS: Flows = {
  'mentorship.importReviewComments': (deps, arg) => importReviewComments(deps, arg),
  'mentorship.forgetGitLabToken': (deps) => Wizard.flow(t('Forget a GitLab Token'), (w) => forget(deps, w)),
};

interface Imported {
  mentee: Mf;
  ref: RequestRef;
  count: number;
  anchors: FoundAnchor[];
}

export async function importReviewComments(deps: Deps, arg: unknown): Promise<void> {
  const store = deps.ws.requireStore();
  // A workspace setting that tries to choose the API address is said once, when the flow has ended.
  const warnings: string[] = [];
  // The flow's outcome: what was imported, or why nothing was (said once the quick input has closed).
  const done = await Wizard.flow(t('Import Review Comments'), async (w): Promise<Imported | string> => {
    let f: Mf;
    let ref: RequestRef | undefined;
    do {
      f = (await resolveMentee(deps, arg, w, t('Import review comments for…'))) as Mf;
      w.title = t('Import Review Comments: {0}', f.data.name);
      ref = await requestStep(deps, w, f, (m) => warnings.push(m));
    } while (!ref);
    const target = ref;
    const base = await apiBase(target, (m) => warnings.push(m));
    const token = await tokenFor(deps, target, base, { wizard: w });
    if (token === undefined && target.provider === 'gitlab') {
      throw new Cancelled();
    }
    deps.log.info(`Import: reading ${target.url} from ${base}`);
    let review: FetchedReview;
    try {
      review = await w.busy(t('Reading the review of {0}…', target.url), (signal) => fetchReview(target, { provider: target.provider, base, token, signal }));
    } catch (e) {
      if (e instanceof ReviewApiError) {
        if (e.kind === 'cancelled') {
          throw new Cancelled();
        }
        if (e.kind === 'unauthorized' && target.provider === 'gitlab') {
          await forgetRejectedToken(deps, target, base); // asked again next time
        }
        throw new UserFacingError(e.message);
      }
      throw e;
    }
    const fresh = store.file(f.path);
    const mentee = (fresh?.data ? fresh : f) as Mf;
    const reviewers = await reviewersStep(w, review, mentee);
    if (!reviewers) {
      throw new Cancelled();
    }
    const plan = planImport(review, mentee.data.feedback, reviewers);
    if (plan.candidates.length === 0) {
      const who = reviewers === 'viewer' && review.viewer ? review.viewer : t('any reviewer');
      return plan.alreadyImported > 0
        ? t('Nothing new to import from {0}: its {1} comments by {2} are in the feedback of {3} already.', target.url, plan.alreadyImported, who, mentee.data.name)
        : t('{0} has no review comments by {1}; nothing was imported.', target.url, who);
    }
    const chosen = await commentsStep(w, plan.candidates);
    if (!chosen) {
      throw new Cancelled();
    }
    if (chosen.length === 0) {
      return t('No comment was ticked; nothing was imported.');
    }
    const anchors = await w.busy(
      plural(chosen.length, t('Finding the code of 1 comment…'), t('Finding the code of {0} comments…', chosen.length)),
      (signal) =>
        anchorsFor(deps, target.url, chosen, signal, async (commit, path) => {
          try {
            return await fetchFileAt(target, path, commit, { provider: target.provider, base, token, signal });
          } catch (e) {
            // Without the file the diff hunk serves, or the comment keeps the line it was written on.
            deps.log.warn(`Import: ${path} at ${commit.slice(0, 7)} could not be read from ${new URL(base).host}: ${describe(e)}`);
            return undefined;
          }
        }),
    );
    const entries = chosen.map((c, i) => feedbackEntry(review, c.comment, c.kind, anchors[i].anchor));
    try {
      await w.busy(t('Saving…'), () => run(deps, 'importReviews', mentee.path, { entries }));
    } catch (e) {
      deps.log.warn(`Import of ${target.url} not saved: ${describe(e)}`);
      throw e;
    }
    return { mentee, ref: target, count: entries.length, anchors };
  }).finally(() => {
    for (const m of warnings) {
      deps.log.warn(m);
      void vscode.window.showWarningMessage(m);
    }
  });
  if (typeof done === 'string') {
    void vscode.window.showInformationMessage(done);
    return;
  }
  const { mentee, ref, count, anchors } = done;
  const n = (s: AnchorStatus | 'notOpen'): number => anchors.filter((a) => a.status === s).length;
  const linked = n('found') + n('moved');
  const repo = repositoryOfReviewUrl(ref.url);
  deps.log.info(`Import: ${count} comments of ${ref.url} stored for ${mentee.slug} (${linked} linked, ${n('notFound')} not found, ${n('notOpen')} in ${repo ?? '?'} not open here, ${n('none')} without a line)`);
  // The counts first: a long request URL at the end cannot cut them off.
  const show = t('Show in Tree');
  const counts =
    n('notOpen') > 0
      ? plural(
          count,
          t('1 review comment imported for {0}: {1} on {2}, which is not open here (kept with the code and lines of the review), {3} without a line ({4}).', mentee.data.name, n('notOpen'), repositoryName(repo ?? ''), n('none'), ref.url),
          t('{0} review comments imported for {1}: {2} on {3}, which is not open here (kept with the code and lines of the review), {4} without a line ({5}).', count, mentee.data.name, n('notOpen'), repositoryName(repo ?? ''), n('none'), ref.url),
        )
      : plural(
          count,
          t('1 review comment imported for {0}: {1} linked to today\'s code, {2} not found in today\'s code, {3} without a line ({4}).', mentee.data.name, linked, n('notFound'), n('none'), ref.url),
          t('{0} review comments imported for {1}: {2} linked to today\'s code, {3} not found in today\'s code, {4} without a line ({5}).', count, mentee.data.name, linked, n('notFound'), n('none'), ref.url),
        );
  void vscode.window
    .showInformationMessage(counts, show)
    .then(async (c) => {
      if (c === show) {
        await vscode.commands.executeCommand('mentorship.revealFeedback', entryArg('mentee', mentee.path), ref.url);
      }
    });
}
