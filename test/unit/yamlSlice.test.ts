/**
 * Edits of large files parse only the part they touch (a top-level key, or one item of a top-level list).
 * The result is the same splice as on the whole file: every byte outside the touched entry is kept, and
 * the data is what the edit says.
 */
import * as assert from 'node:assert/strict';
import { menteeYaml, rng } from '../../bench/generate';
import { loadPlain } from '../../src/core/storage/plain';
import { applyEdits, type Edit } from '../../src/core/storage/yamlEdit';

/** The one place where `after` differs from `before`: what was taken out and what was put in. */
function change(before: string, after: string): { removed: string; inserted: string } {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) {
    p++;
  }
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) {
    s++;
  }
  return { removed: before.slice(p, before.length - s), inserted: after.slice(p, after.length - s) };
}

/** `text` without the lines from the one starting with `from` up to the one starting with `to`. */
function without(text: string, from: string, to: string): string {
  const a = text.indexOf(`\n${from}`) + 1;
  const b = text.indexOf(`\n${to}`, a) + 1;
  assert.ok(a > 0 && b > a);
  return text.slice(0, a) + text.slice(b);
}

describe('yaml edits on slices of large files', () => {
  // ~200 KB, with hand-written comments between entries and after values.
  const big = menteeYaml(rng(7), 0, { goals: 12, sessions: 120, feedback: 300 })
    .replace('\nsessions:\n', '\nsessions: # newest last\n')
    .replace('\n  - id: s-3\n', '\n  # the holiday gap\n  - id: s-3\n')
    .replace('\nfeedback:\n', '\n# ---- feedback ----\nfeedback:\n');
  const data = loadPlain(big) as { goals: { checkIns?: unknown[] }[]; sessions: { id: string; actions?: unknown[] }[]; feedback: unknown[] };
  const withAction = data.sessions.findIndex((x) => (x.actions?.length ?? 0) > 0);

  it('the generated file is large enough to be edited in slices', () => {
    assert.ok(big.length > 150_000, String(big.length));
    assert.ok(withAction >= 0);
  });

  const cases: [string, Edit, (c: { removed: string; inserted: string }, after: string) => void][] = [
    [
      'adds a session after the last one, in the list’s own style',
      { op: 'append', path: ['sessions'], value: { id: 's-new', date: '2026-11-30', topics: ['testing'], notes: 'Sliced' } },
      (c) => {
        assert.equal(c.removed, '');
        assert.equal(c.inserted, '  - id: s-new\n    date: 2026-11-30\n    topics:\n      - testing\n    notes: Sliced\n');
      },
    ],
    [
      'adds a check-in to the fourth goal',
      { op: 'append', path: ['goals', 3, 'checkIns'], value: { date: '2026-11-30', progress: 55 } },
      (c, after) => {
        assert.equal(c.removed, '');
        assert.equal(c.inserted.length, '      - date: 2026-11-30\n        progress: 55\n'.length);
        assert.ok(after.includes('\n      - date: 2026-11-30\n        progress: 55\n'));
      },
    ],
    [
      'sets the progress of a goal',
      { op: 'set', path: ['goals', 5, 'progress'], value: 77 },
      (c) => {
        assert.ok(c.removed.length < 4 && c.inserted.includes('77'), JSON.stringify(c));
      },
    ],
    [
      'ticks an action item of a session',
      { op: 'set', path: ['sessions', withAction, 'actions', 0, 'done'], value: true },
      (c) => assert.ok(c.removed.length + c.inserted.length < 40, JSON.stringify(c)),
    ],
    [
      'removes a piece of feedback',
      { op: 'remove', path: ['feedback', 5] },
      (_c, after) => assert.equal(after, without(big, '  - id: f-5\n', '  - id: f-6\n')),
    ],
    [
      'removes a session, keeping the comment above the next one',
      { op: 'remove', path: ['sessions', 2] },
      (_c, after) => assert.equal(after, without(big, '  - id: s-2\n', '  # the holiday gap\n')),
    ],
    ['sets a top-level field', { op: 'set', path: ['cadence'], value: 'weekly' }, (c) => assert.ok(c.inserted.length < 10 && c.removed.length < 10, JSON.stringify(c))],
  ];

  for (const [what, edit, check] of cases) {
    it(what, () => {
      const r = applyEdits(big, [edit]);
      assert.ok(r.surgical, 'spliced, not re-rendered');
      check(change(big, r.text), r.text);
      for (const comment of ['sessions: # newest last', '  # the holiday gap', '# ---- feedback ----', '— generated for benchmarks']) {
        assert.ok(r.text.includes(comment), comment);
      }
      assert.deepEqual(r.data, loadPlain(r.text));
    });
  }

  it('several edits in one change, each on its own slice (a session with a check-in and a ticked item)', () => {
    const edits: Edit[] = [
      { op: 'set', path: ['sessions', withAction, 'actions', 0, 'done'], value: true },
      { op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-30', progress: 40 } },
      { op: 'set', path: ['goals', 0, 'progress'], value: 40 },
      { op: 'append', path: ['sessions'], value: { id: 's-new', date: '2026-11-30' } },
    ];
    const r = applyEdits(big, edits);
    assert.ok(r.surgical);
    const after = loadPlain(r.text) as typeof data & { goals: { progress: number }[] };
    assert.equal(after.goals[0].progress, 40);
    assert.equal(after.sessions.at(-1)?.id, 's-new');
    // The data read for the next edit is the one this edit produced, never changed by it.
    const again = applyEdits(r.text, [{ op: 'set', path: ['goals', 0, 'progress'], value: 45 }]);
    assert.equal((loadPlain(again.text) as { goals: { progress: number }[] }).goals[0].progress, 45);
    assert.equal(after.goals[0].progress, 40);
    assert.equal((r.data as { goals: { progress: number }[] }).goals[0].progress, 40);
  });

  it('files that are not a plain block mapping at column 0 are edited whole, with the same result', () => {
    const indentless = big.replace(/^sessions:.*\n((?: {2}.*\n|\n| *#.*\n)+)/m, (_m, body: string) => `sessions:\n${body.replace(/^ {2}/gm, '')}`);
    assert.notEqual(indentless, big);
    const r = applyEdits(indentless, [{ op: 'append', path: ['sessions'], value: { id: 's-new', date: '2026-11-30' } }]);
    assert.equal((loadPlain(r.text) as typeof data).sessions.at(-1)?.id, 's-new');
    assert.equal(change(indentless, r.text).removed, '');
  });
});
