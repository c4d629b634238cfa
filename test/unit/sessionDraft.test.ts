import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import type { Mentee } from '../../src/core/domain/model';
import { minutesBetween, parseDraft, renderDraft } from '../../src/core/render/sessionDraft';

const ana: Mentee = {
  version: 1,
  name: 'Ana Souza',
  status: 'active',
  goals: [
    { id: 'g-tests', title: 'Contract tests', status: 'active', progress: 60 },
    { id: 'g-old', title: 'Old', status: 'done', progress: 100 },
  ],
  sessions: [
    {
      id: 's1',
      date: '2026-11-03',
      actions: [
        { id: 'a-fixtures', text: 'Fixture builder', owner: 'mentee', due: '2026-11-20' },
        { id: 'a-template', text: 'Share template', owner: 'mentor' },
        { id: 'a-done', text: 'Already done', owner: 'mentee', done: true },
      ],
    },
  ],
  feedback: [],
};

describe('session drafts', () => {
  const draft = renderDraft(ana, 'ana-souza', '2026-11-28T09:00:00.000Z', '2026-11-28');

  it('lists the open action items and active goals as a checklist to walk through', () => {
    assert.match(draft, /^<!-- mentorship-session: mentee=ana-souza started=2026-11-28T09:00:00.000Z -->/);
    assert.match(draft, /- \[ \] Fixture builder \(mentee, due 2026-11-20\) <!-- action:a-fixtures -->/);
    assert.match(draft, /- \[ \] Share template \(mentor\) <!-- action:a-template -->/);
    assert.ok(!draft.includes('Already done'));
    assert.match(draft, /- Contract tests: 60% → 60% <!-- goal:g-tests -->/);
    assert.ok(!draft.includes('g-old'));
  });

  it('an untouched draft becomes an empty session', () => {
    const p = parseDraft(draft);
    assert.deepEqual(p, {
      slug: 'ana-souza',
      started: '2026-11-28T09:00:00.000Z',
      topics: [],
      notes: '',
      private: '',
      wins: [],
      setbacks: [],
      doneActions: [],
      checkIns: [],
      newActions: [],
      agendaDiscussed: [],
    });
  });

  it('reads ticked items, new progress, topics, notes, private notes, wins and new action items', () => {
    const typed = draft
      .replace('- [ ] Fixture builder', '- [x] Fixture builder')
      .replace('60% → 60%', '60% → 75%')
      .replace('## Topics (one per line)\n- ', '## Topics (one per line)\n- testing\n- design review')
      .replace('## Notes\n\n', '## Notes\n\nTalked about fixtures.\nAnd about the design doc.\n')
      .replace('## Private notes (never exported)\n\n', '## Private notes (never exported)\n\nTired this week.\n')
      .replace('## Wins\n- ', '## Wins\n- Fixtures merged')
      .replace('- mentee: ', '- mentee: Finish the design doc, due 2026-12-05\n- mentor: Ask for a reviewer\n- nobody: ignored');
    const p = parseDraft(typed);
    assert.ok(p);
    assert.deepEqual(p.doneActions, ['a-fixtures']);
    assert.deepEqual(p.checkIns, [{ goalId: 'g-tests', progress: 75 }]);
    assert.deepEqual(p.topics, ['testing', 'design review']);
    assert.equal(p.notes, 'Talked about fixtures.\nAnd about the design doc.');
    assert.equal(p.private, 'Tired this week.');
    assert.deepEqual(p.wins, ['Fixtures merged']);
    assert.deepEqual(p.newActions, [
      { text: 'Finish the design doc', owner: 'mentee', due: '2026-12-05', done: false },
      { text: 'Ask for a reviewer', owner: 'mentor', done: false },
    ]);
  });

  it('refuses a file that is not a draft, and computes the duration from start to end', () => {
    assert.equal(parseDraft('# notes\n'), undefined);
    assert.equal(minutesBetween('2026-11-28T09:00:00.000Z', new Date('2026-11-28T09:47:20Z')), 47);
    assert.equal(minutesBetween('2026-11-28T09:00:00.000Z', new Date('2026-11-28T08:00:00Z')), undefined);
    assert.equal(minutesBetween('garbage', new Date()), undefined);
  });
});

describe('session drafts: since the last session', () => {
  it("opens with what was logged since the last session, which End Session does not read back", async () => {
    const store = new MentorshipStore(new NodeFileSystem(), path.join(__dirname, '..', '..', 'demo', '.mentorship'));
    await store.load();
    const demoAna = store.bySlug('ana-souza')?.data;
    assert.ok(demoAna);
    const withCheckIn = { ...demoAna, goals: demoAna.goals.map((g) => (g.id === 'g-design-review' ? { ...g, checkIns: [{ date: '2026-11-25', progress: 25, note: 'Outline agreed' }] } : g)) };
    const text = renderDraft(withCheckIn, 'ana-souza', '2026-12-02T09:00:00.000Z', '2026-12-02');
    assert.match(text, /> Run "Mentorship: End Session"[^\n]*\n\n### Since the last session \(2026-11-17\)\n- 2026-11-18 · feedback \(thought\): The discount engine could become its own module once the design settles\.\n- 2026-11-25 · check-in on "Lead a design review": 25% — Outline agreed\n\n## Open action items/);
    const parsed = parseDraft(text);
    assert.deepEqual(parsed?.topics, []);
    assert.deepEqual(parsed?.checkIns, [], 'the check-in above is not taken as new progress');
    const quiet = renderDraft({ ...demoAna, feedback: [] }, 'ana-souza', '2026-12-02T09:00:00.000Z', '2026-12-02');
    assert.match(quiet, /### Since the last session \(2026-11-17\)\n- Nothing logged since\.\n/);
    const first = renderDraft({ ...demoAna, sessions: [] }, 'ana-souza', '2026-12-02T09:00:00.000Z', '2026-12-02');
    assert.doesNotMatch(first, /Since the last session/, 'a first session has no last one');
    store.dispose();
  });
});
