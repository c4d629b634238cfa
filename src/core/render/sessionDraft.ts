/**
 * Session drafts: for a longer conversation, "Start Session" writes a Markdown file to take notes in,
 * with the open action items and active goals as a checklist to walk through; "End Session" turns it into
 * a session entry. The draft is a real file until then, so nothing typed is lost if the editor closes.
 */
import type { ActionItem, Goal, IsoDate, Mentee, Owner } from '../domain/model';
import { openActions } from '../domain/actions';
import { openAgenda } from '../domain/agenda';
import { fill } from '../domain/text';
import { feedbackPlace, sessionDigest } from './digest';

export interface DraftStrings {
  title: string;
  agenda: string;
  goals: string;
  topics: string;
  notes: string;
  private: string;
  wins: string;
  setbacks: string;
  newActions: string;
  hint: string;
  since: string;
  nothingSince: string;
  sinceCheckIn: string;
  sinceFeedback: string;
}

export const ENGLISH_DRAFT_STRINGS: DraftStrings = {
  title: 'Session with {0} — {1}',
  agenda: 'Open action items (tick what is done)',
  goals: 'Goals (write the new progress after the arrow)',
  topics: 'Topics (one per line)',
  notes: 'Notes',
  private: 'Private notes (never exported)',
  wins: 'Wins',
  setbacks: 'Setbacks',
  newActions: 'New action items ("mentee:" or "mentor:", optional "due YYYY-MM-DD")',
  hint: 'Run "Mentorship: End Session" to save this as a session; this file is then removed.',
  since: 'Since the last session ({0})',
  nothingSince: 'Nothing logged since.',
  sinceCheckIn: 'check-in on "{0}": {1}%',
  sinceFeedback: 'feedback ({0})',
};

const MARKER = /<!--\s*mentorship-session:\s*mentee=([^\s]+)\s+started=([^\s]+)\s*-->/;

export function renderDraft(mentee: Mentee, slug: string, startedIso: string, today: IsoDate, s: DraftStrings = ENGLISH_DRAFT_STRINGS): string {
  const actions = openActions(mentee).map(({ action }) => `- [ ] ${oneLine(action.text)} (${action.owner}${action.due ? `, due ${action.due}` : ''}) <!-- action:${action.id} -->`);
  const goals = mentee.goals.filter((g: Goal) => g.status === 'active').map((g) => `- ${oneLine(g.title)}: ${g.progress}% → ${g.progress}% <!-- goal:${g.id} -->`);
  // Agenda topics either side added: ticked ones become the session's topics and are marked discussed.
  const agenda = openAgenda(mentee).map((t) => `- [ ] ${oneLine(t.text)} <!-- topic:${t.id} -->`);
  // What happened since the last session, to read before starting (above the first section: not read back).
  const d = sessionDigest(mentee, today);
  const since = d.since
    ? [
        `### ${fill(s.since, d.since)}`,
        ...[
          ...d.checkIns.map(({ goal, checkIn }) => `- ${checkIn.date} · ${fill(s.sinceCheckIn, oneLine(goal.title), checkIn.progress)}${checkIn.note ? ` — ${oneLine(checkIn.note)}` : ''}`),
          ...d.feedback.map((f) => `- ${f.date} · ${fill(s.sinceFeedback, f.kind)}${feedbackPlace(f) ? ` ${feedbackPlace(f)}` : ''}: ${oneLine(f.text)}`),
        ].sort(),
        ...(d.checkIns.length + d.feedback.length === 0 ? [`- ${s.nothingSince}`] : []),
        '',
      ]
    : [];
  return [
    `<!-- mentorship-session: mentee=${slug} started=${startedIso} -->`,
    `# ${fill(s.title, oneLine(mentee.name), today)}`,
    '',
    `> ${s.hint}`,
    '',
    ...since,
    `## ${s.agenda}`,
    ...(actions.length ? actions : ['- (none)']),
    '',
    `## ${s.goals}`,
    ...(goals.length ? goals : ['- (none)']),
    '',
    `## ${s.topics}`,
    ...agenda,
    '- ',
    '',
    `## ${s.notes}`,
    '',
    '',
    `## ${s.private}`,
    '',
    '',
    `## ${s.wins}`,
    '- ',
    '',
    `## ${s.setbacks}`,
    '- ',
    '',
    `## ${s.newActions}`,
    '- mentee: ',
    '',
  ].join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/<!--|-->/g, '').trim();
}

