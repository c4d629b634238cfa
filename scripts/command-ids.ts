/**
 * Writes src/kit/commandIds.ts: the command ids of package.json as a union type, so every
 * `executeCommand('mentorship.…')` and every entry of the command table is checked by the compiler.
 * `npx tsx scripts/command-ids.ts` rewrites it; a unit test checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export function commandIdsSource(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const ids = pkg.contributes.commands.map((c) => c.command);
  return [
    '/** Generated from package.json by scripts/command-ids.ts: the extension\'s command ids. Do not edit. */',
    '',
    'export const COMMAND_IDS = [',
    ...ids.map((id) => `  '${id}',`),
    '] as const;',
    '',
    'export type CommandId = (typeof COMMAND_IDS)[number];',
    '',
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(path.join(ROOT, 'src', 'kit', 'commandIds.ts'), commandIdsSource());
  console.log('src/kit/commandIds.ts written');
}
