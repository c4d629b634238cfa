/** Logging sessions from the command palette, and action items. */
import * as vscode from 'vscode';
import type { ActionItem, Goal, Mentee, Owner, Resource } from '../core/domain/model';
import { addSession, checkIn, updateAction } from '../core/domain/operations';
import type { MenteeFile } from '../core/storage/store';
import type { Edit } from '../core/storage/yamlEdit';
import { isBack, Wizard } from '../ui/wizard';
import type { PickItem, Step } from '../ui/wizard';
import { addDays } from '../core/domain/dates';
import { openActions } from '../core/domain/actions';
import { command, entityFromArg, menteeItems, noteRecentMentee, pathFromArg, resolveMentee, splitList, today, validateDate, validateMinutes, validateProgress } from './common';
import type { Deps } from './common';

interface SessionDraft {
  mentee?: MenteeFile & { data: Mentee };
  date: string;
  duration: string;
  topics: string[];
  notes: string;
  actions: Omit<ActionItem, 'id'>[];
  checkIns: { goalId: string; progress: number; note?: string }[];
  wins: string[];
  setbacks: string[];
  advice: string[];
  resources: Resource[];
  private: string;
  saved: boolean;
}

type More = 'save' | 'action' | 'checkIn' | 'wins' | 'setbacks' | 'advice' | 'resources' | 'private';

export function registerSessionCommands(deps: Deps): void {
  deps.context.subscriptions.push(
    command(deps, 'mentorship.logSession', (arg) => logSession(deps, arg)),
    command(deps, 'mentorship.completeAction', (arg) => setActionDone(deps, arg, true)),
    command(deps, 'mentorship.reopenAction', (arg) => setActionDone(deps, arg, false)),
    command(deps, 'mentorship.reassignAction', (arg) => reassignAction(deps, arg)),
    command(deps, 'mentorship.postponeAction', (arg) => postponeAction(deps, arg)),
    command(deps, 'mentorship.updateActionItem', (arg) => updateActionItem(deps, arg)),
  );
}

function actionOf(deps: Deps, arg: unknown): { path: string; action: ActionItem } | undefined {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  const m = path ? deps.ws.store?.file(path)?.data : undefined;
  const action = m?.sessions.flatMap((x) => x.actions ?? []).find((a) => a.id === id);
  return path && action ? { path, action } : undefined;
}

async function reassignAction(deps: Deps, arg: unknown): Promise<void> {
  const found = actionOf(deps, arg);
  if (!found) {
    return;
  }
  const owner: Owner = found.action.owner === 'mentee' ? 'mentor' : 'mentee';
  await deps.ws.requireStore().edit(found.path, updateAction(found.action.id, { owner }));
}

async function postponeAction(deps: Deps, arg: unknown): Promise<void> {
  const found = actionOf(deps, arg);
  if (!found) {
    return;
  }
  const base = found.action.due && found.action.due > today() ? found.action.due : today();
  const due = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('New due date for "{0}" (YYYY-MM-DD)', found.action.text),
    value: addDays(base, 7),
    validateInput: (v) => validateDate(v),
  });
  if (due) {
    await deps.ws.requireStore().edit(found.path, updateAction(found.action.id, { due: due.trim() }));
  }
}

