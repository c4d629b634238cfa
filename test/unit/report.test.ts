import * as assert from 'node:assert/strict';
import { promises as fsp, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseMentee } from '../../src/core/storage/parse';
import { renderReport } from '../../src/core/render/report';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { parseFragment } from './support/html';

const SECRET = 'PRIVATE-CANARY-7f3a';

describe('progress report', () => {
  const m = parseMentee(
    [
      'version: 1',
      'name: "Eve <script>alert(1)</script>"',
      'role: "[click](javascript:alert(2))"',
      'since: 2026-01-01',
      'status: closed',
      'cadence: monthly',
      'goals:',
      '  - {id: g1, title: "Ship ![img](http://x/y.png)", status: done, progress: 100, checkIns: [{date: 2026-03-01, progress: 50, note: "half"}]}',
      'sessions:',
      `  - {id: s1, date: 2026-02-01, duration: 60, topics: [testing], notes: "Good start", private: "${SECRET} one", wins: ["# big win"], advice: ["Small PRs"]}`,
      `  - {id: s2, date: 2026-06-01, duration: 30, notes: "Later", private: "${SECRET} two", actions: [{id: a1, text: "Read <b>book</b>", owner: mentee}]}`,
      'feedback:',
      '  - {id: f1, date: 2026-02-02, kind: praise, text: "Clear naming | nice"}',
      '  - {id: f2, date: 2026-06-02, kind: issue, text: "Missing test"}',
      'closing: {date: 2026-10-01, summary: "Ten good months", achievements: [Shipped], nextSteps: [Lead], keepInTouch: Coffee}',
      '',
    ].join('\n'),
  ).data!;

  it('leaves every private note out and keeps the shared parts', () => {
    const r = renderReport(m, { today: '2026-11-28' });
    assert.ok(!r.includes(SECRET), 'no private note');
    assert.match(r, /2 sessions, 90 minutes together/);
    assert.match(r, /## Closing summary\n\nTen good months/);
    assert.match(r, /Achieved: Shipped/);
    assert.match(r, /2026-03-01 50% \(half\)/);
    assert.match(r, /2 notes: 1 praise, 1 issue\./);
  });

  it('escapes text from YAML so it cannot become HTML, links, images or headings', () => {
    const r = renderReport(m, { today: '2026-11-28' });
    assert.ok(!r.includes('<script'), 'no raw HTML');
    assert.ok(!/\]\(javascript:/.test(r), 'no live link');
    assert.ok(!/!\[img\]\(/.test(r), 'no live image');
    assert.ok(!/^# big win/m.test(r), 'no injected heading');
    const html = parseFragment(r);
    assert.equal(html.count('script') + html.count('b'), 0);
    // Tables stay well-formed: a pipe in text is escaped.
    assert.match(r, /Clear naming \\\| nice/);
  });

  it('filters sessions and feedback by period', () => {
    const r = renderReport(m, { today: '2026-11-28', from: '2026-05-01' });
    assert.match(r, /1 session, 30 minutes together/);
    assert.ok(!r.includes('Good start'));
    assert.match(r, /1 note: 1 issue\./);
  });
});

describe('progress report as plain text', () => {
  it('has no needless backslashes: dates, prose, snake_case and hyphens read as written', () => {
    const plain = parseMentee(
      [
        'version: 1',
        'name: Ana Souza',
        'since: 2026-06-01',
        'status: active',
        'goals: [{id: g1, title: "Write contract tests for the order-service API.", status: active, progress: 40, due: 2027-01-31, checkIns: [{date: 2026-10-01, progress: 40, note: "done. Next: the refund_flow"}]}]',
        'sessions: [{id: s1, date: 2026-10-01, duration: 45, topics: [testing, code-review], notes: "Walked through v1.2 (the new API) - good progress!", actions: [{id: a1, text: "Read chapter 3.", owner: mentee, due: 2026-10-08}]}]',
        'feedback: [{id: f1, date: 2026-10-02, kind: praise, text: "Clear names."}, {id: f2, date: 2026-10-03, kind: suggestion, text: "Split the 200-line function."}, {id: f3, date: 2026-10-04, kind: issue, text: "Missing test for the 0% case."}]',
        '',
      ].join('\n'),
    ).data!;
    const r = renderReport(plain, { today: '2026-11-28' });
    assert.ok(!/\\[-.!()#+_]/.test(r), `no backslash before - . ! ( ) # + _ :\n${r}`);
    assert.equal((r.match(/\\/g) ?? []).length, 0, 'nothing in this report needs escaping');
    assert.ok(r.includes('2026-10-01 40% (done. Next: the refund_flow)'), r);
    assert.match(r, /Walked through v1\.2 \(the new API\) - good progress!/);
    // Feedback highlights list what they count, grouped by kind.
    assert.match(r, /3 notes: 1 praise, 1 suggestion, 1 issue\.\n\n### Praise\n\n- 2026-10-02: Clear names\.\n\n### Suggestions\n\n- 2026-10-03: Split the 200-line function\.\n\n### Issues\n\n- 2026-10-04: Missing test for the 0% case\./);
    // Open action items with owner, due date and overdue.
    assert.match(r, /- Read chapter 3\. \(owner: Ana Souza, due 2026-10-08, \*\*overdue\*\*\)/);
  });
});

describe('progress report: feedback from a review', () => {
  it('sums each review up in a line, and shows the latest of each kind with place, review link, replies and code', () => {
    const URL = 'https://github.com/octo/bookshop/pull/7';
    const at = (line: number) => ({ repo: 'github.com/octo/bookshop', path: 'src/cart.ts', range: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, text: 'x' });
    const issues = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}`, date: '2026-11-20', kind: 'issue' as const, text: `Issue ${i}: use \`Number()\` here`, review: URL, source: { provider: 'github' as const, id: `i${i}` }, anchor: at(10 + i) }));
    const m = {
      version: 1,
      name: 'Ana',
      status: 'active' as const,
      goals: [],
      sessions: [],
      feedback: [
        ...issues,
        { id: 'p', date: '2026-11-21', kind: 'praise' as const, text: 'Tidy.\n\n```suggestion\n  sum += price;\n```', review: URL, source: { provider: 'github' as const, id: 'p' }, anchor: at(27), replies: [{ author: 'ana-souza', date: '2026-11-21', text: 'Thanks! <b>really</b>' }] },
        { id: 'h', date: '2026-11-22', kind: 'praise' as const, text: 'Logged by hand' },
      ],
    };
    const r = renderReport(m, { today: '2026-11-28' });
    assert.match(r, /### Reviews\n\n- \[pull request #7\]\(https:\/\/github\.com\/octo\/bookshop\/pull\/7\), 2026-11-20 to 2026-11-21: 8 comments \(1 praise, 7 issue\); 1 answered\n/);
    assert.match(r, /- 2026-11-21 · `src\/cart\.ts:27` · \[pull request #7\]\([^)]+\): Tidy\. Suggested change: `sum \+= price;`\n {2}- ana-souza: Thanks! &lt;b>really&lt;\/b>\n/);
    assert.match(r, /- 2026-11-22: Logged by hand/);
    assert.match(r, /### Issues\n\n(- 2026-11-20 · `src\/cart\.ts:1[2-6]` · \[pull request #7\]\([^)]+\): Issue \d: use `Number\(\)` here\n){5}- …and 2 more\n/);
    assert.ok(!r.includes('```'), 'no fenced block in a list line');
  });
});

describe('mentor profile edits', () => {
  it('adds answers to mentor.yaml and keeps its comments', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-'));
    const root = path.join(dir, '.mentorship');
    await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
    await fsp.writeFile(path.join(root, 'mentor.yaml'), '# me\nversion: 1\nstrengths: []   # what I am good at\n');
    const store = new MentorshipStore(new NodeFileSystem(), root);
    await store.load();
    await store.editMentor(() => [
      { op: 'append', path: ['strengths'], value: 'listening' },
      { op: 'append', path: ['values'], value: 'honesty' },
    ]);
    const text = await fsp.readFile(path.join(root, 'mentor.yaml'), 'utf8');
    assert.ok(text.startsWith('# me\n'));
    assert.ok(text.includes('# what I am good at'));
    assert.deepEqual(store.mentor?.data?.strengths, ['listening']);
    assert.deepEqual(store.mentor?.data?.values, ['honesty']);
  });
});
