/**
 * The kind of a review comment, from its Conventional Comments label ("nitpick (non-blocking): …",
 * "**praise:** …"), or else a guess the mentor sees and can change before anything is saved.
 * See https://conventionalcomments.org for the labels and decorations.
 */
import type { FeedbackKind } from '../domain/model';

/** Labels beyond our six kinds, mapped to the nearest one. */
const LABELS: Record<string, FeedbackKind> = {
  praise: 'praise',
  kudos: 'praise',
  nitpick: 'nitpick',
  nit: 'nitpick',
  typo: 'nitpick',
  quibble: 'nitpick',
  suggestion: 'suggestion',
  polish: 'suggestion',
  idea: 'suggestion',
  issue: 'issue',
  todo: 'issue',
  chore: 'issue',
  bug: 'issue',
  question: 'question',
  thought: 'thought',
  note: 'thought',
};

export interface KindReading {
  kind: FeedbackKind;
  /** True when the comment carried a label; false when the kind is a guess. */
  labeled: boolean;
  /** The label as written ("todo"), when there was one. */
  label?: string;
  /** Decorations in parentheses after the label: "non-blocking", "if-minor", "security" … */
  decorations: string[];
}

// Optional emphasis (**, __, *), the label, optional decorations, then a colon.
const LABEL_RE = /^\s*(?:\*\*|__|\*|_)?([a-z]+)(?:\s*\(([^)\n]{0,80})\))?\s*(?:\*\*|__|\*|_)?\s*:(?:\*\*|__)?\s/i;

export function readKind(body: string): KindReading {
  const m = LABEL_RE.exec(body + ' ');
  if (m) {
    const label = m[1].toLowerCase();
    const kind = LABELS[label];
    if (kind) {
      const decorations = (m[2] ?? '')
        .split(/[,;]/)
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean);
      return { kind, labeled: true, label, decorations };
    }
  }
  return { kind: guessKind(body), labeled: false, decorations: [] };
}

/** A guess from the wording, for comments without a label. The mentor confirms or changes it. */
export function guessKind(body: string): FeedbackKind {
  const text = body.replace(/```[\s\S]*?```/g, ' ').trim();
  const lower = text.toLowerCase();
  if (/```suggestion/.test(body)) {
    return 'suggestion';
  }
  if (/^(nit\b|nitpick\b|minor\b|tiny\b)/.test(lower)) {
    return 'nitpick';
  }
  if (/(^|\s)(nice|great|love|well done|neat|clean|good (call|catch|job|idea)|thanks? for|lgtm)\b|👍|🎉|💯/.test(lower) && !/\b(but|however)\b/.test(lower)) {
    return 'praise';
  }
  if (/\?\s*$/.test(text) || /^(why|what|how|is|are|does|do|can|could|should|would|did)\b[^.!]*\?/.test(lower)) {
    return 'question';
  }
  if (/\b(bug|breaks?|broken|crash|wrong|incorrect|must|security|leak|race|never|fails?)\b/.test(lower)) {
    return 'issue';
  }
  if (/\b(consider|could|maybe|perhaps|suggest|what about|how about|prefer|might|instead|extract|rename)\b/.test(lower)) {
    return 'suggestion';
  }
  return 'thought';
}
