/**
 * The progress report a mentor shares with a mentee: Markdown, built only from fields meant to be shared.
 * Private notes are never read here. Text from YAML is escaped so it cannot become links, images or HTML.
 */
import type { IsoDate, Mentee } from '../domain/model';
import { dashboardStats } from '../domain/stats';
import { reviewPlainLine } from './reviewMarkdown';
import { reviewName } from './treeModel';

export interface ReportOptions {
  today: IsoDate;
  /** Only sessions, check-ins and feedback on or after this date. */
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * Text from a YAML file, made safe to put in the report: it shows as the same text and cannot become
 * markup. Only what could change the meaning is escaped — HTML, links and images, code spans, emphasis,
 * table cells, and a block marker at the start (heading, quote, list) — so the report still reads as plain
 * text when pasted into mail or chat ("2026-06-01", "done." stay as they are).
 */
export function md(text: unknown): string {
  return (
    String(text ?? '')
      .replace(/\r?\n/g, ' ')
      .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
      // "](" is how a link or image continues; its bracket is escaped already, the parenthesis too.
      .replace(/\]\(/g, ']\\(')
      // "_" emphasises only at a word's edge ("snake_case" stays as it is).
      .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
      .replace(/&(?=[#\w]+;)/g, '&amp;')
      .replace(/</g, '&lt;')
  );
}

/** The same, for text that starts a line: a block marker there ("# ", "> ", "- ", "1. ") is escaped too. */
export function mdBlock(text: unknown): string {
  return md(text).replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+=-])$/, '\\$1')}`);
}

function inPeriod(date: string | undefined, o: ReportOptions): boolean {
  if (typeof date !== 'string') {
    return false;
  }
  return (!o.from || date >= o.from) && (!o.to || date <= o.to);
}

/** How many items of each kind the report shows (the latest); the rest are counted. */
const HIGHLIGHTS_PER_KIND = 5;

/** Prose escaped by md(), code spans kept as code (a code span cannot become markup). */
function withCode(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : md(part)))
    .join('');
}

/** A review by its short name, linked when its reference is an http(s) address. */
function reviewLink(review: string): string {
  const name = reviewName(review);
  return /^https?:\/\/[^\s()<>]+$/.test(review) ? `[${md(name)}](${review})` : md(name);
}

const KIND_ORDER = ['praise', 'suggestion', 'issue', 'question', 'nitpick', 'thought'] as const;
const KIND_TITLE: Record<(typeof KIND_ORDER)[number], string> = { praise: 'Praise', suggestion: 'Suggestions', issue: 'Issues', question: 'Questions', nitpick: 'Nitpicks', thought: 'Thoughts' };

export function renderReport(m: Mentee, o: ReportOptions): string {
  const st = dashboardStats(m, o.today);
  const sessions = m.sessions.filter((s) => inPeriod(s.date, o)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const feedback = m.feedback.filter((f) => inPeriod(f.date, o));
  const period = o.from || o.to ? `${o.from ?? '…'} – ${o.to ?? o.today}` : `${m.since ?? sessions[0]?.date ?? '…'} – ${o.today}`;
  const out: string[] = [];
  out.push(`# Mentorship progress: ${md(m.name)}`, '');
  out.push(`Period: ${md(period)}${m.role ? ` · ${md(m.role)}` : ''}${m.cadence ? ` · meets ${md(m.cadence)}` : ''}`, '');

  out.push('## Goals', '');
  if (m.goals.length === 0) {
    out.push('No goals yet.', '');
  } else {
    out.push('| Goal | Status | Progress | Due |', '| --- | --- | --- | --- |');
    for (const g of m.goals) {
      out.push(`| ${md(g.title)} | ${md(g.status)} | ${Number(g.progress) || 0}% | ${md(g.due ?? '')} |`);
    }
    out.push('');
    for (const g of m.goals) {
      const checkIns = (g.checkIns ?? []).filter((c) => inPeriod(c.date, o));
      if (checkIns.length) {
        out.push(`**${md(g.title)}**: ${checkIns.map((c) => `${md(c.date)} ${Number(c.progress) || 0}%${c.note ? ` (${md(c.note)})` : ''}`).join(' → ')}`, '');
      }
    }
  }

