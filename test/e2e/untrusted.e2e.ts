import * as assert from 'node:assert/strict';
import { useWorkbench, waitFor } from './harness';

describe('e2e: an untrusted workspace', function () {
  const get = useWorkbench({ untrusted: true }, async (w) => {
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
    await wb.screenshot('untrusted');
  });
});
