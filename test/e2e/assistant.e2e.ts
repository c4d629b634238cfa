import * as assert from 'node:assert/strict';
import { useWorkbench, vscodeVersion, waitFor } from './harness';

/** The assistant's parts a mentor sees in the workbench: the digest without AI, and the MCP server VS Code lists. */
describe('e2e: the assistant', function () {
  const get = useWorkbench();

  it('Prepare Next Session opens the digest as Markdown, from the palette, with the keyboard in a preview', async () => {
    const wb = get();
    await wb.runCommand('Mentorship: Prepare Next Session');
    await wb.pick('Prepare the next session with…', 'Ana Souza');
    const frame = await wb.webviewFrame('.markdown-preview, body.vscode-body', 30_000);
    const text = await waitFor('the digest in the preview', async () => {
      const t = await frame.locator('body').innerText().catch(() => '');
      return t.includes('Proposed agenda') ? t : undefined;
    }, 30_000);
    assert.match(text, /Next session with Ana Souza/);
    assert.match(text, /Last session: 2026-11-17/);
    assert.match(text, /Share a design doc template \(mentor, 2026-10-27, overdue\)/);
    assert.match(text, /Lead a design review: 15%, stalled/);
    assert.doesNotMatch(text, /unsure|stand-ups/, 'the private note of the demo is not in it');
    await wb.screenshot('prepare-next-session');
  });

  const [major, minor] = vscodeVersion().split('.').map(Number);
  if (major > 1 || minor >= 101) {
    it('VS Code lists the notebook’s MCP server (1.101 and later)', async () => {
      const wb = get();
      await wb.runCommand('MCP: List Servers');
      const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentorship' }).first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click();
      // VS Code starts it as it would for its agent: the extension host's runtime runs dist/mcp.js.
      const start = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: /Start Server/ }).first();
      await start.waitFor({ state: 'visible', timeout: 10_000 });
      await start.click();
      await wb.runCommand('MCP: List Servers');
      const running = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentorship' }).first();
      const status = await waitFor('the server running with its tools', async () => {
        const t = (await running.innerText().catch(() => '')).replace(/\s+/g, ' ');
        return /Running/i.test(t) ? t : undefined;
      }, 30_000, 500);
      assert.match(status, /Mentorship\s*Running/);
      // Its output channel says how many tools it found: all of them (the workspace is trusted).
      await waitFor('the server’s tools discovered', async () => ((await wb.page.locator('.part.panel').innerText().catch(() => '')).replace(/\s+/g, ' ').includes('Discovered 11 tools') ? true : undefined), 30_000, 500);
      await wb.page.waitForTimeout(400);
      await wb.screenshot('mcp-list-servers');
      await wb.closeQuickInput();
    });
  }
});
