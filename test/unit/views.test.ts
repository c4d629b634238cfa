import * as assert from 'node:assert/strict';
import { parseFragment } from './support/html';
import { esc, renderDashboardBody, safeUrl } from '../../src/core/render/dashboardHtml';
import { lacksNextStep } from '../../src/core/domain/feedbackQuality';
import type { Mentee } from '../../src/core/domain/model';
import { isInside, safeRelativePath } from '../../src/core/paths';
import { dashboardStats, stretchSuggestion } from '../../src/core/domain/stats';
import type { MenteeFile } from '../../src/core/storage/store';
import { fill } from '../../src/core/domain/text';
import { feedbackPartChildren, goalTooltip, groupChildren, menteeChildren, rootNodes, shortestUniquePaths } from '../../src/core/render/treeModel';
import type { Feedback } from '../../src/core/domain/model';
import { parseFromWebview } from '../../src/dashboard/protocol';

function file(m: Partial<Mentee>, slug = 'x'): MenteeFile {
  return {
    kind: 'mentee',
    path: `/ws/.mentorship/mentees/${slug}.yaml`,
    slug,
    hash: '',
    problems: [],
    data: { version: 1, name: slug, status: 'active', goals: [], sessions: [], feedback: [], ...m },
  };
}

const TODAY = '2026-11-28';

