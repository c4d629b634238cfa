/** Mentees: set up the data folder, add, edit and delete (with undo) a mentee. */
import * as vscode from 'vscode';
import type { Mentee, MenteeStatus } from '../core/domain/model';
import { setMenteeFields } from '../core/domain/operations';
import { decode } from '../core/storage/parse';
import { openFileAt } from '../entries/commands';
import { entryArg } from '../kit/args';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { today, validateDate } from '../kit/input';
import { noteRecentMentee, resolveMentee } from '../kit/mentees';
import { isBack, Wizard } from '../kit/wizard';
import type { PickItem } from '../kit/wizard';
import { exampleMenteeText, mentorTemplate } from './templates';

export function registerMenteeCommands(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.initialize', () => initialize(deps)),
    command(deps, 'mentorship.addMentee', () => addMentee(deps)),
    command(deps, 'mentorship.editMentee', (arg) => editMentee(deps, arg)),
    command(deps, 'mentorship.deleteMentee', (arg) => deleteMentee(deps, arg)),
  );
}

const CADENCES = ['weekly', 'biweekly', 'monthly'];

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
      void vscode.commands.executeCommand('mentorship.addGoal', entryArg('mentee', file.path));
    }
  });
}

async function editMentee(deps: Deps, arg: unknown): Promise<void> {
  const f = await resolveMentee(deps, arg, undefined, vscode.l10n.t('Edit Mentee'));
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
  const f = await resolveMentee(deps, arg, undefined, vscode.l10n.t('Delete Mentee'));
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
