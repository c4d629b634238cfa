import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { useMentorshipView, waitFor } from './harness';

const ANA = '.mentorship/mentees/ana-souza.yaml';

describe('e2e: feedback linked to a code selection', function () {
  const get = useMentorshipView('Ana Souza');

  it('stores the feedback with the file and range of the selection, and going to it selects those lines again, also after an edit above', async () => {
    const wb = get();
    await wb.openFile('src/pricing.ts');
    // Select lines 20–24 (parseDiscount) with the keyboard.
    await wb.goToLine(20);
    await wb.page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) {
      await wb.page.keyboard.press('Shift+ArrowDown');
    }
    await wb.page.keyboard.press('Shift+End');
    await waitFor('the selection', async () => /selected/.test(await wb.cursorStatus()));

    await wb.runCommand('Mentorship: Log Feedback on Selection');
    await wb.pick('Feedback for', 'Ana Souza');
    await wb.pick('What kind of feedback', 'suggestion');
    await wb.answer('Feedback on src/pricing.ts:20', 'Consider returning a typed error instead of undefined, so callers see why.');
    await wb.pick('Does it relate to a goal', 'No goal');
    await wb.answer('Review reference', '#131');
    await wb.waitForNotification('Feedback saved, linked to src/pricing.ts:20');
    // The new thread is open where it was written, not only a gutter icon.
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Consider returning a typed error' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('feedback-just-logged');

    const data = parse(wb.read(ANA));
    const fb = data.feedback[data.feedback.length - 1];
    assert.equal(fb.kind, 'suggestion');
    assert.equal(fb.review, '#131');
    assert.equal(fb.anchor.path, 'src/pricing.ts');
    assert.deepEqual(fb.anchor.range, { startLine: 20, startColumn: 1, endLine: 24, endColumn: 2 });
    assert.ok(fb.anchor.text.startsWith('export function parseDiscount(code: string)'), fb.anchor.text);
    assert.ok(fb.anchor.text.endsWith('}'));

    // Edit the file above the anchor: two new lines at the top, saved.
    await wb.goToLine(1);
    await wb.page.keyboard.press('Home');
    await wb.page.keyboard.type("export const CURRENCY = 'EUR';\nexport const VAT = 0.09;\n");
    await wb.page.keyboard.press('Control+S');
    // The range followed the edit live and is written back on save, with the snippet unchanged.
    await waitFor('the moved range to be saved', () => {
      const now = parse(wb.read(ANA)).feedback.find((x: { id: string }) => x.id === fb.id);
      return now.anchor.range.startLine === 22 ? now : undefined;
    });

    // Open another file, then go to the feedback from the tree.
    await wb.openFile('src/orders.ts');
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    const row = wb.treeRow('Consider returning a typed error');
    await row.waitFor();
    await row.click();
    await waitFor('pricing.ts to be active with the feedback lines selected', async () => {
      const tab = await wb.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
      const status = await wb.cursorStatus();
      return tab?.includes('pricing.ts') && /Ln 26, Col 2 \(\d+ selected\)/.test(status) ? status : undefined;
    });
    const status = await wb.cursorStatus();
    assert.match(status, new RegExp(`\\(${fb.anchor.text.length} selected\\)`), status);
    // The comment thread shows the feedback next to the code.
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Consider returning a typed error' }).first().waitFor({ timeout: 20_000 });
    const after = parse(wb.read(ANA)).feedback.find((x: { id: string }) => x.id === fb.id);
    assert.deepEqual(after.anchor.range, { startLine: 22, startColumn: 1, endLine: 26, endColumn: 2 });
    assert.equal(after.anchor.text, fb.anchor.text);
    await wb.screenshot('feedback-go-to');
  });

  it('deleting the anchored code keeps the feedback, and going to it says plainly that the code is gone', async () => {
    const wb = get();
    await wb.openFile('src/orders.ts');
    await wb.goToLine(18);
    await wb.page.keyboard.press('Control+Shift+K');
    await wb.page.keyboard.press('Control+S');
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    await wb.treeRow('Use the logger instead of').click();
    await wb.waitForNotification('The code this feedback was about is no longer in src/orders.ts');
    assert.ok(wb.read(ANA).includes('Use the logger instead of console.log'), 'the feedback is kept');
    assert.ok(!wb.read('src/orders.ts').includes("console.log('order created'"));
    await wb.screenshot('feedback-orphaned');
  });
});
