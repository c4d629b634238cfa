import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { forbiddenImports } from '../support/layers';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  const core = path.join(__dirname, '..', '..', 'src', 'core');

  it('src/core imports neither vscode nor Node built-ins (it runs in any extension host)', () => {
    const offenders: string[] = [];
    for (const f of files(core)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto'].includes(spec)) {
          offenders.push(`${path.relative(core, f)} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});

describe('architecture: the layers', () => {
  const root = path.join(__dirname, '..', '..');

  it('every import of src/ follows the table of layers (test/support/layers.ts)', () => {
    assert.deepEqual(forbiddenImports(path.join(root, 'src')), []);
  });

  it('the check finds forbidden imports (a fixture: the domain importing storage and vscode, storage importing Node)', () => {
    assert.deepEqual(forbiddenImports(path.join(root, 'test', 'fixtures', 'layers', 'src')).sort(), [
      'core/domain/rule.ts (core/domain) imports ../storage/store (core/storage)',
      'core/domain/rule.ts (core/domain) imports vscode (vscode)',
      'core/storage/store.ts (core/storage) imports node:fs (node)',
    ]);
  });
});

describe('packaging', () => {
  it('every bundle esbuild.js writes to dist/ is packaged (a lazily loaded bundle left out fails only at run time)', () => {
    const root = path.join(__dirname, '..', '..');
    const build = readFileSync(path.join(root, 'esbuild.js'), 'utf8');
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    const bundles = Object.keys(JSON.parse(readFileSync(path.join(root, 'src', 'platform', 'bundles.json'), 'utf8')) as Record<string, unknown>);
    const outs = [
      ...[...build.matchAll(/'(dist\/[^'$]+\.js)'/g)].map((m) => m[1]),
      ...bundles.flatMap((b) => [`dist/${b}.js`, `dist/web/${b}.js`]),
    ];
    assert.ok(outs.length >= 8, outs.join(', '));
    // `!dist/*.js` keeps a file directly in dist/; `!dist/web/*.js` one in dist/web/.
    const kept = (o: string): boolean =>
      ignore.some((rule) => rule.startsWith('!') && new RegExp(`^${rule.slice(1).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(o));
    assert.deepEqual(outs.filter((o) => !kept(o)), []);
  });
});