/** From the palette: pick a mentee and one of their open action items, then what to do with it. */
async function updateActionItem(deps: Deps, arg: unknown): Promise<void> {
  const t = vscode.l10n.t;
  const f = await resolveMentee(deps, arg, t('Action items of…'));
  const open = openActions(f.data);
  if (open.length === 0) {
    void vscode.window.showInformationMessage(t('{0} has no open action items.', f.data.name));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    open.map(({ action, session }) => ({ label: action.text, description: [action.owner, action.due ? t('due {0}', action.due) : undefined, session.date].filter(Boolean).join(' · '), value: action })),
    { placeHolder: t('Which action item?') },
  );
  if (!picked) {
    return;
  }
  const other: Owner = picked.value.owner === 'mentee' ? 'mentor' : 'mentee';
  const what = await vscode.window.showQuickPick(
    [
      { label: '$(check) ' + t('Mark done'), value: 'done' as const },
      { label: '$(person) ' + t('Reassign to the {0}', other), value: 'reassign' as const },
      { label: '$(calendar) ' + t('Postpone'), value: 'postpone' as const },
    ],
    { placeHolder: picked.value.text },
  );
  const arg2 = { kind: 'action', path: f.path, entityId: picked.value.id, id: '' };
  if (what?.value === 'done') {
    await setActionDone(deps, arg2, true);
  } else if (what?.value === 'reassign') {
    await reassignAction(deps, arg2);
  } else if (what?.value === 'postpone') {
    await postponeAction(deps, arg2);
  }
}

async function setActionDone(deps: Deps, arg: unknown, done: boolean): Promise<void> {
  const path = pathFromArg(arg);
  const id = entityFromArg(arg);
  if (!path || !id) {
    return;
  }
  await deps.ws.requireStore().edit(path, updateAction(id, { done }));
}

