/** Run once before the e2e suites: screenshots of earlier failures must not be mistaken for new ones. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, vscodeVersion } from './harness';

export function mochaGlobalSetup(): void {
  // Which VS Code this run is in (test/e2e/run.js prints it with the counts).
  console.log(`e2e: VS Code ${vscodeVersion()} (code-server ${CODE_SERVER_VERSION})`);
  const dir = path.resolve(__dirname, '..', '..', 'test-results');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      if (f.startsWith('FAILED-')) {
        rmSync(path.join(dir, f));
      }
    }
  }
}
