/**
 * Registers Import Review Comments. The import itself (HTTP, mapping, the pickers) is a separate bundle
 * (dist/reviews.js), loaded the first time the command runs, so activation does not pay for it.
 */
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { loadBundle } from '../platform/bundles';

export function registerReviewImport(deps: Deps): void {
  const load = () => loadBundle<typeof import('./importReviews')>('reviews');
  deps.context.subscriptions.push(
    command(deps, 'mentorship.importReviewComments', async (arg) => (await load()).importReviewComments(deps, arg)),
    command(deps, 'mentorship.forgetGitLabToken', async () => (await load()).forgetGitLabTokens(deps)),
  );
}
