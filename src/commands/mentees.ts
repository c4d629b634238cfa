/** Mentees and goals: add, edit, check in, complete, delete with undo, reveal in YAML, initialize. */
import * as vscode from 'vscode';
import type { Goal, GoalStatus, Mentee, MenteeStatus, Owner } from '../core/domain/model';
import { addGoal, checkIn, removeFeedback, removeGoal, removeSession, restoreEntry, setGoalStatus, setMenteeFields } from '../core/domain/operations';
import { decode, entityLine } from '../core/storage/parse';
import type { EntityList } from '../core/storage/parse';
import { SMART_PARTS } from '../core/domain/smart';
import type { SmartPart } from '../core/domain/smart';
import { exampleMenteeText, mentorTemplate } from '../templates';
import { isBack, Wizard } from '../ui/wizard';
import type { PickItem } from '../ui/wizard';
import { UserFacingError } from '../workspace';
import { command, entityFromArg, noteRecentMentee, pathFromArg, resolveMentee, today, validateDate, validateProgress } from './common';
import type { Deps } from './common';

const CADENCES = ['weekly', 'biweekly', 'monthly'];

export function registerMenteeCommands(deps: Deps): void {
  const c = (id: string, run: (...args: unknown[]) => Promise<unknown>): void => {
    deps.context.subscriptions.push(command(deps, id, run));
  };
  c('mentorship.initialize', () => initialize(deps));
  c('mentorship.addMentee', () => addMentee(deps));
  c('mentorship.editMentee', (arg) => editMentee(deps, arg));
  c('mentorship.deleteMentee', (arg) => deleteMentee(deps, arg));
  c('mentorship.addGoal', (arg) => addGoalFlow(deps, arg));
  c('mentorship.checkInGoal', (arg) => checkInFlow(deps, arg));
  c('mentorship.completeGoal', (arg) => goalStatus(deps, arg, 'done'));
  c('mentorship.dropGoal', (arg) => goalStatus(deps, arg, 'dropped'));
  c('mentorship.reopenGoal', (arg) => goalStatus(deps, arg, 'active'));
  c('mentorship.deleteEntry', (arg) => deleteEntry(deps, arg));
  c('mentorship.revealInYaml', (arg) => revealInYaml(deps, arg));
  c('mentorship.openFileAt', (path, line, column) => openFileAt(deps, path, line, column));
}

async function initialize(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  const created = await store.initialize([
    { name: 'mentor.yaml', text: mentorTemplate() },
    { name: 'mentees/example-mentee.yaml', text: exampleMenteeText(today()) },
  ]);
  deps.log.info(`Initialized ${store.root}: ${created.length} file(s) created`);
  const folder = deps.ws.location?.folder;
  if (folder && store.root.startsWith(folder.uri.path + '/')) {
    const rel = store.root.slice(folder.uri.path.length + 1);
    const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
    let current = '';
    try {
      current = decode(await vscode.workspace.fs.readFile(gitignore)).text;
    } catch {
      current = '';
    }
    const listed = current.split(/\r?\n/).some((l) => l.trim().replace(/\/$/, '') === rel || l.trim().replace(/\/$/, '') === '/' + rel);
    if (!listed) {
      const add = t('Add to .gitignore');
      const choice = await vscode.window.showInformationMessage(
        t('Mentorship notes are private by default. Keep {0} out of git?', rel + '/'),
        add,
        t('Keep in git'),
      );
      if (choice === add) {
        const sep = current.length === 0 || current.endsWith('\n') ? '' : '\n';
        await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode(`${current}${sep}# Mentorship notes (private)\n${rel}/\n`));
      }
    }
  }
  const example = store.bySlug('example-mentee');
  if (example) {
    await openFileAt(deps, example.path, 1, 1);
  }
}

