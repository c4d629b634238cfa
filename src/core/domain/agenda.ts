/**
 * The shared agenda: topics for the next session that either side adds between sessions (the mentee
 * from their own clone). A session that takes a topic up marks it discussed with the session's id.
 */
import type { AgendaTopic, IsoDate, Mentee, Owner } from './model';
import { uniqueId } from './slug';
import type { MenteeChange } from '../storage/store';
import type { Edit } from '../storage/yamlEdit';

/** Topics not yet taken up by a session, in the order they were added. */
export function openAgenda(m: Mentee | undefined): AgendaTopic[] {
  return (m?.agenda ?? []).filter((t) => !t.discussed);
}

/** Open topics the mentee added: what the mentor's view points out ("2 topics from Ana"). */
export function topicsFromMentee(m: Mentee | undefined): AgendaTopic[] {
  return openAgenda(m).filter((t) => t.by === 'mentee');
}

export function addAgendaTopic(text: string, by: Owner, added: IsoDate): MenteeChange {
  return (m) => {
    const id = uniqueId('t', text, (m.agenda ?? []).map((t) => t.id));
    return [{ op: 'append', path: ['agenda'], value: { id, text, by, added } }];
  };
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
