/**
 * Sharing through git: the files Share with Mentee writes, moving private notes out crash-safely, and
 * the merge driver run by a real git on two clones of a bare repository.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { conflictMarkerLine } from '../../src/core/storage/markers';
import {
  DATA_FOLDER_GITIGNORE,
  driverCommand,
  notesToMove,
  privateFields,
  withDriverAttributes,
  withoutDataFolderIgnored,
} from '../../src/core/sharing/share';
import { removeMovedFields } from '../../src/core/operations/changes';
import { parseMentee } from '../../src/core/storage/parse';
import { MentorshipStore } from '../../src/core/storage/store';
import { applyEdits } from '../../src/core/storage/yamlEdit';
import { git as gitIn, identity, tryGit } from '../support/git';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { menteeData } from '../support/parsed';

const ROOT = path.join(__dirname, '..', '..');

const ANA = `# Ana's mentorship — shared with Ana
version: 1
name: Ana Souza
status: active
cadence: biweekly
goals:
  - id: g-tests
    title: Contract tests for the order API # agreed together
    status: active
    progress: 20
    owner: mentee
    checkIns:
      - date: 2026-09-08
        progress: 20
sessions:
  - id: s-2026-11-03
    date: 2026-11-03
    notes: Progress on contract tests.
    actions:
      - id: a-fixtures
        text: Build fixtures for discounts
        owner: mentee
feedback: []
agenda:
  - id: t-1
    text: How to split the design doc
    by: mentor
`;


describe('sharing: the repository files', () => {
  it('takes only the data folder out of .gitignore, with the comment Initialize wrote above it', () => {
    const before = 'node_modules/\n# Mentorship notes (private)\n.mentorship/\ndist/\n';
    const r = withoutDataFolderIgnored(before, '.mentorship');
    assert.equal(r.text, 'node_modules/\ndist/\n');
    assert.deepEqual(r.removed, ['.mentorship/']);
    for (const form of ['/.mentorship', '.mentorship', '.mentorship/**', '/.mentorship/']) {
      assert.deepEqual(withoutDataFolderIgnored(`${form}\nother\n`, '.mentorship').text, 'other\n', form);
    }
    // Another folder of a similar name stays ignored.
    assert.equal(withoutDataFolderIgnored('.mentorship-old/\n', '.mentorship').removed.length, 0);
  });

  it('routes the data folder to the driver once, and quotes the driver command for the shell', () => {
    const once = withDriverAttributes('*.png binary', 'notes/.mentorship');
    assert.equal(once, '*.png binary\n# Mentorship: merge shared notes by entry ids (the extension registers the driver)\nnotes/.mentorship/**/*.yaml merge=mentorship\n');
    assert.equal(withDriverAttributes(once, 'notes/.mentorship'), once);
    assert.equal(
      driverCommand('/opt/VS Code/code', '/home/a "b"/$x/merge-driver.js'),
      'if [ -f "/home/a \\"b\\"/\\$x/merge-driver.js" ] && [ -x "/opt/VS Code/code" ]; then ELECTRON_RUN_AS_NODE=1 "/opt/VS Code/code" "/home/a \\"b\\"/\\$x/merge-driver.js" %O %A %B %P %L; else git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B; fi',
    );
  });
});

