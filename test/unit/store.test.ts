import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MentorshipStore, StoreError } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { HAND_WRITTEN } from './yamlEdit.test';

async function tempStore(files: Record<string, string | Uint8Array> = {}): Promise<{ dir: string; store: MentorshipStore; file: (n: string) => string }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-store-'));
  const root = path.join(dir, '.mentorship');
  await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await fsp.writeFile(path.join(root, name), content);
  }
  const store = new MentorshipStore(new NodeFileSystem(), root);
  await store.load();
  return { dir, store, file: (n) => path.join(root, n) };
}

const ADD_SESSION = (id: string) => () => [{ op: 'append' as const, path: ['sessions'], value: { id, date: '2026-11-28', notes: 'Quick sync' } }];

describe('store', () => {
  it('loads mentees and the mentor profile, sorted by name', async () => {
    const { store } = await tempStore({
      'mentees/ana.yaml': HAND_WRITTEN,
      'mentees/bo.yaml': 'version: 1\nname: Bo\n',
      'mentor.yaml': 'version: 1\nstrengths: [listening]\n',
    });
    assert.deepEqual(store.mentees.map((m) => m.data?.name), ['Ana Souza', 'Bo']);
    assert.equal(store.mentees[0].data?.goals.length, 2);
    assert.equal(store.mentees[1].data?.status, 'active');
    assert.deepEqual(store.mentor?.data?.strengths, ['listening']);
  });

  it('reports a syntax error with its line, keeps the other mentees, and never writes the broken file', async () => {
    const broken = 'version: 1\nname: Cy\ngoals:\n  - id: a\n    title: [unclosed\n  - id: b\n';
    const { store, file } = await tempStore({ 'mentees/cy.yaml': broken, 'mentees/bo.yaml': 'version: 1\nname: Bo\n' });
    const cy = store.bySlug('cy');
    assert.ok(cy);
    assert.equal(cy.data, undefined);
    assert.equal(cy.problems[0].severity, 'error');
    assert.ok(cy.problems[0].line >= 5 && cy.problems[0].line <= 6, `line ${cy.problems[0].line}`);
    assert.match(cy.problems[0].message, /YAML syntax/);
    assert.equal(store.bySlug('bo')?.data?.name, 'Bo');
    await assert.rejects(store.edit(file('mentees/cy.yaml'), ADD_SESSION('s')), (e: unknown) => e instanceof StoreError && /line \d/.test(e.message));
    assert.equal(await fsp.readFile(file('mentees/cy.yaml'), 'utf8'), broken);
  });

  it('reports a wrong type at the line of the value, in words', async () => {
    const text = 'version: 1\nname: Dee\ngoals:\n  - id: g1\n    title: Ship it\n    progress: lots\n';
    const { store, file } = await tempStore({ 'mentees/dee.yaml': text });
    const dee = store.bySlug('dee');
    assert.equal(dee?.data, undefined);
    const p = dee?.problems[0];
    assert.equal(p?.line, 6);
    assert.equal(p?.column, 15);
    assert.equal(p?.message, `In goal "Ship it": 'progress' should be a whole number, but it is the text "lots".`);
    await assert.rejects(store.edit(file('mentees/dee.yaml'), ADD_SESSION('s')));
    assert.equal(await fsp.readFile(file('mentees/dee.yaml'), 'utf8'), text);
  });

  it('reports dates, enums, ranges and missing fields', async () => {
    const text = [
      'version: 1',
      'name: Eve',
      'status: finished',
      'cadence: sometimes',
      'goals:',
      '  - id: g1',
      '    title: T',
      '    due: 2026-02-30',
      '    progress: 140',
      '  - id: g2',
      'sessions:',
      '  - id: s1',
      '    date: 2026-1-5',
      '',
    ].join('\n');
    const { store } = await tempStore({ 'mentees/eve.yaml': text });
    const msgs = store.bySlug('eve')?.problems.map((p) => `${p.line}: ${p.message}`);
    assert.deepEqual(msgs, [
      `3: 'status' should be one of active, paused, closed, but it is the text "finished".`,
      `4: 'cadence' is the text "sometimes"; expected meeting rhythm: weekly, biweekly, monthly or 'every N days'.`,
      `8: In goal "T": 'due' should be a date written as YYYY-MM-DD (like 2026-03-31), but it is the text "2026-02-30".`,
      `9: In goal "T": 'progress' should be from 0 to 100, but it is 140.`,
      `10: In goal "g2": This goal needs 'title'.`,
      `13: In session "2026-1-5": 'date' should be a date written as YYYY-MM-DD (like 2026-03-31), but it is the text "2026-1-5".`,
    ]);
  });

  it('writes a change and keeps the hand-written file byte for byte elsewhere', async () => {
    const { store, file } = await tempStore({ 'mentees/ana.yaml': HAND_WRITTEN });
    let events = 0;
    store.onDidChange(() => events++);
    await store.edit(file('mentees/ana.yaml'), ADD_SESSION('s-2'));
    const after = await fsp.readFile(file('mentees/ana.yaml'), 'utf8');
    assert.ok(after.startsWith(HAND_WRITTEN.slice(0, HAND_WRITTEN.indexOf('feedback: []'))));
    assert.ok(after.endsWith('feedback: []\n# trailing comment\n'));
    assert.equal(store.bySlug('ana')?.data?.sessions.length, 2);
    assert.equal(events, 1);
  });

  it('applies a change to content edited on disk since it was read', async () => {
    const { store, file } = await tempStore({ 'mentees/ana.yaml': HAND_WRITTEN });
    const p = file('mentees/ana.yaml');
    // Another window adds a session after this store loaded the file.
    await fsp.writeFile(p, HAND_WRITTEN.replace('feedback: []', '- id: s-other\n  date: 2026-11-27\nfeedback: []'));
    await store.edit(p, ADD_SESSION('s-mine'));
    const ids = store.bySlug('ana')?.data?.sessions.map((s) => s.id);
    assert.deepEqual(ids, ['s-1', 's-other', 's-mine']);
  });

  it('does not clobber a write that lands between its check and its rename', async () => {
    const dir = await tempStore({ 'mentees/ana.yaml': HAND_WRITTEN });
    const p = dir.file('mentees/ana.yaml');
    let raced = false;
    const store = new MentorshipStore(new NodeFileSystem(), path.dirname(path.dirname(p)), {
      beforeRename: async () => {
        if (!raced) {
          raced = true;
          await fsp.writeFile(p, HAND_WRITTEN.replace('role: Backend engineer', 'role: Staff engineer'));
        }
      },
    });
    await store.load();
    await store.edit(p, ADD_SESSION('s-mine'));
    const after = await fsp.readFile(p, 'utf8');
    assert.ok(after.includes('role: Staff engineer'), 'the concurrent edit survived');
    assert.ok(after.includes('id: s-mine'), 'our change was applied on top');
  });

  it('a write interrupted before the rename leaves the original intact and no temporary file', async () => {
    const { file } = await tempStore({ 'mentees/ana.yaml': HAND_WRITTEN });
    const p = file('mentees/ana.yaml');
    const store = new MentorshipStore(new NodeFileSystem(), path.dirname(path.dirname(p)), {
      beforeRename: async () => {
        throw new Error('disk full');
      },
    });
    await store.load();
    await assert.rejects(store.edit(p, ADD_SESSION('s-x')), /disk full/);
    assert.equal(await fsp.readFile(p, 'utf8'), HAND_WRITTEN);
    assert.deepEqual(await fsp.readdir(path.dirname(p)), ['ana.yaml']);
  });

  it('refuses a change that would make the file invalid', async () => {
    const { store, file } = await tempStore({ 'mentees/bo.yaml': 'version: 1\nname: Bo\n' });
    await assert.rejects(
      store.edit(file('mentees/bo.yaml'), () => [{ op: 'set', path: ['status'], value: 'gone' }]),
      (e: unknown) => e instanceof StoreError && /would make bo.yaml invalid/.test(e.message),
    );
    assert.equal(await fsp.readFile(file('mentees/bo.yaml'), 'utf8'), 'version: 1\nname: Bo\n');
  });

  it('creates mentees with safe, unique file names', async () => {
    const { store, file } = await tempStore({ 'mentees/ana-souza.yaml': 'version: 1\nname: Ana Souza\n' });
    const a = await store.createMentee({ name: 'Ana Souza', status: 'active', cadence: 'biweekly' });
    assert.equal(a.slug, 'ana-souza-2');
    const b = await store.createMentee({ name: '../../etc/passwd' });
    assert.equal(b.slug, 'etc-passwd');
    assert.equal(path.dirname(b.path), path.dirname(file('mentees/x.yaml')));
    assert.equal(store.bySlug('ana-souza-2')?.data?.cadence, 'biweekly');
  });

  it('keeps a BOM and reports non-UTF-8 files without touching them', async () => {
    const bom = '\ufeffversion: 1\nname: Bom\n';
    const latin1 = Buffer.from('version: 1\nname: Jos\xe9\n', 'latin1');
    const { store, file } = await tempStore({ 'mentees/bom.yaml': bom, 'mentees/latin.yaml': latin1 });
    await store.edit(file('mentees/bom.yaml'), () => [{ op: 'set', path: ['role'], value: 'QA' }]);
    assert.equal(await fsp.readFile(file('mentees/bom.yaml'), 'utf8'), '\ufeffversion: 1\nname: Bom\nrole: QA\n');
    const latin = store.bySlug('latin');
    assert.match(latin?.problems[0].message ?? '', /not valid UTF-8/);
    assert.equal(latin?.problems[0].line, 2);
  });

  it('refresh fires only when a file really changed, and notices removals', async () => {
    const { store, file } = await tempStore({ 'mentees/bo.yaml': 'version: 1\nname: Bo\n' });
    const seen: string[][] = [];
    store.onDidChange((e) => seen.push(e.removed));
    await store.refresh(file('mentees/bo.yaml'));
    assert.equal(seen.length, 0);
    await fsp.writeFile(file('mentees/bo.yaml'), 'version: 1\nname: Bob\n');
    await store.refresh(file('mentees/bo.yaml'));
    assert.equal(store.bySlug('bo')?.data?.name, 'Bob');
    await fsp.rm(file('mentees/bo.yaml'));
    await store.refresh(file('mentees/bo.yaml'));
    assert.equal(store.mentees.length, 0);
    assert.deepEqual(seen, [[], [file('mentees/bo.yaml')]]);
  });
});
