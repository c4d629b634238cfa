/**
 * Every new entry's id is chosen here, against the ids the file holds at the moment of the change: a
 * session's from its date, a goal's from its title, and so on ("s-2026-11-28", "g-write-api-tests").
 */
import type { IsoDate, Mentee } from './model';
import { uniqueId } from './slug';

export function newSessionId(mentee: Mentee, date: IsoDate): string {
  return uniqueId('s', date, mentee.sessions.map((s) => s.id));
}

export function newGoalId(mentee: Mentee, title: string): string {
  return uniqueId('g', title, mentee.goals.map((g) => g.id));
}

export function newFeedbackId(mentee: Mentee, date: IsoDate, alsoTaken: Iterable<string> = []): string {
  return uniqueId('f', date, [...mentee.feedback.map((f) => f.id), ...alsoTaken]);
}

export function newTopicId(mentee: Mentee, text: string): string {
  return uniqueId('t', text, (mentee.agenda ?? []).map((t) => t.id));
}

/** The ids of every action item, in every session (action ids are unique across sessions). */
export function allActionIds(mentee: Mentee): string[] {
  return mentee.sessions.flatMap((s) => (s.actions ?? []).map((a) => a.id));
}

/** A new action item id: unique among the file's and among `taken` (ids given in the same change). */
export function newActionId(text: string, taken: Set<string>): string {
  const id = uniqueId('a', text, taken);
  taken.add(id);
  return id;
}
