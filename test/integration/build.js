// Bundles the extension-host tests into out/integration.js (vscode and mocha stay external) and packages
// the small runner extension that starts them inside code-server into out/mentorship-test-runner.vsix.
const esbuild = require('esbuild');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
esbuild.buildSync({
  entryPoints: [path.join(__dirname, 'index.ts')],
  outfile: path.join(root, 'out', 'integration.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
if (process.argv.includes('--runner')) {
  execFileSync(
    process.execPath,
    [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', path.join(root, 'out', 'mentorship-test-runner.vsix')],
    { cwd: path.join(__dirname, 'runner'), stdio: 'pipe' },
  );
}
