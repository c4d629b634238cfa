/** The SMART check: which parts of a goal are still missing, and whether it is overdue. */
import type { Goal, IsoDate } from './model';

export type SmartPart = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'due';
export const SMART_PARTS: readonly SmartPart[] = ['specific', 'measurable', 'achievable', 'relevant', 'due'];

const PLACEHOLDER = /^(tbd|todo|n\/a|\?+|-+)$/i;

function filled(v: unknown): boolean {
  if (typeof v !== 'string') {
    return false;
  }
  const t = v.trim();
  return t.length >= 3 && !PLACEHOLDER.test(t);
}

/** Parts that are empty. A part needs a few words at least; "tbd" or "?" does not count. */
export function smartMissing(goal: Goal): SmartPart[] {
  return SMART_PARTS.filter((part) => !filled(goal[part]));
}

export function isSmart(goal: Goal): boolean {
  return filled(goal.specific) && filled(goal.measurable) && filled(goal.achievable) && filled(goal.relevant) && filled(goal.due);
}

export function isGoalOverdue(goal: Goal, today: IsoDate): boolean {
  return goal.status === 'active' && typeof goal.due === 'string' && goal.due < today;
}
