/** The notebook: every place's mentees read as one, every change written to the place that holds the file. */
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Notebook } from '../../src/core/storage/notebook';
import type { Place } from '../../src/core/storage/notebook';
import { expandHome, folderLabel, isAbsoluteSetting, probeNotebookFolder } from '../../src/core/storage/places';
import { MentorshipStore, StoreError } from '../../src/core/storage/store';
import { addMentee, runOperation } from '../../src/core/operations/run';
import { NodeFileSystem } from '../../src/platform/nodeFs';

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-notebook-'));
  for (const [name, text] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fsp.writeFile(path.join(dir, name), text);
  }
  return dir;
}

function place(root: string, label: string, source: Place['source'] = 'notebook'): Place {
  return { root, label, source, store: new MentorshipStore(new NodeFileSystem(), root) };
}

const ANA = 'version: 1\nname: Ana Souza\ncadence: weekly\n# written by hand\nsessions: []\n';
const BO = 'version: 1\nname: Bo Chen\nsessions:\n  - id: s-1\n    date: 2026-11-20\n';

describe('notebook', () => {
  it('reads the mentees of every place as one list, sorted by name; the same name in two places is two files', async () => {
    const work = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA, '.mentorship/mentor.yaml': 'version: 1\nstrengths: [listening]\n' });
    const ana = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA.replace('weekly', 'monthly') });
    const bo = await folderWith({ 'mentees/bo.yaml': BO });
    const nb = new Notebook([place(path.join(work, '.mentorship'), 'shop', 'workspace'), place(path.join(ana, '.mentorship'), '~/mentoring/ana'), place(bo, '~/mentoring/bo')]);
    await nb.load();
    assert.deepEqual(
      nb.mentees.map((f) => [f.data?.name, f.data?.cadence, nb.placeOf(f.path)?.label]),
      [
        ['Ana Souza', 'weekly', 'shop'],
        ['Ana Souza', 'monthly', '~/mentoring/ana'],
        ['Bo Chen', undefined, '~/mentoring/bo'],
      ],
    );
    assert.equal(nb.isSpread, true);
    assert.equal(nb.mentor?.path, path.join(work, '.mentorship', 'mentor.yaml'), 'the profile of the first place that has one');
    assert.equal(nb.mentorPath, path.join(work, '.mentorship', 'mentor.yaml'));
  });

  it('writes each change into the place that holds the file, and no other', async () => {
    const ana = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA });
    const bo = await folderWith({ '.mentorship/mentees/bo.yaml': BO });
    const nb = new Notebook([place(path.join(ana, '.mentorship'), 'ana'), place(path.join(bo, '.mentorship'), 'bo')]);
    await nb.load();
    const boFile = path.join(bo, '.mentorship', 'mentees', 'bo.yaml');
    const anaBefore = await fsp.readFile(path.join(ana, '.mentorship', 'mentees', 'ana-souza.yaml'), 'utf8');
    const heard: string[] = [];
    nb.onDidChange((e) => heard.push(...e.paths));
    await runOperation(nb, 'logSession', boFile, { date: '2026-11-27', notes: 'Pairing on the cart', private: 'Seems tired lately' });
    assert.match(await fsp.readFile(boFile, 'utf8'), /Pairing on the cart/);
    assert.equal(await fsp.readFile(path.join(ana, '.mentorship', 'mentees', 'ana-souza.yaml'), 'utf8'), anaBefore, "the other mentee's folder is untouched");
    // The private note went to Bo's folder's private/, never to Ana's.
    assert.match(await fsp.readFile(path.join(bo, '.mentorship', 'private', 'bo.yaml'), 'utf8'), /Seems tired lately/);
    await assert.rejects(fsp.stat(path.join(ana, '.mentorship', 'private', 'bo.yaml')));
    assert.ok(heard.includes(boFile), 'the change is heard through the notebook');
    assert.equal(nb.file(boFile)?.data?.sessions.length, 2);
  });

  it('adds a mentee in the place the mentor chose, and refuses a place that is not in the notebook', async () => {
    const a = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA });
    const b = await folderWith({});
    const nb = new Notebook([place(path.join(a, '.mentorship'), 'a'), place(path.join(b, '.mentorship'), 'b')]);
    await nb.load();
    const zoe = await addMentee(nb, { name: 'Zoe Park', since: '2026-12-01' }, path.join(b, '.mentorship'));
    assert.equal(zoe.path, path.join(b, '.mentorship', 'mentees', 'zoe-park.yaml'));
    assert.equal(nb.placeOf(zoe.path)?.label, 'b');
    const home = await addMentee(nb, { name: 'Lee Kim', since: '2026-12-01' });
    assert.equal(nb.placeOf(home.path)?.label, 'a', 'without a choice: the first place');
    await assert.rejects(addMentee(nb, { name: 'X', since: '2026-12-01' }, '/nowhere/.mentorship'), StoreError);
    await assert.rejects(nb.edit('/nowhere/.mentorship/mentees/x.yaml', () => []), /in none of the notebook's folders/);
  });

  it('drafts go to their mentee\'s place and are matched to the mentee of that place', async () => {
    const a = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA });
    const b = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA });
    const nb = new Notebook([place(path.join(a, '.mentorship'), 'a'), place(path.join(b, '.mentorship'), 'b')]);
    await nb.load();
    const inB = path.join(b, '.mentorship', 'mentees', 'ana-souza.yaml');
    const draft = await nb.drafts.create(inB, 'ana-souza--x.md', '# draft\n');
    assert.ok(draft.startsWith(path.join(b, '.mentorship', 'drafts')));
    assert.deepEqual(await nb.drafts.list(), [draft]);
    assert.equal(nb.drafts.menteeOf(draft, 'ana-souza')?.path, inB, 'the Ana of the draft\'s own place');
  });

  it('one place that cannot be read does not stop the others', async () => {
    const a = await folderWith({ '.mentorship/mentees/ana-souza.yaml': ANA });
    const broken = place('/proc/definitely/not/here/.mentorship', 'gone');
    const nb = new Notebook([place(path.join(a, '.mentorship'), 'a'), broken]);
    await nb.load().catch(() => undefined);
    assert.deepEqual(
      nb.mentees.map((f) => f.data?.name),
      ['Ana Souza'],
    );
  });
});

