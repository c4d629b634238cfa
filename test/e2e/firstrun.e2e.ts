import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, useWorkbench, vscodeVersion, waitFor } from './harness';
import type { Workbench } from './harness';

/** The first run on an empty folder, then the views a mentor meets, in the dark and the light theme. */
for (const theme of ['dark', 'light'] as const) {
  describe(`e2e: as a mentor meets it (${theme} theme)`, function () {
    const get = useWorkbench({ theme, prepare: (ws) => rmSync(path.join(ws, '.mentorship'), { recursive: true, force: true }) });

    async function statusBar(wb: Workbench): Promise<string> {
      return waitFor('the Mentorship status bar item', async () => {
        const texts = await wb.page.locator('.statusbar-item').allTextContents();
        return texts.find((x) => /active mentee/.test(x));
      });
    }

    it('the first run leads to the first real mentee, with the git question as a step of its own', async () => {
      const wb = get();
      await wb.openMentorshipView();
      // The welcome view offers to set up.
      const init = wb.page.locator('.welcome-view-content a.monaco-button, .welcome-view-content .monaco-button', { hasText: 'Initialize Mentorship' }).first();
      await init.waitFor({ timeout: 60_000 });
      await wb.screenshot(`first-run-welcome-${theme}`);
      await init.click();
      // The mentor's own name comes first: feedback and its threads carry it.
      await wb.answer('Your name, as your mentees will see it on your feedback', 'Robin Mentor');
      await wb.answer('Who is your first mentee?', 'Sam Lee');
      await wb.pick('How often will you meet Sam Lee?', 'weekly');
      await wb.waitForQuickInput('Should git see them?');
      await wb.screenshot(`first-run-git-step-${theme}`);
      await wb.pick('Should git see them?', 'Keep .mentorship/ out of git');
      await wb.waitForNotification('Sam Lee is your first mentee. Next: agree on a first SMART goal together.');
      await wb.waitForTreeRow(/^Sam Lee/);
      assert.match(await statusBar(wb), /1 active mentee/);
      // No example mentee; the git answer is written; private notes are kept out of git either way.
      assert.deepEqual(readdirSync(wb.file('.mentorship/mentees')), ['sam-lee.yaml']);
      assert.equal(parse(wb.read('.mentorship/mentees/sam-lee.yaml')).cadence, 'weekly');
      assert.match(wb.read('.gitignore'), /^\.mentorship\/$/m);
      assert.match(wb.read('.mentorship/private/.gitignore'), /^\*$/m);
      assert.equal(parse(wb.read('.mentorship/mentor.yaml')).name, 'Robin Mentor');
      await wb.screenshot(`first-run-done-${theme}`);
    });

    it('the tree at the default sidebar width keeps warnings, kind and place visible', async () => {
      const wb = get();
      // Long-running demo mentees arrive (as a git pull would bring them), and Sam gets a goal not yet SMART.
      cpSync(path.join(ROOT, 'demo', '.mentorship', 'mentees'), wb.file('.mentorship/mentees'), { recursive: true });
      const sam = wb.read('.mentorship/mentees/sam-lee.yaml');
      writeFileSync(wb.file('.mentorship/mentees/sam-lee.yaml'), sam.replace('goals: []', 'goals:\n  - id: g-talk\n    title: Give a talk at the engineering all-hands about the new checkout flow\n    progress: 10\n    due: 2027-03-31'));
      // code-server's file watcher does not always report files in a folder created after it started;
      // the view's Refresh reads them (noted as a follow-up on the issue).
      await wb.runCommand('Mentorship: Refresh');
      await wb.waitForTreeRow(/^Ana Souza/, 20_000);
      await wb.expandTreeRow('Sam Lee');
      await wb.expandTreeRow('Goals');
      await wb.expandTreeRow('Ana Souza');
      await wb.expandTreeRow('Feedback');
      const visible = (rowText: string, want: string): Promise<boolean> => shownWhole(wb, rowText, want);
      // A long title: the warning is in the icon (never cut), the description starts with it, the hover says what is missing.
      const goalRow = wb.treeRow('Give a talk at the engineering');
      assert.equal(await goalRow.locator('.codicon-warning').count(), 1, 'the goal row shows a warning icon');
      assert.match((await goalRow.locator('.label-description').textContent()) ?? '', /^not SMART yet · 10%/);
      await goalRow.hover();
      await waitFor('the goal hover naming the missing parts', async () => ((await wb.page.locator('.monaco-hover, .custom-hover, .workbench-hover').allTextContents()).join(' ').match(/Missing: specific, measurable, achievable, relevant/) ? true : undefined));
      await wb.page.mouse.move(900, 500);
      await waitFor('kind and place visible on a feedback row', () => visible('Clear names in the cart', 'praise · cart.ts:8'));
      await wb.screenshot(`tree-default-width-${theme}`);
    });

    it('dashboards of a new and of a long-running mentee read without guessing', async () => {
      const wb = get();
      await wb.runCommand('Mentorship: Open Dashboard');
      await wb.pick('Open the dashboard of', 'Sam Lee');
      const samFrame = await wb.dashboardFrame('Sam Lee');
      assert.match((await samFrame.locator('section[aria-labelledby="h-involvement"]').textContent()) ?? '', /No sessions logged yet\./);
      await wb.screenshot(`dashboard-new-mentee-${theme}`);
      await wb.runCommand('Mentorship: Open Dashboard');
      await wb.pick('Open the dashboard of', 'Ana Souza');
      const ana = await wb.dashboardFrame('Ana Souza');
      const months = await ana.locator('section[aria-labelledby="h-involvement"] text.axis').allTextContents();
      assert.ok(months.some((m) => /^[A-Z][a-z]{2} 20\d\d$/.test(m)), months.join(' '));
      assert.ok(months.every((m) => !/^\d\d$/.test(m)), months.join(' '));
      assert.ok((await ana.locator('.spark-label').count()) > 0, 'sparklines have a label');
      await wb.screenshot(`dashboard-long-running-${theme}`);
    });

    it('the report reads as plain text', async () => {
      const wb = get();
      await wb.runCommand('Mentorship: Export Report');
      await wb.pick('Export the progress report of', 'Ana Souza');
      await wb.pick('Which period?', 'The whole mentorship');
      const reports = wb.file('.mentorship/reports');
      const name = await waitFor('the report file', () => (existsSync(reports) ? readdirSync(reports).find((f) => /^ana-souza-[0-9-]+\.md$/.test(f)) : undefined));
      const text = readFileSync(path.join(reports, name), 'utf8');
      assert.equal((text.match(/\\/g) ?? []).length, 0, 'no backslash in the demo report');
      assert.match(text, /### Praise\n\n(- .*\n)*- 2026-08-12 · `src\/cart\.ts:8` · #112: Clear names in the cart class; easy to follow\./);
      // The report as plain text, as it would be pasted into mail: its text tab, the preview beside it.
      await wb.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().click();
      await wb.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first().waitFor();
      await wb.page.locator('.editor-instance .monaco-editor .view-lines >> visible=true', { hasText: 'Mentorship progress' }).first().waitFor({ timeout: 15_000 });
      await wb.screenshot(`report-plain-text-${theme}`);
    });
  });
}

/**
 * The tree as VS Code opens it: at the default sidebar width, with the Chat view open where the version
 * opens it by default (1.139 does, on the right, which narrows the sidebar).
 */
/** Whether `want` is drawn whole in the sidebar row holding `rowText`: inside the row, not cut by its label's ellipsis. */
function shownWhole(wb: Workbench, rowText: string, want: string): Promise<boolean> {
  return wb.page.evaluate(
    ([r, w]) => {
      const row = Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row')).find((x) => (x.textContent ?? '').includes(r));
      if (!row) {
        return false;
      }
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(w);
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + w.length);
          const box = (n.parentElement?.closest('.monaco-icon-label-container') ?? row).getBoundingClientRect();
          return range.getBoundingClientRect().right <= box.right + 0.5;
        }
      }
      return false;
    },
    [rowText, want],
  );
}

