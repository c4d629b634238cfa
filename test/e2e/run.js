// The e2e suite in every VS Code it is tested on, one after the other: the oldest the engines field allows
// and today's (E2E_VERSIONS, code-server releases, overrides the list). Prints the counts of each and fails
// when any run fails.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const versions = (process.env.E2E_VERSIONS || '4.100.3 4.139.1').split(/\s+/).filter(Boolean);
const mocha = require.resolve('mocha/bin/mocha.js');

function run(version) {
  return new Promise((resolve) => {
    console.log(`\n=== e2e in code-server ${version}\n`);
    const child = spawn(process.execPath, [mocha, '--config', path.join(root, 'test', 'e2e', '.mocharc.json')], {
      cwd: root,
      env: { ...process.env, CODE_SERVER_VERSION: version },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b.toString();
      process.stdout.write(b);
    });
    child.on('close', (code) => {
      const count = (word) => Number((new RegExp(`(\\d+) ${word}`).exec(out) || [])[1] || 0);
      const vscode = (/VS Code (\d+\.\d+\.\d+)/.exec(out) || [])[1] || '?';
      resolve({ version, vscode, code, passing: count('passing'), failing: count('failing'), pending: count('pending') });
    });
  });
}

(async () => {
  const results = [];
  for (const v of versions) {
    results.push(await run(v));
  }
  console.log('\n=== e2e summary');
  for (const r of results) {
    console.log(`code-server ${r.version} (VS Code ${r.vscode}): ${r.passing} passing, ${r.failing} failing${r.pending ? `, ${r.pending} pending` : ''}${r.code === 0 ? '' : ` (exit code ${r.code})`}`);
  }
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
})();
