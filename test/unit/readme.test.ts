import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readmeTable, renderTable } from '../../bench/table';

describe('README', () => {
  const root = path.join(__dirname, '..', '..');
  it("the performance table matches bench/results.json", () => {
    const results = JSON.parse(readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));
    assert.equal(readmeTable(readFileSync(path.join(root, 'README.md'), 'utf8')), renderTable(results));
  });

  it('opens with the two commands for a fresh machine', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const first = readme.slice(0, readme.indexOf('```', readme.indexOf('```') + 3));
    assert.match(first, /bash scripts\/install-deps\.sh && npm install && npm start/);
    assert.match(first, /bash scripts\/install-deps\.sh && npm install && npm test/);
  });
});
