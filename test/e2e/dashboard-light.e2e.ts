import * as assert from 'node:assert/strict';
import { useMentorshipView, waitFor } from './harness';

describe('e2e: the dashboard in the light theme, and after a reload', function () {
  const get = useMentorshipView('Ana Souza', { theme: 'light' });

  it('opens from the tree, reads well in the light theme, and comes back after the window reloads', async () => {
    const wb = get();
    const { clickInlineAction } = await import('./harness');
    await clickInlineAction(wb, 'Ana Souza', 'Open Dashboard');
    let frame = await wb.dashboardFrame('Ana Souza');
    assert.equal(await frame.locator('.goal').count(), 3);
    // Keyboard: the buttons are reachable with Tab and run on Enter.
    await frame.locator('button[data-action="addGoal"]').focus();
    await wb.page.keyboard.press('Enter');
    await wb.waitForQuickInput('Goal title');
    await wb.page.keyboard.press('Escape');
    await wb.screenshot('dashboard-ana-light');

    // Reload with the dashboard open beside an editor; it comes back as a tab, with its mentee.
    await wb.openFile('src/cart.ts');
    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const tab = wb.page.locator('.tabs-container .tab[aria-label^="Mentorship: Ana Souza"]').first();
    await tab.waitFor({ timeout: 60_000 });
    await tab.click();
    frame = await wb.dashboardFrame('Ana Souza', 60_000);
    await waitFor('the restored dashboard to show the goals', async () => (await frame.locator('.goal').count()) === 3);
  });
});
