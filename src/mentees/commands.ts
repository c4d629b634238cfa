/** Mentees: set up the data folder, add, edit and delete (with undo) a mentee. */
import * as vscode from 'vscode';
import { relativeInside } from '../core/paths';
import type { Mentee } from '../core/domain/model';
import { MENTEE_STATUSES } from '../core/domain/model';
import { decode } from '../core/storage/parse';
import { entryArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { today, validateDate } from '../kit/input';
import { noteRecentMentee, resolveMentee } from '../kit/mentees';
import { run } from '../kit/operations';
import { addMentee as addMenteeFile } from '../core/operations/run';
import { isBack, Wizard } from '../kit/wizard';
import type { PickItem, Step } from '../kit/wizard';
import { mentorTemplate } from './templates';
import { git } from '../platform/git';

export const MENTEE_FLOWS: Flows = {
  'mentorship.initialize': (deps) => initialize(deps),
  'mentorship.addMentee': (deps, arg) => addMentee(deps, arg),
  'mentorship.editMentee': (deps, arg) => editMentee(deps, arg),
  'mentorship.deleteMentee': (deps, arg) => deleteMentee(deps, arg),
};

const CADENCES = ['weekly', 'biweekly', 'monthly'];

type GitChoice = 'ignore' | 'commit';

/**
 * The first run: the mentor's first real mentee (name and rhythm), then where the notes live in git — a
 * step of its own that cannot be missed. Escape at any step writes nothing. Whatever the answer, private
 * notes stay in .mentorship/private/, which its own .gitignore keeps out of every commit.
 */
async function initialize(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  // Set up where the notebook's first place is: the workspace's data folder, or the first notebook folder.
  const home = store.home;
  const folder = deps.ws.workspaceFolderOf(home);
  const rel = (folder && relativeInside(folder.uri.path, home.root)) || undefined;
  const gitignore = folder ? vscode.Uri.joinPath(folder.uri, '.gitignore') : undefined;
  const currentIgnore = gitignore ? await readText(gitignore) : '';
  const listed = !!rel && currentIgnore.split(/\r?\n/).some((l) => [rel, '/' + rel].includes(l.trim().replace(/\/$/, '')));
  const hasMentees = store.mentees.length > 0;
  // The mentor's own name, once: feedback and its threads carry it as their author (git's user.name to start with).
  const askMentor = !store.mentor;
  const gitName = askMentor && folder?.uri.scheme === 'file' ? await git(folder.uri.fsPath, ['config', '--get', 'user.name'], { allowExit: [1] }).then((o) => o.trim(), () => '') : '';
  const state: { mentor: string; name: string; cadence: string; git: GitChoice } = { mentor: gitName, name: '', cadence: 'biweekly', git: 'ignore' };
  const steps: Step<typeof state>[] = [];
  if (askMentor) {
    steps.push(async (w, s) => {
      const r = await w.input({
        prompt: t('Your name, as your mentees will see it on your feedback'),
        value: s.mentor,
        placeholder: t('For example: Sam de Vries (you can change it later in Edit Mentor Profile)'),
      });
      if (isBack(r)) {
        return 'back';
      }
      s.mentor = r.trim();
      return 'next';
    });
  }
  if (!hasMentees) {
    steps.push(
      async (w, s) => {
        const r = await w.input({
          prompt: t('Who is your first mentee? Their name'),
          value: s.name,
          placeholder: t('For example: Ana Souza'),
          validate: (v) => (v.trim() ? undefined : t('A name is needed.')),
        });
        if (isBack(r)) {
          return 'back';
        }
        s.name = r.trim();
        return 'next';
      },
      async (w, s) => {
        const r = await w.pick({ placeholder: t('How often will you meet {0}?', s.name), items: cadenceItems(), active: s.cadence });
        if (isBack(r)) {
          return 'back';
        }
        s.cadence = r;
        return 'next';
      },
    );
  }
  if (rel && !listed) {
    steps.push(async (w, s) => {
      const r = await w.pick<GitChoice>({
        placeholder: t('Your notes are in {0}. Should git see them?', rel + '/'),
        items: [
          { label: `$(lock) ${t('Keep {0} out of git', rel + '/')}`, description: t('recommended'), detail: t('Only on this machine. Adds {0} to .gitignore.', rel + '/'), value: 'ignore' },
          {
            label: `$(git-commit) ${t('Commit {0} with the project', rel + '/')}`,
            detail: t('Goals, sessions and feedback are shared with whoever has the repository. Private notes stay in {0}, which is never committed.', rel + '/private/'),
            value: 'commit',
          },
        ],
        active: s.git,
      });
      if (isBack(r)) {
        return 'back';
      }
      s.git = r;
      return 'done';
    });
  }
  if (steps.length > 0) {
    await Wizard.run(t('Set Up Mentorship'), steps, state);
  }
  const created = await store.initialize([{ name: 'mentor.yaml', text: mentorTemplate(state.mentor) }], home.root);
  deps.log.info(`Initialized ${home.root}: ${created.length} file(s) created`);
  if (created.length > 0) {
    // The folder exists now: watch it (a watcher made before it existed sees nothing there).
    await deps.ws.start();
  }
  if (gitignore && rel && !listed && state.git === 'ignore') {
    const sep = currentIgnore.length === 0 || currentIgnore.endsWith('\n') ? '' : '\n';
    await deps.ws.requireStore().writeFile(gitignore.path, `${currentIgnore}${sep}# Mentorship notes (private)\n${rel}/\n`, currentIgnore || undefined);
  }
  if (hasMentees) {
    void vscode.window.showInformationMessage(t('Mentorship is set up in {0}.', rel ?? home.label));
    return;
  }
  // The store after the restart above: the one the views follow.
  const file = await addMenteeFile(deps.ws.requireStore(), { name: state.name, since: today(), cadence: state.cadence }, home.root);
  noteRecentMentee(deps, file.path);
  await vscode.commands.executeCommand('mentorship.revealMentee', file.path);
  const addGoal = t('Add Goal');
  void vscode.window.showInformationMessage(t('{0} is your first mentee. Next: agree on a first SMART goal together.', state.name), addGoal).then((c) => {
    if (c) {
      void vscode.commands.executeCommand('mentorship.addGoal', entryArg('mentee', file.path));
    }
  });
}

function cadenceItems(): PickItem<string>[] {
  const t = vscode.l10n.t;
  return [
    { label: t('weekly'), value: 'weekly' },
    { label: t('biweekly'), description: t('every two weeks'), value: 'biweekly' },
    { label: t('monthly'), value: 'monthly' },
  ];
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return decode(await vscode.workspace.fs.readFile(uri)).text;
  } catch {
    return ''; // no .gitignore yet
  }
}

