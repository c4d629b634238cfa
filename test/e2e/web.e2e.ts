import { useMentorshipView } from './harness';
import { brokenFileStory, dashboardStory, feedbackStory, logSessionStory, treeStory } from './stories';

// The core stories again, with the extension forced into the browser's web-worker extension host (the
// host of vscode.dev and github.dev): the same .vsix runs its `browser` entry, reads and writes through
// the workspace file system, and has no git. Each test first asserts that it runs there.
describe('e2e: in the browser (web worker extension host)', function () {
  const get = useMentorshipView('Ana Souza', { host: 'web' });

  it('the tree shows the demo mentees with their goals and progress', async () => {
    await get().expectHost();
    await treeStory(get());
  });

  it('the dashboard shows a mentee and its buttons run the commands', async () => {
    await get().expectHost();
    await dashboardStory(get());
  });

  it('Log Session writes one session into the right file and keeps every other byte', async () => {
    await get().expectHost();
    await logSessionStory(get());
  });

  it('feedback on a selection is stored with its range, and going back to it selects the code again', async () => {
    await get().expectHost();
    await feedbackStory(get());
  });

  it('a broken file shows with its line and opens there', async () => {
    await get().expectHost();
    await brokenFileStory(get());
  });

  it('sharing through git says plainly that the browser cannot run git, and everything else goes on working', async () => {
    const wb = get();
    await wb.expectHost();
    await wb.runCommand('Mentorship: Share with Mentee');
    await wb.waitForNotification('Sharing goes through git, which VS Code in the browser cannot run');
    await wb.screenshot('share-in-browser');
    // The view and the commands still work after it.
    await wb.runCommand('Mentorship: Open Dashboard');
    await wb.pick('Open the dashboard of', 'Priya Nair');
    await wb.dashboardFrame('Priya Nair');
  });
});
