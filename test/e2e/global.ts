/** Run once before the e2e suites: screenshots of earlier failures must not be mistaken for new ones. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

export function mochaGlobalSetup(): void {
  const dir = path.resolve(__dirname, '..', '..', 'test-results');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) {
      if (f.startsWith('FAILED-')) {
        rmSync(path.join(dir, f));
      }
    }
  }
}
