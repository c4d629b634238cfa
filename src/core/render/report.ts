/**
 * The progress report a mentor shares with a mentee: Markdown, built only from fields meant to be shared.
 * Private notes are never read here. Text from YAML is escaped so it cannot become links, images or HTML.
 */
import type { IsoDate, Mentee } from '../domain/model';
import { dashboardStats } from '../domain/stats';

export interface ReportOptions {
  today: IsoDate;
  /** Only sessions, check-ins and feedback on or after this date. */
  from?: IsoDate;
  to?: IsoDate;
}

/** Escapes Markdown and HTML so text from a YAML file shows as text. */
export function md(text: unknown): string {
  return String(text ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

function inPeriod(date: string | undefined, o: ReportOptions): boolean {
  if (typeof date !== 'string') {
    return false;
  }
  return (!o.from || date >= o.from) && (!o.to || date <= o.to);
}

const KIND_ORDER = ['praise', 'suggestion', 'issue', 'question', 'nitpick', 'thought'] as const;

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
  out.push(`${sessions.length} session(s), ${minutes} minutes together.`, '');
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
  out.push(...(open.length ? open.map((a) => `- ${md(a.text)}${a.due ? ` (due ${md(a.due)})` : ''}`) : ['None.']), '');

  out.push('## Feedback highlights', '');
  if (feedback.length === 0) {
    out.push('No feedback in this period.', '');
  } else {
    const counts = KIND_ORDER.map((k) => `${feedback.filter((f) => f.kind === k).length} ${k}`).join(', ');
    out.push(`${feedback.length} notes: ${counts}.`, '');
    const praise = feedback.filter((f) => f.kind === 'praise').slice(-5);
    for (const f of praise) {
      out.push(`- ${md(f.date)}: ${md(f.text)}`);
    }
    out.push('');
  }

  if (m.closing) {
    const c = m.closing;
    out.push('## Closing summary', '');
    if (c.summary) {
      out.push(md(c.summary), '');
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