  out.push('## Sessions', '');
  const minutes = sessions.reduce((n, s) => n + (typeof s.duration === 'number' ? s.duration : 0), 0);
  out.push(`${sessions.length === 1 ? '1 session' : `${sessions.length} sessions`}, ${minutes} minutes together.`, '');
  for (const s of sessions) {
    const topics = (s.topics ?? []).map(md).join(', ');
    out.push(`- **${md(s.date)}**${topics ? ` — ${topics}` : ''}${s.notes ? `: ${md(s.notes)}` : ''}`);
    for (const a of s.advice ?? []) {
      out.push(`  - Advice: ${md(a)}`);
    }
    for (const r of s.resources ?? []) {
      out.push(`  - Resource: ${md(r.title ?? r.url)} (${md(r.url)})`);
    }
  }
  if (sessions.length) {
    out.push('');
  }

  const wins = sessions.flatMap((s) => (s.wins ?? []).map((w) => ({ date: s.date, w })));
  out.push('## Wins', '');
  out.push(...(wins.length ? wins.map((x) => `- ${md(x.date)}: ${md(x.w)}`) : ['No wins recorded in this period.']), '');

  const open = Object.values(st.openActionsByOwner).flat();
  out.push('## Open action items', '');
  const owned = (['mentee', 'mentor'] as const).flatMap((owner) => st.openActionsByOwner[owner].map((a) => ({ ...a, owner })));
  out.push(
    ...(open.length
      ? owned.map((a) => `- ${md(a.text)} (${a.owner === 'mentee' ? `owner: ${md(m.name)}` : 'owner: mentor'}${a.due ? `, due ${md(a.due)}` : ''}${a.overdue ? ', **overdue**' : ''})`)
      : ['None.']),
    '',
  );

  out.push('## Feedback highlights', '');
  if (feedback.length === 0) {
    out.push('No feedback in this period.', '');
  } else {
    const present = KIND_ORDER.filter((k) => feedback.some((f) => f.kind === k));
    const counts = present.map((k) => `${feedback.filter((f) => f.kind === k).length} ${k}`).join(', ');
    out.push(`${feedback.length === 1 ? '1 note' : `${feedback.length} notes`}: ${counts}.`, '');
    // A review imported whole is one line of its own: when it was, how many comments of which kinds.
    const reviews = [...new Set(feedback.flatMap((f) => (f.source && f.review !== undefined ? [String(f.review)] : [])))];
    if (reviews.length > 0) {
      out.push('### Reviews', '');
      for (const review of reviews) {
        const items = feedback.filter((f) => f.source && String(f.review) === review);
        const kinds = KIND_ORDER.filter((k) => items.some((f) => f.kind === k)).map((k) => `${items.filter((f) => f.kind === k).length} ${k}`);
        const answered = items.filter((f) => (f.replies ?? []).length > 0).length;
        const dates = items.map((f) => f.date).sort();
        out.push(`- ${reviewLink(review)}, ${md(dates[0])}${dates[dates.length - 1] !== dates[0] ? ` to ${md(dates[dates.length - 1])}` : ''}: ${items.length === 1 ? '1 comment' : `${items.length} comments`} (${kinds.join(', ')})${answered ? `; ${answered} answered` : ''}`);
      }
      out.push('');
    }
    // Of each kind the latest few, with their place in the code, their review and the replies.
    for (const k of present) {
      const all = feedback.filter((x) => x.kind === k).sort((x, y) => (x.date < y.date ? 1 : -1));
      const chosen = all.slice(0, HIGHLIGHTS_PER_KIND).reverse();
      out.push(`### ${KIND_TITLE[k]}`, '');
      for (const f of chosen) {
        const place = f.anchor ? ` · \`${f.anchor.path.replace(/`/g, '')}:${f.anchor.range.startLine}\`` : '';
        const review = f.review !== undefined ? ` · ${reviewLink(String(f.review))}` : '';
        out.push(`- ${md(f.date)}${place}${review}: ${withCode(reviewPlainLine(f.text))}`);
        for (const r of f.replies ?? []) {
          out.push(`  - ${md(r.author)}: ${withCode(reviewPlainLine(r.text))}`);
        }
      }
      if (all.length > chosen.length) {
        out.push(`- …and ${all.length - chosen.length} more`);
      }
      out.push('');
    }
  }

  if (m.closing) {
    const c = m.closing;
    out.push('## Closing summary', '');
    if (c.summary) {
      out.push(mdBlock(c.summary), '');
    }
    for (const a of c.achievements ?? []) {
      out.push(`- Achieved: ${md(a)}`);
    }
    for (const n of c.nextSteps ?? []) {
      out.push(`- Next: ${md(n)}`);
    }
    if (c.keepInTouch) {
      out.push('', `Keeping in touch: ${md(c.keepInTouch)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
