/**
 * Runs the extension-host tests in VS Code desktop through @vscode/test-electron. It downloads VS Code
 * into .vscode-test/ on first use (needs internet), or uses VSCODE_EXECUTABLE_PATH if set. In CI and on
 * machines without internet the same tests run inside code-server instead (test/e2e/integration.e2e.ts).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'mentorship-it-')), 'bookshop');
  cpSync(path.join(root, 'demo'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'integration.js'),
    extensionTestsEnv: { VSCODE_TEST_ELECTRON: '1' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
