/**
 * The browser bundle (vscode.dev, github.dev) must not pull in a Node built-in: a web worker has none, and
 * the extension would fail to load there. The build fails when one sneaks in, naming the built-in and
 * the file that imports it; the real entry builds with the browser's platform modules.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webBuild } = require('../../esbuild.js') as { webBuild: (entry: string, outfile: string, extra?: object) => esbuild.BuildOptions };

const ROOT = path.resolve(__dirname, '..', '..');

function build(entry: string): Promise<esbuild.BuildResult<{ metafile: true; write: false }>> {
  return esbuild.build({ ...webBuild(entry, path.join(os.tmpdir(), 'mentorship-web-check.js'), { minify: true, sourcemap: false }), absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' }) as Promise<
    esbuild.BuildResult<{ metafile: true; write: false }>
  >;
}

describe('the browser bundle', () => {
  it('builds from the extension entry with the browser twins of the platform modules, within the activation budget', async () => {
    const r = await build('src/extension.ts');
    const inputs = Object.keys(r.metafile.inputs);
    assert.ok(inputs.includes('src/platform/git.web.ts'), 'git is the browser twin');
    assert.ok(inputs.includes('src/platform/bundles.web.ts'), 'bundles load the browser way');
    assert.ok(!inputs.includes('src/platform/git.ts') && !inputs.includes('src/platform/bundles.ts'));
    assert.ok(!inputs.some((i) => i.includes('node_modules/yaml/')), 'the YAML library stays in its own bundle');
    const size = r.outputFiles[0].contents.length;
    assert.ok(size <= 200 * 1024, `${size} bytes`);
  });

  for (const [what, source] of [
    ['a node: import', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['a bare built-in', "import * as path from 'path';\nexport const x = path.join;\n"],
    ['a require of one', "// eslint-disable-next-line\nexport const x = require('child_process');\n"],
  ] as const) {
    it(`fails the build on ${what}, naming the built-in and the file that imports it`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-web-'));
      writeFileSync(path.join(dir, 'helper.ts'), source);
      writeFileSync(path.join(dir, 'entry.ts'), "export { x } from './helper';\n");
      await assert.rejects(build(path.join(dir, 'entry.ts')), (e: unknown) => {
        const errors = (e as esbuild.BuildFailure).errors ?? [];
        assert.equal(errors.length, 1, JSON.stringify(errors));
        assert.match(errors[0].text, /The browser bundle cannot use the Node built-in "(node:fs|path|child_process)" \(imported by .*helper\.ts\)\./);
        return true;
      });
    });
  }
});