async function addMentee(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  const state = { name: '', role: '', cadence: 'biweekly', focus: '' };
  await Wizard.run(
    t('Add Mentee'),
    [
      async (w, s) => {
        const r = await w.input({ prompt: t("The mentee's name"), value: s.name, validate: (v) => (v.trim() ? undefined : t('A name is needed.')) });
        if (isBack(r)) {
          return 'back';
        }
        s.name = r.trim();
        return 'next';
      },
      async (w, s) => {
        const r = await w.input({ prompt: t('Role (optional)'), value: s.role, placeholder: t('For example: backend engineer') });
        if (isBack(r)) {
          return 'back';
        }
        s.role = r.trim();
        return 'next';
      },
      async (w, s) => {
        const items: PickItem<string>[] = [
          { label: t('weekly'), value: 'weekly' },
          { label: t('biweekly'), description: t('every two weeks'), value: 'biweekly' },
          { label: t('monthly'), value: 'monthly' },
        ];
        const r = await w.pick({
          placeholder: t('How often will you meet? (or type "every N days")'),
          items,
          active: s.cadence,
          allowNew: (typed) => (/^every \d{1,3} days?$/i.test(typed) ? { label: typed.toLowerCase(), value: typed.toLowerCase() } : undefined),
        });
        if (isBack(r)) {
          return 'back';
        }
        s.cadence = r;
        return 'next';
      },
      async (w, s) => {
        const r = await w.input({ prompt: t('Focus areas (optional, separated by ;)'), value: s.focus });
        if (isBack(r)) {
          return 'back';
        }
        s.focus = r;
        return 'done';
      },
    ],
    state,
  );
  const focus = state.focus
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
  const file = await store.createMentee({
    name: state.name,
    ...(state.role ? { role: state.role } : {}),
    since: today(),
    status: 'active',
    cadence: state.cadence,
    ...(focus.length ? { focus } : {}),
    goals: [],
    sessions: [],
    feedback: [],
  });
  noteRecentMentee(deps, file.path);
  void vscode.window.showInformationMessage(t('{0} added. Next: agree on a first SMART goal.', state.name), t('Add Goal')).then((c) => {
    if (c) {
      void vscode.commands.executeCommand('mentorship.addGoal', { kind: 'mentee', path: file.path, id: '' });
    }
  });
}

async function editMentee(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg);
  const t = vscode.l10n.t;
  const m = f.data;
  type Field = 'name' | 'role' | 'status' | 'cadence' | 'usualDuration' | 'since';
  const field = await vscode.window.showQuickPick<PickItem<Field>>(
    [
      { label: t('Name'), description: m.name, value: 'name' },
      { label: t('Role'), description: m.role ?? '', value: 'role' },
      { label: t('Status'), description: m.status, value: 'status' },
      { label: t('Cadence'), description: m.cadence ?? '', value: 'cadence' },
      { label: t('Usual duration (minutes)'), description: m.usualDuration ? String(m.usualDuration) : '', value: 'usualDuration' },
      { label: t('Started on'), description: m.since ?? '', value: 'since' },
    ],
    { placeHolder: t('What do you want to change for {0}?', m.name) },
  );
  if (!field) {
    return;
  }
  let value: string | number | undefined;
  if (field.value === 'status') {
    const s = await vscode.window.showQuickPick(
      (['active', 'paused', 'closed'] as MenteeStatus[]).map((x) => ({ label: x, value: x })),
      { placeHolder: t('Status of {0}', m.name) },
    );
    value = s?.value;
  } else if (field.value === 'cadence') {
    value = await vscode.window.showInputBox({
      prompt: t('Cadence: weekly, biweekly, monthly or "every N days"'),
      value: m.cadence ?? 'biweekly',
      validateInput: (v) => (CADENCES.includes(v.trim()) || /^every [1-9]\d{0,2} days?$/.test(v.trim()) ? undefined : t('Use weekly, biweekly, monthly or "every N days".')),
    });
  } else {
    const current = m[field.value];
    const v = await vscode.window.showInputBox({
      prompt: field.label,
      value: current === undefined ? '' : String(current),
      validateInput: (x) => {
        if (field.value === 'since') {
          return validateDate(x);
        }
        if (field.value === 'usualDuration') {
          return /^\d{1,4}$/.test(x.trim()) && Number(x) > 0 ? undefined : t('Duration is a number of minutes, from 1 to 1440.');
        }
        return field.value === 'name' && !x.trim() ? t('A name is needed.') : undefined;
      },
    });
    value = v === undefined ? undefined : field.value === 'usualDuration' ? Number(v) : v.trim();
  }
  if (value === undefined) {
    return;
  }
  await deps.ws.requireStore().edit(f.path, setMenteeFields({ [field.value]: value } as Partial<Mentee>));
}