/** Where a new mentee's file goes when the notebook has more than one place: the mentor picks. */
function placeStep(deps: Deps): Step<{ name: string; root?: string }> {
  const t = vscode.l10n.t;
  return async (w, s) => {
    const places = deps.ws.requireStore().places;
    if (places.length < 2) {
      return 'skip';
    }
    // A notebook folder with no mentee yet was most likely added for this one.
    const fresh = places.filter((p) => p.source === 'notebook' && p.store.mentees.length === 0);
    const r = await w.pick({
      placeholder: t("Where should {0}'s notes live?", s.name),
      items: places.map((p) => {
        const names = p.store.mentees.flatMap((f) => (f.data ? [f.data.name] : []));
        return {
          label: `$(${p.source === 'notebook' ? 'folder-library' : 'root-folder'}) ${p.label}`,
          description: names.length > 0 ? names.join(', ') : t('no mentee yet'),
          detail: p.source === 'workspace' ? t('In this workspace') : t('A notebook folder: shared, if at all, as a whole'),
          value: p.root,
        };
      }),
      active: s.root ?? (fresh.length === 1 ? fresh[0].root : places[0].root),
    });
    if (isBack(r)) {
      return 'back';
    }
    s.root = r;
    return 'next';
  };
}

async function addMentee(deps: Deps, arg?: unknown): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  // "Add a mentee there", after a notebook folder was added: that folder, without asking.
  const preset = typeof arg === 'object' && arg && typeof (arg as { root?: unknown }).root === 'string' ? store.placeByRoot((arg as { root: string }).root)?.root : undefined;
  const state: { name: string; role: string; cadence: string; focus: string; email: string; handle: string; root?: string } = { name: '', role: '', cadence: 'biweekly', focus: '', email: '', handle: '', root: preset };
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
      ...(preset ? [] : [placeStep(deps)]),
      async (w, s) => {
        const r = await w.input({ prompt: t('Role (optional)'), value: s.role, placeholder: t('For example: backend engineer') });
        if (isBack(r)) {
          return 'back';
        }
        s.role = r.trim();
        return 'next';
      },
      async (w, s) => {
        const r = await w.pick({
          placeholder: t('How often will you meet? (or type "every N days")'),
          items: cadenceItems(),
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
        return 'next';
      },
      // What sharing needs: the e-mail of their git config (their clone then shows "My Mentorship"), and
      // the code-host name their review replies come from.
      async (w, s) => {
        const r = await w.input({
          prompt: t('Their e-mail, as in their git config (optional: with it, a repository shared with them shows them their own mentorship)'),
          value: s.email,
          placeholder: t('For example: ana@example.com'),
          validate: (v) => (v.trim() === '' || /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? undefined : t('An e-mail address looks like name@example.com.')),
        });
        if (isBack(r)) {
          return 'back';
        }
        s.email = r.trim();
        return 'next';
      },
      async (w, s) => {
        const r = await w.input({
          prompt: t('Their GitHub user name (optional; for GitLab, write gitlab:name): to list their requests and name their review replies'),
          value: s.handle,
          placeholder: t('For example: ana-souza'),
          validate: (v) => (v.trim() === '' || /^((github|gitlab):)?@?[A-Za-z0-9][\w.-]*$/.test(v.trim()) ? undefined : t('A user name has letters, digits, "-", "_" and "." only.')),
        });
        if (isBack(r)) {
          return 'back';
        }
        s.handle = r.trim();
        return 'done';
      },
    ],
    state,
  );
  const handle = /^(github|gitlab):/.exec(state.handle)?.[1] ?? 'github';
  const user = state.handle.replace(/^(github|gitlab):/, '').replace(/^@/, '');
  const focus = state.focus
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
  const file = await addMenteeFile(
    store,
    {
      name: state.name,
      ...(state.role ? { role: state.role } : {}),
      since: today(),
      cadence: state.cadence,
      ...(focus.length ? { focus } : {}),
      ...(state.email ? { email: state.email } : {}),
      ...(user ? { [handle]: user } : {}),
    },
    state.root,
  );
  noteRecentMentee(deps, file.path);
  void vscode.window.showInformationMessage(t('{0} added. Next: agree on a first SMART goal.', state.name), t('Add Goal')).then((c) => {
    if (c) {
      void vscode.commands.executeCommand('mentorship.addGoal', entryArg('mentee', file.path));
    }
  });
}

