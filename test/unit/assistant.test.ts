import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Notebook } from '../../src/core/storage/notebook';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { notebookForTools, TOOLS, tool } from '../../src/core/assistant/tools';
import type { ToolContext } from '../../src/core/assistant/tools';
import { sessionDigest } from '../../src/core/render/digest';

const DEMO = path.join(__dirname, '..', '..', 'demo', '.mentorship');
const TODAY = '2026-12-02';

async function notebookOf(...roots: string[]): Promise<Notebook> {
  const nb = new Notebook(roots.map((root, i) => ({ root, label: `place ${i}`, source: 'notebook' as const, store: new MentorshipStore(new NodeFileSystem(), root) })));
  await nb.load();
  return nb;
}

function contextOf(nb: Notebook): ToolContext {
  return { notebook: notebookForTools(nb), today: TODAY };
}

async function call(ctx: ToolContext, name: string, input: Record<string, unknown>): Promise<string> {
  const t = tool(name);
  assert.ok(t, `no tool ${name}`);
  return t.run(ctx, input);
}

/** A copy of the demo's data folder to write in. */
function demoCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-assistant-'));
  cpSync(DEMO, path.join(dir, '.mentorship'), { recursive: true });
  return path.join(dir, '.mentorship');
}

describe('assistant tools: reads on the demo', () => {
  let ctx: ToolContext;
  before(async () => {
    ctx = contextOf(await notebookOf(DEMO));
  });

  it('lists the mentees with cadence, the next 1:1 and what is overdue', async () => {
    const out = await call(ctx, 'mentorship_list_mentees', {});
    assert.match(out, /\*\*Ana Souza\*\* \(Backend engineer\): status active; biweekly; last 1:1 2026-11-17; next 1:1 overdue since 2026-12-01; 3 open action item\(s\), 3 overdue/);
    assert.match(out, /\*\*Priya Nair\*\* \(Frontend engineer\): status active; weekly; last 1:1 2026-11-17; next 1:1 overdue since 2026-11-24; 1 open action item\(s\), 1 overdue/);
    assert.match(out, /\*\*Mei Chen\*\*.*status closed/);
    const active = await call(ctx, 'mentorship_list_mentees', { status: 'closed' });
    assert.doesNotMatch(active, /Ana Souza/);
  });

  it("answers 'what did I promise Ana' with the mentor's open action items only", async () => {
    const out = await call(ctx, 'mentorship_find', { mentee: 'Ana', area: 'actions', owner: 'mentor', open: true });
    assert.match(out, /^1 found:/);
    assert.match(out, /Ana Souza · action item `a-share-design-template` \(mentor, due 2026-10-27, overdue, open; session 2026-10-20\): Share a design doc template/);
  });

  it('finds words across sessions, feedback and goals of every mentee', async () => {
    const out = await call(ctx, 'mentorship_find', { text: 'fixture' });
    assert.match(out, /action item `a-fixture-builder`/);
    assert.match(out, /goal `g-contract-tests`/); // its check-in note says "fixtures"
    assert.match(out, /session `s-2026-11-03`/);
    assert.equal(await call(ctx, 'mentorship_find', { text: 'no-such-word-anywhere' }), 'Nothing found.');
  });

  it('prepares the next session from everything since the last one', async () => {
    const out = await call(ctx, 'mentorship_prepare_session', { mentee: 'ana souza' });
    assert.match(out, /^# Next session with Ana Souza\n/);
    assert.match(out, /Next 1:1 was due 2026-12-01: overdue \(biweekly cadence\)/);
    assert.match(out, /## Last session: 2026-11-17\n- Topics: design review\n- Notes: Reviewed the first draft of the design doc\./);
    assert.match(out, /## Since 2026-11-17\n- 2026-11-18 · Feedback \(thought\): The discount engine could become its own module/);
    assert.match(out, /- Share a design doc template \(mentor, 2026-10-27, overdue\)/);
    assert.match(out, /- Lead a design review: 15%, stalled/);
    assert.match(out, /## Proposed agenda\n1\. Overdue: Write a fixture builder for discounts \(mentee\)\n2\. Overdue: Share a design doc template \(mentor\)/);
    assert.doesNotMatch(out, /Contract tests for the order API: 60%, stalled/, 'a check-in 29 days ago is not stalled');
  });

  it("gives a mentee's overview: SMART gaps, open actions with owners, sessions, feedback by kind, agenda", async () => {
    const priya = await call(ctx, 'mentorship_mentee_overview', { mentee: 'Priya' });
    assert.match(priya, /Get comfortable with strict TypeScript `g-typescript-strict`: active, 10%, due 2027-01-31, owned by the mentee; not SMART yet, lacks: measurable, achievable, relevant/);
    assert.match(priya, /Pick the package to make strict `a-pick-package`: owner mentee, due 2026-11-24 \(overdue\)/);
    assert.match(priya, /By kind: suggestion 1/);
    assert.match(priya, /suggestion on src\/orders.ts:17/);
    const ana = await call(ctx, 'mentorship_mentee_overview', { mentee: 'Ana', from: '2026-08-01', to: '2026-09-30' });
    assert.match(ana, /## Feedback 2026-08-01 to 2026-09-30\nBy kind: praise 1, issue 1, question 1, nitpick 1/);
    assert.match(ana, /- 2026-09-22 \(45 min\) `s-2026-09-22`: topics API design/);
    assert.doesNotMatch(ana, /s-2026-11-17/, 'sessions after the period are left out');
  });

  it('finds the feedback on a file and on lines of it, across mentees', async () => {
    const lines = await call(ctx, 'mentorship_feedback_on_code', { path: 'src/cart.ts', startLine: 29, endLine: 30 });
    assert.match(lines, /^Feedback on src\/cart.ts:29-30:\n- for Ana Souza · 2026-08-13 issue on src\/cart.ts:29 \(review #112\): The discount is applied after summing floats/);
    assert.doesNotMatch(lines, /Clear names/);
    const file = await call(ctx, 'mentorship_feedback_on_code', { path: 'src/orders.ts' });
    assert.match(file, /for Ana Souza/);
    assert.match(file, /for Priya Nair/);
    assert.equal(await call(ctx, 'mentorship_feedback_on_code', { path: 'src/cart.ts', repo: 'github.com/other/repo', startLine: 100 }), 'No feedback on github.com/other/repo src/cart.ts:100.');
  });

  it('never shows the private note the demo keeps in a session', async () => {
    assert.match(readFileSync(path.join(DEMO, 'mentees', 'ana-souza.yaml'), 'utf8'), /private: Seems unsure/);
    for (const t of TOOLS.filter((x) => !x.writes)) {
      for (const input of [{}, { mentee: 'Ana' }, { text: 'unsure' }, { text: 'stand-ups' }, { path: 'src/cart.ts' }]) {
        const out = await t.run(ctx, input).catch((e: Error) => e.message);
        assert.doesNotMatch(out, /unsure|stand-ups/, `${t.name} ${JSON.stringify(input)}`);
      }
    }
    assert.ok(!JSON.stringify(sessionDigest(ctx.notebook.mentees[0].data!, TODAY)).includes('unsure'));
  });

  it('names the field of bad input: an unknown mentee lists the known ones, a bad date says how to write it', async () => {
    await assert.rejects(call(ctx, 'mentorship_prepare_session', { mentee: 'Zed' }), /^InputError: mentee: there is no mentee 'Zed'\. The mentees: Ana Souza, Mei Chen, Priya Nair\.$/);
    await assert.rejects(call(ctx, 'mentorship_mentee_overview', { mentee: 'Ana', from: 'last week' }), (e: Error & { field?: string }) => e.field === 'from' && /YYYY-MM-DD/.test(e.message));
    await assert.rejects(call(ctx, 'mentorship_list_mentees', { status: 'sleeping' }), (e: Error & { field?: string }) => e.field === 'status');
  });
});

describe('assistant tools: writes', () => {
  let root: string;
  let ctx: ToolContext;
  let nb: Notebook;
  beforeEach(async () => {
    root = demoCopy();
    nb = await notebookOf(root);
    ctx = contextOf(nb);
  });
  afterEach(() => {
    nb.dispose();
    rmSync(path.dirname(root), { recursive: true, force: true });
  });
  const ana = (): string => readFileSync(path.join(root, 'mentees', 'ana-souza.yaml'), 'utf8');

  /** The new text is the old one with one block of lines inserted: every other line kept, in order. */
  function insertedBlock(before: string, after: string): string[] {
    const a = before.split('\n');
    const b = after.split('\n');
    let head = 0;
    while (head < a.length && a[head] === b[head]) {
      head++;
    }
    let tail = 0;
    while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
      tail++;
    }
    assert.equal(head + tail, a.length, 'only lines were added; none was changed or removed');
    return b.slice(head, b.length - tail);
  }

  it('logs a session after a confirmation that says what will be written, changing only the lines it adds', async () => {
    const t = tool('mentorship_log_session');
    assert.ok(t?.writes && t.confirm);
    const input = { mentee: 'Ana', topics: ['cart tests', 'fixtures'], notes: 'Went through the cart tests.', newActions: [{ text: 'Pair with Tom on fixtures', owner: 'mentee', due: '2026-12-04' }] };
    assert.equal(await t.confirm(ctx, input), 'Log the session of 2026-12-02 with Ana Souza: 2 topics, 1 new action item.');
    const before = ana();
    assert.equal(before, ana(), 'confirming writes nothing');
    const done = await t.run(ctx, input);
    assert.match(done, /^Done: Log the session of 2026-12-02 with Ana Souza: 2 topics, 1 new action item\. The session's id is `s-2026-12-02`\.$/);
    const added = insertedBlock(before, ana());
    assert.deepEqual(added.map((l) => l.trim()), ['- id: s-2026-12-02', 'date: 2026-12-02', 'topics:', '- cart tests', '- fixtures', 'notes: Went through the cart tests.', 'actions:', '- text: Pair with Tom on fixtures', 'owner: mentee', 'due: 2026-12-04', 'id: a-pair-with-tom-on-fixtures']);
    const prep = await call(ctx, 'mentorship_prepare_session', { mentee: 'Ana' });
    assert.match(prep, /## Last session: 2026-12-02/);
  });

  it('refuses progress outside 0–100, a date that is not one, an unknown goal: the field named, nothing written', async () => {
    const before = ana();
    await assert.rejects(call(ctx, 'mentorship_check_in', { mentee: 'Ana', goal: 'g-contract-tests', progress: 150 }), (e: Error & { field?: string }) => e.name === 'InputError' && e.field === 'progress');
    await assert.rejects(call(ctx, 'mentorship_check_in', { mentee: 'Ana', goal: 'g-contract-tests', progress: 70, date: '2026-13-01' }), (e: Error & { field?: string }) => e.field === 'date');
    await assert.rejects(call(ctx, 'mentorship_check_in', { mentee: 'Ana', goal: 'g-nope', progress: 70 }), /goal: Ana Souza has no goal 'g-nope'\. Their goals: g-contract-tests/);
    await assert.rejects(call(ctx, 'mentorship_log_session', { mentee: 'Ana', private: 'a secret' }), (e: Error & { field?: string }) => e.field === 'private', 'a tool takes no private notes');
    await assert.rejects(tool('mentorship_add_action_item')!.confirm!(ctx, { mentee: 'Nobody', text: 'x', owner: 'mentor' }), (e: Error & { field?: string }) => e.field === 'mentee');
    assert.equal(ana(), before);
  });

  it('checks in, completes an action item and adds an agenda topic, each one operation', async () => {
    assert.match(await call(ctx, 'mentorship_check_in', { mentee: 'Ana', goal: 'g-contract-tests', progress: 70, note: 'Fixtures done' }), /^Done: Check in on "Contract tests for the order API" of Ana Souza: 70% \(was 60%\), "Fixtures done"\.$/);
    assert.match(await call(ctx, 'mentorship_update_action_item', { mentee: 'Ana', action: 'a-share-design-template', done: true }), /mark it done/);
    assert.match(await call(ctx, 'mentorship_add_agenda_topic', { mentee: 'Ana', text: 'Career path', by: 'mentor' }), /Add "Career path" to the agenda/);
    const what = await call(ctx, 'mentorship_find', { mentee: 'Ana', area: 'actions', owner: 'mentor', open: true });
    assert.equal(what, 'Nothing found.');
    const text = ana();
    assert.match(text, /- date: 2026-12-02\n\s+progress: 70\n\s+note: Fixtures done/);
    assert.match(text, /team: checkout   # unknown keys are kept/);
    assert.match(await call(ctx, 'mentorship_prepare_session', { mentee: 'Ana' }), /## Agenda topics\n- Career path \(mentor\)/);
  });

  it('logs feedback on a code location, with its repository', async () => {
    const out = await call(ctx, 'mentorship_log_feedback', {
      mentee: 'Priya',
      kind: 'suggestion',
      text: 'Name the magic number.',
      anchor: { repo: 'github.com/acme/bookshop', path: 'src/orders.ts', range: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 10 }, text: 'const x = 7;' },
    });
    assert.match(out, /^Done: Log suggestion for Priya Nair on src\/orders.ts:5/);
    const on = await call(ctx, 'mentorship_feedback_on_code', { path: 'src/orders.ts', repo: 'github.com/acme/bookshop', startLine: 5 });
    assert.match(on, /for Priya Nair · 2026-12-02 suggestion on acme\/bookshop src\/orders.ts:5: Name the magic number\./);
  });

  it('writes into hand-written files of unusual YAML style, keeping their comments and layout', async () => {
    const odd = [
      '# written by hand',
      'version: 1',
      'name: "Zoë Odd"',
      'status: active',
      'goals:',
      '- {id: g1, title: Flow style goal, status: active, progress: 5}   # flow style',
      'sessions:',
      '- id: s1       # not indented',
      '  date: 2026-11-20',
      '  notes: >-',
      '    folded',
      '    notes',
      '  private: keep me out',
      'feedback: []',
      '',
    ].join('\n');
    writeFileSync(path.join(root, 'mentees', 'zoe-odd.yaml'), odd);
    await nb.refresh(path.join(root, 'mentees', 'zoe-odd.yaml'));
    assert.match(await call(ctx, 'mentorship_check_in', { mentee: 'Zoë', goal: 'g1', progress: 30 }), /^Done:/);
    assert.match(await call(ctx, 'mentorship_add_agenda_topic', { mentee: 'zoe-odd', text: 'Flow style', by: 'mentee' }), /^Done:/);
    const text = readFileSync(path.join(root, 'mentees', 'zoe-odd.yaml'), 'utf8');
    // The goal's one line is rewritten in its flow style; the agenda is added at the end; nothing else moves.
    const changed = text.split('\n').filter((l) => !odd.split('\n').includes(l));
    assert.deepEqual(changed, ['- { id: g1, title: Flow style goal, status: active, progress: 30, checkIns: [ { date: 2026-12-02, progress: 30 } ] }   # flow style', 'agenda:', '  - id: t-flow-style', '    text: Flow style', '    by: mentee', '    added: 2026-12-02']);
    for (const kept of ['# written by hand', '# flow style', '- id: s1       # not indented', '  notes: >-', '    folded', '  private: keep me out']) {
      assert.ok(text.includes(kept), `kept: ${kept}\n${text}`);
    }
    const overview = await call(ctx, 'mentorship_mentee_overview', { mentee: 'Zoë Odd' });
    assert.match(overview, /Flow style goal `g1`: active, 30%/);
    assert.match(overview, /Notes: folded notes/);
    assert.doesNotMatch(overview, /keep me out/);
  });

  it('tells two mentees of the same name apart by where their files live', async () => {
    const other = demoCopy();
    const two = await notebookOf(root, other);
    try {
      const c = { notebook: notebookForTools(two), today: TODAY };
      await assert.rejects(call(c, 'mentorship_prepare_session', { mentee: 'Ana' }), /'Ana' is more than one mentee: Ana Souza \(place 0\), Ana Souza \(place 1\)\. Give the file's path as the mentee\./);
      const file = path.join(other, 'mentees', 'ana-souza.yaml');
      assert.match(await call(c, 'mentorship_prepare_session', { mentee: file }), /Next session with Ana Souza/);
    } finally {
      two.dispose();
      rmSync(path.dirname(other), { recursive: true, force: true });
    }
  });
});
