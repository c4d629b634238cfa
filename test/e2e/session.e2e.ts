import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { useWorkbench, waitFor } from './harness';

const PRIYA = '.mentorship/mentees/priya-nair.yaml';

describe('e2e: Log Session from the command palette', function () {
  const get = useWorkbench({}, async (w) => {
    await w.openMentorshipView();
    await w.waitForTreeRow('Priya Nair', 60_000);
  });

  it('writes exactly one well-formed session into the right file, keeps its comments, and the tree updates', async () => {
    const wb = get();
    const before = wb.read(PRIYA);
    const anaBefore = wb.read('.mentorship/mentees/ana-souza.yaml');
    await wb.runCommand('Mentorship: Log Session');
    await wb.pick('Log a session with', 'Priya Nair');
    await wb.answer('Date of the session with Priya Nair', undefined);
    await wb.answer('Duration in minutes', undefined);
    await wb.waitForQuickInput('Topics');
    await wb.page.keyboard.type('pairing');
    await wb.screenshot('session-topic-typed');
    await wb.page.keyboard.press('Enter');
    await wb.answer('Notes', 'Walked through the strict-mode errors together');
    await wb.waitForQuickInput('Save now, or add more');
    await wb.screenshot('session-save-menu');
    await wb.page.keyboard.press('Enter');
    await wb.waitForNotification('saved');

    const after = wb.read(PRIYA);
    const data = parse(after);
    assert.equal(data.sessions.length, 2);
    const s = data.sessions[1];
    assert.equal(s.notes, 'Walked through the strict-mode errors together');
    assert.equal(s.duration, 30, 'the usual duration is the default');
    assert.deepEqual(s.topics, ['pairing']);
    assert.match(s.date, /^\d{4}-\d{2}-\d{2}$/);
    // Taking the new session's lines out gives back the original file, byte for byte.
    const start = after.indexOf(`  - id: ${String(s.id)}\n`);
    const end = after.indexOf('\n\nfeedback:');
    assert.ok(start > 0 && end > start, after);
    assert.equal(after.slice(0, start) + after.slice(end + 1), before);
    assert.ok(after.includes('# Priya — new. First weeks; goals still being shaped.'));
    assert.equal(wb.read('.mentorship/mentees/ana-souza.yaml'), anaBefore, 'other mentees untouched');

    await wb.expandTreeRow('Priya Nair');
    await wb.waitForTreeRow(/^Sessions, 2/);
    await wb.screenshot('session-logged');
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
});
