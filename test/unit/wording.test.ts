/** Counts read as a person says them, in English and Dutch; the status bar says what its number is. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fill, plural } from '../../src/core/domain/text';
import type { Mentee } from '../../src/core/domain/model';
import { ENGLISH_STATUS_STRINGS, statusLine } from '../../src/core/render/statusLine';

const ROOT = path.join(__dirname, '..', '..');
const en = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const nl = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;

/** vscode.l10n.t with a bundle: the translation, placeholders filled. */
const tIn = (bundle: Record<string, string>) => (key: string, ...args: (string | number)[]): string => fill(bundle[key] ?? key, ...args);

describe('wording: counts', () => {
  it('no "(s)" plural anywhere in the messages of either language', () => {
    assert.deepEqual(Object.keys(en).filter((k) => /\w\(s\)/.test(k)), []);
    assert.deepEqual(Object.values(nl).filter((v) => /\w\(s\)|\(en\)/.test(v)), []);
  });

  it('singular and plural messages, in English and in Dutch', () => {
    const cases: [string, string, number, string, string][] = [
      ['{0} active mentee', '{0} active mentees', 1, '1 active mentee', '1 actieve mentee'],
      ['{0} active mentee', '{0} active mentees', 3, '3 active mentees', '3 actieve mentees'],
      ['{0} action item overdue', '{0} action items overdue', 1, '1 action item overdue', '1 actiepunt te laat'],
      ['{0} action item overdue', '{0} action items overdue', 0, '0 action items overdue', '0 actiepunten te laat'],
      ['{0} win', '{0} wins', 2, '2 wins', '2 successen'],
      ['{0} setback', '{0} setbacks', 1, '1 setback', '1 tegenslag'],
      ['{0} file could not be read; see the Problems panel.', '{0} files could not be read; see the Problems panel.', 2, '2 files could not be read; see the Problems panel.', '2 bestanden konden niet worden gelezen; zie het paneel Problemen.'],
    ];
    for (const [one, many, n, english, dutch] of cases) {
      for (const [bundle, want] of [[en, english], [nl, dutch]] as const) {
        const t = tIn(bundle);
        assert.equal(plural(n, t(one, n), t(many, n)), want);
      }
    }
  });

  it('every singular message has its plural in both bundles', () => {
    const pairs = [
      ['{0} active mentee', '{0} active mentees'],
      ['{0} action item overdue', '{0} action items overdue'],
      ['{0} action item', '{0} action items'],
      ['{0} action item done', '{0} action items done'],
      ['{0} check-in', '{0} check-ins'],
      ['{0} win', '{0} wins'],
      ['{0} setback', '{0} setbacks'],
      ['{0} resource', '{0} resources'],
      ['{0} goal done', '{0} goals done'],
      ['{0} file with problems', '{0} files with problems'],
      ['{0} file could not be read; see the Problems panel.', '{0} files could not be read; see the Problems panel.'],
    ];
    for (const [one, many] of pairs) {
      assert.ok(en[one] && en[many], `both English messages: "${one}" / "${many}"`);
      assert.ok(nl[one] && nl[many], `both Dutch messages: "${one}" / "${many}"`);
      assert.notEqual(nl[one], nl[many], `Dutch singular and plural of "${one}" differ`);
    }
  });
});

describe('wording: the status bar', () => {
  const mentee = (name: string, status: Mentee['status'], extra: Partial<Mentee> = {}): { path: string; data: Mentee } => ({
    path: `/ws/.mentorship/mentees/${name}.yaml`,
    data: { version: 1, name, status, cadence: 'weekly', goals: [], sessions: [{ id: 's', date: '2026-11-20', actions: [{ id: 'a', text: 'x', owner: 'mentee', due: '2026-11-01' }] }], feedback: [], ...extra },
  });

  it('counts only active mentees and says what the number is; paused and closed are in the hover', () => {
    const files = [mentee('Ana', 'active'), mentee('Bo', 'paused'), mentee('Cy', 'closed'), mentee('Di', 'closed')];
    const line = statusLine(files, 0, '2026-11-24');
    assert.equal(line.text, '1 active mentee · 1:1 with Ana in 3 d · 1 action item overdue');
    assert.equal(line.tooltip, 'Mentees: 1 active, 1 paused, 2 closed');
    assert.equal(line.next?.path, files[0].path);
  });

  it('plural counts, an overdue 1:1, files with problems', () => {
    const files = [mentee('Ana', 'active'), mentee('Eve', 'active', { sessions: [{ id: 's', date: '2026-11-01' }] })];
    const line = statusLine(files, 2, '2026-11-24');
    assert.equal(line.text, '2 active mentees · 1:1 with Eve overdue 16 d · 1 action item overdue');
    assert.equal(line.tooltip, 'Mentees: 2 active, 0 paused, 0 closed · 2 files with problems');
    assert.ok(line.next && line.next.days < 0);
  });

  it('no active mentee: says so, with no 1:1 to go to', () => {
    const line = statusLine([mentee('Cy', 'closed')], 0, '2026-11-24');
    assert.equal(line.text, '0 active mentees');
    assert.equal(line.next, undefined);
  });

  it('reads in Dutch from the translated table', () => {
    const t = tIn(nl);
    const dutch = Object.fromEntries(Object.entries(ENGLISH_STATUS_STRINGS).map(([k, v]) => [k, t(v, '{0}', '{1}', '{2}')])) as unknown as typeof ENGLISH_STATUS_STRINGS;
    const line = statusLine([mentee('Ana', 'active'), mentee('Bo', 'active')], 0, '2026-11-24', dutch);
    assert.match(line.text, /^2 actieve mentees · .* · 2 actiepunten te laat$/);
  });
});
