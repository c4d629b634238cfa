import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { clickInlineAction, useMentorshipView, waitFor } from './harness';

describe('e2e: goal tracking from the sidebar', function () {
  const get = useMentorshipView('Ana Souza');

  it('adds a mentee and a SMART goal through the UI, checks in on it and completes it; the YAML and the tree follow each step', async () => {
    const wb = get();
    const file = '.mentorship/mentees/jo-park.yaml';
    await wb.runCommand('Mentorship: Add Mentee');
    await wb.answer("The mentee's name", 'Jo Park');
    await wb.answer('Role (optional)', 'Mobile engineer');
    await wb.pick('How often will you meet?', 'weekly');
    await wb.answer('Focus areas', 'Swift; testing');
    // What sharing needs, asked here rather than typed into the YAML.
    await wb.answer('Their e-mail, as in their git config', 'jo@example.com');
    await wb.answer('Their GitHub user name', 'gitlab:jo-park');
    await wb.waitForTreeRow('Jo Park');
    let data = parse(wb.read(file));
    assert.deepEqual([data.name, data.role, data.cadence, data.status, data.focus, data.email, data.gitlab, data.github], ['Jo Park', 'Mobile engineer', 'weekly', 'active', ['Swift', 'testing'], 'jo@example.com', 'jo-park', undefined]);

    await wb.runCommand('Mentorship: Add Goal');
    await wb.pick('Add a goal for', 'Jo Park');
    await wb.answer('Goal title', 'Ship a feature alone');
    await wb.answer('S — Specific', 'Build and release the offline mode without pairing');
    await wb.answer('M — Measurable', 'Released to 100% of users, no rollback');
    await wb.answer('A — Achievable', '');
    await wb.answer('R — Relevant', 'Needed for the next level');
    await wb.answer('T — Time-bound', '2027-13-01');
    await wb.waitForQuickInput('Write a date as YYYY-MM-DD');
    await wb.retype('2027-01-31');
    await wb.pick('Who owns this goal?', 'Mentee');
    await wb.answer('Progress so far', '0');
    await wb.waitForNotification('Not SMART yet: still to agree on achievable.');
    data = parse(wb.read(file));
    assert.deepEqual(data.goals[0], {
      id: 'g-ship-a-feature-alone',
      title: 'Ship a feature alone',
      specific: 'Build and release the offline mode without pairing',
      measurable: 'Released to 100% of users, no rollback',
      relevant: 'Needed for the next level',
      due: '2027-01-31',
      status: 'active',
      progress: 0,
      owner: 'mentee',
    });
    await wb.expandTreeRow('Jo Park');
    await wb.waitForTreeRow(/^Ship a feature alone, not SMART yet · 0% · due 2027-01-31/);

    await clickInlineAction(wb, 'Ship a feature alone', 'Check In on Goal');
    await wb.answer('Progress now', '40');
    await wb.answer('What moved', 'Offline cache done');
    await wb.waitForNotification('Checked in on "Ship a feature alone": 40% (was 0%).');
    await wb.waitForTreeRow(/^Ship a feature alone, not SMART yet · 40%/);
    data = parse(wb.read(file));
    assert.equal(data.goals[0].progress, 40);
    assert.equal(data.goals[0].checkIns.length, 1);
    assert.equal(data.goals[0].checkIns[0].progress, 40);
    assert.equal(data.goals[0].checkIns[0].note, 'Offline cache done');
    await wb.screenshot('goals-checked-in');

    await clickInlineAction(wb, 'Ship a feature alone', 'Complete Goal');
    await wb.waitForTreeRow(/^Ship a feature alone, 100%/);
    data = parse(wb.read(file));
    assert.equal(data.goals[0].status, 'done');
    assert.equal(data.goals[0].progress, 100);
    await waitFor('the Reopen action to replace Complete', async () => {
      await wb.treeRow('Ship a feature alone').hover();
      return (await wb.treeRow('Ship a feature alone').locator('.action-label[aria-label="Reopen Goal"]').count()) > 0;
    });
    await wb.screenshot('goals-completed');
  });
});