describe('tree model', () => {
  const ana = file(
    {
      name: 'Ana',
      role: 'Backend',
      cadence: 'biweekly',
      goals: [
        { id: 'g1', title: 'Tests', status: 'active', progress: 40, due: '2026-11-01' },
        { id: 'g2', title: 'Design', status: 'done', progress: 100, specific: 'a b c', measurable: 'a b c', achievable: 'a b c', relevant: 'a b c', due: '2026-10-01' },
      ],
      sessions: [
        { id: 's1', date: '2026-11-01', actions: [{ id: 'a1', text: 'Read', owner: 'mentee', due: '2026-11-10' }, { id: 'a2', text: 'Done one', owner: 'mentor', done: true }] },
        { id: 's2', date: '2026-11-10', duration: 45, topics: ['testing'] },
      ],
      feedback: [{ id: 'f1', date: '2026-11-11', kind: 'praise', text: 'Great naming in the cart', anchor: { path: 'src/cart.ts', range: { startLine: 8, startColumn: 1, endLine: 9, endColumn: 2 }, text: 'x' } }],
    },
    'ana',
  );
  const mei = file({ name: 'Mei', status: 'closed' }, 'mei');
  const broken: MenteeFile = { kind: 'mentee', path: '/ws/.mentorship/mentees/bad.yaml', slug: 'bad', hash: '', problems: [{ severity: 'error', line: 5, column: 3, message: 'YAML syntax: oops.' }] };

  it('lists active mentees with when the next session is due, broken files, and a group for the rest', () => {
    const roots = rootNodes([ana, mei, broken], { today: '2026-11-14', showInactive: true });
    assert.deepEqual(
      roots.map((n) => [n.kind, n.label, n.description]),
      [
        ['mentee', 'Ana', 'next session in 10 d · Backend'],
        ['problem', 'Cannot read bad.yaml', 'line 5: YAML syntax: oops.'],
        ['statusGroup', 'Paused and closed', '1'],
      ],
    );
    assert.equal(roots[1].line, 5);
    assert.equal(rootNodes([ana, mei], { today: TODAY, showInactive: false }).length, 1);
    const overdue = rootNodes([ana], { today: '2026-11-30', showInactive: true })[0];
    assert.equal(overdue.description, 'session overdue 6 d · Backend');
    assert.equal(overdue.iconColor, 'list.warningForeground');
  });

  it('shows goals with progress, due date, overdue and not-SMART markers and says which parts are missing', () => {
    const [goals] = menteeChildren(ana, { today: TODAY, showInactive: true });
    assert.equal(goals.label, 'Goals');
    const [g1, g2] = groupChildren(ana, 'goals', { today: TODAY, showInactive: true });
    assert.equal(g1.description, 'overdue · not SMART yet · 40% · due 2026-11-01');
    assert.match(goalTooltip(ana.data!.goals[0], { today: TODAY, showInactive: true }), /not SMART yet — Missing: specific, measurable, achievable, relevant$/);
    assert.equal(g1.contextValue, 'mentorship.goal.active');
    assert.equal(g1.icon, 'warning');
    assert.equal(g2.description, '100% · due 2026-10-01');
    assert.equal(g2.contextValue, 'mentorship.goal.done');
  });

  it('private notes appear in no row and no hover', () => {
    const secret = file({ name: 'S', sessions: [{ id: 's', date: '2026-11-01', notes: 'shared', private: 'PRIVATE-CANARY' }] }, 's');
    const opts = { today: TODAY, showInactive: true };
    const all = [...rootNodes([secret], opts), ...menteeChildren(secret, opts), ...groupChildren(secret, 'sessions', opts)];
    assert.ok(!JSON.stringify(all).includes('PRIVATE-CANARY'));
  });

  it('sessions newest first, only open action items, feedback with kind and file:line', () => {
    const opts = { today: TODAY, showInactive: true };
    assert.deepEqual(groupChildren(ana, 'sessions', opts).map((n) => n.label), ['2026-11-10', '2026-11-01']);
    const actions = groupChildren(ana, 'actions', opts);
    assert.deepEqual(actions.map((n) => [n.label, n.description]), [['Read', 'mentee · due 2026-11-10 · overdue']]);
    const [fb] = groupChildren(ana, 'feedback', opts);
    assert.deepEqual([fb.label, fb.description], ['praise · cart.ts:8', 'Great naming in the cart']);
    assert.match(fb.tooltip ?? '', /^praise · 2026-11-11 · src\/cart\.ts:8\n/);
    assert.equal(fb.icon, 'heart');
  });

  it('feedback of several repositories in a group each, by review within one, each file by the shortest path that tells it apart', () => {
    const opts = { today: TODAY, showInactive: true };
    const at = (repo: string | undefined, path: string, line: number) => ({ ...(repo ? { repo } : {}), path, range: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, text: 'x' });
    const imported = (id: string, review: string, anchor: Feedback['anchor'], date: string): Feedback => ({ id, date, kind: 'issue', text: `from ${review}`, review, source: { provider: 'github', id }, anchor });
    const CART = 'github.com/shop/cart';
    const UI = 'github.com/shop/ui';
    const m = file(
      {
        name: 'Bo',
        feedback: [
          { id: 'f1', date: '2026-11-01', kind: 'praise', text: 'Nice', anchor: at(CART, 'src/cart.ts', 3) },
          imported('f2', 'https://github.com/shop/cart/pull/7', at(CART, 'test/cart.ts', 9), '2026-11-05'),
          imported('f3', 'https://github.com/shop/cart/pull/9', at(CART, 'src/cart.ts', 20), '2026-11-09'),
          { id: 'f4', date: '2026-11-03', kind: 'thought', text: 'Idea', anchor: at(UI, 'src/button.tsx', 1) },
          { id: 'f5', date: '2026-11-04', kind: 'question', text: 'Why?' },
        ],
      },
      'bo',
    );
    const repos = groupChildren(m, 'feedback', opts);
    assert.deepEqual(repos.map((n) => [n.label, n.description, n.icon]), [
      ['shop/cart', '3', 'repo'],
      ['shop/ui', '1', 'repo'],
      ['Not linked to code', '1', 'comment'],
    ]);
    const cart = feedbackPartChildren(m, repos[0].scope ?? {}, opts);
    assert.deepEqual(cart.map((n) => [n.label, n.description]), [
      ['pull request #9', '1'],
      ['pull request #7', '1'],
      ['praise · cart.ts:3', 'Nice'],
    ], 'reviews newest first, then what was logged by hand');
    const pr7 = feedbackPartChildren(m, cart[1].scope ?? {}, opts);
    assert.deepEqual(pr7.map((n) => [n.label, n.id]), [['issue · cart.ts:9', `feedback:${m.path}#f2`]]);
    assert.match(pr7[0].tooltip ?? '', /shop\/cart · test\/cart\.ts:9/);
    // One repository and one review: the flat list as before, files told apart by their paths.
    const single = file({ name: 'Cy', feedback: [{ id: 'a', date: '2026-11-02', kind: 'praise', text: 'a', anchor: at(CART, 'src/cart.ts', 1) }, { id: 'b', date: '2026-11-01', kind: 'issue', text: 'b', anchor: at(CART, 'test/cart.ts', 2) }] }, 'cy');
    assert.deepEqual(groupChildren(single, 'feedback', opts).map((n) => n.label), ['praise · src/cart.ts:1', 'issue · test/cart.ts:2']);
    assert.deepEqual([...shortestUniquePaths(['a/b/c.ts', 'x/b/c.ts', 'q/d.ts', 'c.ts'])], [['a/b/c.ts', 'a/b/c.ts'], ['x/b/c.ts', 'x/b/c.ts'], ['q/d.ts', 'd.ts'], ['c.ts', 'c.ts']]);
  });

  it('after an import: the review is a group beside hand-logged feedback, its comments in the order of the code', () => {
    const opts = { today: TODAY, showInactive: true };
    const REVIEW = 'https://github.com/shop/cart/pull/7';
    const at = (path: string, line: number) => ({ repo: 'github.com/shop/cart', path, range: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, text: 'x' });
    const comment = (id: string, path: string, line: number): Feedback => ({ id, date: '2026-11-20', kind: 'issue', text: id, review: REVIEW, source: { provider: 'github', id }, anchor: at(path, line) });
    const m = file(
      {
        name: 'Bo',
        feedback: [
          { id: 'mine', date: '2026-11-21', kind: 'praise', text: 'Logged by hand', anchor: at('src/cart.ts', 3) },
          // In the order the code host listed them (not the order of the code).
          comment('c1', 'src/index.js', 191),
          comment('c2', 'lib/index.js', 27),
          comment('c3', 'src/index.js', 12),
          comment('c4', 'lib/cart.js', 5),
        ],
      },
      'bo',
    );
    const top = groupChildren(m, 'feedback', opts);
    assert.deepEqual(top.map((n) => [n.label, n.description]), [
      ['pull request #7', '4'],
      ['praise · cart.ts:3', 'Logged by hand'],
    ]);
    const rows = feedbackPartChildren(m, top[0].scope ?? {}, opts);
    assert.deepEqual(rows.map((n) => n.label), ['issue · cart.js:5', 'issue · lib/index.js:27', 'issue · src/index.js:12', 'issue · src/index.js:191'], 'by file, then line; same-named files by the path that tells them apart');
    // Only the review's comments: no group, the same order of the code.
    const only = file({ name: 'Cy', feedback: [comment('c1', 'b.ts', 9), comment('c2', 'a.ts', 30), comment('c3', 'a.ts', 4)] }, 'cy');
    assert.deepEqual(groupChildren(only, 'feedback', opts).map((n) => n.label), ['issue · a.ts:4', 'issue · a.ts:30', 'issue · b.ts:9']);
  });

  it('"open repositories only" hides the feedback of repositories not open here, and the group says how much', () => {
    const CART = 'github.com/shop/cart';
    const m = file(
      {
        name: 'Bo',
        feedback: [
          { id: 'f1', date: '2026-11-01', kind: 'praise', text: 'Here', anchor: { repo: CART, path: 'a.ts', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, text: 'x' } },
          { id: 'f2', date: '2026-11-02', kind: 'issue', text: 'Elsewhere', anchor: { repo: 'github.com/other/x', path: 'a.ts', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, text: 'x' } },
          { id: 'f3', date: '2026-11-03', kind: 'thought', text: 'Not on code' },
        ],
      },
      'bo',
    );
    const opts = { today: TODAY, showInactive: true, openReposOnly: true, openFolders: [{ name: 'cart', repos: [{ id: CART, ids: [CART], within: '' }] }] };
    const group = menteeChildren(m, opts).find((g) => g.group === 'feedback');
    assert.equal(group?.description, '2 · 1 in repositories not open');
    assert.deepEqual(
      groupChildren(m, 'feedback', opts).flatMap((n) => (n.scope ? feedbackPartChildren(m, n.scope, opts) : [n])).map((n) => n.description),
      ['Not on code', 'Here'],
    );
    assert.equal(menteeChildren(m, { today: TODAY, showInactive: true }).find((g) => g.group === 'feedback')?.description, '3', 'off: all of it');
    // Off, the rows of a repository not open here say which repository they are on.
    const all = { today: TODAY, showInactive: true, openFolders: opts.openFolders };
    const rows = groupChildren(m, 'feedback', all).flatMap((n) => (n.scope ? feedbackPartChildren(m, n.scope, all) : [n]));
    const away = rows.find((n) => n.id.endsWith('#f2'));
    assert.equal(away?.description, 'other/x · Elsewhere');
    assert.match(away?.tooltip ?? '', /\(other\/x is not open here\)/);
    assert.equal(rows.find((n) => n.id.endsWith('#f1'))?.description, 'Here', 'a row on an open repository is as before');
  });

  it('a mentee row says where its file lives when the notebook has more than one place', () => {
    const [row] = rootNodes([ana], { today: TODAY, showInactive: true, placeOf: () => '~/mentoring/ana' });
    assert.match(row.description ?? '', /^(next session in|session overdue) \d+ d · Backend · ~\/mentoring\/ana$/);
    assert.match(row.tooltip ?? '', /~\/mentoring\/ana$/);
  });

  it('builds the first level for 500 mentees with 20 goals each without touching their children', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      file({ name: `M${i}`, goals: Array.from({ length: 20 }, (_, j) => ({ id: `g${j}`, title: `Goal ${j}`, status: 'active' as const, progress: j })) }, `m${i}`),
    );
    const roots = rootNodes(many, { today: TODAY, showInactive: true });
    assert.equal(roots.length, 500);
    assert.ok(new Set(roots.map((r) => r.id)).size === 500, 'ids are unique and stable');
  });
});