describe('sharing: moving private notes out', () => {
  const WITH_PRIVATE = ANA.replace('    notes: Progress on contract tests.\n', '    notes: Progress on contract tests.\n    private: Seems stressed about the deadline.\n');

  async function store(text: string): Promise<{ s: MentorshipStore; file: string; root: string }> {
    const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'mentorship-private-')), '.mentorship');
    mkdirSync(path.join(root, 'mentees'), { recursive: true });
    const file = path.join(root, 'mentees', 'ana.yaml');
    writeFileSync(file, text);
    const s = new MentorshipStore(new NodeFileSystem(), root);
    await s.load();
    return { s, file, root };
  }

  async function move(s: MentorshipStore, file: string, crashBetween = false): Promise<void> {
    const m = s.file(file)!.data!;
    const existing = (await s.readPrivate(file))?.sessions ?? {};
    const toWrite = notesToMove(m, existing);
    if (Object.keys(toWrite).length > 0) {
      await s.setPrivateNotes(file, toWrite);
    }
    if (crashBetween) {
      return;
    }
    await s.edit(file, removeMovedFields({ ...existing, ...toWrite }));
  }

  it('writes the private file first; a crash in between leaves the note twice, and a rerun settles it', async () => {
    const { s, file, root } = await store(WITH_PRIVATE);
    await move(s, file, true);
    const privateFile = path.join(root, 'private', 'ana.yaml');
    assert.match(readFileSync(privateFile, 'utf8'), /Seems stressed about the deadline\./);
    assert.match(readFileSync(file, 'utf8'), /private: Seems stressed/, 'still in the shared file after the crash');
    await move(s, file);
    const shared = readFileSync(file, 'utf8');
    assert.doesNotMatch(shared, /stressed/);
    assert.equal(shared, ANA, 'only the field went; every other byte is kept');
    assert.equal((await s.readPrivate(file))?.sessions['s-2026-11-03'], 'Seems stressed about the deadline.', 'once, not twice');
    assert.match(readFileSync(path.join(root, 'private', '.gitignore'), 'utf8'), /^\*$/m);
    assert.deepEqual(privateFields(s.file(file)!.data!), []);
  });

  it('a different note already in the private file is kept above the moved one', () => {
    const m = menteeData(WITH_PRIVATE);
    assert.deepEqual(notesToMove(m, { 's-2026-11-03': 'Asked about a team change.' }), { 's-2026-11-03': 'Asked about a team change.\n\nSeems stressed about the deadline.' });
    assert.deepEqual(notesToMove(m, { 's-2026-11-03': 'Seems stressed about the deadline.' }), {});
    // A field edited after the private file was written stays for the next run.
    const edited = menteeData(WITH_PRIVATE.replace('Seems stressed', 'Now calmer'));
    assert.deepEqual(removeMovedFields({ 's-2026-11-03': 'Seems stressed about the deadline.' })(edited), []);
  });
});

// ---------------------------------------------------------------------------------------------------

function clone(bare: string, dir: string, who: string): string {
  gitIn(path.dirname(dir), 'clone', '-q', bare, dir);
  identity(dir, who, `${who.toLowerCase()}@example.com`);
  return dir;
}

function editFile(file: string, edits: Parameters<typeof applyEdits>[1]): void {
  writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), edits).text);
}

