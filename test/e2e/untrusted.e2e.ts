/**
 * An untrusted workspace (restricted mode): the notes are shown, nothing offers to write, and every command
 * that would write — run as a keybinding, a menu or another extension would run it — says so and writes
 * nothing.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/commandTable';
import { useWorkbench, waitFor } from './harness';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mentorship-untrusted-'));
const LIST = path.join(scratch, 'commands.json');
const RESULTS = path.join(scratch, 'results.json');

/** Every file of the workspace with a hash of its bytes (the .git folder aside). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) {
        walk(p);
      } else {
        out[path.relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
      }
    }
  };
  walk(root);
  return out;
}

describe('e2e: an untrusted workspace', function () {
  const get = useWorkbench({ untrusted: true, env: { MENTORSHIP_COMMANDS: LIST, MENTORSHIP_COMMANDS_RESULTS: RESULTS } }, async (w) => {
    await w.openMentorshipView();
  });

  it('shows the notes but offers nothing that writes', async () => {
    const wb = get();
    await wb.waitForTreeRow('Ana Souza', 60_000);
    await wb.page.locator('.part.sidebar .title-actions, .part.sidebar .actions-container').first().waitFor();
    const titleActions = await wb.page.locator('.part.sidebar .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(!titleActions.some((a) => a.startsWith('Add Mentee')), titleActions.join(', '));
    // Read-only commands are there; writing ones are not.
    await wb.runCommand('Mentorship: Open Dashboard');
    await wb.pick('Open the dashboard of', 'Ana Souza');
    await wb.dashboardFrame('Ana Souza');
    await wb.closeQuickInput();
    await wb.page.keyboard.press('F1');
    await wb.page.locator('.quick-input-widget input').fill('>Mentorship: Log Session');
    await waitFor('the palette to settle', async () => (await wb.page.locator('.quick-input-widget').textContent())?.includes('No matching commands') || (await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Log Session' }).count()) === 0);
    assert.equal(await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentorship: Log Session' }).count(), 0);
    await wb.closeQuickInput();
    await wb.screenshot('untrusted');
  });

  it('every command that writes, run anyway, says why and writes nothing', async function () {
    this.timeout(240_000);
    const wb = get();
    const ana = path.join(wb.workspace, '.mentorship', 'mentees', 'ana-souza.yaml');
    // As the tree, the editor's comment threads and other commands pass them: an entry of Ana's file.
    const arg = { kind: 'goal', path: ana, entityId: 'g-contract-tests' };
    const writing = Object.entries(COMMANDS)
      .filter(([, c]) => c.writes)
      .map(([id]) => id);
    assert.ok(writing.length >= 30, writing.join(', '));
    writeFileSync(LIST, JSON.stringify(writing.map((id) => ({ id, args: [arg] }))));
    const before = snapshot(wb.workspace);
    await wb.runCommand('Mentorship Tests: Run Listed Commands');
    await waitFor('every command to have run', () => existsSync(RESULTS), 120_000, 300);
    const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as { id: string; ok: boolean; error?: string }[];
    assert.deepEqual(
      results.filter((r) => !r.ok),
      [],
      'no command failed outright',
    );
    // Nothing changed on disk, not one byte, and no file appeared.
    assert.deepEqual(snapshot(wb.workspace), before);
    // Each command said why, naming itself: the message it showed is in the log, one for each.
    const log = await waitFor('a refusal logged for each command', async () => {
      const text = await wb.mentorshipLog();
      return writing.every((id) => new RegExp(`${id.replace('.', '\\.')}: refused, the workspace is not trusted: Mentorship: [^:]+: this workspace is not trusted, so Mentorship only reads here`).test(text)) ? text : undefined;
    }, 30_000, 500);
    for (const title of ['Mentorship: Log Session', 'Mentorship: Log Feedback on Selection', 'Mentorship: Share with Mentee…', 'Mentorship: Delete Mentee']) {
      assert.ok(log.includes(`${title}: this workspace is not trusted, so Mentorship only reads here.`), `${title} said why`);
    }
    await wb.waitForNotification(/this workspace is not trusted, so Mentorship only reads here/);
    await wb.screenshot('untrusted-commands-refused');
  });
});
