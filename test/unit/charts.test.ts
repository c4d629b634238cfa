/** Dashboard charts a mentor can read: month names with the year, values on the bars, labelled sparklines, one empty-state sentence. */
import * as assert from 'node:assert/strict';
import type { Mentee } from '../../src/core/domain/model';
import { dashboardStats } from '../../src/core/domain/stats';
import { renderDashboardBody } from '../../src/core/render/dashboardHtml';

const TODAY = '2026-11-29';

function html(m: Partial<Mentee>): string {
  const mentee: Mentee = { version: 1, name: 'Ana', status: 'active', cadence: 'biweekly', goals: [], sessions: [], feedback: [], ...m };
  return renderDashboardBody(mentee, dashboardStats(mentee, TODAY), undefined);
}

function section(body: string, id: string): string {
  const start = body.indexOf(`aria-labelledby="${id}"`);
  assert.ok(start >= 0, `section ${id}`);
  return body.slice(start, body.indexOf('</section>', start));
}

describe('dashboard charts', () => {
  const longRunning: Partial<Mentee> = {
    since: '2025-10-01',
    goals: [{ id: 'g', title: 'Tests', status: 'active', progress: 60, checkIns: [{ date: '2026-03-01', progress: 20 }, { date: '2026-09-01', progress: 60 }] }],
    sessions: [
      { id: 's1', date: '2025-12-10', actions: [{ id: 'a1', text: 'x', owner: 'mentee' }] },
      { id: 's2', date: '2026-01-07' },
      { id: 's3', date: '2026-01-21' },
      { id: 's4', date: '2026-11-18' },
    ],
    feedback: [
      { id: 'f1', date: '2026-01-08', kind: 'praise', text: 'a' },
      { id: 'f2', date: '2026-01-09', kind: 'issue', text: 'b' },
      { id: 'f3', date: '2026-01-10', kind: 'issue', text: 'c' },
    ],
  };

  it('labels months by name, with the year on the first month and on January', () => {
    const inv = section(html(longRunning), 'h-involvement');
    const labels = [...inv.matchAll(/<text class="axis"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(labels, ['Dec 2025', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
    assert.ok(!/>\d\d<\/text>/.test(inv), 'no bare month numbers');
  });

  it('writes each value on its bar: sessions per month, feedback per month, and the latest mentee-owned share', () => {
    const body = html(longRunning);
    const inv = section(body, 'h-involvement');
    assert.deepEqual([...inv.matchAll(/<text class="value"[^>]*>(\d+)<\/text>/g)].map((m) => m[1]), ['1', '2', '1']);
    assert.match(inv, /<text class="value inv-value"[^>]*>0%<\/text>/, "the latest share (March: a goal not owned by the mentee)");
    const fb = section(body, 'h-feedback');
    assert.deepEqual([...fb.matchAll(/<text class="value"[^>]*>(\d+)<\/text>/g)].map((m) => m[1]), ['3']);
    // The text alternatives stay.
    assert.match(inv, /role="img" aria-label="[^"]+"/);
  });

  it('gives the sparkline next to a goal a visible label and a hover', () => {
    const goals = section(html(longRunning), 'h-goals');
    assert.match(goals, /<span class="spark-label muted" title="2026-03-01: 20%, 2026-09-01: 60%">20% → 60%<\/span>/);
  });

  it('a new mentee: one sentence instead of an empty involvement chart', () => {
    const inv = section(html({}), 'h-involvement');
    assert.match(inv, /<p class="empty">No sessions logged yet\.<\/p>/);
    assert.ok(!inv.includes('<svg'), 'no empty axis');
  });
});
