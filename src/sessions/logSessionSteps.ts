/**
 * The steps of Log Session, one named function each. Every step reads and fills the same state, so Back
 * shows what was typed; the menu step leads to the optional parts, and each of those returns to the menu.
 */
import * as vscode from 'vscode';
import type { ActionItem, Goal, Mentee, Owner, Resource } from '../core/domain/model';
import { openAgenda } from '../core/domain/agenda';
import { earlierTopics, lastDuration } from '../core/domain/sessions';
import type { GoalCheckIn, SessionRecord } from '../core/operations/changes';
import type { MenteeFile } from '../core/storage/store';
import type { Deps } from '../kit/command';
import { splitList, today, validateDate, validateMinutes, validateProgress } from '../kit/input';
import { menteeItems } from '../kit/mentees';
import { firstName, plural } from '../core/domain/text';
import { UserFacingError } from '../kit/errors';
import { isBack } from '../kit/wizard';
import type { PickItem, Step } from '../kit/wizard';

export interface LogSessionState {
  mentee?: MenteeFile & { data: Mentee };
  date: string;
  /** As typed: minutes, or empty. */
  duration: string;
  topics: string[];
  /** Ids of the agenda topics this session takes up. */
  agenda: string[];
  notes: string;
  actions: Omit<ActionItem, 'id'>[];
  checkIns: GoalCheckIn[];
  wins: string[];
  setbacks: string[];
  advice: string[];
  resources: Resource[];
  private: string;
  saved: boolean;
}

export type MenuChoice = 'save' | 'action' | 'checkIn' | 'wins' | 'setbacks' | 'advice' | 'resources' | 'private';
export type Extra = Exclude<MenuChoice, 'save'>;
/** Every step of Log Session by name: the main ones, the menu, and the optional parts it leads to. */
export type StepName = 'mentee' | 'date' | 'duration' | 'topics' | 'notes' | 'menu' | Extra;
type LogStep = Step<LogSessionState, StepName>;

export function newLogSessionState(mentee?: MenteeFile & { data: Mentee }): LogSessionState {
  return { mentee, date: today(), duration: '', topics: [], agenda: [], notes: '', actions: [], checkIns: [], wins: [], setbacks: [], advice: [], resources: [], private: '', saved: false };
}

/** What the state holds, as the one operation that records a session takes it. */
export function toSessionRecord(s: LogSessionState): SessionRecord {
  return {
    date: s.date,
    ...(s.duration ? { duration: Number(s.duration) } : {}),
    topics: s.topics,
    notes: s.notes,
    private: s.private,
    advice: s.advice,
    resources: s.resources,
    wins: s.wins,
    setbacks: s.setbacks,
    checkIns: s.checkIns,
    newActions: s.actions,
    agendaDiscussed: s.agenda,
  };
}

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

export function menteeStep(deps: Deps): LogStep {
  return async (w, s) => {
    const items = menteeItems(deps);
    if (items.length === 0) {
      throw new UserFacingError(t('There are no mentees yet. Add one with "Mentorship: Add Mentee".'));
    }
    const r = await w.pick({ placeholder: t('Log a session with…'), items, active: s.mentee });
    if (isBack(r)) {
      return 'back';
    }
    if (s.mentee?.path !== r.path) {
      s.duration = '';
      s.agenda = [];
    }
    s.mentee = r as MenteeFile & { data: Mentee };
    return 'next';
  };
}

export const dateStep: LogStep = async (w, s) => {
  if (!s.mentee) {
    return 'done';
  }
  const r = await w.input({ prompt: t('Date of the session with {0} (YYYY-MM-DD)', s.mentee.data.name), value: s.date, validate: (v) => validateDate(v) });
  if (isBack(r)) {
    return 'back';
  }
  s.date = r.trim();
  return 'next';
};

export const durationStep: LogStep = async (w, s) => {
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
};

/** Agenda topics are offered first, as picks whose value cannot be typed (a topic id, not a text). */
const AGENDA = '\u0000agenda:';

