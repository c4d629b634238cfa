/**
 * Writes `contributes.languageModelTools` of package.json from the tools' one definition
 * (src/core/assistant/tools.ts): name, reference, the model's description and the input schema. The
 * names a person reads (displayName, userDescription) are package.nls keys, `tool.<reference>.*`.
 * `npx tsx scripts/lm-tools.ts` rewrites them; a unit test checks they are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TOOLS } from '../src/core/assistant/tools';

const ROOT = path.resolve(__dirname, '..');

export function languageModelTools(): unknown[] {
  return TOOLS.map((t) => ({
    name: t.name,
    toolReferenceName: t.reference,
    displayName: `%tool.${t.reference}.displayName%`,
    userDescription: `%tool.${t.reference}.userDescription%`,
    modelDescription: t.description,
    canBeReferencedInPrompt: true,
    icon: t.writes ? '$(edit)' : '$(mortar-board)',
    tags: ['mentorship', t.writes ? 'write' : 'read'],
    inputSchema: t.input,
  }));
}

if (require.main === module) {
  const file = path.join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: Record<string, unknown> };
  pkg.contributes.languageModelTools = languageModelTools();
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`package.json: ${TOOLS.length} language-model tools written`);
}
