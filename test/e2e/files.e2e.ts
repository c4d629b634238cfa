import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { useMentorshipView } from './harness';
import { brokenFileStory } from './stories';

describe('e2e: the tree follows the files', function () {
  const get = useMentorshipView('Priya Nair');

  it('shows an edit made outside the extension within a few seconds', async () => {
    const wb = get();
    await wb.expandTreeRow('Priya Nair');
    await wb.waitForTreeRow('Get comfortable with strict TypeScript');
    const file = wb.file('.mentorship/mentees/priya-nair.yaml');
    const text = wb.read('.mentorship/mentees/priya-nair.yaml');
    writeFileSync(file, text.replace('\nsessions:', '\n  - id: g-hand-edit\n    title: Review a pull request a day\n    progress: 5\n\nsessions:'));
    const row = await wb.waitForTreeRow('Review a pull request a day', 10_000);
    assert.match(row, /5%/);
    await wb.screenshot('files-hand-edit');
  });

  it('shows a broken file as an error with its line, and the other mentees keep working', async () => {
    await brokenFileStory(get());
  });

  it('says why a data folder cannot be read after a setting change, once, and recovers when the setting goes back', async () => {
    const wb = get();
    // A mentees "folder" that is a symbolic link to itself: reading it fails (ELOOP), as a disk or
    // permission failure would; running as root, permissions cannot be taken away here.
    mkdirSync(wb.file('.mentorship-loop'), { recursive: true });
    symlinkSync('mentees', wb.file('.mentorship-loop/mentees'));
    mkdirSync(wb.file('.vscode'), { recursive: true });
    const settings = wb.file('.vscode/settings.json');
    try {
      writeFileSync(settings, JSON.stringify({ 'mentorship.dataFolder': '.mentorship-loop' }));
      const note = await wb.waitForNotification('Could not load the data folder', 20_000);
      assert.match(note, /Could not read the folder .*\.mentorship-loop\/mentees: .*(ELOOP|symbolic links)/i, note);
      assert.doesNotMatch(note, /does not exist|no longer exists/);
      await wb.screenshot('files-data-folder-unreadable');
      assert.match(wb.extensionLog(), /Could not load the data folder: Could not read the folder .*mentees/);
    } finally {
      writeFileSync(settings, '{}');
      rmSync(wb.file('.mentorship-loop'), { recursive: true, force: true });
    }
    await wb.waitForTreeRow('Priya Nair', 20_000);
  });
});