export const topicsStep: LogStep = async (w, s) => {
  const m = s.mentee?.data;
  const agenda = openAgenda(m);
  const first = m ? firstName(m.name) : '';
  const agendaItems: PickItem<string>[] = agenda.map((topic) => ({
    label: topic.text,
    description: topic.by === 'mentee' ? t('agenda · from {0}', first) : t('agenda'),
    value: AGENDA + topic.id,
  }));
  const agendaTexts = new Set(agenda.map((a) => a.text));
  const known = earlierTopics(m);
  const items: PickItem<string>[] = [...agendaItems, ...[...new Set([...s.topics, ...known])].filter((x) => !agendaTexts.has(x)).map((x) => ({ label: x, value: x }))];
  const r = await w.pickMany({
    placeholder: agenda.length
      ? t('Topics: tick what you talked about from the agenda or earlier sessions, and/or type new ones (separated by commas), then Enter')
      : t('Topics: tick earlier ones and/or type new ones (separated by commas), then Enter'),
    items,
    selected: [...s.topics.filter((x) => !agendaTexts.has(x)), ...s.agenda.map((id) => AGENDA + id)],
    allowNew: (typed) => ({ label: typed, description: t('new topic'), value: typed }),
  });
  if (isBack(r)) {
    return 'back';
  }
  s.agenda = r.filter((v) => v.startsWith(AGENDA)).map((v) => v.slice(AGENDA.length));
  const byId = new Map(agenda.map((a) => [a.id, a.text]));
  s.topics = [...s.agenda.map((id) => byId.get(id) ?? ''), ...r.filter((v) => !v.startsWith(AGENDA))].filter(Boolean);
  return 'next';
};

export const notesStep: LogStep = async (w, s) => {
  const r = await w.input({ prompt: t('Notes: what did you talk about? (your mentee reads them where the notes are shared with them, and reports show them; private notes come later)'), value: s.notes, placeholder: t('Notes') });
  if (isBack(r)) {
    return 'back';
  }
  s.notes = r.trim();
  return 'next';
};

/** Save now, or go to one of the optional parts (each a step named as its choice). */
export const menuStep: LogStep = async (w, s) => {
  const summary = [
    s.actions.length ? plural(s.actions.length, t('{0} action item', s.actions.length), t('{0} action items', s.actions.length)) : undefined,
    s.checkIns.length ? plural(s.checkIns.length, t('{0} check-in', s.checkIns.length), t('{0} check-ins', s.checkIns.length)) : undefined,
    s.wins.length ? plural(s.wins.length, t('{0} win', s.wins.length), t('{0} wins', s.wins.length)) : undefined,
    s.setbacks.length ? plural(s.setbacks.length, t('{0} setback', s.setbacks.length), t('{0} setbacks', s.setbacks.length)) : undefined,
    s.resources.length ? plural(s.resources.length, t('{0} resource', s.resources.length), t('{0} resources', s.resources.length)) : undefined,
    s.private ? t('private notes') : undefined,
  ].filter(Boolean);
  const items: PickItem<MenuChoice>[] = [
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
  return { goto: r };
};

/** The optional parts; each returns to the menu. */
export function extraSteps(): Record<Extra, LogStep> {
  const back = { goto: 'menu' } as const;
  const listStep = (key: 'wins' | 'setbacks' | 'advice', prompt: string): LogStep => {
    return async (w, s) => {
      const r = await w.input({ prompt, value: s[key].join('; '), placeholder: t('Separate several with ;') });
      if (!isBack(r)) {
        s[key] = splitList(r);
      }
      return back;
    };
  };
  return {
    action: async (w, s) => {
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
    },
    checkIn: async (w, s) => {
      const goals = (s.mentee?.data.goals ?? []).filter((g) => g.status === 'active');
      if (goals.length === 0) {
        await w.notice(t('{0} has no active goals.', s.mentee?.data.name ?? ''));
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
    },
    wins: listStep('wins', t('Wins to celebrate')),
    setbacks: listStep('setbacks', t('Setbacks to support')),
    advice: listStep('advice', t('Advice you gave')),
    resources: async (w, s) => {
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
    },
    private: async (w, s) => {
      const r = await w.input({ prompt: t('Private notes: kept apart, never committed or exported'), value: s.private });
      if (!isBack(r)) {
        s.private = r.trim();
      }
      return back;
    },
  };
}
