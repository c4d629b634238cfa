/**
 * Figures that need a real extension host and webview (code-server): activation time, from the
 * extension's own log, and the dashboard's first render for a mentee with 300 sessions and 2,000 feedback
 * items, measured with the performance API inside the webview.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor, Workbench } from '../test/e2e/harness';
import { menteeYaml, rng } from './generate';

export async function activateTimes(runs: number): Promise<{ times: { own: number; wall: number }[]; renders: number[] }> {
  const times: { own: number; wall: number }[] = [];
  const renders: number[] = [];
  for (let i = 0; i < runs; i++) {
    const wb = await Workbench.start({
      prepare: (ws) => writeFileSync(path.join(ws, '.mentorship', 'mentees', 'zz-big.yaml'), menteeYaml(rng(5), 1, { goals: 12, sessions: 300, feedback: 2000 }).replace(/^name: .*$/m, 'name: Big Mentee')),
    });
    try {
      await wb.openMentorshipView();
      const m = await waitFor('the activate_ms log line', () => /activate_ms=(\d+) activate_wall_ms=(\d+)/.exec(wb.extensionLog()) ?? undefined, 60_000, 250);
      times.push({ own: Number(m[1]), wall: Number(m[2]) });
      await wb.runCommand('Mentorship: Open Dashboard');
      await wb.pick('Open the dashboard of', 'Big Mentee');
      const frame = await wb.dashboardFrame('Big Mentee', 60_000);
      const ms = await waitFor('the render time', async () => (await frame.evaluate(() => document.body.dataset.renderMs)) ?? undefined, 30_000);
      renders.push(Number(ms));
    } finally {
      await wb.stop();
    }
  }
  return { times, renders };
}
