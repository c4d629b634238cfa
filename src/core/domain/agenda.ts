/**
 * The shared agenda: topics for the next session that either side adds between sessions (the mentee
 * from their own clone). A session that takes a topic up marks it discussed with the session's id (the
 * changes are in operations/changes.ts).
 */
import type { AgendaTopic, Mentee } from './model';

/** Topics not yet taken up by a session, in the order they were added. */
export function openAgenda(m: Mentee | undefined): AgendaTopic[] {
  return (m?.agenda ?? []).filter((t) => !t.discussed);
}

/** Open topics the mentee added: what the mentor's view points out ("2 topics from Ana"). */
export function topicsFromMentee(m: Mentee | undefined): AgendaTopic[] {
  return openAgenda(m).filter((t) => t.by === 'mentee');
}
