import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

describe('e2e: the Mentorship view', function () {
  const get = useWorkbench();

  it('shows the demo mentees with their goals and progress', async () => {
    const wb = get();
    await wb.openMentorshipView();
    await wb.waitForTreeRow('Ana Souza', 60_000);
    const rows = await wb.treeRows();
    assert.ok(rows.some((r) => r.startsWith('Priya Nair')), rows.join('\n'));
    assert.ok(!rows.some((r) => r.startsWith('Mei Chen')), 'closed mentees are grouped, not at the top');
    assert.ok(rows.some((r) => r.startsWith('Paused and closed')), rows.join('\n'));
    await wb.expandTreeRow('Ana Souza');
    const goal = await wb.waitForTreeRow('Contract tests for the order API');
    assert.match(goal, /60%/);
    assert.match(goal, /due 2026-12-19/);
    await wb.waitForTreeRow(/Onboard on the order service, 100%/);
    await wb.screenshot('tree-demo');
  });
});
