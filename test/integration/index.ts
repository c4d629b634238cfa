/**
 * Entry of the extension-host test bundle (out/integration.js). `run()` is what @vscode/test-electron
 * calls; the code-server runner extension calls `runSuite()` and writes the results to a file.
 */
import Mocha from 'mocha';

export interface IntegrationResult {
  passed: number;
  failed: number;
  tests: { title: string; state: string; error?: string }[];
}

export function runSuite(): Promise<IntegrationResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000 });
  // Install describe/it as globals, then load the (bundled) suites so they register with this mocha.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./suite/extension.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./suite/assistant.test');
  return new Promise((resolve) => {
    const tests: IntegrationResult['tests'] = [];
    const runner = mocha.run((failures) => resolve({ passed: tests.filter((t) => t.state === 'passed').length, failed: failures, tests }));
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message }));
  });
}

export async function run(): Promise<void> {
  const r = await runSuite();
  for (const t of r.tests) {
    console.log(`${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.error ? `\n${t.error}` : ''}`);
  }
  if (r.failed > 0) {
    throw new Error(`${r.failed} integration test(s) failed`);
  }
}
