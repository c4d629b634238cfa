import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractMessages } from '../../scripts/l10n';
import { ENGLISH_DASHBOARD_STRINGS, renderDashboardBody } from '../../src/core/render/dashboardHtml';
import type { DashboardStrings } from '../../src/core/render/dashboardHtml';
import { parseMentee } from '../../src/core/storage/parse';
import { dashboardStats } from '../../src/core/domain/stats';

const ROOT = path.join(__dirname, '..', '..');
const json = (f: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('localization', () => {
  it('the English bundle holds exactly the messages the code uses', () => {
    assert.deepEqual(Object.keys(json('l10n/bundle.l10n.json')), extractMessages(), 'run: npx tsx scripts/l10n.ts');
  });

  for (const [en, nl] of [
    ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.nl.json'],
    ['package.nls.json', 'package.nls.nl.json'],
  ]) {
    it(`${nl} translates every entry of ${en}, with the same placeholders`, () => {
      const source = json(en);
      const dutch = json(nl);
      const missing = Object.keys(source).filter((k) => !(k in dutch) || !dutch[k].trim());
      assert.deepEqual(missing, [], 'missing Dutch translations');
      assert.deepEqual(Object.keys(dutch).filter((k) => !(k in source)), [], 'Dutch entries for messages that no longer exist');
      const broken = Object.keys(source).filter((k) => placeholders(source[k]).join() !== placeholders(dutch[k]).join());
      assert.deepEqual(broken, [], 'a translation dropped or added a {n} placeholder');
      const commands = (s: string): string[] => [...s.matchAll(/\(command:([^)]+)\)/g)].map((m) => m[1]);
      assert.deepEqual(
        Object.keys(source).filter((k) => commands(source[k]).join() !== commands(dutch[k]).join()),
        [],
        'a translation changed a command link',
      );
    });
  }

  it('every %key% of package.json exists in package.nls.json', () => {
    const pkg = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const nls = json('package.nls.json');
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
  });

  it('renders the dashboard in Dutch with the Dutch bundle', () => {
    const nl = json('l10n/bundle.l10n.nl.json');
    const tr = (v: unknown): unknown => (typeof v === 'string' ? nl[v] ?? v : Object.fromEntries(Object.entries(v as Record<string, string>).map(([k, x]) => [k, tr(x)])));
    const strings = Object.fromEntries(Object.entries(ENGLISH_DASHBOARD_STRINGS).map(([k, v]) => [k, tr(v)])) as unknown as DashboardStrings;
    const m = parseMentee(readFileSync(path.join(ROOT, 'demo', '.mentorship', 'mentees', 'ana-souza.yaml'), 'utf8')).data!;
    const html = renderDashboardBody(m, dashboardStats(m, '2026-11-28'), undefined, strings);
    for (const dutch of ['In één oogopslag', 'Doelen', 'Sessies en ritme', 'Feedbackmix per maand', 'Open actiepunten', 'Wat jij kunt bieden', 'volgende sessie op 2026-12-01 (over 3 d)', '29% van alle feedback is een compliment']) {
      assert.ok(html.includes(dutch), dutch);
    }
    assert.ok(!html.includes('At a glance'));
  });
});
