/** Log Session from the palette: the steps of logSessionSteps.ts, then one recorded session. */
import * as vscode from 'vscode';
import type { Mentee } from '../core/domain/model';
import { saveSession } from '../core/domain/sessions';
import type { MenteeFile } from '../core/storage/store';
import { pathFromArg } from '../kit/args';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { noteRecentMentee } from '../kit/mentees';
import { Wizard } from '../kit/wizard';
import type { Step } from '../kit/wizard';
import { dateStep, durationStep, extraSteps, menteeStep, menuStep, newLogSessionState, notesStep, toSessionRecord, topicsStep } from './logSessionSteps';
import type { Extra, LogSessionState } from './logSessionSteps';

export function registerLogSession(deps: Deps): void {
  deps.context.subscriptions.push(command(deps, 'mentorship.logSession', (arg) => logSession(deps, arg)));
}

export async function logSession(deps: Deps, arg?: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const store = deps.ws.requireStore();
  const preset = pathFromArg(arg);
  const presetFile = preset ? store.file(preset) : undefined;
  const state = newLogSessionState(presetFile?.data ? (presetFile as MenteeFile & { data: Mentee }) : undefined);
  // Run on a mentee (tree, dashboard), the mentee step is skipped.
  const steps: Step<LogSessionState>[] = [...(state.mentee ? [] : [menteeStep(deps)]), dateStep, durationStep, topicsStep, notesStep];
  const menu = steps.length;
  const extras = extraSteps(menu);
  const order = Object.keys(extras) as Extra[];
  const index = Object.fromEntries(order.map((k, i) => [k, menu + 1 + i])) as Record<Extra, number>;
  steps.push(menuStep(index), ...order.map((k) => extras[k]));
  const title = state.mentee ? t('Log Session: {0}', state.mentee.data.name) : t('Log Session');
  await Wizard.run(title, steps, state, menu + 1);
  if (!state.saved || !state.mentee) {
    return;
  }
  const m = state.mentee;
  await saveSession(store, m.path, toSessionRecord(state));
  noteRecentMentee(deps, m.path);
  deps.log.info(`Session ${state.date} logged for ${m.slug}`);
  void vscode.window.showInformationMessage(t('Session of {0} with {1} saved.', state.date, m.data.name));
}
