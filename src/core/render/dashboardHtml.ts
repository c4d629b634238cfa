/**
 * The dashboard's body as an HTML string with inline SVG charts. Every value that comes from a YAML file
 * goes through `esc`, links only keep http(s) and mailto, and nothing here emits a script, a style
 * attribute or an event handler: the page's Content-Security-Policy would block them anyway, this is the
 * first line of defence. Pure, so it is unit-tested without a webview.
 */
import { fill, firstWords, plural } from '../domain/text';
import { repositoryName } from '../anchors/repository';
import { ENGLISH_REVIEW_MARKDOWN, reviewPlainLine } from './reviewMarkdown';
import { ENGLISH_TREE_STRINGS, reviewName } from './treeModel';
import type { FeedbackKind, Mentee, MentorProfile } from '../domain/model';
import { FEEDBACK_KINDS } from '../domain/model';
import type { DashboardStats } from '../domain/stats';

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link target that is safe to show as a link, or undefined (then the text is shown without a link). */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') {
    return undefined;
  }
  const t = url.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"']+$/i.test(t) ? t : undefined;
}

export interface DashboardStrings {
  pullRequest: string;
  mergeRequest: string;
  suggestedChange: string;
  since: string;
  cadence: string;
  nextDue: string;
  overdueBy: string;
  dueToday: string;
  noSession: string;
  status: Record<string, string>;
  logSession: string;
  addGoal: string;
  importReviews: string;
  reviews: string;
  reviewsPerMonth: string;
  reviewsPerMonthAlt: string;
  reviewsInMonth: string;
  correctionsPerReview: string;
  reviewBar: string;
  reviewsAlt: string;
  reviewsAltOne: string;
  checkIn: string;
  openYaml: string;
  openCode: string;
  atAGlance: string;
  goalsDone: string;
  sessionsHeld: string;
  consistency: string;
  minutesTotal: string;
  goals: string;
  noGoals: string;
  smartMissing: string;
  smartComplete: string;
  overdue: string;
  due: string;
  progressOf: string;
  timeline: string;
  timelineAlt: string;
  noSessions: string;
  /** Twelve short month names, separated by spaces. */
  monthNames: string;
  sparkLabel: string;
  feedbackMix: string;
  feedbackAlt: string;
  praiseShare: string;
  correctionTrend: string;
  noFeedback: string;
  kinds: Record<FeedbackKind, string>;
  openActions: string;
  mentee: string;
  mentor: string;
  none: string;
  involvement: string;
  involvementAlt: string;
  sessionsPerMonth: string;
  menteeOwned: string;
  wins: string;
  noWins: string;
  offer: string;
  strengths: string;
  expertise: string;
  lessons: string;
  noProfile: string;
  recentFeedback: string;
  showingOf: string;
  closing: string;
  stretch: string;
}

