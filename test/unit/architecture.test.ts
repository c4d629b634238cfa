import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

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

describe('packaging', () => {
  it('every bundle esbuild.js writes to dist/ is packaged (a lazily loaded bundle left out fails only at run time)', () => {
    const root = path.join(__dirname, '..', '..');
    const build = readFileSync(path.join(root, 'esbuild.js'), 'utf8');
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    const outs = [...build.matchAll(/outfile:\s*'(dist\/[^']+)'/g)].map((m) => m[1]);
    assert.ok(outs.length >= 4, outs.join(', '));
    assert.deepEqual(
      outs.filter((o) => !ignore.includes(`!${o}`)),
      [],
    );
  });
});
