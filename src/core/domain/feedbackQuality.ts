/**
 * Step 2 of good mentoring: feedback that is specific, actionable and aimed at growth. A note that is not
 * praise and names no next step gets a gentle hint before it is saved.
 */
import type { FeedbackKind } from './model';

const ACTION_CUES = [
  // English
  /\b(try|consider|could|should|would|might|instead|prefer|use|add|remove|rename|extract|move|split|replace|avoid|check|test|write|document|next time|let's|lets|how about|what if|suggest|recommend|please)\b/i,
  // Dutch
  /\b(probeer|overweeg|zou|kun|kan|moet|gebruik|voeg|verwijder|hernoem|splits|vervang|vermijd|test|schrijf|documenteer|volgende keer|wat als|stel voor|graag)\b/i,
];

/** True when a note should get the hint: not praise, no question, and no next step in it. */
export function lacksNextStep(kind: FeedbackKind, text: string): boolean {
  if (kind === 'praise' || kind === 'thought') {
    return false;
  }
  const t = text.trim();
  if (t.includes('?') || t.includes('→') || t.includes('->')) {
    return false;
  }
  return !ACTION_CUES.some((re) => re.test(t));
}
