import * as assert from 'node:assert/strict';
import { slugify, uniqueSlug } from '../../src/core/domain/slug';

describe('slug', () => {
  const cases: [string, string][] = [
    ['Ana Souza', 'ana-souza'],
    ['José Núñez', 'jose-nunez'],
    ['Zoë / QA', 'zoe-qa'],
    ['  ..hidden.. ', 'hidden'],
    ['../../etc/passwd', 'etc-passwd'],
    ['李雷', '李雷'],
    ['🚀🔥', 'mentee'],
    ['Ana 🚀 Lima', 'ana-lima'],
    ['CON', 'con-mentee'],
    ['nul', 'nul-mentee'],
    ['Com1', 'com1-mentee'],
    ['a\\b:c*d?e"f<g>h|i', 'a-b-c-d-e-f-g-h-i'],
    ['', 'mentee'],
  ];
  for (const [name, slug] of cases) {
    it(`${JSON.stringify(name)} → ${slug}`, () => assert.equal(slugify(name), slug));
  }

  it('caps the length without splitting a character', () => {
    const s = slugify('😀x'.repeat(10) + 'é'.repeat(100));
    assert.ok(Array.from(s).length <= 60);
    assert.ok(!/-$/.test(s));
  });

  it('avoids collisions case-insensitively', () => {
    assert.equal(uniqueSlug('Ana', ['ANA', 'ana-2']), 'ana-3');
    assert.equal(uniqueSlug('Bo', ['ana']), 'bo');
  });
});
