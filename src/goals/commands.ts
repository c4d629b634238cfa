/** Goals: add one (SMART, step by step), check in on progress, complete, drop, reopen. */
import * as vscode from 'vscode';
import type { Goal, GoalStatus, Mentee, Owner } from '../core/domain/model';
import { addGoal, checkIn, setGoalStatus } from '../core/domain/operations';
import { SMART_PARTS } from '../core/domain/smart';
import type { SmartPart } from '../core/domain/smart';
import { entityFromArg, pathFromArg } from '../kit/args';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today, validateDate, validateProgress } from '../kit/input';
import { noteRecentMentee, resolveMentee } from '../kit/mentees';
import { isBack, Wizard } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';

export function registerGoalCommands(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.addGoal', (arg) => addGoalFlow(deps, arg)),
    command(deps, 'mentorship.checkInGoal', (arg) => checkInFlow(deps, arg)),
    command(deps, 'mentorship.completeGoal', (arg) => goalStatus(deps, arg, 'done')),
    command(deps, 'mentorship.dropGoal', (arg) => goalStatus(deps, arg, 'dropped')),
    command(deps, 'mentorship.reopenGoal', (arg) => goalStatus(deps, arg, 'active')),
  );
}

function goalOf(deps: Deps, arg: unknown): { path: string; goal: Goal; mentee: Mentee } | undefined {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const f = path ? deps.ws.store?.file(path) : undefined;
  const goal = f?.data?.goals.find((g) => g.id === id);
  return path && goal && f?.data ? { path, goal, mentee: f.data } : undefined;
}

async function pickGoal(deps: Deps, arg: unknown, filter: (g: Goal) => boolean): Promise<{ path: string; goal: Goal; mentee: Mentee }> {
  const direct = goalOf(deps, arg);
  if (direct) {
    return direct;
  }
  const f = await resolveMentee(deps, arg, undefined, vscode.l10n.t('Goals'));
  const goals = f.data.goals.filter(filter);
  if (goals.length === 0) {
    throw new UserFacingError(vscode.l10n.t('{0} has no goals for this.', f.data.name));
  }
  const picked = await vscode.window.showQuickPick(
    goals.map((g) => ({ label: g.title, description: `${g.progress}%${g.due ? ' · ' + g.due : ''}`, value: g })),
    { placeHolder: vscode.l10n.t('Which goal?') },
  );
  if (!picked) {
    throw new UserFacingError(vscode.l10n.t('No goal chosen; nothing changed.'));
  }
  return { path: f.path, goal: picked.value, mentee: f.data };
}

/** The name of a SMART part as a mentor says it. */
function smartPartName(p: SmartPart): string {
  const t = vscode.l10n.t;
  return { specific: t('specific'), measurable: t('measurable'), achievable: t('achievable'), relevant: t('relevant'), due: t('time-bound (a due date)') }[p];
}

const SMART_PROMPTS = (): Record<SmartPart, { prompt: string; placeholder: string }> => {
  const t = vscode.l10n.t;
  return {
    specific: { prompt: t('S — Specific: what exactly will be achieved?'), placeholder: t('For example: write contract tests for the payments API') },
    measurable: { prompt: t('M — Measurable: how will you both know it is done?'), placeholder: t('For example: 80% of endpoints covered, checked in CI') },
    achievable: { prompt: t('A — Achievable: why is it realistic now?'), placeholder: t('For example: two hours a week, pairing on the first tests') },
    relevant: { prompt: t('R — Relevant: why does it matter for the mentee?'), placeholder: t('For example: needed for the promotion to medior') },
    due: { prompt: t('T — Time-bound: due date (YYYY-MM-DD)'), placeholder: t('For example: {0}', today()) },
  };
};

