/**
 * Every change the extension makes to a mentee file, as a function of the file's current data. Entries
 * are found by id at the moment the change is applied, so a change still lands on the right entry when
 * the file was edited elsewhere meanwhile.
 */
import type { ActionItem, CodeAnchor, Feedback, Goal, GoalStatus, IsoDate, Mentee, Session } from './model';
import { uniqueId } from './slug';
import { StoreError } from '../storage/errors';
import type { MenteeChange } from '../storage/store';
import type { Edit } from '../storage/yamlEdit';

function indexOfId(list: readonly { id: string }[], id: string, what: string): number {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) {
    throw new StoreError(`The ${what} '${id}' is no longer in the file (it may have been removed elsewhere).`);
  }
  return i;
}

/** The fields of an entry without its id, so a fresh id can lead the YAML mapping. */
function withoutId<T extends { id?: string }>(entry: T): Omit<T, 'id'> {
  const { id, ...rest } = entry;
  void id;
  return rest;
}

export function newSessionId(mentee: Mentee, date: IsoDate): string {
  return uniqueId('s', date, mentee.sessions.map((s) => s.id));
}

export function newGoalId(mentee: Mentee, title: string): string {
  return uniqueId('g', title, mentee.goals.map((g) => g.id));
}

export function newFeedbackId(mentee: Mentee, date: IsoDate): string {
  return uniqueId('f', date, mentee.feedback.map((f) => f.id));
}

export function allActionIds(mentee: Mentee): string[] {
  return mentee.sessions.flatMap((s) => (s.actions ?? []).map((a) => a.id));
}

/** Adds a session; the id is made unique against the file's current content. */
export function addSession(session: Omit<Session, 'id'> & { id?: string }): MenteeChange {
  return (m) => {
    const id = session.id && !m.sessions.some((s) => s.id === session.id) ? session.id : newSessionId(m, session.date);
    const taken = new Set(allActionIds(m));
    const actions = session.actions?.map((a) => {
      const aid = !a.id || taken.has(a.id) ? uniqueId('a', a.text, taken) : a.id;
      taken.add(aid);
      return { ...a, id: aid };
    });
    return [{ op: 'append', path: ['sessions'], value: { id, ...withoutId(session), ...(actions ? { actions } : {}) } }];
  };
}

export function addGoal(goal: Omit<Goal, 'id'> & { id?: string }): MenteeChange {
  return (m) => {
    const id = goal.id && !m.goals.some((g) => g.id === goal.id) ? goal.id : newGoalId(m, goal.title);
    return [{ op: 'append', path: ['goals'], value: { id, ...withoutId(goal) } }];
  };
}

/** A dated check-in: records progress and a note, and moves the goal's progress. */
export function checkIn(goalId: string, date: IsoDate, progress: number, note?: string): MenteeChange {
  return (m) => {
    const i = indexOfId(m.goals, goalId, 'goal');
    const edits: Edit[] = [
      { op: 'append', path: ['goals', i, 'checkIns'], value: { date, progress, ...(note ? { note } : {}) } },
      { op: 'set', path: ['goals', i, 'progress'], value: progress },
    ];
    return edits;
  };
}

export function setGoalStatus(goalId: string, status: GoalStatus): MenteeChange {
  return (m) => {
    const i = indexOfId(m.goals, goalId, 'goal');
    const edits: Edit[] = [{ op: 'set', path: ['goals', i, 'status'], value: status }];
    if (status === 'done' && m.goals[i].progress !== 100) {
      edits.push({ op: 'set', path: ['goals', i, 'progress'], value: 100 });
    }
    return edits;
  };
}

export function removeGoal(goalId: string): MenteeChange {
  return (m) => [{ op: 'remove', path: ['goals', indexOfId(m.goals, goalId, 'goal')] }];
}

export function removeSession(sessionId: string): MenteeChange {
  return (m) => [{ op: 'remove', path: ['sessions', indexOfId(m.sessions, sessionId, 'session')] }];
}

export function removeFeedback(feedbackId: string): MenteeChange {
  return (m) => [{ op: 'remove', path: ['feedback', indexOfId(m.feedback, feedbackId, 'feedback item')] }];
}

