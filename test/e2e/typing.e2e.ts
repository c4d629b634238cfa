/**
 * A mentor who knows the steps types straight through them. Every key of a palette flow goes to its quick
 * input, including the keys typed before the next step is drawn and across a hint: none may land in the
 * code that was selected when the flow started.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { useMentorshipView, waitFor } from './harness';
import type { Workbench } from './harness';

const ANA = '.mentorship/mentees/ana-souza.yaml';
const CODE = 'src/pricing.ts';

async function selectLines(wb: Workbench, from: number, count: number): Promise<void> {
  await wb.openFile(CODE);
  await wb.goToLine(from);
  await wb.page.keyboard.press('Home');
  for (let i = 0; i < count; i++) {
    await wb.page.keyboard.press('Shift+ArrowDown');
  }
  await wb.page.keyboard.press('Shift+End');
  await waitFor('the selection', async () => /selected/.test(await wb.cursorStatus()));
}

/** Types the whole flow, each key `delay` ms after the last, never waiting for a step to be drawn. */
async function typeFeedbackFlow(wb: Workbench, delay: number, text: string, nextStep: string, review: string): Promise<void> {
  await wb.runCommand('Mentorship: Log Feedback on Selection');
  // The flow has started once its first step is there; from then on nothing waits for the screen.
  await wb.waitForQuickInput('Feedback for');
  const k = wb.page.keyboard;
  await k.type('Ana', { delay });
  await k.press('Enter', { delay }); // the mentee
  await k.press('Enter', { delay }); // the kind: suggestion, the default
  await k.type(text, { delay });
  await k.press('Enter', { delay }); // no next step in it: the hint comes, as a step
  await k.press('Enter', { delay }); // "Add a next step": back in the text, the cursor after it
  await k.type(nextStep, { delay });
  await k.press('Enter', { delay });
  await k.press('Enter', { delay }); // no goal
  await k.type(review, { delay });
  await k.press('Enter', { delay });
}

describe('e2e: keys typed straight through a flow stay in it', function () {
  const get = useMentorshipView('Ana Souza');

  for (const [speed, delay] of [
    ['at keyboard speed', 30],
    ['all at once', 0],
  ] as const) {
    it(`Log Feedback on Selection typed ${speed}, the hint included: the code is unchanged byte for byte and the feedback is saved`, async () => {
      const wb = get();
      const code = wb.read(CODE);
      const before = parse(wb.read(ANA)).feedback.length as number;
      await selectLines(wb, 20, 2);
      const text = `The discount code is parsed twice (${speed}).`;
      const review = `https://github.com/octo/bookshop/pull/${delay + 9}`;
      await typeFeedbackFlow(wb, delay, text, 'Try parsing it once in the caller.', review);
      const data = await waitFor('the feedback in the YAML', () => {
        const d = parse(wb.read(ANA));
        return d.feedback.length === before + 1 ? d : undefined;
      });
      const fb = data.feedback[data.feedback.length - 1];
      assert.equal(fb.text, `${text} Try parsing it once in the caller.`);
      assert.equal(fb.kind, 'suggestion');
      assert.equal(fb.review, review);
      assert.equal(fb.goal, undefined);
      assert.equal(fb.anchor.path, CODE);
      assert.equal(fb.anchor.range.startLine, 20);
      // Not one key reached the code: the file on disk, and the editor's copy (no unsaved edit).
      assert.equal(wb.read(CODE), code);
      assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the editor has no unsaved edit');
      await wb.screenshot(`typed-straight-through-${delay}`);
    });
  }
});
