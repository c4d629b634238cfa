/**
 * Registers Import Review Comments. The import itself (HTTP, mapping, the pickers) is a separate bundle
 * (dist/reviews.js), loaded the first time the command runs, so activation does not pay for it.
 */
import { command } from '../kit/command';
import type { Deps } from '../kit/command';

export function registerReviewImport(deps: Deps): void {
  let mod: typeof import('./importReviews') | undefined;
  const load = (): typeof import('./importReviews') => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod ??= require('./reviews.js') as typeof import('./importReviews');
    return mod;
  };
  deps.context.subscriptions.push(
    command(deps, 'mentorship.importReviewComments', (arg) => load().importReviewComments(deps, arg)),
    command(deps, 'mentorship.forgetGitLabToken', () => load().forgetGitLabTokens(deps)),
  );
}