describe('notebook folders', () => {
  it('a folder holding .mentorship/, a data folder itself, an empty folder, and the ones that cannot be read', async () => {
    const fs = new NodeFileSystem();
    const holding = await folderWith({ '.mentorship/mentees/a.yaml': ANA, 'README.md': '# notes\n' });
    assert.deepEqual(await probeNotebookFolder(fs, holding), { root: path.join(holding, '.mentorship') });
    const itself = await folderWith({ 'mentees/a.yaml': ANA });
    assert.deepEqual(await probeNotebookFolder(fs, itself), { root: itself });
    const profileOnly = await folderWith({ 'mentor.yaml': 'version: 1\n' });
    assert.deepEqual(await probeNotebookFolder(fs, profileOnly), { root: profileOnly });
    const empty = await folderWith({});
    assert.deepEqual(await probeNotebookFolder(fs, empty), { root: path.join(empty, '.mentorship') }, 'a new mentee\'s notes go where a mentee opening the repository finds them');
    assert.deepEqual(await probeNotebookFolder(fs, path.join(empty, 'missing')), { problem: 'it does not exist' });
    const file = path.join(holding, 'README.md');
    assert.deepEqual(await probeNotebookFolder(fs, file), { problem: 'it is not a folder' });
    if (process.getuid?.() !== 0) {
      const locked = await folderWith({ 'mentees/a.yaml': ANA });
      await fsp.chmod(locked, 0o000);
      try {
        assert.deepEqual(await probeNotebookFolder(fs, locked), { problem: 'permission denied' });
      } finally {
        await fsp.chmod(locked, 0o755);
      }
    }
  });

  it('settings: ~ is the home folder, paths must be absolute, labels as written', () => {
    assert.equal(expandHome('~/mentoring/ana', '/home/mentor'), '/home/mentor/mentoring/ana');
    assert.equal(expandHome('~', '/home/mentor/'), '/home/mentor');
    assert.equal(expandHome('~/x', undefined), undefined);
    assert.equal(expandHome('/srv/notes', '/home/mentor'), '/srv/notes');
    assert.ok(isAbsoluteSetting('/srv/notes') && isAbsoluteSetting('C:\\notes') && isAbsoluteSetting('c:/notes'));
    assert.ok(!isAbsoluteSetting('notes') && !isAbsoluteSetting('./notes'));
    assert.equal(folderLabel('~/mentoring/ana/'), '~/mentoring/ana');
  });
});