export interface ParsedDraft {
  slug: string;
  started: string;
  topics: string[];
  notes: string;
  private: string;
  wins: string[];
  setbacks: string[];
  doneActions: string[];
  checkIns: { goalId: string; progress: number }[];
  newActions: Omit<ActionItem, 'id'>[];
  /** Ids of the agenda topics ticked in the topics section. */
  agendaDiscussed: string[];
}

/** Reads a draft back. Sections are found by their order, so translated headings work too. */
export function parseDraft(text: string): ParsedDraft | undefined {
  const m = MARKER.exec(text);
  if (!m) {
    return undefined;
  }
  const sections: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^##\s/.test(line)) {
      sections.push([]);
    } else if (sections.length) {
      sections[sections.length - 1].push(line);
    }
  }
  const [agenda = [], goals = [], topics = [], notes = [], priv = [], wins = [], setbacks = [], newActions = []] = sections;
  const bullets = (lines: string[]): string[] =>
    lines
      .map((l) => /^\s*[-*]\s+(.*)$/.exec(l)?.[1]?.trim() ?? '')
      .filter((t) => t.length > 0 && t !== '(none)');
  const block = (lines: string[]): string => lines.join('\n').trim();
  const TOPIC = /^\s*[-*]\s+\[([ xX])\]\s*(.*?)\s*<!--\s*topic:([^\s]+)\s*-->/;
  const agendaDiscussed: string[] = [];
  const agendaTopics: string[] = [];
  const otherTopics = topics.filter((l) => {
    const x = TOPIC.exec(l);
    if (x && x[1] !== ' ') {
      agendaDiscussed.push(x[3]);
      agendaTopics.push(x[2]);
    }
    return !x;
  });
  const doneActions = agenda.flatMap((l) => {
    const x = /^\s*[-*]\s+\[[xX]\].*<!--\s*action:([^\s]+)\s*-->/.exec(l);
    return x ? [x[1]] : [];
  });
  const checkIns = goals.flatMap((l) => {
    const x = /(\d{1,3})\s*%\s*(?:→|->)\s*(\d{1,3})\s*%.*<!--\s*goal:([^\s]+)\s*-->/.exec(l);
    if (!x) {
      return [];
    }
    const before = Number(x[1]);
    const after = Number(x[2]);
    return after !== before && after <= 100 ? [{ goalId: x[3], progress: after }] : [];
  });
  const actions = bullets(newActions).flatMap((b) => {
    const x = /^(mentee|mentor)\s*:\s*(.*?)(?:\s*,?\s*due\s+(\d{4}-\d{2}-\d{2}))?\s*$/i.exec(b);
    if (!x || !x[2].trim()) {
      return [];
    }
    const owner = x[1].toLowerCase() as Owner;
    return [{ text: x[2].trim(), owner, ...(x[3] ? { due: x[3] } : {}), done: false }];
  });
  return {
    slug: m[1],
    started: m[2],
    topics: [...agendaTopics, ...bullets(otherTopics)],
    notes: block(notes),
    private: block(priv),
    wins: bullets(wins),
    setbacks: bullets(setbacks),
    doneActions,
    checkIns,
    newActions: actions,
    agendaDiscussed,
  };
}

/** Minutes from start to end, at least 1; undefined when the start is not a valid time or is in the future. */
export function minutesBetween(startedIso: string, end: Date): number | undefined {
  const t = Date.parse(startedIso);
  if (Number.isNaN(t) || t > end.getTime()) {
    return undefined;
  }
  return Math.max(1, Math.round((end.getTime() - t) / 60_000));
}
