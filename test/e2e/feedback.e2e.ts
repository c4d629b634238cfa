import * as assert from 'node:assert/strict';
import { useMentorshipView } from './harness';
import { feedbackStory } from './stories';

const ANA = '.mentorship/mentees/ana-souza.yaml';

describe('e2e: feedback linked to a code selection', function () {
  const get = useMentorshipView('Ana Souza');

  it('stores the feedback with the file and range of the selection, and going to it selects those lines again, also after an edit above', async () => {
    await feedbackStory(get());
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
