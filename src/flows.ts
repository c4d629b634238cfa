/**
 * The flows bundle (dist/flows.js), loaded the first time a command runs: the code of every command that
 * the command table (src/commands.ts) places here, and the background writes the activation bundle hands
 * over (ranges that moved on save, files renamed in the editor). Everything here changes data through
 * the operations table.
 */
import type { Background, Flows } from './kit/command';
import { run } from './kit/operations';
import { AGENDA_FLOWS } from './agenda/commands';
import { CLOSING_FLOWS } from './closing/closing';
import { ENTRY_FLOWS } from './entries/commands';
import { FEEDBACK_FLOWS } from './feedback/feedback';
import { followRenamedFiles } from './feedback/renames';
import { THREAD_FLOWS } from './feedback/threadCommands';
import { GOAL_FLOWS } from './goals/commands';
import { MENTEE_FLOWS } from './mentees/commands';
import { NOTEBOOK_FLOWS } from './notebook/commands';
import { PROFILE_FLOWS } from './profile/profile';
import { REPORT_FLOWS } from './report/exportReport';
import { REVIEW_FLOWS } from './reviews/importReviews';
import { ACTION_ITEM_FLOWS } from './sessions/actionItems';
import { DRAFT_FLOWS } from './sessions/drafts';
import { LOG_SESSION_FLOWS } from './sessions/logSession';

export const FLOWS: Flows = {
  ...MENTEE_FLOWS,
  ...NOTEBOOK_FLOWS,
  ...GOAL_FLOWS,
  ...ENTRY_FLOWS,
  ...LOG_SESSION_FLOWS,
  ...AGENDA_FLOWS,
  ...ACTION_ITEM_FLOWS,
  ...DRAFT_FLOWS,
  ...PROFILE_FLOWS,
  ...CLOSING_FLOWS,
  ...REPORT_FLOWS,
  ...REVIEW_FLOWS,
  ...FEEDBACK_FLOWS,
  ...THREAD_FLOWS,
};

export const BACKGROUND: Background = {
  async moveRanges(deps, moves) {
    for (const m of moves) {
      try {
        await run(deps, 'pointFeedback', m.menteePath, { feedback: m.feedbackId, anchor: m.anchor, rangeOnly: true });
      } catch (err) {
        deps.log.warn(`Could not update the link of feedback ${m.feedbackId}: ${String(err)}`);
      }
    }
  },
  followRenames: (deps, files) => followRenamedFiles(deps, files),
};
