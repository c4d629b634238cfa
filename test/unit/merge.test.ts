/** The merge by entry ids: what git's merge driver and the Resolve action do with a shared mentee file. */
import * as assert from 'node:assert/strict';
import * as yaml from 'yaml';
import { rng } from '../../bench/generate';
import { conflictMarkerLine } from '../../src/core/storage/markers';
import { mergeTexts, type MergeConflict } from '../../src/core/sharing/merge';
import { applyEdits, type Edit } from '../../src/core/storage/yamlEdit';
import type { Mentee } from '../../src/core/domain/model';
import { menteeData } from '../support/parsed';

const BASE = `# Ana's mentorship, shared with Ana
version: 1
name: Ana Souza
status: active
cadence: biweekly
goals:
  - id: g-tests # agreed on 2026-09-01
    title: Contract tests for the order API
    status: active
    progress: 20
    checkIns:
      - { date: 2026-09-08, progress: 20 }
sessions:
  - id: s-2026-11-03
    date: 2026-11-03
    notes: Progress on contract tests.
feedback: []
`;


describe('merge by entry ids', () => {
  it('keeps a check-in from the mentee and a session from the mentor, with the local comments', () => {
    const theirs = applyEdits(BASE, [
      { op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-20', progress: 45, note: 'First endpoint covered' } },
      { op: 'set', path: ['goals', 0, 'progress'], value: 45 },
    ]).text;
    const ours = applyEdits(BASE.replace('sessions:\n', 'sessions: # newest last\n'), [
      { op: 'append', path: ['sessions'], value: { id: 's-2026-11-17', date: '2026-11-17', notes: 'Design doc review.' } },
    ]).text;
    const r = mergeTexts(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.ok(r.text);
    const m = menteeData(r.text);
    assert.equal(m.goals[0].progress, 45);
    assert.deepEqual(m.goals[0].checkIns?.map((c) => c.progress), [20, 45]);
    assert.deepEqual(m.sessions.map((s) => s.id), ['s-2026-11-03', 's-2026-11-17']);
    for (const comment of ["# Ana's mentorship, shared with Ana", '# agreed on 2026-09-01', '# newest last']) {
      assert.ok(r.text.includes(comment), comment);
    }
    // The local layout is untouched where nothing changed: the flow-style check-in stays as written.
    assert.ok(r.text.includes('      - { date: 2026-09-08, progress: 20 }\n'));
  });

  it('reports the same field changed differently on both sides, and only that', () => {
    const ours = applyEdits(BASE, [
      { op: 'set', path: ['goals', 0, 'progress'], value: 40 },
      { op: 'set', path: ['cadence'], value: 'weekly' },
    ]).text;
    const theirs = applyEdits(BASE, [
      { op: 'set', path: ['goals', 0, 'progress'], value: 50 },
      { op: 'set', path: ['sessions', 0, 'notes'], value: 'Progress on contract tests; fixtures are the blocker.' },
    ]).text;
    const r = mergeTexts(BASE, ours, theirs);
    assert.equal(r.text, undefined);
    assert.equal(r.conflicts.length, 1);
    assert.deepEqual(r.conflicts[0].where, ['goals', 'g-tests', 'progress']);
    assert.equal(r.conflicts[0].label, '“Contract tests for the order API” › progress');
    assert.deepEqual([r.conflicts[0].ours, r.conflicts[0].theirs, r.conflicts[0].base], [40, 50, 20]);
    // Settled one way or the other, everything else merges.
    for (const [choice, progress] of [['ours', 40], ['theirs', 50]] as const) {
      const settled = mergeTexts(BASE, ours, theirs, () => choice);
      assert.ok(settled.text);
      const m = menteeData(settled.text);
      assert.equal(m.goals[0].progress, progress);
      assert.equal(m.cadence, 'weekly');
      assert.equal(m.sessions[0].notes, 'Progress on contract tests; fixtures are the blocker.');
    }
  });

  it('removes an entry removed on one side; removed there and changed here is a conflict', () => {
    const twoSessions = applyEdits(BASE, [{ op: 'append', path: ['sessions'], value: { id: 's-2', date: '2026-11-17' } }]).text;
    const removed = applyEdits(twoSessions, [{ op: 'remove', path: ['sessions', 0] }]).text;
    const r = mergeTexts(twoSessions, twoSessions, removed);
    assert.ok(r.text);
    assert.deepEqual(menteeData(r.text).sessions.map((s) => s.id), ['s-2']);
    const changed = applyEdits(twoSessions, [{ op: 'set', path: ['sessions', 0, 'duration'], value: 45 }]).text;
    const c = mergeTexts(twoSessions, changed, removed);
    assert.deepEqual(c.conflicts.map((x) => x.where.join('/')), ['sessions/s-2026-11-03']);
    assert.equal(c.conflicts[0].theirs, undefined);
    const taken = mergeTexts(twoSessions, changed, removed, () => 'theirs');
    assert.ok(taken.text);
    assert.deepEqual(menteeData(taken.text).sessions.map((s) => s.id), ['s-2']);
  });

  it('the same new entry on both sides is kept once; lists without ids merge as sets', () => {
    const entry = { id: 'f-1', date: '2026-11-20', kind: 'praise', text: 'Clear names' };
    const ours = applyEdits(BASE, [
      { op: 'append', path: ['feedback'], value: entry },
      { op: 'set', path: ['focus'], value: ['testing', 'API design'] },
    ]).text;
    const theirs = applyEdits(BASE, [
      { op: 'append', path: ['feedback'], value: entry },
      { op: 'set', path: ['focus'], value: ['testing', 'design reviews'] },
    ]).text;
    const r = mergeTexts(BASE, ours, theirs);
    assert.ok(r.text);
    const m = menteeData(r.text);
    assert.equal(m.feedback.length, 1);
    assert.deepEqual(m.focus, ['testing', 'API design', 'design reviews']);
  });

  it('an unreadable side is said, with which one', () => {
    assert.throws(() => mergeTexts(BASE, BASE, 'name: [unclosed\n'), /theirs: /);
  });

  it('finds the markers git leaves, and only a complete set of them', () => {
    assert.equal(conflictMarkerLine('a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 3\n>>>>>>> theirs\n'), 2);
    assert.equal(conflictMarkerLine('notes: |\n  =======\n'), undefined);
    assert.equal(conflictMarkerLine(BASE), undefined);
  });
});

// ---------------------------------------------------------------------------------------------------
// Random concurrent edits on both sides of a common ancestor.

function baseMentee(): Record<string, unknown> {
  return {
    version: 1,
    name: 'Ana Souza',
    status: 'active',
    cadence: 'biweekly',
    goals: [0, 1, 2].map((i) => ({ id: `g${i}`, title: `Goal ${i}`, status: 'active', progress: 10 * i, checkIns: [{ date: '2026-09-01', progress: 10 * i }] })),
    sessions: [0, 1, 2, 3].map((i) => ({ id: `s${i}`, date: `2026-10-0${i + 1}`, notes: `Session ${i}`, actions: [{ id: `a${i}`, text: `Action ${i}`, owner: 'mentee' }] })),
    feedback: [0, 1, 2].map((i) => ({ id: `f${i}`, date: '2026-10-01', kind: 'praise', text: `Feedback ${i}` })),
  };
}

interface SideLog {
  added: Map<string, string>; // id → list path it was added to (e.g. "sessions", "sessions/s1/actions")
  removed: Set<string>; // "list/id"
  modified: Set<string>; // "list/id" of entries changed in place
  fields: Map<string, unknown>; // "list/id/field" → value set
  checkIns: Set<string>; // notes of added check-ins
}

/** Applies a few random changes to `text` as one side would, and logs what it did. */
function edit(text: string, side: 'ours' | 'theirs', rnd: () => number, log: SideLog): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const steps = 1 + Math.floor(rnd() * 5);
  let out = text;
  for (let n = 0; n < steps; n++) {
    const m = yaml.parse(out) as { goals: Record<string, unknown>[]; sessions: Record<string, unknown>[]; feedback: Record<string, unknown>[] };
    const op = Math.floor(rnd() * 7);
    const edits: Edit[] = [];
    const live = (list: 'sessions' | 'feedback') => m[list].map((e, i) => ({ e, i })).filter(({ e }) => !log.added.has(e.id as string) || log.added.get(e.id as string) === list);
    if (op === 0) {
      const id = `${side}-s${n}`;
      edits.push({ op: 'append', path: ['sessions'], value: { id, date: '2026-11-20', notes: `${side} session` } });
      log.added.set(id, 'sessions');
    } else if (op === 1) {
      const gi = Math.floor(rnd() * m.goals.length);
      const note = `${side} check-in ${n}`;
      edits.push({ op: 'append', path: ['goals', gi, 'checkIns'], value: { date: '2026-11-20', progress: 50, note } });
      log.checkIns.add(note);
    } else if (op === 2) {
      const gi = Math.floor(rnd() * m.goals.length);
      const value = pick([30, 40, 50, 60]);
      if (m.goals[gi].progress === value) {
        continue;
      }
      edits.push({ op: 'set', path: ['goals', gi, 'progress'], value });
      log.fields.set(`goals/${m.goals[gi].id as string}/progress`, value);
    } else if (op === 3) {
      const candidates = live('sessions');
      if (candidates.length === 0) {
        continue;
      }
      const { e, i } = pick(candidates);
      const value = pick(['Went well.', 'Short one.', `${side} notes`]);
      if (e.notes === value) {
        continue;
      }
      edits.push({ op: 'set', path: ['sessions', i, 'notes'], value });
      log.fields.set(`sessions/${e.id as string}/notes`, value);
      log.modified.add(`sessions/${e.id as string}`);
    } else if (op === 4) {
      const candidates = live('sessions');
      if (candidates.length === 0) {
        continue;
      }
      const { e, i } = pick(candidates);
      const id = `${side}-a${n}`;
      edits.push({ op: 'append', path: ['sessions', i, 'actions'], value: { id, text: `${side} action`, owner: 'mentor' } });
      log.added.set(id, `sessions/${e.id as string}/actions`);
      log.modified.add(`sessions/${e.id as string}`);
    } else if (op === 5) {
      const list = pick(['sessions', 'feedback'] as const);
      const candidates = live(list).filter(({ e }) => !log.added.has(e.id as string) && !log.modified.has(`${list}/${e.id as string}`));
      if (candidates.length === 0) {
        continue;
      }
      const { e, i } = pick(candidates);
      edits.push({ op: 'remove', path: [list, i] });
      log.removed.add(`${list}/${e.id as string}`);
    } else {
      const candidates = live('feedback');
      if (candidates.length === 0) {
        continue;
      }
      const { e, i } = pick(candidates);
      const value = !(e.resolved === true);
      edits.push({ op: 'set', path: ['feedback', i, 'resolved'], value });
      log.fields.set(`feedback/${e.id as string}/resolved`, value);
      log.modified.add(`feedback/${e.id as string}`);
    }
    out = applyEdits(out, edits).text;
  }
  return out;
}

function newLog(): SideLog {
  return { added: new Map(), removed: new Set(), modified: new Set(), fields: new Map(), checkIns: new Set() };
}

function expectedConflicts(o: SideLog, t: SideLog): string[] {
  const keys = new Set<string>();
  for (const [key, value] of o.fields) {
    const entry = key.split('/').slice(0, 2).join('/');
    if (t.fields.has(key) && t.fields.get(key) !== value && !o.removed.has(entry) && !t.removed.has(entry)) {
      keys.add(key);
    }
  }
  for (const [a, b] of [[o, t], [t, o]] as const) {
    for (const entry of a.removed) {
      if (b.modified.has(entry)) {
        keys.add(entry);
      }
    }
  }
  return [...keys].sort();
}

function find(m: Mentee, listPath: string, id: string): unknown {
  const parts = listPath.split('/');
  let list: unknown = m as unknown;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i];
    if (i % 2 === 1) {
      list = (list as { id: string }[]).find((e) => e.id === key);
    } else {
      list = (list as Record<string, unknown> | undefined)?.[key];
    }
  }
  return (list as { id: string }[] | undefined)?.find((e) => e.id === id);
}

