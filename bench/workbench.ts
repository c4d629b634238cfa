/** One code-server start on the demo workspace; returns the activate_ms the extension logged. */
import { waitFor, Workbench } from '../test/e2e/harness';

export async function useWorkbenchless(): Promise<{ own: number; wall: number }> {
  const wb = await Workbench.start();
  try {
    await wb.openMentorshipView();
    const m = await waitFor('the activate_ms log line', () => /activate_ms=(\d+) activate_wall_ms=(\d+)/.exec(wb.extensionLog()) ?? undefined, 60_000, 250);
    return { own: Number(m[1]), wall: Number(m[2]) };
  } finally {
    await wb.stop();
  }
}
