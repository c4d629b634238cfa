/** Feedback follows its file when the file is renamed in the editor, or was renamed in git meanwhile. */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { git, identity } from '../support/git';
import { useMentorshipView, waitFor } from './harness';

const ANA = '.mentorship/mentees/ana-souza.yaml';

describe('e2e: feedback follows renamed files', function () {
  const get = useMentorshipView('Ana Souza', {
    prepare: (ws) => {
      // The project in git; the radix nitpick was written at the first commit, then pricing.ts was renamed.
      git(ws, 'init', '-q', '-b', 'main');
      identity(ws, 'Mentor', 'mentor@example.com');
      git(ws, 'add', '-A');
      git(ws, 'commit', '-qm', 'Bookshop');
      const commit = git(ws, 'rev-parse', 'HEAD').trim();
      const file = path.join(ws, ANA);
      const text = readFileSync(file, 'utf8').replace(
        '      path: src/pricing.ts\n      range: {startLine: 23,',
        `      path: src/pricing.ts\n      commit: ${commit}\n      range: {startLine: 23,`,
      );
      writeFileSync(file, text);
      git(ws, 'mv', 'src/pricing.ts', 'src/prices.ts');
      git(ws, 'commit', '-qm', 'pricing.ts is prices.ts now');
    },
  });

  const anchors = (): string[] => (parse(get().read(ANA)).feedback as { anchor?: { path: string } }[]).map((f) => f.anchor?.path ?? '');

  it('a file renamed in the Explorer: every feedback link to it follows at once', async () => {
    const wb = get();
    assert.equal(anchors().filter((p) => p === 'src/cart.ts').length, 2);
    await wb.openFile('src/cart.ts');
    await wb.runCommand('File: Reveal Active File in Explorer View');
    // Rename from the Explorer's own keyboard focus (revealing selects the row; F2 elsewhere would rename a symbol).
    const row = wb.page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'cart.ts' }).first();
    await row.click();
    await wb.page.locator('.explorer-folders-view .monaco-list:focus-within .monaco-list-row.focused', { hasText: 'cart.ts' }).first().waitFor();
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.explorer-folders-view .monaco-inputbox input').first();
    await input.waitFor();
    await input.fill('basket.ts');
    await wb.page.keyboard.press('Enter');
    await waitFor('the links to follow the file', () => anchors().filter((p) => p === 'src/basket.ts').length === 2);
    assert.ok(!anchors().includes('src/cart.ts'));
    assert.ok(wb.read(ANA).includes('team: checkout   # unknown keys are kept'), 'the rest of the file as it was');
    // Going to the code opens the renamed file at the feedback's lines.
    await wb.openMentorshipView();
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    await wb.treeRow('praise · basket.ts:8').click();
    await waitFor('basket.ts open with lines 8–9 selected', async () => {
      const tab = await wb.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
      return tab?.includes('basket.ts') && /Ln 9, Col 34 \(53 selected\)/.test(await wb.cursorStatus());
    });
    await wb.screenshot('renamed-file-followed');
  });

  it('a file renamed in git since the feedback’s commit: Go to Code finds it and the link follows', async () => {
    const wb = get();
    assert.ok(anchors().includes('src/pricing.ts'));
    await wb.openMentorshipView();
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    await wb.treeRow('nitpick · pricing.ts:23').click();
    await wb.waitForNotification('src/pricing.ts was renamed to src/prices.ts; the feedback follows it.');
    await waitFor('prices.ts open at line 23', async () => {
      const tab = await wb.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
      return tab?.includes('prices.ts') && /Ln 23,/.test(await wb.cursorStatus());
    });
    await waitFor('the stored path to follow', () => anchors().filter((p) => p === 'src/prices.ts').length === 1);
  });
});
