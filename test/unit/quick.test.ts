import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from '../../bench/generate';
import { parseMentee } from '../../src/core/storage/parse';
import { quickMentee } from '../../src/core/storage/quick';
import { MentorshipStore } from '../../src/core/storage/store';
import { rootNodes, rowsToRefresh } from '../../src/core/render/treeModel';
import type { TreeNode } from '../../src/core/render/treeModel';
import { NodeFileSystem } from '../../src/platform/nodeFs';

const TODAY = '2026-11-28';

describe('quick first level', () => {
  it('gives the same first tree level as the full read, for the demo and for generated workspaces', () => {
    const dirs = [path.join(__dirname, '..', '..', 'demo', '.mentorship', 'mentees'), path.join(generateWorkspace(mkdtempSync(path.join(os.tmpdir(), 'mq-')), 25, { goals: 3, sessions: 12, feedback: 5 }, 7), 'mentees')];
    let compared = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        const full = parseMentee(text).data;
        const quick = quickMentee(text);
        assert.ok(full && quick, name);
        const row = (data: typeof full, partial?: { lastSession?: string }) =>
          rootNodes([{ kind: 'mentee', path: `/x/${name}`, slug: name, data, problems: [], hash: '', ...(partial ? { partial } : {}) }], { today: TODAY, showInactive: true }).map((n) => [n.label, n.description, n.icon, n.iconColor]);
        assert.deepEqual(row(quick.mentee, { lastSession: quick.lastSession }), row(full), name);
        compared++;
      }
    }
    assert.ok(compared >= 28);
  });

  it('the store shows partial mentees first, then replaces them with the full read', async () => {
    const root = generateWorkspace(mkdtempSync(path.join(os.tmpdir(), 'mq-')), 5, { goals: 2, sessions: 3, feedback: 1 }, 3);
    const store = new MentorshipStore(new NodeFileSystem(), root);
    await store.loadQuick();
    assert.equal(store.mentees.length, 5);
    assert.ok(store.mentees.every((m) => m.partial && m.data?.goals.length === 0));
    await store.load();
    assert.ok(store.mentees.every((m) => !m.partial && m.data?.goals.length === 2));
  });

  it('the full read refreshes no row of the first level, unless VS Code has read its children from older data', async () => {
    const root = generateWorkspace(mkdtempSync(path.join(os.tmpdir(), 'mq-')), 6, { goals: 2, sessions: 3, feedback: 1 }, 5);
    const store = new MentorshipStore(new NodeFileSystem(), root);
    const opts = { today: TODAY, showInactive: true };
    const key = (n: TreeNode): string => (n.path ? (store.file(n.path)?.hash ?? '') : '');
    await store.loadQuick();
    const shown = rootNodes(store.mentees, opts);
    const readWhilePartial = new Map([[shown[1].id, key(shown[1])]]);
    await store.load();
    const next = rootNodes(store.mentees, opts);
    // Same rows, same text (label, description, tooltip, icon, context): nothing to refresh.
    assert.deepEqual(rowsToRefresh(shown, next, new Map(), key), []);
    // Children read from the partial data are stale: that row, and only that row.
    assert.deepEqual(rowsToRefresh(shown, next, readWhilePartial, key), [1]);
    assert.deepEqual(rowsToRefresh(shown, next, new Map([[next[1].id, key(next[1])]]), key), []);
    // A row whose text changed; rows added, removed or reordered.
    assert.deepEqual(rowsToRefresh(shown, next.map((n, i) => (i === 2 ? { ...n, description: 'changed' } : n)), new Map(), key), [2]);
    assert.equal(rowsToRefresh(shown, next.slice(1), new Map(), key), 'all');
    assert.equal(rowsToRefresh(shown, [next[1], next[0], ...next.slice(2)], new Map(), key), 'all');
    assert.equal(rowsToRefresh([], next, new Map(), key), 'all');
  });
});
