/**
 * Names the manifest and the code share are checked by the compiler through tables (command ids, setting
 * keys, context keys, the command table); these tests tie the tables to package.json itself.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { commandIdsSource } from '../../scripts/command-ids';
import { COMMANDS } from '../../src/commandTable';
import { CONTEXT, SETTINGS } from '../../src/kit/names';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
    menus: Record<string, { command?: string; when?: string }[]>;
    viewsWelcome: { when?: string }[];
    keybindings?: { when?: string }[];
  };
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('names shared with package.json', () => {
  it('src/kit/commandIds.ts is current (npx tsx scripts/command-ids.ts)', () => {
    assert.equal(readFileSync(path.join(ROOT, 'src', 'kit', 'commandIds.ts'), 'utf8'), commandIdsSource());
  });

  it('every setting key of the table is a setting of the manifest, and the other way round', () => {
    assert.deepEqual(Object.values(SETTINGS).filter((k) => !(k in pkg.contributes.configuration.properties)), []);
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties).filter((k) => !(Object.values(SETTINGS) as string[]).includes(k)), []);
  });

  it('every mentorship: context key in a when-clause is in the table, and the code sets none outside it', () => {
    const whens = [...Object.values(pkg.contributes.menus).flat(), ...pkg.contributes.viewsWelcome, ...(pkg.contributes.keybindings ?? [])].map((m) => m.when ?? '');
    const used = new Set(whens.flatMap((w) => [...w.matchAll(/mentorship:[A-Za-z]+/g)].map((m) => m[0])));
    const known = new Set<string>(Object.values(CONTEXT));
    assert.deepEqual([...used].filter((k) => !known.has(k)), []);
    const literal = files(path.join(ROOT, 'src')).filter((f) => !f.endsWith(path.join('kit', 'names.ts')) && /setContext',\s*'mentorship:/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(literal.map((f) => path.relative(ROOT, f)), [], 'context keys are set through CONTEXT');
  });

  it('every executeCommand of a mentorship command names one of package.json', () => {
    const ids = new Set(pkg.contributes.commands.map((c) => c.command));
    const calls = files(path.join(ROOT, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/executeCommand\(\s*'(mentorship\.[A-Za-z]+)'/g)].map((m) => m[1]));
    assert.ok(calls.length > 5);
    assert.deepEqual(calls.filter((c) => !ids.has(c)), []);
  });

  it('the command table: a command hidden behind workspace trust in the palette is one that writes, and every writing command is hidden there', () => {
    const table: Record<string, { writes: boolean }> = COMMANDS;
    const palette = new Map((pkg.contributes.menus.commandPalette ?? []).map((m) => [m.command ?? '', m.when ?? '']));
    const wrong = pkg.contributes.commands
      .map((c) => c.command)
      .filter((id) => {
        const when = palette.get(id) ?? '';
        const hidden = /^false\b/.test(when);
        const trusted = /isWorkspaceTrusted/.test(when);
        return table[id]?.writes ? !(trusted || hidden) : trusted;
      });
    assert.deepEqual(wrong, []);
  });
});
