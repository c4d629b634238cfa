/**
 * Figures that need a real extension host and webview (code-server): activation time, from the
 * extension's own log, and the dashboard's first render for a mentee with 300 sessions and 2,000 feedback
 * items, measured with the performance API inside the webview.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor, Workbench } from '../test/e2e/harness';
import { generateWorkspace, menteeYaml, rng } from './generate';

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

/**
 * The first tree as a mentor sees it: from a click on the Mentorship view (which activates the extension)
 * to its first rows, in code-server, for the 3-mentee demo and for 200 mentees (~20 MB), runs alternated.
 */
export async function firstTreeTimes(runs: number, shape: { goals: number; sessions: number; feedback: number }): Promise<{ demo: number[]; large: number[] }> {
  const demo: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const which of ['demo', 'large'] as const) {
      const wb = await Workbench.start({
        prepare: (ws) => {
          if (which === 'large') {
            generateWorkspace(path.join(ws, '.mentorship-large'), 200, shape, 2);
            rmSync(path.join(ws, '.mentorship'), { recursive: true, force: true });
            renameSync(path.join(ws, '.mentorship-large', '.mentorship'), path.join(ws, '.mentorship'));
          }
        },
      });
      try {
        (which === 'demo' ? demo : large).push(await clickToFirstRow(wb, '.part.sidebar .monaco-list-row'));
      } finally {
        await wb.stop();
      }
    }
  }
  return { demo, large };
}

/**
 * The first tree of a notebook: a code folder with no notes of its own, and `mentorship.notebookFolders`
 * naming `folders` (machine settings, as a mentor keeps them), against the demo; runs alternated.
 */
export async function notebookTreeTimes(runs: number, folders: string[]): Promise<{ demo: number[]; notebook: number[] }> {
  const demo: number[] = [];
  const notebook: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const which of ['demo', 'notebook'] as const) {
      const wb = await Workbench.start({
        prepare: (ws) => {
          if (which === 'notebook') {
            rmSync(path.join(ws, '.mentorship'), { recursive: true, force: true });
          }
        },
        machineSettings: which === 'notebook' ? { 'mentorship.notebookFolders': folders } : undefined,
      });
      try {
        (which === 'demo' ? demo : notebook).push(await clickToFirstRow(wb, '.part.sidebar .monaco-list-row[aria-level="1"]'));
      } finally {
        await wb.stop();
      }
    }
  }
  return { demo, notebook };
}

/** Milliseconds from a click on the Mentorship view's activity bar entry to the first `row` drawn. */
async function clickToFirstRow(wb: Workbench, row: string): Promise<number> {
  const entry = wb.page.locator('.activitybar .action-item a[aria-label^="Mentorship"], .activitybar .action-item [aria-label^="Mentorship"]').first();
  await entry.waitFor({ timeout: 60_000 });
  const t0 = Date.now();
  await entry.click();
  await wb.page.locator(row).first().waitFor({ timeout: 120_000 });
  return Date.now() - t0;
}