describe('e2e: the tree in the workbench as it comes', function () {
  const get = useWorkbench({ asItComes: true });

  it('keeps the warning marker, kind and place of rows visible at the default sidebar width, with the Chat view open', async () => {
    const wb = get();
    await wb.openMentorshipView();
    await wb.waitForTreeRow('Ana Souza', 60_000);
    const sidebar = (await wb.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    const chat = await wb.page.locator('.part.auxiliarybar').isVisible().catch(() => false);
    console.log(`      sidebar ${Math.round(sidebar)} px wide; Chat view ${chat ? 'open' : 'not open'} (VS Code ${vscodeVersion()})`);
    if (vscodeVersion().startsWith('1.139')) {
      assert.ok(chat, 'VS Code 1.139 opens its Chat view by default');
    }
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Goals');
    await wb.expandTreeRow('Feedback');
    const visible = (rowText: string, want: string): Promise<boolean> => shownWhole(wb, rowText, want);
    // An action item past its due date: the warning is its icon, never cut off.
    await wb.expandTreeRow('Action items');
    const overdue = wb.page.locator('.part.sidebar .monaco-list-row', { has: wb.page.locator('.codicon-warning') }).first();
    await overdue.waitFor();
    const icon = await overdue.locator('.codicon-warning').boundingBox();
    const side = await wb.page.locator('.part.sidebar').boundingBox();
    assert.ok(icon && side && icon.x + icon.width <= side.x + side.width, 'the warning icon is inside the sidebar');
    // Kind and place of feedback, and when the next session is due, are at the start of their rows.
    await waitFor('kind and place visible on a feedback row', () => visible('cart.ts:8', 'praise · cart.ts:8'));
    await waitFor('when the next session is due visible on the mentee row', () => visible('Ana Souza', 'session overdue'));
    await wb.screenshot('tree-default-width-chat');
  });
});
