import { useWorkbench } from './harness';
import { treeStory } from './stories';

describe('e2e: the Mentorship view', function () {
  const get = useWorkbench();

  it('shows the demo mentees with their goals and progress', async () => {
    await treeStory(get());
    await get().expectHost(); // the Node host ran it
  });
});
