import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { useMentorshipView, waitFor } from './harness';
import { logSessionStory } from './stories';

const PRIYA = '.mentorship/mentees/priya-nair.yaml';

describe('e2e: Log Session from the command palette', function () {
  const get = useMentorshipView('Priya Nair');

  it('writes exactly one well-formed session into the right file, keeps its comments, and the tree updates', async () => {
    await logSessionStory(get());
  });

  it('cancelling half way writes nothing', async () => {
    const wb = get();
    const before = wb.read(PRIYA);
    await wb.runCommand('Mentorship: Log Session');
    await wb.pick('Log a session with', 'Priya Nair');
    await wb.answer('Date of the session with Priya Nair', undefined);
    await wb.waitForQuickInput('Duration in minutes');
    await wb.page.keyboard.press('Escape');
    await waitFor('the quick input to close', async () => !(await wb.page.locator('.quick-input-widget').isVisible()));
    // Give a (wrong) write every chance to land before checking that none did.
    await wb.runCommand('Mentorship: Refresh');
    assert.equal(wb.read(PRIYA), before);
  });

  it('the full flow adds an action item, a goal check-in and private notes (kept apart) in one write of the mentee file', async () => {
    const wb = get();
    const file = '.mentorship/mentees/ana-souza.yaml';
    await wb.runCommand('Mentorship: Log Session');
    await wb.pick('Log a session with', 'Ana Souza');
    await wb.answer('Date of the session with Ana Souza', '2026-11-28');
    await wb.answer('Duration in minutes', '50');
    await wb.waitForQuickInput('Topics');
    await wb.page.keyboard.type('testing, fixtures');
    await wb.page.keyboard.press('Enter');
    await wb.answer('Notes', 'Fixtures are unblocked');
    await wb.pick('Save now, or add more', 'Add an action item');
    await wb.answer('Action item: what will be done?', 'Pair on the discount fixtures');
    await wb.pick('Who owns it?', 'Mentee');
    await wb.answer('Due date', '2026-12-10');
    await wb.pick('Save now, or add more', 'Check in on a goal');
    await wb.pick('Which goal was discussed?', 'Contract tests for the order API');
    await wb.answer('Progress of "Contract tests for the order API" now', '70');
    await wb.answer('A note for this check-in', '');
    await wb.pick('Save now, or add more', 'Private notes');
    // The step's own prompt: the menu just left also holds the words "Private notes".
    await wb.answer('Private notes: kept apart', 'Seemed tired; ask about workload');
    await wb.waitForQuickInput('Save now, or add more');
    await wb.page.keyboard.press('Enter');
    await wb.waitForNotification('Session of 2026-11-28 with Ana Souza saved');
    const data = parse(wb.read(file));
    const s = data.sessions[data.sessions.length - 1];
    assert.equal(s.date, '2026-11-28');
    assert.equal(s.duration, 50);
    assert.deepEqual(s.topics, ['testing', 'fixtures']);
    // Private notes live apart, in a git-ignored folder, keyed by the session's id.
    assert.equal(s.private, undefined);
    assert.ok(!wb.read(file).includes('Seemed tired'), 'no private note in the shared file');
    assert.equal(parse(wb.read('.mentorship/private/ana-souza.yaml')).sessions[s.id], 'Seemed tired; ask about workload');
    assert.match(wb.read('.mentorship/private/.gitignore'), /^\*$/m);
    assert.deepEqual(s.goals, ['g-contract-tests']);
    assert.equal(s.actions.length, 1);
    assert.deepEqual({ ...s.actions[0], id: undefined }, { id: undefined, text: 'Pair on the discount fixtures', owner: 'mentee', due: '2026-12-10', done: false });
    const goal = data.goals.find((g: { id: string }) => g.id === 'g-contract-tests');
    assert.equal(goal.progress, 70);
    assert.deepEqual(goal.checkIns[goal.checkIns.length - 1], { date: '2026-11-28', progress: 70 });
    assert.ok(wb.read(file).includes('team: checkout   # unknown keys are kept'));
    assert.ok(!wb.extensionLog().includes('Seemed tired'), 'private notes never reach the log');
  });

  it('Start Session opens a Markdown draft; End Session turns it into a session and removes the draft', async () => {
    const wb = get();
    const file = '.mentorship/mentees/priya-nair.yaml';
    const sessionsBefore = parse(wb.read(file)).sessions.length;
    await wb.runCommand('Mentorship: Start Session');
    await wb.pick('Start a session with', 'Priya Nair');
    await wb.page.locator('.tabs-container .tab.active[aria-label*="priya-nair--"]').waitFor({ timeout: 15_000 });
    const draftDir = wb.file('.mentorship/drafts');
    await waitFor('the draft file', () => readdirSync(draftDir).length === 1);
    // What was logged since the last session (the one the first test logged) opens the draft.
    assert.match(readFileSync(path.join(draftDir, readdirSync(draftDir)[0]), 'utf8'), /\n\n### Since the last session \(\d{4}-\d{2}-\d{2}\)\n- [^\n]+\n\n## Open action items/);
    // The cursor is in the notes section: type there, then tick the open action item (line 10).
    await waitFor('the cursor in the notes section', async () => /Ln 19, Col 1/.test(await wb.cursorStatus()));
    await wb.page.keyboard.type('Walked through the first strict errors.');
    await wb.goToLine(10);
    await wb.page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) {
      await wb.page.keyboard.press('ArrowRight');
    }
    await wb.page.keyboard.press('Delete');
    await wb.page.keyboard.type('x');
    // Both edits are in the editor before the session ends.
    await waitFor('the typed notes and the ticked item in the editor', async () => {
      const shown = (await wb.page.locator('.editor-instance .monaco-editor .view-lines >> visible=true').first().textContent()) ?? '';
      const text = shown.replace(/\u00a0/g, ' ');
      return text.includes('[x] Pick the package') && text.includes('Walked through the first strict errors.');
    });
    await wb.screenshot('session-draft');
    await wb.runCommand('Mentorship: End Session');
    await wb.waitForNotification('Session with Priya Nair saved');
    const data = parse(wb.read(file));
    assert.equal(data.sessions.length, sessionsBefore + 1);
    const s = data.sessions[data.sessions.length - 1];
    assert.equal(s.notes, 'Walked through the first strict errors.');
    assert.ok(s.duration >= 1);
    const action = data.sessions.flatMap((x: { actions?: { id: string; done?: boolean }[] }) => x.actions ?? []).find((a: { id: string }) => a.id === 'a-pick-package');
    assert.equal(action.done, true);
    await waitFor('the draft to be removed', () => readdirSync(draftDir).length === 0);
  });
});
