/** How a feature changes the data: one operation of the core's table, run on a mentee file through the store. */
import type { MenteeFile } from '../core/storage/store';
import { runOperation } from '../core/operations/run';
import type { InputOf, OperationName } from '../core/operations/table';
import type { Deps } from './command';

export function run<N extends OperationName>(deps: Deps, name: N, path: string, input: InputOf<N>): Promise<MenteeFile> {
  return runOperation(deps.ws.requireStore(), name, path, input);
}