describe('merge by entry ids: random concurrent edits on both sides', () => {
  it('keeps every added entry, takes one-sided changes and reports exactly the real conflicts (300 cases)', () => {
    const base = `# shared file\n${yaml.stringify(baseMentee())}`;
    let withConflicts = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = rng(seed); // seeded, so a failing case can be run again
      const o = newLog();
      const t = newLog();
      const localBase = base.replace('goals:\n', 'goals: # kept-comment\n');
      const ours = edit(localBase, 'ours', rnd, o);
      const theirs = edit(base, 'theirs', rnd, t);
      const context = `seed ${seed}\n--- ours\n${ours}\n--- theirs\n${theirs}`;
      const expected = expectedConflicts(o, t);
      const r = mergeTexts(base, ours, theirs);
      assert.deepEqual(r.conflicts.map((c: MergeConflict) => c.where.join('/')).sort(), expected, context);
      if (expected.length > 0) {
        withConflicts++;
        assert.equal(r.text, undefined, context);
        continue;
      }
      assert.ok(r.text, context);
      assert.ok(r.text.includes('# kept-comment'), `${context}\nthe local comment is kept`);
      const m = menteeData(r.text);
      for (const log of [o, t]) {
        for (const [id, list] of log.added) {
          assert.ok(find(m, list, id), `${context}\n${list} ${id} is in the result`);
        }
        for (const entry of log.removed) {
          const [list, id] = entry.split('/');
          assert.equal(find(m, list, id), undefined, `${context}\n${entry} is gone`);
        }
        for (const [key, value] of log.fields) {
          const [list, id, field] = key.split('/');
          const e = find(m, list, id) as Record<string, unknown> | undefined;
          if (e) {
            assert.deepEqual(e[field], value, `${context}\n${key}`);
          }
        }
        for (const note of log.checkIns) {
          assert.ok(m.goals.some((g) => g.checkIns?.some((c) => c.note === note)), `${context}\ncheck-in ${note}`);
        }
      }
    }
    // The generator does reach both outcomes.
    assert.ok(withConflicts > 20 && withConflicts < 280, `${withConflicts} of 300 with conflicts`);
  });
});

