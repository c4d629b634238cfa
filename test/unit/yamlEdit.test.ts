import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, type Edit } from '../../src/core/storage/yamlEdit';

/** A hand-written file with everything a person might write: comments, anchors, flow and block styles. */
export const HAND_WRITTEN = `# Ana's mentorship — private notes, do not share
version: 1
name: "Ana Souza"   # she prefers Ana
role: Backend engineer
since: 2026-03-02
status: active
cadence: biweekly
focus: [testing, 'system design']   # agreed in the first session
x-team: &team payments   # unknown key, kept
defaults: &defaults
  owner: mentee
goals:
  # The big one
  - id: g-tests
    title: Write API tests
    specific: >
      Cover the payments API
      with contract tests.
    measurable: 80% of endpoints
    due: 2026-12-15
    status: active
    progress: 40
    <<: *defaults
    checkIns:
      - {date: 2026-10-01, progress: 20}
      - date: 2026-11-01
        progress: 40
        note: |
          Good pace.
          Blocked on fixtures.

  - id: g-design
    title: 'Lead a design review'
    progress: 10
    team: *team
sessions:
- id: s-1
  date: 2026-10-01   # first
  notes: |-
    Talked about tests.
      Indented line kept.
  topics:
    - testing
feedback: []
# trailing comment
`;

function untouchedLinesSurvive(before: string, after: string): void {
  // Every line of the original appears in the result, in order (edits only insert or replace lines).
  const a = after.split('\n');
  let j = 0;
  const missing: string[] = [];
  for (const line of before.split('\n')) {
    const k = a.indexOf(line, j);
    if (k < 0) {
      missing.push(line);
    } else {
      j = k + 1;
    }
  }
  assert.deepEqual(missing, [], 'lines lost or changed');
}

function run(edits: Edit[], text = HAND_WRITTEN): string {
  const r = applyEdits(text, edits);
  assert.equal(r.surgical, true, 'expected a surgical edit');
  return r.text;
}