async function addGoalFlow(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Add a goal for…'), vscode.l10n.t('Add Goal'));
  const t = vscode.l10n.t;
  const prompts = SMART_PROMPTS();
  const state: { title: string; owner: Owner; progress: string } & Record<SmartPart, string> = {
    title: '',
    specific: '',
    measurable: '',
    achievable: '',
    relevant: '',
    due: '',
    owner: 'mentee',
    progress: '0',
  };
  let skipped = 0;
  await Wizard.run(
    t('Add Goal for {0}', f.data.name),
    [
      async (w, s) => {
        const r = await w.input({ prompt: t('Goal title'), value: s.title, validate: (v) => (v.trim() ? undefined : t('A goal needs a title.')) });
        if (isBack(r)) {
          return 'back';
        }
        s.title = r.trim();
        return 'next';
      },
      ...SMART_PARTS.map((part) => async (w: Wizard, s: typeof state) => {
        const r = await w.input({
          prompt: prompts[part].prompt,
          placeholder: prompts[part].placeholder + ' — ' + t('leave empty to fill in later'),
          value: s[part],
          validate: part === 'due' ? (v) => validateDate(v, true) : undefined,
        });
        if (isBack(r)) {
          return 'back' as const;
        }
        s[part] = r.trim();
        return 'next' as const;
      }),
      async (w, s) => {
        const r = await w.pick<Owner>({
          placeholder: t('Who owns this goal?'),
          items: [
            { label: t('Mentee'), description: t('the mentee drives it (independence)'), value: 'mentee' },
            { label: t('Mentor'), description: t('you drive it for now'), value: 'mentor' },
          ],
          active: s.owner,
        });
        if (isBack(r)) {
          return 'back';
        }
        s.owner = r;
        return 'next';
      },
      async (w, s) => {
        const r = await w.input({ prompt: t('Progress so far (0–100)'), value: s.progress, validate: validateProgress });
        if (isBack(r)) {
          return 'back';
        }
        s.progress = r.trim().replace(/%$/, '');
        return 'done';
      },
    ],
    state,
  );
  const goal: Omit<Goal, 'id'> = {
    title: state.title,
    ...Object.fromEntries(SMART_PARTS.filter((p) => state[p]).map((p) => [p, state[p]])),
    status: 'active',
    progress: Number(state.progress),
    owner: state.owner,
  };
  const missing = SMART_PARTS.filter((p) => !state[p]);
  skipped = missing.length;
  await deps.ws.requireStore().edit(f.path, addGoal(goal));
  noteRecentMentee(deps, f.path);
  if (skipped > 0) {
    void vscode.window.showInformationMessage(
      t('Goal "{0}" added. Not SMART yet: still to agree on {1}.', state.title, missing.map((p) => smartPartName(p)).join(', ')),
    );
  } else {
    void vscode.window.showInformationMessage(t('Goal "{0}" added.', state.title));
  }
}

async function checkInFlow(deps: Deps, arg: unknown): Promise<void> {
  const { path, goal } = await pickGoal(deps, arg, (g) => g.status === 'active');
  const t = vscode.l10n.t;
  const state = { progress: String(goal.progress), note: '' };
  await Wizard.run(
    t('Check In: {0}', goal.title),
    [
      async (w, s) => {
        const r = await w.input({ prompt: t('Progress now (0–100); it was {0}%', goal.progress), value: s.progress, validate: validateProgress });
        if (isBack(r)) {
          return 'back';
        }
        s.progress = r.trim().replace(/%$/, '');
        return 'next';
      },
      async (w, s) => {
        const r = await w.input({ prompt: t('What moved, what is blocking? (optional)'), value: s.note });
        if (isBack(r)) {
          return 'back';
        }
        s.note = r.trim();
        return 'done';
      },
    ],
    state,
  );
  await deps.ws.requireStore().edit(path, checkIn(goal.id, today(), Number(state.progress), state.note || undefined));
  if (Number(state.progress) !== 100) {
    void vscode.window.showInformationMessage(t('Checked in on "{0}": {1}% (was {2}%).', goal.title, Number(state.progress), goal.progress));
  }
  if (Number(state.progress) === 100) {
    const done = t('Mark as Done');
    const c = await vscode.window.showInformationMessage(t('"{0}" is at 100%. Celebrate the win!', goal.title), done);
    if (c === done) {
      await deps.ws.requireStore().edit(path, setGoalStatus(goal.id, 'done'));
    }
  }
}

async function goalStatus(deps: Deps, arg: unknown, status: GoalStatus): Promise<void> {
  const { path, goal } = await pickGoal(deps, arg, (g) => (status === 'active' ? g.status !== 'active' : g.status === 'active'));
  await deps.ws.requireStore().edit(path, setGoalStatus(goal.id, status));
}
