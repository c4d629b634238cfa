import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './harness';
import { dashboardStory } from './stories';

const HOSTILE_NAME = `<img src=x onerror="window.__pwned='img'">Eve<script>window.__pwned='script'</script>`;

describe('e2e: the mentee dashboard', function () {
  const get = useWorkbench(
    {
      prepare: (ws) => {
        writeFileSync(
          path.join(ws, '.mentorship', 'mentees', 'eve.yaml'),
          [
            'version: 1',
            `name: '${HOSTILE_NAME.replace(/'/g, "''")}'`,
            `role: '" onload="window.__pwned=1'`,
            'goals:',
            `  - {id: g1, title: "</svg><script>window.__pwned='goal'</script>", progress: 50}`,
            'sessions:',
            "  - {id: s1, date: 2026-11-01, wins: ['<b>bold</b>'], resources: [{url: 'javascript:window.__pwned=1'}]}",
            'feedback:',
            "  - {id: f1, date: 2026-11-02, kind: praise, text: '<iframe src=javascript:alert(1)>', review: 'javascript:alert(1)'}",
            '',
          ].join('\n'),
        );
      },
    },
    async (w) => {
      await w.openMentorshipView();
      await w.waitForTreeRow('Ana Souza', 60_000);
    },
  );

  it("shows a demo mentee's goals and figures, and its buttons run the commands", async () => {
    await dashboardStory(get());
  });

  it('shows a hostile mentee name as text and runs no script from the YAML', async () => {
    const wb = get();
    await wb.runCommand('Mentorship: Open Dashboard');
    await wb.pick('Open the dashboard of', 'Eve');
    const frame = await wb.dashboardFrame('Eve');
    assert.equal(await frame.locator('#mentee-name').textContent(), HOSTILE_NAME);
    assert.equal(await frame.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await frame.locator('#root img, #root script, #root iframe, #root b').count(), 0);
    assert.equal(await frame.locator('#root a[href^="javascript"]').count(), 0);
    const title = await frame.locator('.goal-title').first().textContent();
    assert.equal(title, "</svg><script>window.__pwned='goal'</script>");
    await wb.screenshot('dashboard-hostile');
  });
});