describe('sharing: the merge driver in a real git', function () {
  this.timeout(60_000);
  let work: string;
  let driver: string;

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'mentorship-git-'));
    driver = path.join(work, 'merge-driver.js');
    // The same bundle the package ships, built from the same entry.
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/mergeDriver/main.ts')], outfile: driver, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' });
  });

  /** A shared repository: the mentor's clone, set up as Share with Mentee leaves it, pushed; the mentee's clone. */
  function shared(name: string): { mentor: string; mentee: string; file: (clone: string) => string } {
    const bare = path.join(work, `${name}.git`);
    gitIn(work, 'init', '-q', '--bare', '-b', 'main', bare);
    const mentor = clone(bare, path.join(work, `${name}-mentor`), 'Mentor');
    const file = (c: string) => path.join(c, '.mentorship', 'mentees', 'ana-souza.yaml');
    mkdirSync(path.join(mentor, '.mentorship', 'mentees'), { recursive: true });
    mkdirSync(path.join(mentor, '.mentorship', 'private'), { recursive: true });
    writeFileSync(file(mentor), ANA);
    writeFileSync(path.join(mentor, '.mentorship', '.gitignore'), DATA_FOLDER_GITIGNORE);
    writeFileSync(path.join(mentor, '.mentorship', 'private', '.gitignore'), '*\n');
    writeFileSync(path.join(mentor, '.mentorship', 'private', 'ana-souza.yaml'), 'version: 1\nsessions:\n  s-2026-11-03: Seems stressed about the deadline.\n');
    writeFileSync(path.join(mentor, '.gitattributes'), withDriverAttributes('', '.mentorship'));
    gitIn(mentor, 'add', '-A');
    gitIn(mentor, 'commit', '-qm', 'Share the mentorship');
    gitIn(mentor, 'push', '-q', 'origin', 'main');
    const mentee = clone(bare, path.join(work, `${name}-mentee`), 'Ana');
    return { mentor, mentee, file };
  }

  function register(repo: string): void {
    gitIn(repo, 'config', 'merge.mentorship.name', 'Mentorship');
    gitIn(repo, 'config', 'merge.mentorship.driver', driverCommand(process.execPath, driver));
  }

  /** The mentee checks in, adds an agenda topic and ticks an action item; the mentor logs a session and adds a topic. */
  function concurrentWork(mentor: string, mentee: string, file: (c: string) => string): void {
    editFile(file(mentee), [
      { op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-20', progress: 45, note: 'First endpoint covered' } },
      { op: 'set', path: ['goals', 0, 'progress'], value: 45 },
      { op: 'set', path: ['sessions', 0, 'actions', 0, 'done'], value: true },
      { op: 'append', path: ['agenda'], value: { id: 't-ana-1', text: 'Can I lead the next design review?', by: 'mentee' } },
    ]);
    gitIn(mentee, 'commit', '-qam', 'Check-in and a topic for next time');
    gitIn(mentee, 'push', '-q', 'origin', 'main');
    editFile(file(mentor), [
      { op: 'append', path: ['sessions'], value: { id: 's-2026-11-17', date: '2026-11-17', notes: 'Design doc review.' } },
      { op: 'append', path: ['agenda'], value: { id: 't-2', text: 'Feedback on the first review', by: 'mentor' } },
    ]);
    gitIn(mentor, 'commit', '-qam', 'Session of 17 November');
  }

  it('a pull merges both sides’ work cleanly with the driver, keeping the mentor’s comments', () => {
    const { mentor, mentee, file } = shared('with-driver');
    register(mentor);
    concurrentWork(mentor, mentee, file);
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.ok(pull.ok, pull.out);
    const merged = readFileSync(file(mentor), 'utf8');
    assert.equal(conflictMarkerLine(merged), undefined);
    const m = menteeData(merged);
    assert.equal(m.goals[0].progress, 45);
    assert.deepEqual(m.goals[0].checkIns?.map((c) => c.note ?? ''), ['', 'First endpoint covered']);
    assert.equal(m.sessions[0].actions?.[0].done, true);
    assert.deepEqual(m.sessions.map((s) => s.id), ['s-2026-11-03', 's-2026-11-17']);
    const agenda = (parseMentee(merged).data as unknown as { agenda: { id: string }[] }).agenda;
    assert.deepEqual(agenda.map((t) => t.id).sort(), ['t-1', 't-2', 't-ana-1']);
    assert.ok(merged.startsWith("# Ana's mentorship — shared with Ana\n"));
    assert.ok(merged.includes('# agreed together'));
    assert.match(gitIn(mentor, 'log', '-1', '--format=%s'), /^Merge/);
  });

  it('the same pull conflicts without the driver: git’s own line merge cannot do it', () => {
    const { mentor, mentee, file } = shared('without-driver');
    concurrentWork(mentor, mentee, file);
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false);
    assert.match(pull.out, /CONFLICT/);
    const text = readFileSync(file(mentor), 'utf8');
    assert.ok(conflictMarkerLine(text));
    // The extension shows it as a merge conflict (with Resolve), not as a broken file.
    assert.equal(parseMentee(text).problems[0].code, 'conflict');
  });

  it('a field changed differently on both sides is a conflict git reports, with its markers', () => {
    const { mentor, mentee, file } = shared('real-conflict');
    register(mentor);
    editFile(file(mentee), [{ op: 'set', path: ['goals', 0, 'progress'], value: 45 }]);
    gitIn(mentee, 'commit', '-qam', 'progress 45');
    gitIn(mentee, 'push', '-q', 'origin', 'main');
    editFile(file(mentor), [{ op: 'set', path: ['goals', 0, 'progress'], value: 30 }]);
    gitIn(mentor, 'commit', '-qam', 'progress 30');
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false);
    assert.match(pull.out, /changed on both sides \(“Contract tests for the order API” › progress\)/);
    const text = readFileSync(file(mentor), 'utf8');
    assert.match(text, /<<<<<<< ours\n {4}progress: 30\n=======\n {4}progress: 45\n>>>>>>> theirs\n/);
    assert.match(gitIn(mentor, 'status', '--porcelain'), /^UU .mentorship\/mentees\/ana-souza.yaml/m);
  });

  it('where the driver’s script is gone (the extension removed), git’s line merge runs and reports as usual', () => {
    const { mentor, mentee, file } = shared('driver-gone');
    gitIn(mentor, 'config', 'merge.mentorship.name', 'Mentorship');
    gitIn(mentor, 'config', 'merge.mentorship.driver', driverCommand(process.execPath, path.join(work, 'removed', 'merge-driver.js')));
    concurrentWork(mentor, mentee, file);
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false);
    assert.match(pull.out, /CONFLICT/);
    assert.ok(conflictMarkerLine(readFileSync(file(mentor), 'utf8')), 'git’s markers, not a half-written file');
  });

  it('a merge whose result would not read is left as a conflict: markers, exit code 1, never an invalid file', () => {
    const dir = mkdtempSync(path.join(work, 'invalid-'));
    const base = path.join(dir, 'base.yaml');
    const ours = path.join(dir, 'ours.yaml');
    const theirs = path.join(dir, 'theirs.yaml');
    writeFileSync(base, ANA);
    // Ours: a change of our own. Theirs: a hand edit that broke a field (progress is a number from 0 to 100).
    writeFileSync(ours, ANA.replace('cadence: biweekly', 'cadence: weekly'));
    writeFileSync(theirs, ANA.replace('    progress: 20\n    owner', '    progress: lots\n    owner'));
    const r = spawnSync(process.execPath, [driver, base, ours, theirs, '.mentorship/mentees/ana-souza.yaml', '7'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /the merged file would not read \(line \d+: .*progress/);
    const text = readFileSync(ours, 'utf8');
    assert.match(text, /<<<<<<< ours\n {4}progress: 20\n=======\n {4}progress: lots\n>>>>>>> theirs\n/);
    assert.ok(text.includes('cadence: weekly'), 'our own change is kept');
    // The extension reads it as a merge conflict (with Resolve), never as a valid file holding bad data.
    assert.equal(parseMentee(text).problems[0].code, 'conflict');
    // In a real pull, git reports it as a conflict.
    const { mentor, mentee, file } = shared('invalid-merge');
    register(mentor);
    writeFileSync(file(mentee), readFileSync(file(mentee), 'utf8').replace('    progress: 20\n    owner', '    progress: lots\n    owner'));
    gitIn(mentee, 'commit', '-qam', 'a broken hand edit');
    gitIn(mentee, 'push', '-q', 'origin', 'main');
    editFile(file(mentor), [{ op: 'set', path: ['cadence'], value: 'weekly' }]);
    gitIn(mentor, 'commit', '-qam', 'weekly');
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false);
    assert.match(gitIn(mentor, 'status', '--porcelain'), /^UU .mentorship\/mentees\/ana-souza.yaml/m);
    assert.equal(parseMentee(readFileSync(file(mentor), 'utf8')).problems[0].code, 'conflict');
  });

  it('check-ins both sides appended merge cleanly, every entry kept in date order, and only a real conflict is marked', () => {
    const { mentor, mentee, file } = shared('check-ins');
    register(mentor);
    editFile(file(mentee), [
      { op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-25', progress: 80, note: 'Ana: three endpoints' } },
      { op: 'set', path: ['goals', 0, 'progress'], value: 80 },
    ]);
    gitIn(mentee, 'commit', '-qam', 'check-in 80');
    gitIn(mentee, 'push', '-q', 'origin', 'main');
    editFile(file(mentor), [
      { op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-20', progress: 70, note: 'Mentor: two endpoints' } },
      { op: 'set', path: ['goals', 0, 'progress'], value: 70 },
    ]);
    gitIn(mentor, 'commit', '-qam', 'check-in 70');
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false, 'progress 70 against 80 is a real conflict');
    assert.match(pull.out, /1 changed on both sides \(“Contract tests for the order API” › progress\)/);
    const text = readFileSync(file(mentor), 'utf8');
    // One marked place: the progress. The check-ins are merged, in date order, outside any marker.
    assert.equal(text.match(/^<{7} /gm)?.length, 1, text);
    assert.match(text, /<<<<<<< ours\n {4}progress: 70\n=======\n {4}progress: 80\n>>>>>>> theirs\n/);
    const outside = text.replace(/<{7} ours\n[\s\S]*?>{7} theirs\n/g, '');
    const notes = [...outside.matchAll(/note: (.*)/g)].map((m) => m[1].replace(/^"(.*)"$/, '$1'));
    assert.deepEqual(notes, ['Mentor: two endpoints', 'Ana: three endpoints']);
    const dates = [...outside.matchAll(/- date: (\S+)/g)].map((m) => m[1]);
    assert.deepEqual(dates, ['2026-09-08', '2026-11-20', '2026-11-25']);
  });

  it('check-ins both sides appended, no other change: a clean merge, in date order', () => {
    const { mentor, mentee, file } = shared('check-ins-clean');
    register(mentor);
    editFile(file(mentee), [{ op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-25', progress: 20, note: 'Ana' } }]);
    gitIn(mentee, 'commit', '-qam', 'check-in');
    gitIn(mentee, 'push', '-q', 'origin', 'main');
    editFile(file(mentor), [{ op: 'append', path: ['goals', 0, 'checkIns'], value: { date: '2026-11-30', progress: 20, note: 'Mentor' } }]);
    gitIn(mentor, 'commit', '-qam', 'check-in');
    const pull = tryGit(mentor, 'pull', '-q', 'origin', 'main');
    assert.ok(pull.ok, pull.out);
    const m = menteeData(readFileSync(file(mentor), 'utf8'));
    assert.deepEqual(m.goals[0].checkIns?.map((c) => c.date), ['2026-09-08', '2026-11-25', '2026-11-30']);
  });

  it('no private note reaches a commit: git add -A takes the shared file, never private/', () => {
    const { mentor } = shared('private');
    writeFileSync(path.join(mentor, '.mentorship', 'private', 'ana-souza.yaml'), 'version: 1\nsessions:\n  s-2026-11-03: Seems stressed about the deadline.\n  s-2026-11-17: Talked about a team change.\n');
    mkdirSync(path.join(mentor, '.mentorship', 'drafts'), { recursive: true });
    writeFileSync(path.join(mentor, '.mentorship', 'drafts', 'ana-souza-2026-11-30.md'), '## Private notes\nTalked about a team change.\n');
    editFile(path.join(mentor, '.mentorship', 'mentees', 'ana-souza.yaml'), [{ op: 'set', path: ['cadence'], value: 'weekly' }]);
    gitIn(mentor, 'add', '-A');
    gitIn(mentor, 'commit', '-qm', 'More notes');
    const everything = gitIn(mentor, 'log', '-p', '--all', '--format=%H %s');
    assert.ok(everything.includes('cadence: weekly'), 'the shared change is committed');
    assert.ok(!everything.includes('stressed') && !everything.includes('team change'), 'no private text in any commit');
    assert.deepEqual(gitIn(mentor, 'ls-files', '.mentorship').trim().split('\n').sort(), ['.mentorship/.gitignore', '.mentorship/mentees/ana-souza.yaml']);
    assert.ok(existsSync(path.join(mentor, '.mentorship', 'private', 'ana-souza.yaml')));
  });
});