describe('merge: both sides checked in on the same goal', () => {
  const base = ['version: 1', 'name: Ana', 'status: active', 'goals:', '  - id: g1', '    title: Tests', '    status: active', '    progress: 40', '    checkIns:', '      - date: 2026-11-01', '        progress: 40', 'sessions: []', 'feedback: []', ''].join('\n');
  const ours = base.replace('    progress: 40\n    checkIns', '    progress: 70\n    checkIns').replace(/(\n {8}progress: 40\n)/, '$1      - date: 2026-11-10\n        progress: 70\n');
  const theirs = base.replace('    progress: 40\n    checkIns', '    progress: 80\n    checkIns').replace(/(\n {8}progress: 40\n)/, '$1      - date: 2026-11-05\n        progress: 80\n        note: from the mentee\n');

  it('keeps every check-in, in date order, with markers around the one real conflict only', async () => {
    const { markConflicts } = await import('../../src/core/sharing/merge');
    const marked = markConflicts(base, ours, theirs);
    assert.ok(marked);
    assert.deepEqual(
      marked.conflicts.map((c) => c.label),
      ['“Tests” › progress'],
    );
    const blocks = marked.text.split('\n').filter((l) => l.startsWith('<<<<<<<')).length;
    assert.equal(blocks, 1, marked.text);
    assert.match(marked.text, /<<<<<<< ours\n {4}progress: 70\n=======\n {4}progress: 80\n>>>>>>> theirs\n {4}checkIns:\n {6}- date: 2026-11-01\n {8}progress: 40\n {6}- date: 2026-11-05\n {8}progress: 80\n {8}note: from the mentee\n {6}- date: 2026-11-10\n {8}progress: 70\n/);
  });

  it('with no conflict, merges cleanly: both check-ins kept in date order', () => {
    const theirsSame = theirs.replace('    progress: 80\n    checkIns', '    progress: 40\n    checkIns');
    const r = mergeTexts(base, ours, theirsSame);
    assert.ok(r.text, 'merged');
    const m = yaml.parse(r.text) as Mentee;
    assert.deepEqual(m.goals[0].checkIns?.map((c) => [c.date, c.progress]), [['2026-11-01', 40], ['2026-11-05', 80], ['2026-11-10', 70]]);
    assert.equal(m.goals[0].progress, 70);
  });
});
