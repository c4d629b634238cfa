/**
 * Sharing a mentorship through git, as mentor and mentee do it: two clones of a bare repository on this
 * machine, each opened in its own workbench (one after the other).
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { git, identity, tryGit } from '../support/git';
import { clickInlineAction, waitFor, Workbench } from './harness';

const ANA = '.mentorship/mentees/ana-souza.yaml';
const PRIVATE_TEXT = 'Worried about the reorg; keep between us.';


describe('e2e: sharing a mentorship with the mentee through git', function () {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mentorship-share-'));
  const bare = path.join(work, 'bookshop.git');
  /** The mentor's clone, kept here between the workbenches (each workbench works on a copy). */
  const mentorRepo = path.join(work, 'mentor');
  let wb: Workbench | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      await wb.screenshot(`FAILED-sharing-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
    }
  });
  after(async () => {
    await wb?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function open(prepare: (workspace: string) => void): Promise<Workbench> {
    await wb?.stop();
    wb = await Workbench.start({ prepare });
    await wb.openMentorshipView();
    return wb;
  }

  it('the mentor shares: private notes moved out first, the data folder out of .gitignore, the merge driver set up; a commit holds no private text', async () => {
    const w = await open((ws) => {
      // The mentor's project: notes kept out of git so far, one private note still in the shared file.
      const file = path.join(ws, ANA);
      const text = readFileSync(file, 'utf8')
        .replace('name: Ana Souza\n', 'name: Ana Souza\nemail: ana@example.com\n')
        .replace('    notes: Reviewed the first draft of the design doc.\n', `    notes: Reviewed the first draft of the design doc.\n    private: ${PRIVATE_TEXT}\n`);
      writeFileSync(file, text);
      writeFileSync(path.join(ws, '.gitignore'), 'node_modules/\n# Mentorship notes (private)\n.mentorship/\n');
      git(ws, 'init', '-q', '-b', 'main');
      identity(ws, 'Mentor', 'mentor@example.com');
      git(ws, 'add', '-A');
      git(ws, 'commit', '-qm', 'Bookshop');
      git(work, 'init', '-q', '--bare', '-b', 'main', bare);
      git(ws, 'remote', 'add', 'origin', bare);
      git(ws, 'push', '-q', '-u', 'origin', 'main');
    });
    await w.waitForTreeRow('Ana Souza', 60_000);
    await w.runCommand('Mentorship: Share with Mentee');
    // Both confirmations are steps of the same quick input.
    await w.pick('still hold', 'Move Them Out');
    // Priya has no e-mail yet: her clone could not tell it is hers. It is asked for in the same flow.
    await w.pick('Priya Nair has no e-mail', 'Set the E-mail of Priya Nair');
    await w.answer('The e-mail of Priya Nair', 'priya@example.com');
    await w.waitForQuickInput('through this git repository');
    await w.screenshot('share-with-mentee');
    await w.pick('through this git repository', 'Share');
    await w.waitForNotification('Ready to share');

    assert.match(w.read('.mentorship/mentees/priya-nair.yaml'), /^email: priya@example\.com$/m);
    // The private note moved out of the shared file, into the folder git never takes.
    assert.ok(!w.read(ANA).includes(PRIVATE_TEXT));
    assert.match(w.read('.mentorship/private/ana-souza.yaml'), /s-2026-11-17: Worried about the reorg/);
    assert.equal(w.read('.gitignore'), 'node_modules/\n');
    assert.match(w.read('.gitattributes'), /^\.mentorship\/\*\*\/\*\.yaml merge=mentorship$/m);
    const driver = git(w.workspace, 'config', '--get', 'merge.mentorship.driver').trim();
    const script = /"([^"]*merge-driver\.js)"/.exec(driver)?.[1];
    assert.ok(script && existsSync(script), `the driver points at the installed script: ${driver}`);

    // The mentor commits and pushes as usual: everything is taken, and no private text.
    git(w.workspace, 'add', '-A');
    git(w.workspace, 'commit', '-qm', 'Share the mentorship with Ana');
    git(w.workspace, 'push', '-q', 'origin', 'main');
    // A second Share says it is done, and what is left (nothing, once committed and pushed).
    await w.runCommand('Mentorship: Share with Mentee');
    await w.waitForNotification('is shared already, and nothing is left to do');
    const history = git(w.workspace, 'log', '-p', '--all');
    assert.ok(history.includes('+name: Ana Souza'), 'the notes are committed');
    assert.ok(!history.includes('Worried about the reorg'), 'no private text in any commit');
    assert.ok(!git(w.workspace, 'ls-files').includes('.mentorship/private/'));

    // A private note typed into the shared file by hand: a warning in the Problems panel, where it is.
    const file = w.file(ANA);
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('    notes: Progress on contract tests; fixtures are the blocker.\n', '    notes: Progress on contract tests; fixtures are the blocker.\n    private: Asked about a raise.\n'));
    await w.page.keyboard.press('Control+Shift+M');
    const warning = w.page.locator('.markers-panel .monaco-list-row', { hasText: 'A private note in a file git tracks' }).first();
    await warning.waitFor({ timeout: 30_000 });
    await w.screenshot('private-note-warning');
    await w.runCommand('Mentorship: Move Private Notes Out');
    await w.waitForNotification('Moved 1 private note');
    await warning.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(w.read(ANA), committed, 'the shared file is as committed again');
    assert.match(w.read('.mentorship/private/ana-souza.yaml'), /s-2026-11-03: Asked about a raise\./);
    assert.equal(git(w.workspace, '--no-optional-locks', 'status', '--porcelain'), '', 'nothing for git to take');
    await w.page.keyboard.press('Control+Shift+M');
    cpSync(w.workspace, mentorRepo, { recursive: true });
  });

  it('the mentee, in their own clone, sees My Mentorship without the mentor’s commands, checks in and adds a topic', async () => {
    const w = await open((ws) => {
      rmSync(ws, { recursive: true, force: true });
      git(work, 'clone', '-q', bare, ws);
      identity(ws, 'Ana Souza', 'ana@example.com');
    });
    await w.waitForTreeRow('Contract tests for the order API', 60_000);
    const header = (await w.page.locator('.part.sidebar .pane-header', { hasText: 'My Mentorship' }).first().textContent({ timeout: 20_000 })) ?? '';
    assert.match(header, /My Mentorship/i);
    await waitFor('the status bar about their own mentorship', async () => ((await w.page.locator('.statusbar').textContent()) ?? '').includes('My mentorship'));
    assert.doesNotMatch((await w.page.locator('.statusbar').textContent()) ?? '', /active mentee|Priya/);
    const rows = await w.treeRows();
    assert.ok(!rows.some((r) => r.startsWith('Priya Nair')), `only Ana's own mentorship: ${rows.join(' | ')}`);
    // The extension registered the merge driver in the mentee's clone too.
    await waitFor('the merge driver registered in the mentee’s clone', () => /merge-driver\.js/.test(tryGit(w.workspace, 'config', '--get', 'merge.mentorship.driver').out));

    await clickInlineAction(w, 'Contract tests for the order API', 'Check In on Goal');
    await w.answer('Progress now', '75');
    await w.answer('What moved', 'Discount fixtures done');
    await w.waitForNotification('Checked in on');
    await w.runCommand('Mentorship: Add Agenda Topic');
    await w.answer('What would you like to talk about next time?', 'Can I lead the next design review?');
    await w.waitForNotification('Added to the agenda');
    await w.expandTreeRow('Agenda');
    await w.waitForTreeRow(/^Can I lead the next design review\?, you/);
    await w.screenshot('my-mentorship');
    // No mentor-only command is offered.
    await w.page.keyboard.press('F1');
    await w.page.locator('.quick-input-widget input').fill('>Mentorship: Log Session');
    await w.page.waitForTimeout(500); // the palette filters as it is typed; give it the same moment a person would
    assert.equal(await w.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentorship: Log Session' }).count(), 0);
    await w.page.locator('.quick-input-widget input').fill('>Mentorship: Forget');
    await w.page.waitForTimeout(500);
    assert.equal(await w.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'GitLab Token' }).count(), 0, 'no token of the mentor to forget');
    await w.page.keyboard.press('Escape');
    // Nor the mentor's view actions: paused and closed mentees are the mentor's concern.
    await w.page.locator('.part.sidebar .composite.title').first().hover().catch(() => undefined);
    const titleActions = await w.page.locator('.part.sidebar .title-actions .action-label, .part.sidebar .pane-header .actions .action-label').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''));
    assert.ok(titleActions.some((a) => /Refresh/.test(a)), `the view's actions are there: ${titleActions.join(' | ')}`);
    assert.ok(!titleActions.some((a) => /Paused and Closed Mentees/.test(a)), titleActions.join(' | '));

    const data = parse(w.read(ANA));
    assert.equal(data.goals[0].progress, 75);
    assert.deepEqual(data.agenda.map((t: { by: string }) => t.by), ['mentee']);
    git(w.workspace, 'commit', '-qam', 'Check-in and a topic');
    git(w.workspace, 'push', '-q', 'origin', 'main');
  });

  it('the mentor logs a session and adds a topic meanwhile; the pull merges by ids (git alone conflicts) and the tree shows the mentee’s work', async () => {
    const w = await open((ws) => {
      rmSync(ws, { recursive: true, force: true });
      cpSync(mentorRepo, ws, { recursive: true });
    });
    await w.waitForTreeRow('Ana Souza', 60_000);
    await w.runCommand('Mentorship: Log Session');
    await w.pick('Log a session with', 'Ana Souza');
    await w.answer('Date of the session with Ana Souza', '2026-11-30');
    await w.answer('Duration in minutes', undefined);
    await w.waitForQuickInput('Topics');
    await w.page.keyboard.type('design review');
    await w.page.keyboard.press('Enter');
    await w.answer('Notes', 'Second draft is close');
    await w.waitForQuickInput('Save now, or add more');
    await w.page.keyboard.press('Enter');
    await w.waitForNotification('saved');
    await w.runCommand('Mentorship: Add Agenda Topic');
    await w.pick('A topic for the next session with', 'Ana Souza');
    await w.answer('What would you like to talk about with Ana Souza next time?', 'Feedback from the first review');
    await w.waitForNotification('Added to the agenda');
    git(w.workspace, 'commit', '-qam', 'Session of 30 November');

    // Without the driver, git's line merge stops on the agenda both sides started.
    const plain = path.join(work, 'plain');
    cpSync(w.workspace, plain, { recursive: true });
    git(plain, 'config', '--remove-section', 'merge.mentorship'); // as on a machine without the extension
    const without = tryGit(plain, 'pull', '-q', 'origin', 'main');
    assert.equal(without.ok, false, without.out);
    assert.match(without.out, /CONFLICT/);

    const pull = tryGit(w.workspace, 'pull', '-q', 'origin', 'main');
    assert.ok(pull.ok, pull.out);
    const merged = w.read(ANA);
    assert.doesNotMatch(merged, /^<{7}/m);
    const data = parse(merged);
    assert.equal(data.goals[0].progress, 75);
    assert.equal(data.goals[0].checkIns.at(-1).note, 'Discount fixtures done');
    assert.equal(data.sessions.at(-1).notes, 'Second draft is close');
    assert.deepEqual(data.agenda.map((t: { text: string }) => t.text).sort(), ['Can I lead the next design review?', 'Feedback from the first review']);
    assert.ok(merged.startsWith('# Ana — mid-way. Focus: testing and owning design decisions.\n'), 'the mentor’s comments are kept');
    assert.ok(merged.includes('team: checkout   # unknown keys are kept'));

    // The pull changed the file on disk: the tree follows.
    await w.waitForTreeRow(/^Ana Souza, .* · 1 topic from Ana · Backend engineer/, 30_000);
    await w.expandTreeRow('Ana Souza');
    await w.waitForTreeRow(/^Contract tests for the order API, 75%/);
    await w.expandTreeRow('Agenda');
    await w.waitForTreeRow(/^Can I lead the next design review\?, Ana/);
    await w.screenshot('shared-merged');
  });

  it('a field changed differently on both sides: the tree shows a merge conflict, Resolve asks only about it and finishes the merge', async () => {
    const w = wb!;
    // The mentee sets the progress to 80 and pushes; the mentor had written 70 by hand and committed.
    const mentee = path.join(work, 'mentee-again');
    git(work, 'clone', '-q', bare, mentee);
    identity(mentee, 'Ana Souza', 'ana@example.com');
    const setProgress = (file: string, value: number): void => writeFileSync(file, readFileSync(file, 'utf8').replace('    progress: 75\n', `    progress: ${value}\n`));
    setProgress(path.join(mentee, ANA), 80);
    git(mentee, 'commit', '-qam', 'progress 80');
    git(mentee, 'push', '-q', 'origin', 'main');
    setProgress(w.file(ANA), 70);
    git(w.workspace, 'commit', '-qam', 'progress 70');
    const pull = tryGit(w.workspace, 'pull', '-q', 'origin', 'main');
    assert.equal(pull.ok, false);
    assert.match(pull.out, /1 changed on both sides \(“Contract tests for the order API” › progress\)/);

    await w.waitForTreeRow(/^ana-souza\.yaml: merge conflict/, 30_000);
    await waitFor('the view to say what to do', async () => ((await w.page.locator('.part.sidebar').textContent()) ?? '').includes('1 file has a merge conflict: choose Resolve on its row.'));
    // The status bar says so too (not "0 active mentees"), and leads to Resolve.
    await waitFor('the status bar to show the conflict', async () => ((await w.page.locator('.statusbar').textContent()) ?? '').includes('1 file in a merge conflict'));
    assert.doesNotMatch((await w.page.locator('.statusbar').textContent()) ?? '', /0 active mentees/);
    await w.screenshot('merge-conflict-row');
    await clickInlineAction(w, 'ana-souza.yaml: merge conflict', 'Resolve Merge Conflict');
    await w.waitForQuickInput('changed on both sides');
    await w.screenshot('merge-conflict-choice');
    await w.pick('changed on both sides', 'Take theirs');
    // Staging is the flow's last step, and it says what finishes the merge.
    await w.pick('Stage it to finish the merge', 'Stage ana-souza.yaml');
    await w.waitForNotification('ana-souza.yaml is staged. Commit to finish the merge.');
    // Staged: one entry at stage 0, no conflict stages left. (Read-only git: `git status` would refresh
    // the index and could hold its lock just when the extension runs `git add`.)
    await waitFor('the file staged', () => /^100644 [0-9a-f]+ 0\t\.mentorship\/mentees\/ana-souza\.yaml\n$/.test(git(w.workspace, 'ls-files', '--stage', '--', ANA)));
    const data = parse(w.read(ANA));
    assert.equal(data.goals[0].progress, 80);
    assert.doesNotMatch(w.read(ANA), /^<{7}/m);
    assert.ok(w.read(ANA).includes('team: checkout   # unknown keys are kept'));
    git(w.workspace, 'commit', '-qm', 'Merge');
    await w.expandTreeRow('Ana Souza');
    await w.waitForTreeRow(/^Contract tests for the order API, 80%/);
  });
});
