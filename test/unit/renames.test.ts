/** Anchors follow renamed and moved files: the editor's rename events, and git's rename detection. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { followRenames, renamedPath, renamesFromNameStatus } from '../../src/core/anchors/renames';
import { applyEdits } from '../../src/core/storage/yamlEdit';
import { git, identity } from '../support/git';
import { menteeData } from '../support/parsed';

const ANA = `version: 1
name: Ana Souza
goals: []
sessions: []
feedback:
  - id: f-1
    date: 2026-11-01
    kind: suggestion
    text: Name the discount rule.
    anchor:
      path: src/cart.ts   # the cart
      range: {startLine: 8, startColumn: 1, endLine: 9, endColumn: 34}
      text: x
  - id: f-2
    date: 2026-11-02
    kind: praise
    text: Clear pricing.
    anchor: {path: src/pricing/rules.ts, range: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 5}, text: y}
  - id: f-3
    date: 2026-11-03
    kind: question
    text: In the other folder.
    anchor: {folder: docs, path: src/cart.ts, range: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 5}, text: z}
`;

describe('anchors follow renamed files', () => {
  it('a renamed file, a file in a renamed folder, and nothing else', () => {
    assert.equal(renamedPath('src/cart.ts', [{ from: 'src/cart.ts', to: 'src/basket.ts' }]), 'src/basket.ts');
    assert.equal(renamedPath('src/pricing/rules.ts', [{ from: 'src/pricing', to: 'lib/pricing' }]), 'lib/pricing/rules.ts');
    assert.equal(renamedPath('src/pricing-old/rules.ts', [{ from: 'src/pricing', to: 'lib/pricing' }]), undefined);
    assert.equal(renamedPath('src/cart.ts', [{ from: 'src/cart.ts', to: 'src/a.ts' }, { from: 'src/a.ts', to: 'src/b.ts' }]), 'src/b.ts', 'renamed twice');
  });

  it('rewrites the anchors of the renamed folder only, keeping the file’s layout', () => {
    const m = menteeData(ANA);
    const edits = followRenames([{ from: 'src/cart.ts', to: 'src/basket.ts' }, { from: 'src/pricing', to: 'lib/pricing' }], 'shop', true)(m);
    const out = applyEdits(ANA, edits).text;
    assert.ok(out.includes('      path: src/basket.ts   # the cart\n'), out);
    assert.ok(out.includes('anchor: {path: lib/pricing/rules.ts, range:'), out);
    assert.ok(out.includes('anchor: {folder: docs, path: src/cart.ts,'), 'an anchor of another workspace folder is left alone');
    assert.deepEqual(followRenames([{ from: 'src/cart.ts', to: 'src/basket.ts' }], 'docs', false)(m), [
      { op: 'set', path: ['feedback', 2, 'anchor', 'path'], value: 'src/basket.ts' },
    ]);
  });

  it('git’s rename detection between the anchor’s commit and today finds a renamed and edited file', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'mentorship-renames-'));
    git(repo, 'init', '-q', '-b', 'main');
    identity(repo, 'Mentor', 'mentor@example.com');
    mkdirSync(path.join(repo, 'src'));
    const cart = Array.from({ length: 40 }, (_, i) => `export const line${i} = ${i} * price(${i});`).join('\n') + '\n';
    writeFileSync(path.join(repo, 'src', 'cart.ts'), cart);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'cart');
    const commit = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'mv', 'src/cart.ts', 'src/basket.ts');
    writeFileSync(path.join(repo, 'src', 'basket.ts'), cart.replace('line3 =', 'lineThree ='));
    git(repo, 'commit', '-qam', 'cart is a basket now');
    const renames = renamesFromNameStatus(git(repo, 'diff', '--name-status', '-M', '--cached', commit));
    assert.deepEqual(renames.map((r) => [r.from, r.to]), [['src/cart.ts', 'src/basket.ts']]);
    assert.equal(renamedPath('src/cart.ts', renames), 'src/basket.ts');
    assert.deepEqual(renamesFromNameStatus('M\tsrc/a.ts\nD\tsrc/b.ts\nA\tsrc/c.ts\n'), []);
  });
});
