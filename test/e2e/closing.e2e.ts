import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { useMentorshipView, waitFor } from './harness';

describe('e2e: the walkthrough, closing a mentorship and the report', function () {
  const get = useMentorshipView('Ana Souza');

  it('the walkthrough opens and its first step runs Edit Mentor Profile', async () => {
    const wb = get();
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pick('Select a walkthrough', 'Mentor with Mentorship');
    const step = wb.page.locator('.getting-started-step', { hasText: 'Reflect: know what you bring' }).first();
    await step.waitFor({ timeout: 30_000 });
    await step.click();
    await wb.screenshot('walkthrough');
    await wb.page.locator('.getting-started-step.expanded a, .getting-started-step.expanded button', { hasText: 'Edit Mentor Profile' }).first().click();
    await wb.answer('What are you good at', 'pairing; asking good questions');
    await wb.answer('Which areas do you know well enough', '');
    await wb.answer('Which lessons did you learn', '');
    await wb.answer('Which values guide', 'patience');
    await waitFor('mentor.yaml to hold the answers', () => {
      const p = parse(wb.read('.mentorship/mentor.yaml'));
      return p.strengths.includes('asking good questions') && p.values.includes('patience');
    });
    assert.ok(wb.read('.mentorship/mentor.yaml').startsWith('# Mentor profile'), 'comments kept');
    // The command ends by opening mentor.yaml; let it take the focus before the next test types.
    await wb.page.locator('.tabs-container .tab.active[aria-label*="mentor.yaml"]').first().waitFor({ timeout: 15_000 });
  });

  it('Close Mentorship records the closing summary and Export Report writes a report without private notes', async () => {
    const wb = get();
    await wb.runCommand('Mentorship: Close Mentorship');
    await wb.pick('Close the mentorship with', 'Ana Souza');
    await wb.answer('Looking back', 'Six months from onboarding to owning the checkout API.');
    await wb.answer('Achievements', undefined);
    await wb.answer('What comes next for Ana Souza', 'Lead the discount design review');
    await wb.answer('How will you keep in touch', 'Coffee every month');
    // The confirmation is the last step of the same quick input.
    await wb.pick('Close the mentorship with Ana Souza?', 'Close Mentorship');
    const data = await waitFor('the closing in the YAML', () => {
      const d = parse(wb.read('.mentorship/mentees/ana-souza.yaml'));
      return d.status === 'closed' && d.closing ? d : undefined;
    });
    assert.equal(data.closing.summary, 'Six months from onboarding to owning the checkout API.');
    assert.deepEqual(data.closing.achievements, ['Onboard on the order service']);
    assert.deepEqual(data.closing.nextSteps, ['Lead the discount design review']);
    assert.equal(data.closing.keepInTouch, 'Coffee every month');

    const notification = wb.page.locator('.notification-toast', { hasText: 'Share a report' }).first();
    await notification.waitFor({ timeout: 15_000 });
    await notification.locator('.monaco-button', { hasText: 'Export Report' }).click();
    const reports = wb.file('.mentorship/reports');
    await waitFor('the report file', () => existsSync(reports) && readdirSync(reports).some((f) => /^ana-souza-[0-9-]+\.md$/.test(f)));
    const report = readFileSync(`${reports}/${readdirSync(reports).find((f) => /^ana-souza-[0-9-]+\.md$/.test(f))}`, 'utf8');
    assert.match(report, /^# Mentorship progress: Ana Souza/);
    assert.match(report, /## Closing summary/);
    assert.match(report, /Contract tests for the order API \| active \| 60%/);
    assert.ok(!report.includes('Seems unsure about speaking up'), 'the private note is left out');
    await wb.screenshot('report-preview');
  });
});
