/**
 * Recording a session: one operation, whatever the source (Log Session from the palette, End Session
 * from a draft, any later source). In one change of the mentee file it ticks the earlier action items that
 * were done, records the goal check-ins on their goals and adds the session with its new action items.
 * Agenda topics it took up are marked discussed. Goals, action items and topics are looked up in the file
 * as it is at write time: one removed meanwhile is skipped, never recreated.
 */
import type { MenteeChange, MenteeFile, MentorshipStore } from '../storage/store';
import type { Edit } from '../storage/yamlEdit';
import type { ActionItem, Mentee, Session } from './model';
import { markDiscussed } from './agenda';
import { addSession, checkIn, newSessionId, updateAction } from './operations';

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
  // Private notes are not part of the entry: saveSession keeps them in the private folder.
  set('advice', nonEmpty(r.advice));
  set('resources', nonEmpty(r.resources));
  set('wins', nonEmpty(r.wins));
  set('setbacks', nonEmpty(r.setbacks));
  set('goals', nonEmpty(r.checkIns?.map((c) => c.goalId)));
  // Ids are given by addSession against the file's current content.
  set('actions', nonEmpty(r.newActions?.map((a) => ({ ...a, id: '' }))));
  return entry;
}

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

/**
 * Saves a session: its private notes first, in the private folder under the session's id (a crash in
 * between leaves a note with no session, never a session whose note went to a shared file), then the
 * session in one change of the mentee file.
 */
export async function saveSession(store: MentorshipStore, path: string, r: SessionRecord): Promise<MenteeFile> {
  const current = store.file(path)?.data;
  const id = r.id ?? (current ? newSessionId(current, r.date) : undefined);
  const note = r.private?.trim();
  if (note && id) {
    await store.setPrivateNotes(path, { [id]: note });
  }
  return store.edit(path, recordSession({ ...r, ...(id ? { id } : {}) }));
}

/** The length of the latest session that has one: the default for the next. */
export function lastDuration(m: Mentee | undefined): number | undefined {
  const withDuration = (m?.sessions ?? []).filter((s) => typeof s.duration === 'number').sort((a, b) => (a.date < b.date ? 1 : -1));
  return withDuration[0]?.duration;
}

/** Topics of earlier sessions, the most frequent first. */
export function earlierTopics(m: Mentee | undefined): string[] {
  const counts = new Map<string, number>();
  for (const s of m?.sessions ?? []) {
    for (const topic of s.topics ?? []) {
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