async function editMentee(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const change = await Wizard.flow(t('Edit Mentee'), async (w) => {
    for (;;) {
      const f = await resolveMentee(deps, arg, w);
      w.title = t('Edit Mentee: {0}', f.data.name);
      const value = await editField(w, f.data);
      if (value) {
        return { path: f.path, fields: value };
      }
    }
  });
  await run(deps, 'editMentee', change.path, { fields: change.fields });
}

type Field = 'name' | 'role' | 'status' | 'cadence' | 'usualDuration' | 'since' | 'email' | 'github' | 'gitlab';

/** Which field, then its new value, as steps of one quick input; undefined: Back from the first. */
async function editField(w: Wizard, m: Mentee): Promise<Partial<Mentee> | undefined> {
  const t = vscode.l10n.t;
  for (;;) {
    const field = await w.pick<Field>({
      placeholder: t('What do you want to change for {0}?', m.name),
      items: [
        { label: t('Name'), description: m.name, value: 'name' },
        { label: t('Role'), description: m.role ?? '', value: 'role' },
        { label: t('Status'), description: m.status, value: 'status' },
        { label: t('Cadence'), description: m.cadence ?? '', value: 'cadence' },
        { label: t('Usual duration (minutes)'), description: m.usualDuration ? String(m.usualDuration) : '', value: 'usualDuration' },
        { label: t('Started on'), description: m.since ?? '', value: 'since' },
        { label: t('E-mail'), description: m.email ?? t('not set: needed for their own view of a shared repository'), value: 'email' },
        { label: t('GitHub user name'), description: m.github ?? '', value: 'github' },
        { label: t('GitLab user name'), description: m.gitlab ?? '', value: 'gitlab' },
      ],
    });
    if (isBack(field)) {
      return undefined;
    }
    if (field === 'status') {
      const s = await w.pick({ placeholder: t('Status of {0}', m.name), items: MENTEE_STATUSES.map((x) => ({ label: x, value: x })), active: m.status });
      if (!isBack(s)) {
        return { status: s };
      }
      continue;
    }
    const current = m[field];
    const v = await w.input({
      prompt: fieldPrompt(field),
      value: field === 'cadence' ? (m.cadence ?? 'biweekly') : current === undefined ? '' : String(current),
      validate: (x) => validateField(field, x),
    });
    if (isBack(v)) {
      continue;
    }
    return { [field]: field === 'usualDuration' ? Number(v) : v.trim() } as Partial<Mentee>;
  }
}

