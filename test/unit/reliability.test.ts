/**
 * Reliability: generated files and edit sequences (fast-check), hostile input, concurrent writers and
 * writers killed mid-write. The figures of the run are written to test-results/reliability.json, which
 * docs/RELIABILITY.md quotes.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { CORE_SCHEMA } from 'js-yaml';
import { addGoal, addSession, checkIn, setGoalStatus, setMenteeFields } from '../../src/core/operations/changes';
import { decode, parseMentee } from '../../src/core/storage/parse';
import { MentorshipStore, StoreError } from '../../src/core/storage/store';
import { applyEdits } from '../../src/core/storage/yamlEdit';
import type { Edit } from '../../src/core/storage/yamlEdit';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { lineMapping } from '../../bench/history';

const ROOT = path.resolve(__dirname, '..', '..');
const report: Record<string, unknown> = {};
const hostile: string[] = [];

after(() => {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'test-results', 'reliability.json'), JSON.stringify({ ...report, hostileInputs: hostile }, null, 2) + '\n');
});

const plain = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

// ---------------------------------------------------------------------------------------------------
// Generated files: styles a person writes (comments, flow and block collections, quoting, block scalars).

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const text = fc.oneof(
  word,
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufeff\u2028\u2029\u0085]/.test(s)),
);
const comment = fc.option(word.map((w) => ` # ${w}`), { nil: '' });

function scalar(v: string, style: number): string {
  return style === 0 ? JSON.stringify(v) : style === 1 ? `'${v.replace(/'/g, "''")}'` : JSON.stringify(v);
}

const goalArb = fc.record({ id: word, title: text, progress: fc.integer({ min: 0, max: 100 }), style: fc.integer({ min: 0, max: 2 }), flow: fc.boolean(), c: comment });
const sessionArb = fc.record({ date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), notes: fc.option(text, { nil: undefined }), block: fc.boolean(), c: comment });

const fileArb = fc
  .record({
    name: text,
    role: fc.option(text, { nil: undefined }),
    unknown: fc.option(word, { nil: undefined }),
    goals: fc.array(goalArb, { maxLength: 4 }),
    sessions: fc.array(sessionArb, { maxLength: 4 }),
    indentSeq: fc.boolean(),
    crlf: fc.boolean(),
    header: comment,
  })
  .map((f) => {
    const ind = f.indentSeq ? '  ' : '';
    const lines = [`#${f.header || ' mentee'}`, 'version: 1', `name: ${scalar(f.name, 0)}`];
    if (f.role !== undefined) {
      lines.push(`role: ${scalar(f.role, 1)}   # role`);
    }
    if (f.unknown !== undefined) {
      lines.push(`x-${f.unknown}: {keep: [1, 2], note: "unknown key"}`);
    }
    const ids = new Set<string>();
    lines.push(f.goals.length ? 'goals:' : 'goals: []');
    f.goals.forEach((g, i) => {
      const id = ids.has(g.id) ? `${g.id}-${i}` : g.id;
      ids.add(id);
      if (g.flow) {
        lines.push(`${ind}- {id: ${id}, title: ${scalar(g.title, g.style)}, progress: ${g.progress}}${g.c}`);
      } else {
        lines.push(`${ind}- id: ${id}${g.c}`, `${ind}  title: ${scalar(g.title, g.style)}`, `${ind}  progress: ${g.progress}`);
      }
    });
    lines.push('', '# sessions follow');
    lines.push(f.sessions.length ? 'sessions:' : 'sessions: []');
    f.sessions.forEach((s, i) => {
      lines.push(`${ind}- id: s${i}${s.c}`, `${ind}  date: ${s.date}`);
      if (s.notes !== undefined) {
        if (s.block) {
          lines.push(`${ind}  notes: |`, ...s.notes.split('\n').map((l) => `${ind}    ${l.trimEnd() || 'x'}`));
        } else {
          lines.push(`${ind}  notes: ${scalar(s.notes, 0)}`);
        }
      }
    });
    lines.push('# end');
    const body = lines.join('\n') + '\n';
    return f.crlf ? body.replace(/\n/g, '\r\n') : body;
  });

type Op =
  | { kind: 'session'; date: string; notes: string }
  | { kind: 'goal'; title: string }
  | { kind: 'checkIn'; goal: number; progress: number }
  | { kind: 'status'; goal: number; status: 'done' | 'dropped' | 'active' }
  | { kind: 'role'; role: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('session' as const), date: fc.constantFrom('2026-11-28', '2027-01-02'), notes: text }),
  fc.record({ kind: fc.constant('goal' as const), title: text }),
  fc.record({ kind: fc.constant('checkIn' as const), goal: fc.nat(5), progress: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('status' as const), goal: fc.nat(5), status: fc.constantFrom('done' as const, 'dropped' as const, 'active' as const) }),
  fc.record({ kind: fc.constant('role' as const), role: text }),
);

/** The edits an operation makes, through the same functions the commands use. */
function editsOf(op: Op, text: string): Edit[] | undefined {
  const m = parseMentee(text).data;
  if (!m) {
    return undefined;
  }
  switch (op.kind) {
    case 'session':
      return addSession({ date: op.date, notes: op.notes })(m);
    case 'goal':
      return addGoal({ title: op.title, status: 'active', progress: 0 })(m);
    case 'checkIn':
      return m.goals[op.goal] ? checkIn(m.goals[op.goal].id, '2026-11-28', op.progress)(m) : undefined;
    case 'status':
      return m.goals[op.goal] ? setGoalStatus(m.goals[op.goal].id, op.status)(m) : undefined;
    case 'role':
      return setMenteeFields({ role: op.role })(m);
  }
}

