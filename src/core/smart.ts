/** The SMART check: which parts of a goal are still missing, and whether it is overdue. */
import type { Goal, IsoDate } from './model';

export type SmartPart = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'due';
export const SMART_PARTS: readonly SmartPart[] = ['specific', 'measurable', 'achievable', 'relevant', 'due'];

/** Parts that are empty. A part needs a few words at least; "tbd" or "?" does not count. */
export function smartMissing(goal: Goal): SmartPart[] {
  return SMART_PARTS.filter((part) => {
    const v = goal[part];
    if (typeof v !== 'string') {
      return true;
    }
    const t = v.trim();
    return t.length < 3 || /^(tbd|todo|n\/a|\?+|-+)$/i.test(t);
  });
}

export function isSmart(goal: Goal): boolean {
  return smartMissing(goal).length === 0;
}

export function isGoalOverdue(goal: Goal, today: IsoDate): boolean {
  return goal.status === 'active' && typeof goal.due === 'string' && goal.due < today;
}