/** Restores a removed entry (the undo of a delete), unless an entry with its id came back meanwhile. */
export function restoreEntry(list: 'goals' | 'sessions' | 'feedback', entry: { id: string }): MenteeChange {
  return (m) => (m[list].some((x) => x.id === entry.id) ? [] : [{ op: 'append', path: [list], value: entry }]);
}

function findAction(m: Mentee, actionId: string): { s: number; a: number; item: ActionItem } {
  for (let s = 0; s < m.sessions.length; s++) {
    const actions = m.sessions[s].actions ?? [];
    const a = actions.findIndex((x) => x.id === actionId);
    if (a >= 0) {
      return { s, a, item: actions[a] };
    }
  }
  throw new StoreError(`The action item '${actionId}' is no longer in the file.`);
}

export function updateAction(actionId: string, fields: Partial<Pick<ActionItem, 'done' | 'owner' | 'due'>>): MenteeChange {
  return (m) => {
    const { s, a } = findAction(m, actionId);
    return Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ({ op: 'set' as const, path: ['sessions', s, 'actions', a, k], value: v }));
  };
}

export function addFeedback(fb: Omit<Feedback, 'id'> & { id?: string }): MenteeChange {
  return (m) => {
    const id = fb.id && !m.feedback.some((f) => f.id === fb.id) ? fb.id : newFeedbackId(m, fb.date);
    return [{ op: 'append', path: ['feedback'], value: { id, ...withoutId(fb) } }];
  };
}

/**
 * Adds imported review comments in one change. An entry whose source (provider and id) is in the file
 * already — imported meanwhile from another window — is skipped, never added twice.
 */
export function addImportedFeedback(entries: readonly (Omit<Feedback, 'id'> & { id?: string })[]): MenteeChange {
  return (m) => {
    const have = new Set(m.feedback.filter((f) => f.source).map((f) => `${f.source?.provider}:${f.source?.id}:${f.review ?? ''}`));
    const taken = m.feedback.map((f) => f.id);
    const edits: Edit[] = [];
    for (const e of entries) {
      const key = e.source ? `${e.source.provider}:${e.source.id}:${e.review ?? ''}` : undefined;
      if (key && have.has(key)) {
        continue;
      }
      if (key) {
        have.add(key);
      }
      const id = uniqueId('f', e.date, taken);
      taken.push(id);
      edits.push({ op: 'append', path: ['feedback'], value: { id, ...withoutId(e) } });
    }
    return edits;
  };
}

export function updateFeedback(feedbackId: string, fields: Partial<Pick<Feedback, 'text' | 'kind' | 'resolved' | 'goal'>>): MenteeChange {
  return (m) => {
    const i = indexOfId(m.feedback, feedbackId, 'feedback item');
    return Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ({ op: 'set' as const, path: ['feedback', i, k], value: v }));
  };
}

/** Points a feedback item at a new place (after the code moved, or re-pointed by hand). */
export function setFeedbackAnchor(feedbackId: string, anchor: CodeAnchor): MenteeChange {
  return (m) => [{ op: 'set', path: ['feedback', indexOfId(m.feedback, feedbackId, 'feedback item'), 'anchor'], value: anchor }];
}

/** Moves only the range of an anchor (the stored text is unchanged), touching as little as possible. */
export function moveFeedbackRange(feedbackId: string, range: CodeAnchor['range']): MenteeChange {
  return (m) => {
    const i = indexOfId(m.feedback, feedbackId, 'feedback item');
    if (!m.feedback[i].anchor) {
      return [];
    }
    return (Object.keys(range) as (keyof CodeAnchor['range'])[]).map((k) => ({
      op: 'set' as const,
      path: ['feedback', i, 'anchor', 'range', k],
      value: range[k],
    }));
  };
}

/** Sets top-level fields of the mentee (name, role, cadence, status …). */
export function setMenteeFields(fields: Partial<Omit<Mentee, 'goals' | 'sessions' | 'feedback' | 'version'>>): MenteeChange {
  return () =>
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ({ op: 'set' as const, path: [k], value: v }));
}
