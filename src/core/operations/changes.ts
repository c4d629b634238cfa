/**
 * The changes the operations are made of, each a function of the file's current data to edits. Entries
 * are found by id at the moment the change is applied, so a change still lands on the right entry when
 * the file was edited elsewhere meanwhile. The operations table (table.ts) is what callers use; these are
 * its parts (and the store's tests use them directly).
 */
import type { ActionItem, AgendaTopic, ClosingSummary, CodeAnchor, Feedback, Goal, GoalStatus, IsoDate, Mentee, MentorProfile, Owner, Session } from '../domain/model';
import { allActionIds, newActionId, newFeedbackId, newGoalId, newSessionId, newTopicId } from '../domain/ids';
import { sourceKeyOf } from '../domain/imported';
import { StoreError } from '../errors';
import type { Edit, MenteeChange, MentorChange } from '../domain/edit';

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

/** Adds a session; the id is made unique against the file's current content. */
export function addSession(session: Omit<Session, 'id'> & { id?: string }): MenteeChange {
  return (m) => {
    const id = session.id && !m.sessions.some((s) => s.id === session.id) ? session.id : newSessionId(m, session.date);
    const taken = new Set(allActionIds(m));
    const actions = session.actions?.map((a) => {
      const aid = a.id && !taken.has(a.id) ? a.id : newActionId(a.text, taken);
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
    return [
      { op: 'append', path: ['goals', i, 'checkIns'], value: { date, progress, ...(note ? { note } : {}) } },
      { op: 'set', path: ['goals', i, 'progress'], value: progress },
    ];
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

export function findAction(m: Mentee, actionId: string): { s: number; a: number; item: ActionItem } {
  for (let s = 0; s < m.sessions.length; s++) {
    const actions = m.sessions[s].actions ?? [];
    const a = actions.findIndex((x) => x.id === actionId);
    if (a >= 0) {
      return { s, a, item: actions[a] };
    }
  }
  throw new StoreError(`The action item '${actionId}' is no longer in the file.`);
}

export function updateAction(actionId: string, fields: Partial<Pick<ActionItem, 'done' | 'owner' | 'due' | 'text'>>): MenteeChange {
  return (m) => {
    const { s, a } = findAction(m, actionId);
    return Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ({ op: 'set' as const, path: ['sessions', s, 'actions', a, k], value: v }));
  };
}

/** A new action item in a session (the latest when none is named). */
export function addAction(item: Omit<ActionItem, 'id'>, sessionId?: string): MenteeChange {
  return (m) => {
    if (m.sessions.length === 0) {
      throw new StoreError('There is no session yet to add the action item to; log a session with it.');
    }
    const s = sessionId ? indexOfId(m.sessions, sessionId, 'session') : latestSessionIndex(m);
    const id = newActionId(item.text, new Set(allActionIds(m)));
    return [{ op: 'append', path: ['sessions', s, 'actions'], value: { id, ...item } }];
  };
}

/** The index of the latest session by date (the last one listed among equal dates). */
export function latestSessionIndex(m: Mentee): number {
  let best = 0;
  m.sessions.forEach((s, i) => {
    if (s.date >= m.sessions[best].date) {
      best = i;
    }
  });
  return best;
}

export function addFeedback(fb: Omit<Feedback, 'id'> & { id?: string }): MenteeChange {
  return (m) => {
    const id = fb.id && !m.feedback.some((f) => f.id === fb.id) ? fb.id : newFeedbackId(m, fb.date);
    return [{ op: 'append', path: ['feedback'], value: { id, ...withoutId(fb) } }];
  };
}

/**
 * Adds imported review comments in one change. An entry whose source is in the file already — imported
 * meanwhile from another window — is skipped, never added twice (the same key as the import's plan).
 */
export function addImportedFeedback(entries: readonly (Omit<Feedback, 'id'> & { id?: string })[]): MenteeChange {
  return (m) => {
    const have = new Set(m.feedback.map(sourceKeyOf).filter((k): k is string => !!k));
    const taken: string[] = [];
    const edits: Edit[] = [];
    for (const e of entries) {
      const key = sourceKeyOf(e);
      if (key && have.has(key)) {
        continue;
      }
      if (key) {
        have.add(key);
      }
      const id = newFeedbackId(m, e.date, taken);
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

/** Sets top-level fields of the mentee (name, role, cadence, status …); `null` removes a field. */
export function setMenteeFields(fields: { [K in keyof Omit<Mentee, 'goals' | 'sessions' | 'feedback' | 'version'>]?: Mentee[K] | null }): MenteeChange {
  return () =>
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): Edit => (v === null ? { op: 'remove', path: [k] } : { op: 'set', path: [k], value: v }));
}

/** Closes the mentorship: the status, and the closing summary. */
export function closeMentorship(closing: ClosingSummary): MenteeChange {
  return () => [
    { op: 'set', path: ['status'], value: 'closed' },
    { op: 'set', path: ['closing'], value: closing },
  ];
}

// ---------------------------------------------------------------------------------------------------
// The agenda

export function addAgendaTopic(text: string, by: Owner, added: IsoDate): MenteeChange {
  return (m) => [{ op: 'append', path: ['agenda'], value: { id: newTopicId(m, text), text, by, added } }];
}

export function updateAgendaTopic(topicId: string, fields: Partial<Pick<AgendaTopic, 'text'>> & { discussed?: string | null }): MenteeChange {
  return (m) => {
    const i = indexOfId(m.agenda ?? [], topicId, 'agenda topic');
    return Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): Edit => (v === null ? { op: 'remove', path: ['agenda', i, k] } : { op: 'set', path: ['agenda', i, k], value: v }));
  };
}

export function removeAgendaTopic(topicId: string): MenteeChange {
  return (m) => [{ op: 'remove', path: ['agenda', indexOfId(m.agenda ?? [], topicId, 'agenda topic')] }];
}

/** Marks topics as discussed in a session; a topic removed or already taken up meanwhile is skipped. */
export function markDiscussed(ids: readonly string[], sessionId: string): MenteeChange {
  return (m) => {
    const edits: Edit[] = [];
    (m.agenda ?? []).forEach((t, i) => {
      if (ids.includes(t.id) && !t.discussed) {
        edits.push({ op: 'set', path: ['agenda', i, 'discussed'], value: sessionId });
      }
    });
    return edits;
  };
}

// ---------------------------------------------------------------------------------------------------
// Recording a session

export interface GoalCheckIn {
  goalId: string;
  progress: number;
  note?: string;
}

/** A session as its sources give it: the stored fields, plus what it changes elsewhere in the file. */
export type SessionRecord = Omit<Session, 'id' | 'goals' | 'actions'> & {
  /** An id chosen beforehand (to key the private notes); kept unless the file has it already. */
  id?: string;
  /** New progress on goals discussed; each becomes a dated check-in and the session lists the goal. */
  checkIns?: GoalCheckIn[];
  /** Ids of earlier action items that are done now. */
  doneActions?: string[];
  /** Action items agreed in this session. */
  newActions?: Omit<ActionItem, 'id'>[];
  /** Ids of agenda topics this session took up; they are marked discussed with the session's id. */
  agendaDiscussed?: string[];
};

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

/** The session entry as it is stored: only the fields that have content, in the file's usual order. */
export function sessionEntry(r: SessionRecord): Omit<Session, 'id'> {
  const entry: Omit<Session, 'id'> = { date: r.date };
  const set = <K extends Exclude<keyof Session, 'id'>>(key: K, value: Session[K] | undefined): void => {
    if (value !== undefined && value !== '') {
      entry[key] = value;
    }
  };
  set('duration', r.duration);
  set('topics', nonEmpty(r.topics));
  set('notes', r.notes);
  // Private notes are not part of the entry: they are kept in the private folder.
  set('advice', nonEmpty(r.advice));
  set('resources', nonEmpty(r.resources));
  set('wins', nonEmpty(r.wins));
  set('setbacks', nonEmpty(r.setbacks));
  set('goals', nonEmpty(r.checkIns?.map((c) => c.goalId)));
  // Ids are given by addSession against the file's current content.
  set('actions', nonEmpty(r.newActions?.map((a) => ({ ...a, id: '' }))));
  return entry;
}

/**
 * Records a session in one change of the mentee file: ticks the earlier action items that were done,
 * records the goal check-ins on their goals and adds the session with its new action items; agenda topics
 * it took up are marked discussed. Goals, action items and topics are looked up in the file as it is at
 * write time: one removed meanwhile is skipped, never recreated.
 */
export function recordSession(r: SessionRecord): MenteeChange {
  return (current: Mentee) => {
    const edits: Edit[] = [];
    for (const id of r.doneActions ?? []) {
      if (current.sessions.some((s) => (s.actions ?? []).some((a) => a.id === id && !a.done))) {
        edits.push(...updateAction(id, { done: true })(current));
      }
    }
    for (const c of r.checkIns ?? []) {
      if (current.goals.some((g) => g.id === c.goalId)) {
        edits.push(...checkIn(c.goalId, r.date, c.progress, c.note)(current));
      }
    }
    const id = r.id && !current.sessions.some((s) => s.id === r.id) ? r.id : newSessionId(current, r.date);
    edits.push(...addSession({ ...sessionEntry(r), id })(current));
    if (r.agendaDiscussed?.length) {
      edits.push(...markDiscussed(r.agendaDiscussed, id)(current));
    }
    return edits;
  };
}

// ---------------------------------------------------------------------------------------------------
// Moving private notes out of a shared file

/**
 * Removes the `private:` fields whose text the private file now holds (`moved`: session id → text
 * written there). A field changed in between is left, for the next run.
 */
export function removeMovedFields(moved: Readonly<Record<string, string>>): MenteeChange {
  return (m) => {
    const edits: Edit[] = [];
    m.sessions.forEach((s, i) => {
      const kept = moved[s.id];
      if (typeof s.private === 'string' && kept !== undefined && kept.includes(s.private.trim())) {
        edits.push({ op: 'remove', path: ['sessions', i, 'private'] });
      }
    });
    return edits;
  };
}

// ---------------------------------------------------------------------------------------------------
// The mentor profile (mentor.yaml)

export type ProfileList = 'strengths' | 'expertise' | 'experiences' | 'lessons' | 'values';

/** Adds items to lists of the mentor profile; an item the list holds already is not added twice. */
export function addToProfile(additions: Partial<Record<ProfileList, readonly string[]>>): MentorChange {
  return (profile: MentorProfile) => {
    const edits: Edit[] = [];
    for (const [key, items] of Object.entries(additions) as [ProfileList, readonly string[]][]) {
      const have = new Set(Array.isArray(profile[key]) ? (profile[key] as string[]) : []);
      for (const item of items) {
        if (!have.has(item)) {
          have.add(item);
          edits.push({ op: 'append', path: [key], value: item });
        }
      }
    }
    return edits;
  };
}