describe('yamlEdit: surgical edits keep every untouched byte', () => {
  it('appends a session to a block sequence at column 0', () => {
    const out = run([{ op: 'append', path: ['sessions'], value: { id: 's-2', date: '2026-11-28', topics: ['api', 'tests'], notes: 'Line one\nLine two' } }]);
    untouchedLinesSurvive(HAND_WRITTEN, out);
    const data = parse(out, { merge: true });
    assert.equal(data.sessions.length, 2);
    assert.deepEqual(data.sessions[1], { id: 's-2', date: '2026-11-28', topics: ['api', 'tests'], notes: 'Line one\nLine two' });
    assert.ok(out.includes('# trailing comment'));
  });

  it('appends a check-in to a nested sequence holding flow and block items', () => {
    const out = run([{ op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-20', progress: 55, note: 'Fixtures done' } }]);
    untouchedLinesSurvive(HAND_WRITTEN, out);
    const data = parse(out, { merge: true });
    assert.deepEqual(data.goals[0].checkIns[2], { date: '2026-11-20', progress: 55, note: 'Fixtures done' });
    assert.equal(data.goals[0].checkIns[1].note, 'Good pace.\nBlocked on fixtures.\n');
  });

  it('replaces a scalar and keeps its trailing comment and quoting', () => {
    const out = run([{ op: 'set', path: ['name'], value: 'Ana S.' }]);
    assert.ok(out.includes('name: "Ana S."   # she prefers Ana\n'), out);
    assert.equal(out.split('\n').filter((l, i) => l !== HAND_WRITTEN.split('\n')[i]).length, 1);
  });

  it('sets progress and status inside a goal that uses a merge key', () => {
    const out = run([
      { op: 'set', path: ['goals', 0, 'progress'], value: 100 },
      { op: 'set', path: ['goals', 0, 'status'], value: 'done' },
    ]);
    const changed = out.split('\n').filter((l, i) => l !== HAND_WRITTEN.split('\n')[i]);
    assert.deepEqual(changed, ['    status: done', '    progress: 100']);
  });

  it('adds a missing key to a map inside a sequence', () => {
    const out = run([{ op: 'set', path: ['goals', 1, 'due'], value: '2027-01-31' }]);
    untouchedLinesSurvive(HAND_WRITTEN, out);
    assert.ok(out.includes("    team: *team\n    due: 2027-01-31\n"), out);
  });

  it('adds to an empty flow list and to a flow list of scalars', () => {
    let out = run([{ op: 'append', path: ['feedback'], value: { id: 'f-1', date: '2026-11-28', kind: 'praise', text: 'Clean code' } }]);
    assert.equal(parse(out).feedback[0].text, 'Clean code');
    untouchedLinesSurvive(HAND_WRITTEN.replace('feedback: []\n', ''), out);
    out = run([{ op: 'append', path: ['focus'], value: 'mentoring' }]);
    assert.ok(out.includes("focus: [ testing, system design, mentoring ]   # agreed in the first session") || out.includes('mentoring'), out);
    assert.deepEqual(parse(out).focus, ['testing', 'system design', 'mentoring']);
    assert.ok(out.includes('# agreed in the first session'));
  });

  it('a flow list that gains an item keeps its own spacing and quoting', () => {
    const focus = run([{ op: 'append', path: ['focus'], value: 'mentoring' }]);
    assert.equal(focus, HAND_WRITTEN.replace("focus: [testing, 'system design']", "focus: [testing, 'system design', mentoring]"));
    const profile = 'version: 1\nstrengths: [listening, calm code reviews]\n';
    assert.equal(applyEdits(profile, [{ op: 'append', path: ['strengths'], value: 'pairing' }]).text, 'version: 1\nstrengths: [listening, calm code reviews, pairing]\n');
    const spaced = "tags: [ 'a', 'b' ]  # spaced and quoted\n";
    assert.equal(applyEdits(spaced, [{ op: 'append', path: ['tags'], value: 'c' }]).text, "tags: [ 'a', 'b', 'c' ]  # spaced and quoted\n");
    assert.equal(applyEdits('topics: []\n', [{ op: 'append', path: ['topics'], value: 'testing' }]).text, 'topics: [testing]\n');
    assert.equal(applyEdits('topics: [a,b]\n', [{ op: 'append', path: ['topics'], value: 'c' }]).text, 'topics: [a,b,c]\n');
  });

  it('adds a new top-level key with a nested map', () => {
    const out = run([{ op: 'set', path: ['closing'], value: { date: '2026-12-31', achievements: ['Shipped tests'] } }]);
    untouchedLinesSurvive(HAND_WRITTEN, out);
    assert.deepEqual(parse(out).closing, { date: '2026-12-31', achievements: ['Shipped tests'] });
  });

  it('removes a sequence item and leaves its neighbours', () => {
    const out = run([{ op: 'remove', path: ['goals', 1] }]);
    const data = parse(out, { merge: true });
    assert.equal(data.goals.length, 1);
    assert.equal(data.goals[0].id, 'g-tests');
    assert.ok(out.includes('        note: |\n          Good pace.\n'));
    assert.ok(out.includes('sessions:\n- id: s-1\n'));
  });

  it('removing the last item leaves an empty list, not null', () => {
    const out = run([{ op: 'remove', path: ['sessions', 0] }]);
    assert.deepEqual(parse(out).sessions, []);
    untouchedLinesSurvive(HAND_WRITTEN.replace(/sessions:\n[\s\S]*?feedback/, 'feedback'), out);
  });

  it('keeps CRLF line ends and the file without a final newline', () => {
    const crlf = 'version: 1\r\nname: Bo # hi\r\ngoals:\r\n  - id: a\r\n    title: A\r\n';
    const out = run([{ op: 'append', path: ['goals'], value: { id: 'b', title: 'B' } }], crlf);
    assert.ok(out.startsWith('version: 1\r\nname: Bo # hi\r\ngoals:\r\n  - id: a\r\n    title: A\r\n  - id: b\r\n'), JSON.stringify(out));
    const noEol = 'version: 1\nname: Bo';
    const out2 = run([{ op: 'set', path: ['role'], value: 'Dev' }], noEol);
    assert.deepEqual(parse(out2), { version: 1, name: 'Bo', role: 'Dev' });
  });

  it('fills a key that has no value yet', () => {
    const text = 'version: 1\nname: Bo\ngoals:\nsessions: # none yet\n';
    const out = run(
      [
        { op: 'append', path: ['goals'], value: { id: 'a', title: 'A' } },
        { op: 'append', path: ['sessions'], value: { id: 's', date: '2026-01-01' } },
      ],
      text,
    );
    const data = parse(out);
    assert.deepEqual(data.goals, [{ id: 'a', title: 'A' }]);
    assert.deepEqual(data.sessions, [{ id: 's', date: '2026-01-01' }]);
    assert.ok(out.includes('# none yet'));
  });

  it('quotes values that would otherwise change meaning', () => {
    const out = run([{ op: 'set', path: ['role'], value: 'yes: no # not a comment' }]);
    assert.equal(parse(out).role, 'yes: no # not a comment');
    const out2 = run([{ op: 'set', path: ['role'], value: '123' }]);
    assert.equal(parse(out2).role, '123');
  });

  it('refuses to edit a file that does not parse', () => {
    assert.throws(() => applyEdits('name: [unclosed\n', [{ op: 'set', path: ['role'], value: 'x' }]));
  });
});
