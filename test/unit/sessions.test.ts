/** One operation records a session, whatever its source; the store writes drafts like every other file. */
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordSession, sessionEntry } from '../../src/core/operations/changes';
import { runOperation } from '../../src/core/operations/run';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';

const FILE = `# Ana's file, written by hand
version: 1
name: Ana
goals:
  - id: g-tests # the big one
    title: Write tests
    status: active
    progress: 20
sessions:
  - id: s-1
    date: 2026-11-01
    actions:
      - id: a-read
        text: Read the testing chapter
        owner: mentee
`;

async function store(text = FILE): Promise<{ s: MentorshipStore; file: string; root: string }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-sessions-'));
  const root = path.join(dir, '.mentorship');
  await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
  const file = path.join(root, 'mentees', 'ana.yaml');
  await fsp.writeFile(file, text);
  const s = new MentorshipStore(new NodeFileSystem(), root);
  await s.load();
  return { s, file, root };
}

describe('recording a session', () => {
  it('stores only fields with content, in the usual order, with the goals discussed', () => {
    assert.deepEqual(sessionEntry({ date: '2026-11-20', duration: 30, topics: [], notes: '', private: 'p', wins: ['shipped'], checkIns: [{ goalId: 'g', progress: 50 }], newActions: [{ text: 'x', owner: 'mentee' }] }), {
      date: '2026-11-20',
      duration: 30,
      wins: ['shipped'],
      goals: ['g'],
      actions: [{ text: 'x', owner: 'mentee', id: '' }],
    });
  });

  it('ticks done action items, records check-ins and adds the session with new items, in one write that keeps the comments', async () => {
    const { s, file } = await store();
    await s.edit(
      file,
      recordSession({ date: '2026-11-20', duration: 45, notes: 'Paired on tests', checkIns: [{ goalId: 'g-tests', progress: 40, note: 'first suite green' }], doneActions: ['a-read'], newActions: [{ text: 'Add CI', owner: 'mentee', done: false }] }),
    );
    const text = await fsp.readFile(file, 'utf8');
    assert.ok(text.startsWith("# Ana's file, written by hand\n"));
    assert.match(text, /- id: g-tests # the big one/);
    const m = s.bySlug('ana')?.data;
    assert.ok(m);
    assert.equal(m.goals[0].progress, 40);
    assert.deepEqual(m.goals[0].checkIns, [{ date: '2026-11-20', progress: 40, note: 'first suite green' }]);
    assert.equal(m.sessions[0].actions?.[0].done, true);
    const added = m.sessions[1];
    assert.equal(added.date, '2026-11-20');
    assert.equal(added.duration, 45);
    assert.deepEqual(added.goals, ['g-tests']);
    assert.equal(added.actions?.[0].text, 'Add CI');
    assert.ok(added.actions?.[0].id, 'a new action item gets an id');
  });

  it('skips a goal or action item removed from the file meanwhile instead of failing or recreating it', async () => {
    const { s, file } = await store();
    await fsp.writeFile(file, FILE.replace(/goals:\n[\s\S]*?sessions:/, 'goals: []\nsessions:').replace(/    actions:\n[\s\S]*$/, ''));
    await s.edit(file, recordSession({ date: '2026-11-21', checkIns: [{ goalId: 'g-tests', progress: 60 }], doneActions: ['a-read'] }));
    const m = s.bySlug('ana')?.data;
    assert.equal(m?.goals.length, 0);
    assert.equal(m?.sessions.length, 2);
    assert.equal(m?.sessions[1].date, '2026-11-21');
  });
});

describe('session drafts through the store', () => {
  it('creates a draft atomically, never over an existing one, lists and reads it', async () => {
    const { s } = await store();
    const p = await s.drafts.create('ana--2026-11-20.md', '# Notes\n');
    assert.deepEqual(await s.drafts.list(), [p]);
    assert.equal(await s.drafts.read(p), '# Notes\n');
    await assert.rejects(s.drafts.create('ana--2026-11-20.md', 'other'), /already exists; it was not replaced/);
    assert.equal(await s.drafts.read(p), '# Notes\n');
    const leftovers = (await fsp.readdir(path.dirname(p))).filter((n) => n !== path.basename(p));
    assert.deepEqual(leftovers, [], 'no temporary or lock file is left behind');
  });

  it('keeps a draft that changed since it was read, and removes one that did not', async () => {
    const { s } = await store();
    const p = await s.drafts.create('ana--x.md', 'one\n');
    await fsp.writeFile(p, 'one\ntyped in another window\n');
    await assert.rejects(s.drafts.remove(p, 'one\n'), /changed while the session was stored; it was kept/);
    assert.equal(await fsp.readFile(p, 'utf8'), 'one\ntyped in another window\n');
    await s.drafts.remove(p, 'one\ntyped in another window\n');
    assert.deepEqual(await s.drafts.list(), []);
  });

  it('refuses names and paths outside the drafts folder', async () => {
    const { s, root } = await store();
    await assert.rejects(s.drafts.create('../mentees/ana.md', 'x'), /not a draft file name/);
    await assert.rejects(s.drafts.remove(path.join(root, 'mentees', 'ana.yaml')), /not a session draft/);
  });

  it('honours the write block (an untrusted workspace) for drafts too', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-sessions-'));
    const s = new MentorshipStore(new NodeFileSystem(), path.join(dir, '.mentorship'), { blockWrite: () => 'read only here' });
    await assert.rejects(s.drafts.create('a--b.md', 'x'), /read only here/);
  });
});