describe('fill', () => {
  it('fills numbered placeholders and leaves anything else alone', () => {
    assert.equal(fill('{0} and {1}, {0}', 'a', 2), 'a and 2, a');
    assert.equal(fill('{x} {} {2} {0', 'a'), '{x} {} {2} {0');
    assert.equal(fill('no placeholders'), 'no placeholders');
  });
});

describe('dashboard statistics', () => {
  const m: Mentee = {
    version: 1,
    name: 'Ana',
    status: 'active',
    cadence: 'weekly',
    goals: [
      { id: 'g1', title: 'A', status: 'active', progress: 50, owner: 'mentee', checkIns: [{ date: '2026-10-02', progress: 20 }, { date: '2026-09-01', progress: 10 }] },
      { id: 'g2', title: 'B', status: 'done', progress: 100, owner: 'mentor' },
    ],
    sessions: [
      { id: 's1', date: '2026-09-01', duration: 30, actions: [{ id: 'a1', text: 'x', owner: 'mentor' }], wins: ['first PR'] },
      { id: 's2', date: '2026-09-08', duration: 30, actions: [{ id: 'a2', text: 'y', owner: 'mentee', due: '2026-09-01' }] },
      { id: 's3', date: '2026-10-01', duration: 45 },
    ],
    feedback: [
      { id: 'f1', date: '2026-09-02', kind: 'issue', text: 'a' },
      { id: 'f2', date: '2026-09-03', kind: 'issue', text: 'b' },
      { id: 'f3', date: '2026-10-02', kind: 'praise', text: 'c' },
      { id: 'f4', date: '2026-10-03', kind: 'suggestion', text: 'd' },
    ],
  };
  const st = dashboardStats(m, '2026-10-05', 3);

  it('counts feedback per month and kind, the praise share and the correction trend', () => {
    assert.deepEqual(st.feedbackByMonth.map((x) => [x.month, x.total, x.counts.issue, x.counts.praise]), [
      ['2026-08', 0, 0, 0],
      ['2026-09', 2, 2, 0],
      ['2026-10', 2, 0, 1],
    ]);
    assert.equal(st.praiseShare, 0.25);
    assert.deepEqual(st.correctionTrend, { before: 1, after: 0.5 });
  });

  it('marks gaps longer than the cadence, groups open action items by owner, sorts check-ins', () => {
    assert.deepEqual(st.timeline.map((t) => [t.date, t.gapDays, t.late]), [
      ['2026-09-01', undefined, false],
      ['2026-09-08', 7, false],
      ['2026-10-01', 23, true],
    ]);
    assert.deepEqual(st.openActionsByOwner.mentee.map((a) => [a.text, a.overdue]), [['y', true]]);
    assert.equal(st.openActionsByOwner.mentor.length, 1);
    assert.deepEqual(st.goals[0].history.map((h) => h.progress), [10, 20]);
    assert.equal(st.totalMinutes, 105);
    assert.equal(st.goalsDone, 1);
  });

  it('involvement: sessions per month and the share of new work the mentee owns', () => {
    assert.deepEqual(st.involvement.map((x) => [x.month, x.sessions, x.menteeOwnedShare]), [
      ['2026-08', 0, undefined],
      ['2026-09', 2, 2 / 3],
      ['2026-10', 1, undefined],
    ]);
  });
});