/** What the data must be after an operation, computed independently of the splicer. */
function expected(before: Record<string, unknown>, op: Op, edits: Edit[]): Record<string, unknown> {
  const d = structuredClone(before) as Record<string, unknown> & { goals?: Record<string, unknown>[]; sessions?: Record<string, unknown>[] };
  const list = (k: 'goals' | 'sessions'): Record<string, unknown>[] => (Array.isArray(d[k]) ? (d[k] as Record<string, unknown>[]) : (d[k] = []));
  const newId = (e: Edit): string => ((e as { value: { id: string } }).value.id);
  switch (op.kind) {
    case 'session':
      list('sessions').push({ id: newId(edits[0]), date: op.date, notes: op.notes });
      break;
    case 'goal':
      list('goals').push({ id: newId(edits[0]), title: op.title, status: 'active', progress: 0 });
      break;
    case 'checkIn': {
      const g = list('goals')[op.goal];
      g.checkIns = [...(Array.isArray(g.checkIns) ? g.checkIns : []), { date: '2026-11-28', progress: op.progress }];
      g.progress = op.progress;
      break;
    }
    case 'status': {
      const g = list('goals')[op.goal];
      g.status = op.status;
      if (op.status === 'done' && g.progress !== 100) {
        g.progress = 100;
      }
      break;
    }
    case 'role':
      d.role = op.role;
      break;
  }
  return d;
}

/** Lines of `before` that are not part of a changed value must all be in `after`, in order (by a line diff). */
function untouchedSurvive(before: string, after: string, op: Op): boolean {
  const b = before.split('\n');
  const map = lineMapping(b, after.split('\n'));
  const missing = b.filter((_, i) => map[i] < 0).length;
  // Appends change no line but the one that held `key: []`; a set replaces one value; a check-in sets
  // progress and may turn `checkIns: []` into a list.
  const allowed = op.kind === 'checkIn' || op.kind === 'status' ? 2 : 1;
  return missing <= allowed;
}