export const ENGLISH_DASHBOARD_STRINGS: DashboardStrings = {
  pullRequest: ENGLISH_TREE_STRINGS.pullRequest,
  mergeRequest: ENGLISH_TREE_STRINGS.mergeRequest,
  suggestedChange: ENGLISH_REVIEW_MARKDOWN.suggestion,
  since: 'since {0}',
  cadence: 'meets {0}',
  nextDue: 'next session due {0} (in {1} d)',
  overdueBy: 'session overdue by {0} d (was due {1})',
  dueToday: 'session due today',
  noSession: 'no session planned',
  status: { active: 'active', paused: 'paused', closed: 'closed' },
  logSession: 'Log Session',
  addGoal: 'Add Goal',
  importReviews: 'Import Reviews',
  reviews: 'Code reviews',
  reviewsPerMonth: 'Reviews imported per month',
  reviewsPerMonthAlt: 'Reviews per month: {0}',
  reviewsInMonth: '{0}: {1} reviews',
  correctionsPerReview: 'Issues and suggestions per review (fewer is growth), with the share of praise under each bar',
  reviewBar: '{0} ({1}): {2} issues and suggestions, {3}% praise',
  reviewsAlt: '{0} reviews. Latest: {1}',
  reviewsAltOne: '1 review: {1}',
  checkIn: 'Check In',
  openYaml: 'Open YAML',
  openCode: 'Open code',
  atAGlance: 'At a glance',
  goalsDone: 'goals done',
  sessionsHeld: 'sessions',
  consistency: 'on cadence (6 months)',
  minutesTotal: 'minutes together',
  goals: 'Goals',
  noGoals: 'No goals yet. Agree on a first SMART goal.',
  smartMissing: 'Not SMART yet, missing: {0}',
  smartComplete: 'SMART',
  overdue: 'overdue',
  due: 'due {0}',
  progressOf: '{0}: {1}% done',
  timeline: 'Sessions and cadence',
  timelineAlt: '{0} sessions from {1} to {2}; gaps longer than the cadence: {3}.',
  noSessions: 'No sessions logged yet.',
  monthNames: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
  sparkLabel: '{0}% → {1}%',
  feedbackMix: 'Feedback mix per month',
  feedbackAlt: 'Feedback per month by kind: {0}',
  praiseShare: '{0}% of all feedback is praise',
  correctionTrend: 'issues and suggestions: {0}% of earlier feedback, {1}% of recent feedback',
  noFeedback: 'No feedback logged yet.',
  kinds: { praise: 'praise', suggestion: 'suggestion', issue: 'issue', question: 'question', nitpick: 'nitpick', thought: 'thought' },
  openActions: 'Open action items',
  mentee: 'Mentee',
  mentor: 'Mentor',
  none: 'none',
  involvement: 'Involvement over time',
  involvementAlt: 'Sessions per month: {0}. Share owned by the mentee: {1}.',
  sessionsPerMonth: 'sessions per month',
  menteeOwned: 'share of new goals and action items owned by the mentee',
  wins: 'Wins',
  noWins: 'No wins recorded yet — celebrate the next one.',
  offer: 'What you can offer',
  strengths: 'Strengths',
  expertise: 'Expertise',
  lessons: 'Lessons to share',
  noProfile: 'Fill in your mentor profile (mentor.yaml) to see what you can offer.',
  recentFeedback: 'Recent feedback',
  showingOf: 'showing {0} of {1}',
  closing: 'Closing summary',
  stretch: 'On track and owning the work: consider meeting {0} instead of {1}.',
};

const KIND_CLASS: Record<FeedbackKind, string> = {
  praise: 'k-praise',
  suggestion: 'k-suggestion',
  issue: 'k-issue',
  question: 'k-question',
  nitpick: 'k-nitpick',
  thought: 'k-thought',
};

function button(action: string, label: string, icon: string, id?: string): string {
  return `<button type="button" class="btn" data-action="${esc(action)}"${id !== undefined ? ` data-id="${esc(id)}"` : ''}><span class="codicon codicon-${esc(icon)}" aria-hidden="true"></span>${esc(label)}</button>`;
}

