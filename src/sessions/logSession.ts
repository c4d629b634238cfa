/** Log Session from the palette: the steps of logSessionSteps.ts, then one recorded session. */
import * as vscode from 'vscode';
import type { Mentee } from '../core/domain/model';
import type { MenteeFile } from '../core/storage/store';
import { pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { noteRecentMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { Wizard } from '../kit/wizard';
import type { NamedStep } from '../kit/wizard';
import { dateStep, durationStep, extraSteps, menteeStep, menuStep, newLogSessionState, notesStep, toSessionRecord, topicsStep } from './logSessionSteps';
import type { Extra, LogSessionState, StepName } from './logSessionSteps';

export const LOG_SESSION_FLOWS: Flows = {
  'mentorship.logSession': (deps, arg) => logSession(deps, arg),
};

export async function logSession(deps: Deps, arg?: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const store = deps.ws.requireStore();
  const preset = pathFromArg(arg);
  const presetFile = preset ? store.file(preset) : undefined;
  const state = newLogSessionState(presetFile?.data ? (presetFile as MenteeFile & { data: Mentee }) : undefined);
  // Run on a mentee (tree, dashboard), the mentee step is skipped.
  const main: NamedStep<LogSessionState, StepName>[] = [
    ...(state.mentee ? [] : [['mentee', menteeStep(deps)] as const]),
    ['date', dateStep],
    ['duration', durationStep],
    ['topics', topicsStep],
    ['notes', notesStep],
    ['menu', menuStep],
  ];
  const extras = extraSteps();
  const steps = [...main, ...(Object.keys(extras) as Extra[]).map((k) => [k, extras[k]] as const)];
  const title = state.mentee ? t('Log Session: {0}', state.mentee.data.name) : t('Log Session');
  await Wizard.run(title, steps, state, main.length);
  if (!state.saved || !state.mentee) {
    return;
  }
  const m = state.mentee;
  await run(deps, 'logSession', m.path, toSessionRecord(state));
  noteRecentMentee(deps, m.path);
  deps.log.info(`Session ${state.date} logged for ${m.slug}`);
  void vscode.window.showInformationMessage(t('Session of {0} with {1} saved.', state.date, m.data.name));
}
