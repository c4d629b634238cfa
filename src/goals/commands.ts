/** Goals: add one (SMART, step by step), check in on progress, complete, drop, reopen. */
import * as vscode from 'vscode';
import type { Goal, GoalStatus, Mentee, Owner } from '../core/domain/model';
import { SMART_PARTS } from '../core/domain/smart';
import type { SmartPart } from '../core/domain/smart';
import { entityFromArg, pathFromArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { today, validateDate, validateProgress } from '../kit/input';
import { noteRecentMentee, resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { isBack, Wizard } from '../kit/wizard';
import type { Step } from '../kit/wizard';
import { UserFacingError } from '../kit/errors';

export const GOAL_FLOWS: Flows = {
  'mentorship.addGoal': (deps, arg) => addGoalFlow(deps, arg),
  'mentorship.checkInGoal': (deps, arg) => checkInFlow(deps, arg),
  'mentorship.completeGoal': (deps, arg) => goalStatus(deps, arg, 'done'),
  'mentorship.dropGoal': (deps, arg) => goalStatus(deps, arg, 'dropped'),
  'mentorship.reopenGoal': (deps, arg) => goalStatus(deps, arg, 'active'),
};

function goalOf(deps: Deps, arg: unknown): { path: string; goal: Goal; mentee: Mentee } | undefined {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const f = path ? deps.ws.store?.file(path) : undefined;
  const goal = f?.data?.goals.find((g) => g.id === id);
  return path && goal && f?.data ? { path, goal, mentee: f.data } : undefined;
}

async function pickGoal(deps: Deps, arg: unknown, w: Wizard, filter: (g: Goal) => boolean): Promise<{ path: string; goal: Goal; mentee: Mentee }> {
  const direct = goalOf(deps, arg);
  if (direct) {
    return direct;
  }
  const t = vscode.l10n.t;
  for (;;) {
    const f = await resolveMentee(deps, arg, w);
    const goals = f.data.goals.filter(filter);
    if (goals.length === 0) {
      throw new UserFacingError(t('{0} has no goals for this.', f.data.name));
    }
    const picked = await w.pick({
      placeholder: t('Which goal of {0}?', f.data.name),
      items: goals.map((g) => ({ label: g.title, description: `${g.progress}%${g.due ? ' · ' + g.due : ''}`, value: g })),
    });
    if (!isBack(picked)) {
      return { path: f.path, goal: picked, mentee: f.data };
    }
  }
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
  const t = vscode.l10n.t;
  await Wizard.flow(t('Add Goal'), (w) => addGoalSteps(deps, arg, w));
}

async function addGoalSteps(deps: Deps, arg: unknown, w: Wizard): Promise<void> {
  const f = await resolveMentee(deps, arg, w, vscode.l10n.t('Add a goal for…'));
  const t = vscode.l10n.t;
  w.title = t('Add Goal for {0}', f.data.name);
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
  await w.run(
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
  await run(deps, 'addGoal', f.path, goal);
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
  const t = vscode.l10n.t;
  const state = { progress: '', note: '' };
  const { path, goal } = await Wizard.flow(t('Check In'), async (w) => {
    const picked = await pickGoal(deps, arg, w, (g) => g.status === 'active');
    w.title = t('Check In: {0}', picked.goal.title);
    state.progress = String(picked.goal.progress);
    await w.run(checkInSteps(picked.goal), state);
    return picked;
  });
  await run(deps, 'checkIn', path, { goal: goal.id, date: today(), progress: Number(state.progress), ...(state.note ? { note: state.note } : {}) });
  if (Number(state.progress) !== 100) {
    void vscode.window.showInformationMessage(t('Checked in on "{0}": {1}% (was {2}%).', goal.title, Number(state.progress), goal.progress));
  }
  if (Number(state.progress) === 100) {
    const done = t('Mark as Done');
    const c = await vscode.window.showInformationMessage(t('"{0}" is at 100%. Celebrate the win!', goal.title), done);
    if (c === done) {
      await run(deps, 'setGoalStatus', path, { goal: goal.id, status: 'done' });
    }
  }
}

function checkInSteps(goal: Goal): Step<{ progress: string; note: string }>[] {
  const t = vscode.l10n.t;
  return [
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
  ];
}

async function goalStatus(deps: Deps, arg: unknown, status: GoalStatus): Promise<void> {
  const t = vscode.l10n.t;
  const title = { done: t('Complete Goal'), dropped: t('Drop Goal'), active: t('Reopen Goal') }[status];
  const { path, goal } = await Wizard.flow(title, (w) => pickGoal(deps, arg, w, (g) => (status === 'active' ? g.status !== 'active' : g.status === 'active')));
  await run(deps, 'setGoalStatus', path, { goal: goal.id, status });
}
