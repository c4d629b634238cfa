/**
 * Every command of package.json, in one table the compiler checks: the bundle that implements it, and
 * whether it writes (a command that writes is refused, with a message, in an untrusted workspace). No
 * `vscode` here: the tests read the table too.
 */
import type { CommandId } from './kit/commandIds';
import type BUNDLES from './platform/bundles.json';

export type Home = 'main' | Exclude<keyof typeof BUNDLES, 'yaml'>;

export interface CommandEntry {
  /** Where the command's code is: the activation bundle, or a bundle loaded on first use. */
  in: Home;
  /** It changes files: refused, with a message, in an untrusted workspace. */
  writes: boolean;
}

const flows = (writes: boolean): CommandEntry => ({ in: 'flows', writes });

export const COMMANDS: Record<CommandId, CommandEntry> = {
  'mentorship.initialize': flows(true),
  'mentorship.addMentee': flows(true),
  // The mentor's own settings, not a file of the workspace: allowed in an untrusted one too.
  'mentorship.addNotebookFolder': flows(false),
  'mentorship.removeNotebookFolder': flows(false),
  'mentorship.editMentee': flows(true),
  'mentorship.deleteMentee': flows(true),
  'mentorship.addGoal': flows(true),
  'mentorship.checkInGoal': flows(true),
  'mentorship.completeGoal': flows(true),
  'mentorship.dropGoal': flows(true),
  'mentorship.reopenGoal': flows(true),
  'mentorship.deleteEntry': flows(true),
  'mentorship.revealInYaml': flows(false),
  'mentorship.openFileAt': flows(false),
  'mentorship.logSession': flows(true),
  'mentorship.completeAction': flows(true),
  'mentorship.reopenAction': flows(true),
  'mentorship.logFeedback': flows(true),
  'mentorship.goToFeedback': flows(false),
  'mentorship.repointFeedback': flows(true),
  'mentorship.openDashboard': { in: 'dashboard', writes: false },
  'mentorship.refresh': { in: 'main', writes: false },
  'mentorship.showOpenReposOnly': { in: 'main', writes: false },
  'mentorship.showAllRepos': { in: 'main', writes: false },
  'mentorship.showInactive': { in: 'main', writes: false },
  'mentorship.hideInactive': { in: 'main', writes: false },
  'mentorship.startSession': flows(true),
  'mentorship.endSession': flows(true),
  'mentorship.reassignAction': flows(true),
  'mentorship.postponeAction': flows(true),
  'mentorship.updateActionItem': flows(true),
  'mentorship.resolveFeedback': flows(true),
  'mentorship.unresolveFeedback': flows(true),
  'mentorship.editFeedbackText': flows(true),
  'mentorship.deleteFeedbackComment': flows(true),
  'mentorship.feedbackInFile': flows(false),
  'mentorship.editMentorProfile': flows(true),
  'mentorship.closeMentorship': flows(true),
  'mentorship.exportReport': flows(true),
  'mentorship.prepareNextSession': { in: 'assistant', writes: false },
  'mentorship.saveProposedSession': { in: 'assistant', writes: true },
  'mentorship.importReviewComments': flows(true),
  'mentorship.forgetGitLabToken': flows(false),
  'mentorship.addAgendaTopic': flows(true),
  'mentorship.shareWithMentee': { in: 'sharing', writes: true },
  'mentorship.movePrivateNotes': { in: 'sharing', writes: true },
  'mentorship.resolveConflict': { in: 'sharing', writes: true },
  'mentorship.revealMentee': { in: 'main', writes: false },
  'mentorship.revealFeedback': { in: 'main', writes: false },
};