export async function logSession(deps: Deps, arg?: unknown): Promise<void> {
  const store = deps.ws.requireStore();
  const preset = pathFromArg(arg);
  const presetFile = preset ? store.file(preset) : undefined;
  const draft: SessionDraft = {
    mentee: presetFile?.data ? (presetFile as MenteeFile & { data: Mentee }) : undefined,
    date: today(),
    duration: '',
    topics: [],
    notes: '',
    actions: [],
    checkIns: [],
    wins: [],
    setbacks: [],
    advice: [],
    resources: [],
    private: '',
    saved: false,
  };
  const t = vscode.l10n.t;
  const steps: Step<SessionDraft>[] = [];
  if (!draft.mentee) {
    steps.push(async (w, s) => {
      const items = menteeItems(deps);
      if (items.length === 0) {
        void vscode.window.showInformationMessage(t('There are no mentees yet. Add one with "Mentorship: Add Mentee".'));
        return 'done';
      }
      const r = await w.pick({ placeholder: t('Log a session with…'), items, active: s.mentee });
      if (isBack(r)) {
        return 'back';
      }
      if (s.mentee?.path !== r.path) {
        s.duration = '';
      }
      s.mentee = r as MenteeFile & { data: Mentee };
      return 'next';
    });
  }
  steps.push(
    async (w, s) => {
      if (!s.mentee) {
        return 'done';
      }
      const r = await w.input({ prompt: t('Date of the session with {0} (YYYY-MM-DD)', s.mentee.data.name), value: s.date, validate: (v) => validateDate(v) });
      if (isBack(r)) {
        return 'back';
      }
      s.date = r.trim();
      return 'next';
    },
    async (w, s) => {
      const usual = s.mentee?.data.usualDuration ?? lastDuration(s.mentee?.data);
      const r = await w.input({
        prompt: t('Duration in minutes'),
        value: s.duration || (usual ? String(usual) : ''),
        placeholder: t('Minutes, for example 45; leave empty to skip'),
        validate: validateMinutes,
      });
      if (isBack(r)) {
        return 'back';
      }
      s.duration = r.trim();
      return 'next';
    },
    async (w, s) => {
      const known = earlierTopics(s.mentee?.data);
      const items: PickItem<string>[] = [...new Set([...s.topics, ...known])].map((x) => ({ label: x, value: x }));
      const r = await w.pickMany({
        placeholder: t('Topics: tick earlier ones and/or type new ones (separated by commas), then Enter'),
        items,
        selected: s.topics,
        allowNew: (typed) => ({ label: typed, description: t('new topic'), value: typed }),
      });
      if (isBack(r)) {
        return 'back';
      }
      s.topics = r;
      return 'next';
    },
    async (w, s) => {
      const r = await w.input({ prompt: t('Notes: what did you talk about? (shared in reports; private notes come later)'), value: s.notes, placeholder: t('Notes') });
      if (isBack(r)) {
        return 'back';
      }
      s.notes = r.trim();
      return 'next';
    },
  );
  const menu = steps.length;
  const subSteps: Record<Exclude<More, 'save'>, number> = { action: 0, checkIn: 0, wins: 0, setbacks: 0, advice: 0, resources: 0, private: 0 };
  steps.push(async (w, s) => {
    const summary = [
      s.actions.length ? t('{0} action item(s)', s.actions.length) : undefined,
      s.checkIns.length ? t('{0} check-in(s)', s.checkIns.length) : undefined,
      s.wins.length ? t('{0} win(s)', s.wins.length) : undefined,
      s.setbacks.length ? t('{0} setback(s)', s.setbacks.length) : undefined,
      s.resources.length ? t('{0} resource(s)', s.resources.length) : undefined,
      s.private ? t('private notes') : undefined,
    ].filter(Boolean);
    const items: PickItem<More>[] = [
      { label: '$(save) ' + t('Save session'), description: summary.join(', '), value: 'save' },
      { label: '$(checklist) ' + t('Add an action item'), value: 'action' },
      { label: '$(target) ' + t('Check in on a goal'), value: 'checkIn' },
      { label: '$(star-full) ' + t('Add wins'), value: 'wins' },
      { label: '$(debug-step-back) ' + t('Add setbacks'), value: 'setbacks' },
      { label: '$(lightbulb) ' + t('Add advice given'), value: 'advice' },
      { label: '$(link) ' + t('Add a resource (link)'), value: 'resources' },
      { label: '$(lock) ' + t('Private notes (never exported)'), value: 'private' },
    ];
    const r = await w.pick({ placeholder: t('Save now, or add more'), items });
    if (isBack(r)) {
      return 'back';
    }
    if (r === 'save') {
      s.saved = true;
      return 'done';
    }
    return { goto: subSteps[r] };
  });
  const back = { goto: menu } as const;
  const addSub = (key: Exclude<More, 'save'>, step: Step<SessionDraft>): void => {
    subSteps[key] = steps.length;
    steps.push(step);
  };
  addSub('action', async (w, s) => {
    const text = await w.input({ prompt: t('Action item: what will be done?'), validate: (v) => (v.trim() ? undefined : t('Describe the action item.')) });
    if (isBack(text)) {
      return back;
    }
    const owner = await w.pick<Owner>({
      placeholder: t('Who owns it?'),
      items: [
        { label: t('Mentee'), description: t('the mentee owns their growth'), value: 'mentee' },
        { label: t('Mentor'), description: t('you'), value: 'mentor' },
      ],
    });
    if (isBack(owner)) {
      return back;
    }
    const due = await w.input({ prompt: t('Due date (YYYY-MM-DD), or empty'), validate: (v) => validateDate(v, true) });
    if (isBack(due)) {
      return back;
    }
    s.actions.push({ text: text.trim(), owner, ...(due.trim() ? { due: due.trim() } : {}), done: false });
    return back;
  });
  addSub('checkIn', async (w, s) => {
    const goals = (s.mentee?.data.goals ?? []).filter((g) => g.status === 'active');
    if (goals.length === 0) {
      void vscode.window.showInformationMessage(t('{0} has no active goals.', s.mentee?.data.name ?? ''));
      return back;
    }
    const goal = await w.pick<Goal>({ placeholder: t('Which goal was discussed?'), items: goals.map((g) => ({ label: g.title, description: `${g.progress}%`, value: g })) });
    if (isBack(goal)) {
      return back;
    }
    const progress = await w.input({ prompt: t('Progress of "{0}" now (0–100)', goal.title), value: String(goal.progress), validate: validateProgress });
    if (isBack(progress)) {
      return back;
    }
    const note = await w.input({ prompt: t('A note for this check-in (optional)') });
    if (isBack(note)) {
      return back;
    }
    s.checkIns = [...s.checkIns.filter((c) => c.goalId !== goal.id), { goalId: goal.id, progress: Number(progress.trim().replace(/%$/, '')), ...(note.trim() ? { note: note.trim() } : {}) }];
    return back;
  });
  const listStep = (key: 'wins' | 'setbacks' | 'advice', prompt: string): Step<SessionDraft> => {
    return async (w, s) => {
      const r = await w.input({ prompt, value: s[key].join('; '), placeholder: t('Separate several with ;') });
      if (!isBack(r)) {
        s[key] = splitList(r);
      }
      return back;
    };
  };
  addSub('wins', listStep('wins', t('Wins to celebrate')));
  addSub('setbacks', listStep('setbacks', t('Setbacks to support')));
  addSub('advice', listStep('advice', t('Advice you gave')));
  addSub('resources', async (w, s) => {
    const url = await w.input({
      prompt: t('Link to the resource (https://…)'),
      validate: (v) => (/^(https?:\/\/|mailto:)\S+$/i.test(v.trim()) ? undefined : t('Enter a web link starting with https://')),
    });
    if (isBack(url)) {
      return back;
    }
    const title = await w.input({ prompt: t('Title of the resource (optional)') });
    if (isBack(title)) {
      return back;
    }
    s.resources.push({ url: url.trim(), ...(title.trim() ? { title: title.trim() } : {}) });
    return back;
  });
  addSub('private', async (w, s) => {
    const r = await w.input({ prompt: t('Private notes: kept in the file, left out of every export'), value: s.private });
    if (!isBack(r)) {
      s.private = r.trim();
    }
    return back;
  });
  const title = draft.mentee ? t('Log Session: {0}', draft.mentee.data.name) : t('Log Session');
  await Wizard.run(title, steps, draft, menu + 1);
  if (!draft.saved || !draft.mentee) {
    return;
  }
  const m = draft.mentee;
  const session = {
    date: draft.date,
    ...(draft.duration ? { duration: Number(draft.duration) } : {}),
    ...(draft.topics.length ? { topics: draft.topics } : {}),
    ...(draft.notes ? { notes: draft.notes } : {}),
    ...(draft.private ? { private: draft.private } : {}),
    ...(draft.advice.length ? { advice: draft.advice } : {}),
    ...(draft.resources.length ? { resources: draft.resources } : {}),
    ...(draft.wins.length ? { wins: draft.wins } : {}),
    ...(draft.setbacks.length ? { setbacks: draft.setbacks } : {}),
    ...(draft.checkIns.length ? { goals: draft.checkIns.map((c) => c.goalId) } : {}),
    ...(draft.actions.length ? { actions: draft.actions.map((a) => ({ ...a, id: '' })) } : {}),
  };
  await deps.ws.requireStore().edit(m.path, (current) => {
    const edits: Edit[] = addSession(session)(current);
    for (const c of draft.checkIns) {
      if (current.goals.some((g) => g.id === c.goalId)) {
        edits.push(...checkIn(c.goalId, draft.date, c.progress, c.note)(current));
      }
    }
    return edits;
  });
  noteRecentMentee(deps, m.path);
  deps.log.info(`Session ${draft.date} logged for ${m.slug}`);
  void vscode.window.showInformationMessage(t('Session of {0} with {1} saved.', draft.date, m.data.name));
}

function lastDuration(m: Mentee | undefined): number | undefined {
  const withDuration = (m?.sessions ?? []).filter((s) => typeof s.duration === 'number').sort((a, b) => (a.date < b.date ? 1 : -1));
  return withDuration[0]?.duration;
}

function earlierTopics(m: Mentee | undefined): string[] {
  const counts = new Map<string, number>();
  for (const s of m?.sessions ?? []) {
    for (const topic of s.topics ?? []) {
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
