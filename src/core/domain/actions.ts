/** Action items across a mentee's sessions: the open ones, wherever they were agreed. */
import type { ActionItem, Mentee, Session } from './model';

/** Open (not done) action items, with the session each was agreed in, oldest session first. */
export function openActions(m: Mentee): { session: Session; action: ActionItem }[] {
  const out: { session: Session; action: ActionItem }[] = [];
  for (const session of m.sessions) {
    for (const action of session.actions ?? []) {
      if (!action.done) {
        out.push({ session, action });
      }
    }
  }
  return out;
}
