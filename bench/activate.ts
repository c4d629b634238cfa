/** activate_ms inside a real extension host: starts code-server on the demo workspace and reads the extension's log line. */
import { useWorkbenchless } from './workbench';

export async function activateTimes(runs: number): Promise<{ own: number; wall: number }[]> {
  const times: { own: number; wall: number }[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(await useWorkbenchless());
  }
  return times;
}