function fieldPrompt(field: Exclude<Field, 'status'>): string {
  const t = vscode.l10n.t;
  return {
    name: t('Name'),
    role: t('Role'),
    cadence: t('Cadence: weekly, biweekly, monthly or "every N days"'),
    usualDuration: t('Usual duration (minutes)'),
    since: t('Started on (YYYY-MM-DD)'),
    email: t('E-mail, as in their git config: in a repository shared with them, they see their own mentorship'),
    github: t('GitHub user name (to list their pull requests when importing reviews)'),
    gitlab: t('GitLab user name (to list their merge requests when importing reviews)'),
  }[field];
}

function validateField(field: Exclude<Field, 'status'>, x: string): string | undefined {
  const t = vscode.l10n.t;
  const v = x.trim();
  switch (field) {
    case 'since':
      return validateDate(v);
    case 'usualDuration':
      return /^\d{1,4}$/.test(v) && Number(v) > 0 && Number(v) <= 1440 ? undefined : t('Duration is a number of minutes, from 1 to 1440.');
    case 'cadence':
      return CADENCES.includes(v) || /^every [1-9]\d{0,2} days?$/.test(v) ? undefined : t('Use weekly, biweekly, monthly or "every N days".');
    case 'name':
      return v ? undefined : t('A name is needed.');
    case 'email':
      return v === '' || /^[^\s@]+@[^\s@]+$/.test(v) ? undefined : t('An e-mail looks like ana@example.com.');
    case 'github':
    case 'gitlab':
      return v === '' || /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(v) ? undefined : t('A user name, without @ or spaces.');
    default:
      return undefined;
  }
}

async function deleteMentee(deps: Deps, arg: unknown): Promise<void> {
  const f = await Wizard.flow(vscode.l10n.t('Delete Mentee'), (w) => resolveMentee(deps, arg, w));
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
