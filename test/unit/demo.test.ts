import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { locate } from '../../src/core/anchors/anchor';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';

const DEMO = path.join(__dirname, '..', '..', 'demo');

describe('demo workspace', () => {
  it('loads three mentees in different stages and the mentor profile without a single problem', async () => {
    const store = new MentorshipStore(new NodeFileSystem(), path.join(DEMO, '.mentorship'));
    await store.load();
    assert.deepEqual(
      store.mentees.map((m) => [m.data?.name, m.data?.status, m.problems.length]),
      [
        ['Ana Souza', 'active', 0],
        ['Mei Chen', 'closed', 0],
        ['Priya Nair', 'active', 0],
      ],
    );
    assert.equal(store.mentor?.problems.length, 0);
    assert.ok(store.mentor?.data?.strengths?.length);
  });

  it('every feedback anchor in the demo points exactly at its code', async () => {
    const store = new MentorshipStore(new NodeFileSystem(), path.join(DEMO, '.mentorship'));
    await store.load();
    let anchors = 0;
    for (const m of store.mentees) {
      for (const f of m.data?.feedback ?? []) {
        if (!f.anchor) {
          continue;
        }
        anchors++;
        const text = readFileSync(path.join(DEMO, f.anchor.path), 'utf8');
        const r = locate(text, f.anchor);
        assert.equal(r.status, 'found', `${m.slug} ${f.id}: ${r.status} ${JSON.stringify(r.range)}`);
        assert.deepEqual(r.range, f.anchor.range, `${m.slug} ${f.id}`);
      }
    }
    assert.ok(anchors >= 5);
  });
});
