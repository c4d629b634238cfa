/**
 * The core stories of the e2e suite, written once and run in both extension hosts: the desktop (Node)
 * host in their own suites, the browser's web-worker host in web.e2e.ts.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { waitFor } from './harness';
import type { Workbench } from './harness';

const PRIYA = '.mentorship/mentees/priya-nair.yaml';
const ANA = '.mentorship/mentees/ana-souza.yaml';

/** The tree: the demo mentees (closed ones grouped), a mentee's goals with progress and due date. */
export async function treeStory(wb: Workbench): Promise<void> {
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
}

/** Log Session from the palette: one session written into the right file, every other byte kept; the tree updates. */
export async function logSessionStory(wb: Workbench): Promise<void> {
  const before = wb.read(PRIYA);
  const anaBefore = wb.read('.mentorship/mentees/ana-souza.yaml');
  await wb.runCommand('Mentorship: Log Session');
  await wb.pick('Log a session with', 'Priya Nair');
  await wb.answer('Date of the session with Priya Nair', undefined);
  await wb.answer('Duration in minutes', undefined);
  await wb.waitForQuickInput('Topics');
  await wb.page.keyboard.type('pairing');
  // The typed topic shows as a new row that is ticked: it will be saved, not dropped.
  // (The row follows the typing: wait for the whole word, not the first letters.)
  const typed = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'pairing' }).filter({ hasText: 'new topic' }).first();
  await typed.waitFor();
  const ticked = await typed.evaluate((row) => {
    const box = row.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
    const toggle = row.querySelector('[role="checkbox"]');
    return box ? box.checked : (toggle?.getAttribute('aria-checked') ?? row.getAttribute('aria-checked')) === 'true';
  });
  assert.equal(ticked, true, 'the typed topic is ticked');
  await wb.screenshot('session-topic-typed');
  await wb.page.keyboard.press('Enter');
  await wb.answer('Notes', 'Walked through the strict-mode errors together');
  await wb.waitForQuickInput('Save now, or add more');
  await wb.screenshot('session-save-menu');
  await wb.page.keyboard.press('Enter');
  await wb.waitForNotification('saved');

  const after = wb.read(PRIYA);
  const data = parse(after);
  assert.equal(data.sessions.length, 2);
  const s = data.sessions[1];
  assert.equal(s.notes, 'Walked through the strict-mode errors together');
  assert.equal(s.duration, 30, 'the usual duration is the default');
  assert.deepEqual(s.topics, ['pairing']);
  assert.match(s.date, /^\d{4}-\d{2}-\d{2}$/);
  // Taking the new session's lines out gives back the original file, byte for byte.
  const start = after.indexOf(`  - id: ${String(s.id)}\n`);
  const end = after.indexOf('\n\nfeedback:');
  assert.ok(start > 0 && end > start, after);
  assert.equal(after.slice(0, start) + after.slice(end + 1), before);
  assert.ok(after.includes('# Priya — new. First weeks; goals still being shaped.'));
  assert.equal(wb.read('.mentorship/mentees/ana-souza.yaml'), anaBefore, 'other mentees untouched');

  await wb.expandTreeRow('Priya Nair');
  await wb.waitForTreeRow(/^Sessions, 2/);
  await wb.screenshot('session-logged');
}

/** Log Feedback on Selection, then going back to it from the tree after an edit above the code. */
export async function feedbackStory(wb: Workbench): Promise<void> {
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
}

/** The dashboard of a demo mentee: goals, figures, and a button that runs its command. */
export async function dashboardStory(wb: Workbench): Promise<void> {
  await wb.runCommand('Mentorship: Open Dashboard');
  await wb.pick('Open the dashboard of', 'Ana Souza');
  const frame = await wb.dashboardFrame('Ana Souza');
  const goals = await frame.locator('.goal .goal-title').allTextContents();
  assert.deepEqual(goals, ['Contract tests for the order API', 'Lead a design review', 'Onboard on the order service']);
  assert.equal(await frame.locator('#fig-goals-done .value').textContent(), '1/3');
  assert.equal(await frame.locator('#fig-sessions-held .value').textContent(), '12');
  const pcts = await frame.locator('.goal .goal-pct').allTextContents();
  assert.deepEqual(pcts, ['60%', '15%', '100%']);
  assert.match((await frame.locator('#praise-share').textContent()) ?? '', /29% of all feedback is praise/);
  await wb.screenshot('dashboard-ana-dark');

  await frame.locator('button[data-action="logSession"]').click();
  await wb.waitForQuickInput('Date of the session with Ana Souza');
  await wb.page.keyboard.press('Escape');
}

/** A broken file is a tree row with its line, the other mentees keep working, and the row opens the file there. */
export async function brokenFileStory(wb: Workbench): Promise<void> {
  writeFileSync(wb.file('.mentorship/mentees/broken.yaml'), 'version: 1\nname: Broken\ngoals:\n  - id: a\n    title: [unclosed\n');
  const row = await wb.waitForTreeRow('Cannot read broken.yaml', 10_000);
  assert.match(row, /line [56]/);
  const rows = await wb.treeRows();
  assert.ok(rows.some((r) => r.startsWith('Ana Souza')));
  assert.ok(rows.some((r) => r.startsWith('Priya Nair')));
  await wb.screenshot('files-broken');
  // Clicking it opens the file at the line of the problem.
  await wb.treeRow('Cannot read broken.yaml').click();
  await wb.page.locator('.tabs-container .tab.active[aria-label*="broken.yaml"]').waitFor({ timeout: 10_000 });
  assert.match(await wb.cursorStatus(), /Ln [56],/);
}