describe('dashboard HTML', () => {
  const hostile = '<script>alert(1)</script></svg>" onload="alert(2)';
  const m: Mentee = {
    version: 1,
    name: hostile,
    role: `'><img src=x onerror=alert(3)>`,
    status: 'active',
    goals: [{ id: 'g"1', title: hostile, status: 'active', progress: 140 as number, checkIns: [{ date: '2026-01-01', progress: 1 }, { date: '2026-02-01', progress: 2 }] }],
    sessions: [{ id: 's', date: '2026-11-01', wins: [hostile] }],
    feedback: [{ id: 'f', date: '2026-11-01', kind: 'praise', text: hostile, review: 'javascript:alert(4)', anchor: { path: '</svg>.ts', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }, text: 'x' } }],
  };
  const html = renderDashboardBody(m, dashboardStats(m, '2026-11-28'), { version: 1, strengths: [hostile] });

  it('escapes every value from YAML: no element, attribute or handler comes from the data', () => {
    const doc = parseFragment(html);
    assert.equal(doc.count('script'), 0);
    assert.equal(doc.count('img'), 0);
    assert.equal(doc.attributes().filter((a) => /^on/i.test(a.name)).length, 0);
    assert.equal(doc.attributes().filter((a) => a.name === 'href' && /javascript:/i.test(a.value)).length, 0);
    assert.ok(doc.text().includes(hostile), 'the hostile text is shown as text');
    assert.ok(!html.includes('<script'));
    assert.ok(!/<\/svg>"/.test(html));
  });

  it('recent feedback shows a suggestion block as its first line, and the review by its short name', () => {
    const reviewed: Mentee = {
      version: 1,
      name: 'Ana',
      status: 'active',
      goals: [],
      sessions: [],
      feedback: [{ id: 'f', date: '2026-11-20', kind: 'suggestion', text: 'Shorter:\n\n```suggestion\n  sum += price;\n```', review: 'https://github.com/octo/bookshop/pull/7', source: { provider: 'github', id: '1' } }],
    };
    const doc = parseFragment(renderDashboardBody(reviewed, dashboardStats(reviewed, '2026-11-28'), undefined));
    assert.ok(doc.text().includes('Shorter: Suggested change: `sum += price;`'), doc.text());
    assert.ok(!doc.text().includes('```'));
    assert.ok(doc.text().includes('pull request #7'));
    assert.ok(!doc.text().includes('https://github.com/octo/bookshop/pu'), 'no cut-off link text');
  });

  it('clamps values used in SVG geometry', () => {
    assert.match(html, /<rect class="bar-fg" x="0" y="0" width="100"/);
  });

  it('keeps only http(s) and mailto links', () => {
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl(' data:text/html,x'), undefined);
    assert.equal(safeUrl('https://example.com/a?b=c'), 'https://example.com/a?b=c');
    assert.equal(safeUrl('https://x.y/"onmouseover=1'), undefined);
    assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('webview messages', () => {
  it('accepts only well-formed messages', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'action', action: 'checkIn', id: 'g-tests' }), { type: 'action', action: 'checkIn', id: 'g-tests' });
    assert.deepEqual(parseFromWebview({ type: 'action', action: 'logSession' }), { type: 'action', action: 'logSession' });
    for (const bad of [
      null,
      'ready',
      { type: 'ready', extra: 1 },
      { type: 'action', action: 'runCommand', id: 'x' },
      { type: 'action', action: 'checkIn' },
      { type: 'action', action: 'checkIn', id: '../../etc/passwd' },
      { type: 'action', action: 'openFeedback', id: 'a'.repeat(500) },
      { type: 'action', action: 'logSession', id: 'x' },
      { type: 'rendered', ms: -1 },
      { type: 'rendered', ms: 'fast' },
      { type: '__proto__' },
    ]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('paths from YAML', () => {
  it('keeps workspace-relative paths and refuses anything that could leave the folder', () => {
    assert.equal(safeRelativePath('src/cart.ts'), 'src/cart.ts');
    assert.equal(safeRelativePath('./src//cart.ts'), 'src/cart.ts');
    assert.equal(safeRelativePath('src\\cart.ts'), 'src/cart.ts');
    for (const bad of ['../secret', 'src/../../x', '/etc/passwd', 'C:\\Windows\\x', 'c:/x', 'file:///etc/passwd', '', 'a\u0000b', 42, '..\\..\\x']) {
      assert.equal(safeRelativePath(bad), undefined, String(bad));
    }
    assert.ok(isInside('/ws', '/ws/a/b'));
    assert.ok(!isInside('/ws', '/ws2/a'));
    assert.ok(isInside('/WS', '/ws/a', true));
  });
});

describe('feedback quality hint', () => {
  it('hints when a critical note names no next step', () => {
    assert.ok(lacksNextStep('issue', 'This is wrong.'));
    assert.ok(!lacksNextStep('issue', 'This is wrong; try a guard clause.'));
    assert.ok(!lacksNextStep('suggestion', 'Consider extracting a function.'));
    assert.ok(!lacksNextStep('question', 'Why a class here?'));
    assert.ok(!lacksNextStep('praise', 'Nice.'));
    assert.ok(!lacksNextStep('nitpick', 'Probeer een kortere naam.'));
  });
});

describe('independence: suggesting a longer rhythm', () => {
  const months = (shares: (number | undefined)[]) => shares.map((x, i) => ({ month: `2026-0${i + 1}`, sessions: 2, menteeOwnedShare: x }));
  const m = (cadence: string): Mentee => ({ version: 1, name: 'A', status: 'active', cadence, goals: [], sessions: [], feedback: [] });

  it('suggests meeting less often only when the rhythm held and the mentee owns most of the work', () => {
    assert.equal(stretchSuggestion(m('weekly'), 0.95, months([0.2, 0.7, 0.8, 0.9]), false), 'biweekly');
    assert.equal(stretchSuggestion(m('biweekly'), 0.9, months([0.6, 0.6, 0.7]), false), 'monthly');
    assert.equal(stretchSuggestion(m('every 10 days'), 1, months([1, 1, 1]), false), 'every 20 days');
    assert.equal(stretchSuggestion(m('monthly'), 1, months([1, 1, 1]), false), undefined);
    assert.equal(stretchSuggestion(m('weekly'), 0.8, months([1, 1, 1]), false), undefined, 'rhythm not kept');
    assert.equal(stretchSuggestion(m('weekly'), 1, months([0.9, 0.3, 0.4]), false), undefined, 'mentor still owns most');
    assert.equal(stretchSuggestion(m('weekly'), 1, months([1, 1, 1]), true), undefined, 'a goal is overdue');
  });
});