describe('private notes apart', () => {
  it('saveSession keeps the private note in private/<mentee>.yaml under the session id, never in the shared file', async () => {
    const { s, file, root } = await store();
    const saved = await runOperation(s, 'logSession', file, { date: '2026-11-22', notes: 'Shared part', private: 'Seemed tired; ask about workload' });
    const shared = await fsp.readFile(file, 'utf8');
    assert.ok(!shared.includes('Seemed tired'), 'the mentee file has no private note');
    const added = saved.data?.sessions.find((x) => x.date === '2026-11-22');
    assert.ok(added);
    assert.equal(added.private, undefined);
    const priv = await s.readPrivate(file);
    assert.deepEqual(priv?.sessions, { [added.id]: 'Seemed tired; ask about workload' });
    assert.equal(await fsp.readFile(path.join(root, 'private', '.gitignore'), 'utf8'), '# Private mentoring notes: never committed, never exported.\n*\n');
    // A second session adds to the same file; the first note stays.
    const again = await runOperation(s, 'logSession', file, { date: '2026-11-29', private: 'Second' });
    const second = again.data?.sessions.find((x) => x.date === '2026-11-29');
    assert.ok(second);
    assert.deepEqual((await s.readPrivate(file))?.sessions, { [added.id]: 'Seemed tired; ask about workload', [second.id]: 'Second' });
  });

  it('a session without private notes writes no private file', async () => {
    const { s, file, root } = await store();
    await runOperation(s, 'logSession', file, { date: '2026-11-22', notes: 'Only shared' });
    await assert.rejects(fsp.stat(path.join(root, 'private')), /ENOENT/);
  });

  it('a broken private-notes file is reported, not overwritten', async () => {
    const { s, file, root } = await store();
    await fsp.mkdir(path.join(root, 'private'), { recursive: true });
    await fsp.writeFile(path.join(root, 'private', 'ana.yaml'), 'sessions: [not, a, map]\n');
    await assert.rejects(runOperation(s, 'logSession', file, { date: '2026-11-22', private: 'x' }), /ana\.yaml has a problem at line 1/);
    assert.equal(await fsp.readFile(path.join(root, 'private', 'ana.yaml'), 'utf8'), 'sessions: [not, a, map]\n');
    assert.equal(s.bySlug('ana')?.data?.sessions.length, 1, 'the session is not saved without its private note');
  });
});