describe('reliability: generated files and edit sequences', function () {
  this.timeout(120_000);

  it('after any sequence of edits the data is exactly what was asked, untouched lines survive, and nothing throws', () => {
    let cases = 0;
    let edits = 0;
    let surgical = 0;
    fc.assert(
      fc.property(fileArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), (file, ops) => {
        cases++;
        let text = file;
        assert.ok(parseMentee(text).data, `generated file must be valid:\n${text}`);
        for (const op of ops) {
          const e = editsOf(op, text);
          if (!e) {
            continue;
          }
          const before = plain(text) as Record<string, unknown>;
          const r = applyEdits(text, e);
          edits++;
          if (r.surgical) {
            surgical++;
            assert.ok(untouchedSurvive(text, r.text, op), `lines lost by ${JSON.stringify(op)}\n--- before\n${text}\n--- after\n${r.text}`);
          }
          assert.deepEqual(plain(r.text), expected(before, op, e), `data differs after ${JSON.stringify(op)}\n${r.text}`);
          assert.ok(parseMentee(r.text).data, 'the result is still a valid mentee file');
          if (!/(^|[^\r])\n/.test(text)) {
            assert.ok(!/(^|[^\r])\n/.test(r.text), 'a CRLF file keeps CRLF line ends');
          }
          text = r.text;
        }
        assert.ok(text.includes('# end'), 'comments survive');
      }),
      { numRuns: 1500, seed: 20261128 },
    );
    report.generatedFiles = cases;
    report.editsApplied = edits;
    report.surgicalEdits = surgical;
    report.crashes = 0;
    report.lostOrCorrupted = 0;
  });
});

describe('reliability: hostile input never crashes the reader', function () {
  this.timeout(120_000);

  const check = (label: string, bytes: Uint8Array, expectError = true): void => {
    hostile.push(label);
    const t = Date.now();
    const d = decode(bytes);
    const r = d.problem ? { problems: [d.problem] } : parseMentee(d.text);
    const ms = Date.now() - t;
    assert.ok(ms < 5_000, `${label} took ${ms} ms`);
    if (expectError) {
      assert.ok(r.problems.some((p) => p.severity === 'error'), `${label} should be reported`);
      for (const p of r.problems) {
        assert.ok(p.line >= 1 && p.column >= 1 && p.message.length > 10, `${label}: ${JSON.stringify(p)}`);
      }
    }
  };
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('reports malformed YAML, wrong types, tags, aliases, duplicates, bad bytes and huge files with a line and a message', () => {
    check('syntax error (unclosed flow list)', utf8('version: 1\nname: [oops\n'));
    check('tab indentation', utf8('version: 1\nname: A\ngoals:\n\t- id: x\n'));
    check('duplicate keys', utf8('version: 1\nname: A\nname: B\n'));
    check('wrong types everywhere', utf8('version: "one"\nname: 5\ngoals: {a: 1}\nsessions: "none"\n'));
    check('a top-level list instead of fields', utf8('- a\n- b\n'));
    check('empty file', utf8(''));
    check('!!js/function tag', utf8('version: 1\nname: !!js/function "function(){}"\n'));
    check('!!binary and unknown ! tags', utf8('version: 1\nname: !secret x\n'));
    check('alias bomb ("billion laughs")', utf8(['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`), 'name: *j', ''].join('\n')));
    check('deep nesting (5,000 levels)', utf8('version: 1\nname: A\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n'), false);
    check('non-UTF-8 bytes', new Uint8Array([...utf8('version: 1\nname: Jos'), 0xe9, 0x0a]));
    check('NUL byte', utf8('version: 1\nname: "a\u0000b"\nx: \u0000\n'), false);
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    check('a 50 MB file', big);
  });

  it('accepts a BOM, CRLF line ends, huge strings and __proto__ keys without harm', () => {
    for (const [label, s] of [
      ['BOM', '\ufeffversion: 1\nname: A\n'],
      ['CRLF line ends', 'version: 1\r\nname: A\r\n'],
      ['a 2 MB string', `version: 1\nname: "${'x'.repeat(2_000_000)}"\n`],
      ['__proto__ keys', 'version: 1\nname: A\n__proto__: {polluted: true}\ngoals: [{id: g, title: T, __proto__: {x: 1}}]\n'],
    ] as const) {
      hostile.push(label);
      const d = decode(utf8(s));
      const r = parseMentee(d.text);
      assert.ok(r.data, `${label}: ${JSON.stringify(r.problems)}`);
    }
    assert.equal(({} as { polluted?: boolean }).polluted, undefined, 'no prototype pollution');
  });

  it('survives thousands of random mutations of a real file', () => {
    const base = readFileSync(path.join(ROOT, 'demo', '.mentorship', 'mentees', 'ana-souza.yaml'), 'utf8');
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(20), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }), (muts) => {
        let t = base;
        for (const [at, del, ins] of muts) {
          t = t.slice(0, at) + ins + t.slice(at + del);
        }
        n++;
        const r = parseMentee(t);
        for (const p of r.problems) {
          assert.ok(p.line >= 1 && p.column >= 1);
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
    report.mutatedFiles = n;
    hostile.push('3,000 random byte-level mutations of a demo file');
  });
});

// ---------------------------------------------------------------------------------------------------

async function tempDataFolder(text: string): Promise<{ root: string; file: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-rel-'));
  const root = path.join(dir, '.mentorship');
  await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
  const file = path.join(root, 'mentees', 'ana.yaml');
  await fsp.writeFile(file, text);
  return { root, file };
}

const START = '# Ana\nversion: 1\nname: Ana\nsessions: []\ngoals: []\n';

describe('reliability: concurrent writers', function () {
  this.timeout(180_000);

  it('two stores (two windows) and a third process editing the same file: every accepted change is on disk, every other one was reported', async () => {
    const { root, file } = await tempDataFolder(START);
    const a = new MentorshipStore(new NodeFileSystem(), root);
    const b = new MentorshipStore(new NodeFileSystem(), root);
    await Promise.all([a.load(), b.load()]);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'support', 'writer.ts'), root, file, 'C', '40'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let childOut = '';
    child.stdout.on('data', (d: Buffer) => (childOut += d.toString()));
    const accepted: string[] = [];
    const refused: string[] = [];
    const run = async (store: MentorshipStore, who: string): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        const id = `s-${who}-${i}`;
        try {
          await store.edit(file, addSession({ id, date: '2026-11-28', notes: `${who} ${i}` }));
          accepted.push(id);
        } catch (e) {
          assert.ok(e instanceof StoreError, String(e));
          refused.push(id);
        }
      }
    };
    await Promise.all([run(a, 'A'), run(b, 'B'), new Promise((resolve) => child.on('exit', resolve))]);
    const childAccepted = childOut.split('\n').filter((l) => l.startsWith('accepted ')).map((l) => l.slice(9));
    const childRefused = childOut.split('\n').filter((l) => l.startsWith('refused ')).length;
    const onDisk = new Set((parseMentee(readFileSync(file, 'utf8')).data?.sessions ?? []).map((s) => s.id));
    const lost = [...accepted, ...childAccepted].filter((id) => !onDisk.has(id));
    assert.deepEqual(lost, [], 'accepted changes missing on disk');
    assert.equal(accepted.length + refused.length, 80);
    assert.ok(accepted.length + childAccepted.length >= 60, `only ${accepted.length + childAccepted.length} of 120 were accepted`);
    assert.ok(readFileSync(file, 'utf8').startsWith('# Ana\n'), 'the comment survived');
    report.concurrent = { writers: 3, attempts: 120, accepted: accepted.length + childAccepted.length, refusedAndReported: refused.length + childRefused, lost: lost.length };
  });
});

