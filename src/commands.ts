/**
 * Registers every command of the command table (commandTable.ts). Activation registers them all; a
 * command's bundle is loaded the first time it runs (see platform/bundles.json), so activation pays for
 * none of the flows.
 */
import type { CommandId } from './kit/commandIds';
import { command } from './kit/command';
import type { Deps, Flow, Flows } from './kit/command';
import { loadBundle } from './platform/bundles';
import { COMMANDS } from './commandTable';
import type { CommandEntry } from './commandTable';

/**
 * Registers every command: those of the activation bundle with their code, the others through their
 * bundle, loaded on first use. `main` holds the code of the activation bundle's commands.
 */
export function registerCommands(deps: Deps, main: Flows): void {
  for (const [id, entry] of Object.entries(COMMANDS) as [CommandId, CommandEntry][]) {
    let run: Flow | undefined;
    if (entry.in === 'main') {
      run = main[id];
      if (!run) {
        throw new Error(`${id} has no code in the activation bundle`);
      }
    } else {
      const home = entry.in;
      run = async (d, ...args) => {
        const flow = (await loadBundle<{ FLOWS: Flows }>(home)).FLOWS[id];
        if (!flow) {
          throw new Error(`${id} has no code in the ${home} bundle`);
        }
        return flow(d, ...args);
      };
    }
    deps.context.subscriptions.push(command(deps, id, run, { writes: entry.writes }));
  }
}
