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

/** Ways of saying what to do without a cue word: "you can…", "it needs to…", "better to…". */
const MODAL_CUES = [
  /\b(you can|you may|you'll want|needs? to|has to|have to|must|ought to|better to|worth|it'd be|it would be|would be (good|nice|better|clearer)|no need to|don't|do not|never|always|make sure|be sure|keep in mind)\b/i,
  /\b(je kunt|moet je|hoeft niet|beter om|zorg dat|altijd|nooit)\b/i,
];

/**
 * Verbs a sentence can start with to say what to do ("Include the status code…", "Return early here."):
 * an imperative is a next step, whatever its verb.
 */
const IMPERATIVE = new RegExp(
  `^(${[
    'add', 'adjust', 'align', 'allow', 'apply', 'ask', 'assert', 'avoid', 'break', 'bump', 'cache', 'call', 'catch', 'change', 'check', 'clean', 'clarify', 'close',
    'collapse', 'combine', 'comment', 'compare', 'consider', 'convert', 'copy', 'cover', 'create', 'debounce', 'declare', 'default', 'defer', 'define', 'delete', 'deduplicate',
    'describe', 'document', 'drop', 'emit', 'enable', 'encode', 'ensure', 'escape', 'expose', 'extract', 'factor', 'fail', 'fix', 'flatten', 'format', 'gate', 'guard',
    'handle', 'hide', 'hoist', 'include', 'inject', 'inline', 'introduce', 'invert', 'keep', 'label', 'leave', 'let', 'limit', 'link', 'log', 'look', 'lower', 'make',
    'mark', 'measure', 'memoize', 'merge', 'mention', 'mock', 'move', 'name', 'narrow', 'normalize', 'note', 'omit', 'open', 'pass', 'pin', 'prefer', 'print', 'profile',
    'protect', 'pull', 'push', 'put', 'raise', 'read', 'rebase', 'reduce', 'refactor', 'reject', 'release', 'remove', 'rename', 'reorder', 'replace', 'report',
    'rethrow', 'return', 'reuse', 'revert', 'review', 'rewrite', 'round', 'run', 'sanitize', 'save', 'scope', 'separate', 'set', 'share', 'shorten', 'show', 'simplify',
    'skip', 'sort', 'split', 'squash', 'start', 'stop', 'store', 'stub', 'swap', 'switch', 'take', 'tell', 'throw', 'tighten', 'time', 'trim', 'try', 'turn', 'type',
    'unify', 'update', 'upgrade', 'use', 'validate', 'verify', 'wait', 'wrap', 'write',
  ].join('|')})\\b`,
  'i',
);

/** True when a note should get the hint: not praise, no question, and no next step in it. */
export function lacksNextStep(kind: FeedbackKind, text: string): boolean {
  if (kind === 'praise' || kind === 'thought') {
    return false;
  }
  const t = text.trim();
  if (t.includes('?') || t.includes('→') || t.includes('->')) {
    return false;
  }
  if (ACTION_CUES.some((re) => re.test(t)) || MODAL_CUES.some((re) => re.test(t))) {
    return false;
  }
  // Any sentence (or clause after a colon) that starts with a verb of doing is an imperative: a next step.
  const starts = t.split(/(?<=[.!;:])\s+|\n+/).map((x) => x.replace(/^[\s\-*•>"'`(]+/, '').replace(/^(nit|nitpick|issue|suggestion|minor|optional)\s*[:,-]\s*/i, ''));
  return !starts.some((x) => IMPERATIVE.test(x));
}