function pct(x: number | undefined): string {
  return x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

function progressBar(progress: number, label: string): string {
  const p = Math.max(0, Math.min(100, Number(progress) || 0));
  return `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><rect class="bar-bg" x="0" y="0" width="100" height="8" rx="2"></rect><rect class="bar-fg" x="0" y="0" width="${p}" height="8" rx="2"></rect></svg>`;
}

/** An axis label for a month ("2026-01"): its short name, with the year on the first and on January. */
function monthLabel(month: string, index: number, s: DashboardStrings): string {
  const names = s.monthNames.split(/\s+/);
  const n = Number(month.slice(5, 7));
  const name = names[n - 1] ?? month.slice(5);
  return index === 0 || n === 1 ? `${name} ${month.slice(0, 4)}` : name;
}

/** A number right above a bar (none for zero), so the chart reads without an axis scale. */
function barValue(value: number, x: number, y: number): string {
  return value > 0 ? `<text class="value" x="${x.toFixed(1)}" y="${(y - 2).toFixed(1)}" text-anchor="middle">${value}</text>` : '';
}

function sparkline(history: { date: string; progress: number }[], s: DashboardStrings): string {
  if (history.length < 2) {
    return '';
  }
  const w = 80;
  const h = 20;
  const pts = history
    .map((c, i) => `${((i / (history.length - 1)) * w).toFixed(1)},${(h - (Math.max(0, Math.min(100, c.progress)) / 100) * h).toFixed(1)}`)
    .join(' ');
  const title = history.map((c) => `${c.date}: ${c.progress}%`).join(', ');
  const label = fill(s.sparkLabel, history[0].progress, history[history.length - 1].progress);
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><polyline points="${pts}"></polyline></svg><span class="spark-label muted" title="${esc(title)}">${esc(label)}</span>`;
}

function smartBadges(missing: string[], s: DashboardStrings): string {
  const parts: [string, string][] = [
    ['S', 'specific'],
    ['M', 'measurable'],
    ['A', 'achievable'],
    ['R', 'relevant'],
    ['T', 'due'],
  ];
  const label = missing.length ? fill(s.smartMissing, missing.join(', ')) : s.smartComplete;
  return `<span class="smart" role="img" aria-label="${esc(label)}" title="${esc(label)}">${parts
    .map(([letter, key]) => `<span class="smart-part ${missing.includes(key) ? 'missing' : 'ok'}">${letter}</span>`)
    .join('')}</span>`;
}

function header(m: Mentee, st: DashboardStats, s: DashboardStrings): string {
  const due = st.due;
  let dueText = s.noSession;
  let dueClass = '';
  if (due.dueInDays !== undefined && due.nextDue) {
    if (due.dueInDays < 0) {
      dueText = fill(s.overdueBy, -due.dueInDays, due.nextDue);
      dueClass = 'warn';
    } else if (due.dueInDays === 0) {
      dueText = s.dueToday;
      dueClass = 'warn';
    } else {
      dueText = fill(s.nextDue, due.nextDue, due.dueInDays);
    }
  }
  const meta = [m.role, m.since ? fill(s.since, m.since) : undefined, m.cadence ? fill(s.cadence, m.cadence) : undefined].filter(Boolean);
  return `<header class="head">
<div><h1 id="mentee-name">${esc(m.name)}</h1>
<p class="meta">${meta.map(esc).join(' · ')} <span class="status status-${esc(m.status)}">${esc(s.status[m.status] ?? m.status)}</span></p>
<p class="due ${dueClass}" id="due">${esc(dueText)}</p></div>
<div class="actions">${button('logSession', s.logSession, 'note')}${button('addGoal', s.addGoal, 'add')}${button('importReviews', s.importReviews, 'git-pull-request')}${button('openYaml', s.openYaml, 'go-to-file')}</div>
</header>`;
}

function glance(m: Mentee, st: DashboardStats, s: DashboardStrings): string {
  const figures: [string, string, string][] = [
    ['goals-done', `${st.goalsDone}/${st.goals.length}`, s.goalsDone],
    ['sessions-held', String(m.sessions.length), s.sessionsHeld],
    ['consistency', pct(st.consistency), s.consistency],
    ['minutes', String(st.totalMinutes), s.minutesTotal],
  ];
  return `<section aria-labelledby="h-glance"><h2 id="h-glance">${esc(s.atAGlance)}</h2><div class="figures">${figures
    .map(([id, v, l]) => `<div class="figure" id="fig-${id}"><span class="value">${esc(v)}</span><span class="label">${esc(l)}</span></div>`)
    .join('')}</div></section>`;
}

function goalsSection(st: DashboardStats, s: DashboardStrings): string {
  if (st.goals.length === 0) {
    return `<section aria-labelledby="h-goals"><h2 id="h-goals">${esc(s.goals)}</h2><p class="empty">${esc(s.noGoals)}</p></section>`;
  }
  const rows = st.goals
    .map((g) => {
      const label = fill(s.progressOf, g.title, g.progress);
      const due = g.due ? `<span class="goal-due${g.overdue ? ' warn' : ''}">${esc(fill(s.due, g.due))}${g.overdue ? ' · ' + esc(s.overdue) : ''}</span>` : '';
      const action = g.status === 'active' ? button('checkIn', s.checkIn, 'pulse', g.id) : '';
      return `<li class="goal goal-${esc(g.status)}" data-goal="${esc(g.id)}">
<div class="goal-line"><span class="goal-title">${esc(g.title)}</span>${smartBadges(g.smartMissing, s)}<span class="goal-pct">${esc(g.progress)}%</span></div>
<div class="goal-line">${progressBar(g.progress, label)}${sparkline(g.history, s)}${due}${action}</div></li>`;
    })
    .join('');
  return `<section aria-labelledby="h-goals"><h2 id="h-goals">${esc(s.goals)}</h2><ul class="goals">${rows}</ul></section>`;
}

function timelineSection(st: DashboardStats, s: DashboardStrings): string {
  const tl = st.timeline;
  if (tl.length === 0) {
    return `<section aria-labelledby="h-timeline"><h2 id="h-timeline">${esc(s.timeline)}</h2><p class="empty">${esc(s.noSessions)}</p></section>`;
  }
  const first = Date.parse(tl[0].date);
  const last = Date.parse(tl[tl.length - 1].date);
  const span = Math.max(1, last - first);
  const w = 600;
  const x = (d: string): number => 10 + ((Date.parse(d) - first) / span) * (w - 20);
  const late = tl.filter((e) => e.late).length;
  const segments = tl
    .slice(1)
    .map((e, i) => `<line class="${e.late ? 'gap-late' : 'gap-ok'}" x1="${x(tl[i].date).toFixed(1)}" y1="20" x2="${x(e.date).toFixed(1)}" y2="20"></line>`)
    .join('');
  const dots = tl.map((e) => `<circle class="dot" cx="${x(e.date).toFixed(1)}" cy="20" r="4"><title>${esc(e.date)}${e.gapDays !== undefined ? ` (+${e.gapDays} d)` : ''}</title></circle>`).join('');
  const alt = fill(s.timelineAlt, tl.length, tl[0].date, tl[tl.length - 1].date, late);
  return `<section aria-labelledby="h-timeline"><h2 id="h-timeline">${esc(s.timeline)}</h2>
<figure><svg class="timeline" viewBox="0 0 ${w} 40" role="img" aria-label="${esc(alt)}">${segments}${dots}<text class="axis" x="10" y="38">${esc(tl[0].date)}</text><text class="axis" x="${w - 10}" y="38" text-anchor="end">${esc(tl[tl.length - 1].date)}</text></svg>
<figcaption>${esc(alt)}</figcaption></figure></section>`;
}

/** Growth over many reviews: reviews per month, corrections and praise share per review. */
function reviewsSection(st: DashboardStats, s: DashboardStrings): string {
  const reviews = st.reviews;
  if (reviews.length === 0) {
    return '';
  }
  const h = 80;
  const months = st.reviewsByMonth;
  const maxMonth = Math.max(1, ...months.map((m) => m.reviews));
  const mw = 600 / months.length;
  const monthBars = months
    .map((mo, i) => {
      const bh = (mo.reviews / maxMonth) * (h - 14);
      const x = i * mw;
      return `<rect class="review-bar" x="${(x + 2).toFixed(1)}" y="${(h - bh).toFixed(1)}" width="${(mw - 4).toFixed(1)}" height="${bh.toFixed(1)}"><title>${esc(fill(s.reviewsInMonth, mo.month, mo.reviews))}</title></rect>${barValue(mo.reviews, x + mw / 2, h - bh)}<text class="axis" x="${(x + mw / 2).toFixed(1)}" y="${h + 12}" text-anchor="middle">${esc(monthLabel(mo.month, i, s))}</text>`;
    })
    .join('');
  const last = reviews.slice(-12);
  const maxC = Math.max(1, ...last.map((r) => r.corrections));
  // A bar is at most 80 wide: one review is one bar, not the whole chart.
  const rw = Math.min(80, 600 / last.length);
  const names = { ...ENGLISH_TREE_STRINGS, pullRequest: s.pullRequest, mergeRequest: s.mergeRequest };
  const perReview = last
    .map((r, i) => {
      const bh = (r.corrections / maxC) * (h - 14);
      const x = i * rw;
      const share = r.count ? Math.round((r.praise / r.count) * 100) : 0;
      const name = reviewName(r.review, names);
      return `<rect class="k-issue" x="${(x + 2).toFixed(1)}" y="${(h - bh).toFixed(1)}" width="${(rw - 4).toFixed(1)}" height="${bh.toFixed(1)}"><title>${esc(fill(s.reviewBar, name, r.date, r.corrections, share))}</title></rect><text class="value" x="${(x + rw / 2).toFixed(1)}" y="${(h - bh - 2).toFixed(1)}" text-anchor="middle">${r.corrections}</text><text class="axis" x="${(x + rw / 2).toFixed(1)}" y="${h + 12}" text-anchor="middle">${share}%</text>`;
    })
    .join('');
  const alt = fill(plural(reviews.length, s.reviewsAltOne, s.reviewsAlt), reviews.length, last.map((r) => fill(s.reviewBar, reviewName(r.review, names), r.date, r.corrections, r.count ? Math.round((r.praise / r.count) * 100) : 0)).join('; '));
  return `<section aria-labelledby="h-reviews"><h2 id="h-reviews">${esc(s.reviews)}</h2>
<figure><svg class="chart" viewBox="0 0 600 ${h + 16}" role="img" aria-label="${esc(fill(s.reviewsPerMonthAlt, months.map((m) => `${m.month}: ${m.reviews}`).join(', ')))}">${monthBars}</svg><figcaption>${esc(s.reviewsPerMonth)}</figcaption></figure>
<figure><svg class="chart" id="review-corrections" viewBox="0 0 600 ${h + 16}" role="img" aria-label="${esc(alt)}">${perReview}</svg><figcaption>${esc(s.correctionsPerReview)}</figcaption></figure></section>`;
}

function feedbackSection(st: DashboardStats, s: DashboardStrings): string {
  const total = FEEDBACK_KINDS.reduce((n, k) => n + st.feedbackTotals[k], 0);
  if (total === 0) {
    return `<section aria-labelledby="h-feedback"><h2 id="h-feedback">${esc(s.feedbackMix)}</h2><p class="empty">${esc(s.noFeedback)}</p></section>`;
  }
  const months = st.feedbackByMonth;
  const max = Math.max(1, ...months.map((m) => m.total));
  const bw = 600 / months.length;
  const h = 100;
  const bars = months
    .map((mo, i) => {
      let y = h;
      const rects = FEEDBACK_KINDS.filter((k) => mo.counts[k] > 0)
        .map((k) => {
          const bh = (mo.counts[k] / max) * (h - 10);
          y -= bh;
          return `<rect class="${KIND_CLASS[k]}" x="${(i * bw + 2).toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 4).toFixed(1)}" height="${bh.toFixed(1)}"><title>${esc(mo.month)}: ${mo.counts[k]} ${esc(s.kinds[k])}</title></rect>`;
        })
        .join('');
      return rects + barValue(mo.total, i * bw + bw / 2, y) + `<text class="axis" x="${(i * bw + bw / 2).toFixed(1)}" y="${h + 12}" text-anchor="middle">${esc(monthLabel(mo.month, i, s))}</text>`;
    })
    .join('');
  const legend = FEEDBACK_KINDS.map((k) => `<span class="legend-item"><span class="swatch ${KIND_CLASS[k]}" aria-hidden="true"></span>${esc(s.kinds[k])} ${st.feedbackTotals[k]}</span>`).join('');
  const altParts = months.filter((m) => m.total > 0).map((m) => `${m.month}: ${FEEDBACK_KINDS.filter((k) => m.counts[k]).map((k) => `${m.counts[k]} ${s.kinds[k]}`).join(', ')}`);
  const alt = fill(s.feedbackAlt, altParts.join('; ') || s.none);
  const notes = [
    st.praiseShare !== undefined ? fill(s.praiseShare, Math.round(st.praiseShare * 100)) : undefined,
    st.correctionTrend ? fill(s.correctionTrend, Math.round(st.correctionTrend.before * 100), Math.round(st.correctionTrend.after * 100)) : undefined,
  ].filter(Boolean);
  return `<section aria-labelledby="h-feedback"><h2 id="h-feedback">${esc(s.feedbackMix)}</h2>
<figure><svg class="chart" viewBox="0 0 600 ${h + 16}" role="img" aria-label="${esc(alt)}">${bars}</svg><figcaption class="legend">${legend}</figcaption></figure>
<p class="note" id="praise-share">${notes.map(esc).join(' · ')}</p></section>`;
}

function actionsSection(st: DashboardStats, s: DashboardStrings): string {
  const col = (title: string, items: DashboardStats['openActionsByOwner']['mentee']): string =>
    `<div class="col"><h3>${esc(title)} (${items.length})</h3>${
      items.length
        ? `<ul>${items.map((a) => `<li class="${a.overdue ? 'warn' : ''}">${esc(a.text)}${a.due ? ` <span class="muted">${esc(a.due)}</span>` : ''}</li>`).join('')}</ul>`
        : `<p class="empty">${esc(s.none)}</p>`
    }</div>`;
  return `<section aria-labelledby="h-actions"><h2 id="h-actions">${esc(s.openActions)}</h2><div class="cols">${col(s.mentee, st.openActionsByOwner.mentee)}${col(s.mentor, st.openActionsByOwner.mentor)}</div></section>`;
}

function involvementSection(st: DashboardStats, s: DashboardStrings, cadence?: string): string {
  const months = st.involvement;
  if (months.every((m) => m.sessions === 0 && m.menteeOwnedShare === undefined)) {
    return `<section aria-labelledby="h-involvement"><h2 id="h-involvement">${esc(s.involvement)}</h2><p class="empty">${esc(s.noSessions)}</p></section>`;
  }
  const max = Math.max(1, ...months.map((m) => m.sessions));
  const bw = 600 / months.length;
  const h = 80;
  const bars = months
    .map(
      (m, i) =>
        `<rect class="inv-bar" x="${(i * bw + 3).toFixed(1)}" y="${(h - (m.sessions / max) * (h - 10)).toFixed(1)}" width="${(bw - 6).toFixed(1)}" height="${((m.sessions / max) * (h - 10)).toFixed(1)}"><title>${esc(m.month)}: ${m.sessions}</title></rect>` +
        barValue(m.sessions, i * bw + bw / 2, h - (m.sessions / max) * (h - 10)) +
        `<text class="axis" x="${(i * bw + bw / 2).toFixed(1)}" y="${h + 12}" text-anchor="middle">${esc(monthLabel(m.month, i, s))}</text>`,
    )
    .join('');
  const pts = months
    .map((m, i) => (m.menteeOwnedShare === undefined ? undefined : `${(i * bw + bw / 2).toFixed(1)},${(h - m.menteeOwnedShare * (h - 10)).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const owned = months.map((m, i) => ({ m, i })).filter((x) => x.m.menteeOwnedShare !== undefined);
  const lastOwned = owned[owned.length - 1];
  // The latest share of mentee-owned work, written at the end of its line.
  const ownedLabel = lastOwned
    ? `<text class="value inv-value" x="${Math.min(590, lastOwned.i * bw + bw / 2 + 4).toFixed(1)}" y="${Math.max(9, h - (lastOwned.m.menteeOwnedShare ?? 0) * (h - 10) - 4).toFixed(1)}" text-anchor="end">${esc(pct(lastOwned.m.menteeOwnedShare))}</text>`
    : '';
  const line = pts ? `<polyline class="inv-line" points="${pts}"></polyline>${ownedLabel}` : '';
  const alt = fill(
    s.involvementAlt,
    months.map((m) => `${m.month} ${m.sessions}`).join(', '),
    months.filter((m) => m.menteeOwnedShare !== undefined).map((m) => `${m.month} ${pct(m.menteeOwnedShare)}`).join(', ') || s.none,
  );
  return `<section aria-labelledby="h-involvement"><h2 id="h-involvement">${esc(s.involvement)}</h2>
<figure><svg class="chart" viewBox="0 0 600 ${h + 16}" role="img" aria-label="${esc(alt)}">${bars}${line}</svg>
<figcaption class="legend"><span class="legend-item"><span class="swatch inv-bar" aria-hidden="true"></span>${esc(s.sessionsPerMonth)}</span><span class="legend-item"><span class="swatch inv-line-swatch" aria-hidden="true"></span>${esc(s.menteeOwned)}</span></figcaption></figure>${
    st.stretchCadence && cadence ? `<p class="note" id="stretch"><span class="codicon codicon-lightbulb" aria-hidden="true"></span> ${esc(fill(s.stretch, st.stretchCadence, cadence))}</p>` : ''
  }</section>`;
}

function winsSection(st: DashboardStats, s: DashboardStrings): string {
  const wins = st.wins.slice(0, 20);
  return `<section aria-labelledby="h-wins"><h2 id="h-wins">${esc(s.wins)}</h2>${
    wins.length ? `<ul class="wins">${wins.map((w) => `<li><span class="muted">${esc(w.date)}</span> ${esc(w.text)}</li>`).join('')}</ul>` : `<p class="empty">${esc(s.noWins)}</p>`
  }</section>`;
}

function offerSection(profile: MentorProfile | undefined, s: DashboardStrings): string {
  const list = (title: string, items: unknown): string =>
    Array.isArray(items) && items.length ? `<h3>${esc(title)}</h3><ul class="tags">${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '';
  const body = profile ? list(s.strengths, profile.strengths) + list(s.expertise, profile.expertise) + list(s.lessons, profile.lessons) : '';
  return `<section aria-labelledby="h-offer"><h2 id="h-offer">${esc(s.offer)}</h2>${body || `<p class="empty">${esc(s.noProfile)}</p>`}</section>`;
}

function recentFeedback(m: Mentee, s: DashboardStrings, limit = 30): string {
  if (m.feedback.length === 0) {
    return '';
  }
  const items = [...m.feedback].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, limit);
  // Feedback on code of more than one repository says which one each is on.
  const several = new Set(m.feedback.map((f) => f.anchor?.repo ?? '')).size > 1;
  const rows = items
    .map((f) => {
      const repo = several && f.anchor?.repo ? `${repositoryName(f.anchor.repo)} · ` : '';
      const where = f.anchor ? `${repo}${f.anchor.path}:${f.anchor.range?.startLine ?? ''}` : '';
      const open = f.anchor ? `<button type="button" class="link" data-action="openFeedback" data-id="${esc(f.id)}">${esc(where)}</button>` : '';
      // The review by its short name ("pull request #7"), linked; a suggestion block as its first line.
      const review = safeUrl(f.review) ? `<a href="${esc(safeUrl(f.review))}" title="${esc(f.review)}">${esc(reviewName(String(f.review), { ...ENGLISH_TREE_STRINGS, pullRequest: s.pullRequest, mergeRequest: s.mergeRequest }))}</a>` : f.review ? `<span class="muted">${esc(f.review)}</span>` : '';
      return `<li><span class="swatch ${KIND_CLASS[f.kind] ?? ''}" aria-hidden="true"></span><span class="muted">${esc(f.date)} · ${esc(s.kinds[f.kind] ?? f.kind)}</span> ${esc(firstWords(reviewPlainLine(f.text, { suggestion: s.suggestedChange, image: ENGLISH_REVIEW_MARKDOWN.image }), 140))} ${open} ${review}</li>`;
    })
    .join('');
  return `<section aria-labelledby="h-recent"><h2 id="h-recent">${esc(s.recentFeedback)}</h2><p class="muted">${esc(fill(s.showingOf, items.length, m.feedback.length))}</p><ul class="feedback">${rows}</ul></section>`;
}

function closingSection(m: Mentee, s: DashboardStrings): string {
  if (!m.closing) {
    return '';
  }
  const c = m.closing;
  const list = (items: unknown): string => (Array.isArray(items) && items.length ? `<ul>${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '');
  return `<section aria-labelledby="h-closing"><h2 id="h-closing">${esc(s.closing)} · ${esc(c.date)}</h2>${c.summary ? `<p>${esc(c.summary)}</p>` : ''}${list(c.achievements)}${list(c.nextSteps)}${c.keepInTouch ? `<p>${esc(c.keepInTouch)}</p>` : ''}</section>`;
}

export function renderDashboardBody(m: Mentee, st: DashboardStats, profile: MentorProfile | undefined, s: DashboardStrings = ENGLISH_DASHBOARD_STRINGS): string {
  return [
    header(m, st, s),
    glance(m, st, s),
    closingSection(m, s),
    goalsSection(st, s),
    timelineSection(st, s),
    feedbackSection(st, s),
    reviewsSection(st, s),
    actionsSection(st, s),
    involvementSection(st, s, m.cadence ?? 'biweekly'),
    winsSection(st, s),
    offerSection(profile, s),
    recentFeedback(m, s),
  ].join('\n');
}
