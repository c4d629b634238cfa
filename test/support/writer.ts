/**
 * A second process writing to a mentee file through its own store (another VS Code window, say):
 * argv: data folder, file, writer name, number of sessions to add. Prints "accepted <id>" or
 * "refused <id>" for each.
 */
import * as yaml from 'yaml';
import { addSession } from '../../src/core/operations/changes';
import { MentorshipStore } from '../../src/core/storage/store';
import { provideYaml } from '../../src/core/storage/yamlLib';
import { NodeFileSystem } from '../../src/platform/nodeFs';

provideYaml(() => yaml);

async function main(): Promise<void> {
  const [root, file, who, count] = process.argv.slice(2);
  const store = new MentorshipStore(new NodeFileSystem(), root);
  await store.load();
  for (let i = 0; i < Number(count); i++) {
    const id = `s-${who}-${i}`;
    try {
      await store.edit(file, addSession({ id, date: '2026-11-28', notes: `${who} ${i}` }));
      process.stdout.write(`accepted ${id}\n`);
    } catch (e) {
      process.stdout.write(`refused ${id} ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}

void main();