describe('reliability: a writer killed at any moment', function () {
  this.timeout(180_000);

  it('leaves the old or the new file, never a torn one; its temporary files are ignored', async () => {
    const { root, file } = await tempDataFolder(START);
    let kills = 0;
    for (let round = 0; round < 15; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'support', 'writer.ts'), root, file, `K${round}`, '1000'], { stdio: ['ignore', 'pipe', 'ignore'] });
      // Let it write for a while, then kill it hard at a random moment.
      await new Promise<void>((resolve) => {
        let seen = 0;
        child.stdout.on('data', (d: Buffer) => {
          seen += (d.toString().match(/accepted/g) ?? []).length;
          if (seen >= 1 + (round % 5)) {
            setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
          }
        });
        child.on('exit', () => resolve());
      });
      kills++;
      const text = readFileSync(file, 'utf8');
      const parsed = parseMentee(text);
      assert.ok(parsed.data, `torn file after kill ${round}:\n${text.slice(-300)}`);
      const store = new MentorshipStore(new NodeFileSystem(), root);
      await store.load();
      assert.equal(store.mentees.length, 1, `temporary files must be ignored: ${readdirSync(path.dirname(file)).join(', ')}`);
    }
    report.killedWriters = kills;
    report.tornFiles = 0;
  });
});
