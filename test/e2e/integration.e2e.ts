import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, useWorkbench, waitFor } from './harness';

const results = path.join(mkdtempSync(path.join(os.tmpdir(), 'mentorship-it-')), 'results.json');

describe('extension-host tests inside code-server', function () {
  const get = useWorkbench({
    env: { MENTORSHIP_INTEGRATION_BUNDLE: path.join(ROOT, 'out', 'integration.js'), MENTORSHIP_INTEGRATION_RESULTS: results, MENTORSHIP_FAKE_MODEL_LOG: path.join(path.dirname(results), 'fake-model.log') },
  });

  it('runs the mocha suite of test/integration against the real vscode API, and every test passes', async function () {
    this.timeout(240_000);
    const wb = get();
    await wb.runCommand('Mentorship Tests: Run Extension-Host Tests');
    // A write tool called outside a chat asks the mentor in a dialog: what it says is recorded, then allowed.
    const dialogs: string[] = [];
    await waitFor(
      'the extension-host results',
      async () => {
        const dialog = wb.page.locator('.monaco-dialog-box').first();
        if (await dialog.isVisible().catch(() => false)) {
          dialogs.push((await dialog.innerText()).replace(/\s+/g, ' '));
          if (dialogs.length === 1) {
            await wb.screenshot('assistant-write-confirmation');
          }
          await dialog.getByRole('button', { name: /^(Yes|Allow|Continue)/ }).first().click();
        }
        return existsSync(results);
      },
      180_000,
      500,
    );
    assert.ok(
      dialogs.some((d) => d.includes('Write to the mentoring notes?') && d.includes('Add "Which package goes strict first" to the agenda of the next session with Priya Nair.')),
      `the write tool asked first, in the operation's words: ${JSON.stringify(dialogs)}`,
    );
    const r = JSON.parse(readFileSync(results, 'utf8')) as { passed: number; failed: number; tests: { title: string; state: string; error?: string }[] };
    for (const t of r.tests) {
      console.log(`      ${t.state === 'passed' ? '✔' : '✘'} [extension host] ${t.title}${t.error ? `\n${t.error}` : ''}`);
    }
    assert.equal(r.failed, 0, r.tests.filter((t) => t.error).map((t) => `${t.title}: ${t.error}`).join('\n'));
    assert.ok(r.passed >= 5, `only ${r.passed} passed`);
  });
});