async function deleteMentee(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg);
  const t = vscode.l10n.t;
  const ok = await vscode.window.showWarningMessage(
    t('Delete {0} and everything recorded about them?', f.data.name),
    { modal: true, detail: t('The file {0} is removed. You can undo this right after.', `${f.slug}.yaml`) },
    t('Delete'),
  );
  if (!ok) {
    return;
  }
  const store = deps.ws.requireStore();
  const bytes = await store.deleteMentee(f.path);
  const undo = t('Undo');
  const choice = await vscode.window.showInformationMessage(t('{0} was deleted.', f.data.name), undo);
  if (choice === undo) {
    await store.restore(f.path, bytes);
  }
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
  const f = await resolveMentee(deps, arg);
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
  const f = await resolveMentee(deps, arg, vscode.l10n.t('Add a goal for…'));
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
  skipped = SMART_PARTS.filter((p) => !state[p]).length;
  await deps.ws.requireStore().edit(f.path, addGoal(goal));
  noteRecentMentee(deps, f.path);
  if (skipped > 0) {
    void vscode.window.showInformationMessage(
      t('Goal "{0}" added. It is not SMART yet: {1} part(s) still to agree on.', state.title, skipped),
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

const LIST_OF: Record<string, EntityList> = { goal: 'goals', session: 'sessions', feedback: 'feedback', action: 'actions' };

async function deleteEntry(deps: Deps, arg: unknown): Promise<void> {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const kind = (arg as { kind?: string } | undefined)?.kind ?? '';
  const list = LIST_OF[kind];
  const store = deps.ws.requireStore();
  const f = path ? store.file(path) : undefined;
  if (!f?.data || !id || !path || (list !== 'goals' && list !== 'sessions' && list !== 'feedback')) {
    return;
  }
  const t = vscode.l10n.t;
  const entry = (f.data[list] as { id: string; title?: string; date?: string; text?: string }[]).find((e) => e.id === id);
  if (!entry) {
    return;
  }
  const label = entry.title ?? entry.text ?? entry.date ?? id;
  const ok = await vscode.window.showWarningMessage(t('Delete "{0}"?', label), { modal: true }, t('Delete'));
  if (!ok) {
    return;
  }
  const remove = list === 'goals' ? removeGoal(id) : list === 'sessions' ? removeSession(id) : removeFeedback(id);
  await store.edit(path, remove);
  const undo = t('Undo');
  const choice = await vscode.window.showInformationMessage(t('"{0}" was deleted.', label), undo);
  if (choice === undo) {
    await store.edit(path, restoreEntry(list, entry));
  }
}

async function revealInYaml(deps: Deps, arg: unknown): Promise<void> {
  const path = pathFromArg(arg);
  if (!path) {
    return;
  }
  const id = entityFromArg(arg);
  const kind = (arg as { kind?: string } | undefined)?.kind ?? '';
  const list = LIST_OF[kind];
  let line = 1;
  if (id && list) {
    const text = decode(await vscode.workspace.fs.readFile(deps.ws.uri(path))).text;
    line = entityLine(text, list, id);
  }
  await openFileAt(deps, path, line, 1);
}

async function openFileAt(deps: Deps, path: unknown, line: unknown, column: unknown): Promise<void> {
  if (typeof path !== 'string') {
    return;
  }
  const l = typeof line === 'number' && line > 0 ? line - 1 : 0;
  const c = typeof column === 'number' && column > 0 ? column - 1 : 0;
  const pos = new vscode.Position(l, c);
  await vscode.window.showTextDocument(deps.ws.uri(path), { selection: new vscode.Range(pos, pos), preview: false });
}
