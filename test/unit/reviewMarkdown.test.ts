import * as assert from 'node:assert/strict';
import { reviewMarkdown } from '../../src/core/render/reviewMarkdown';

describe('review comments as Markdown', () => {
  it('keeps code spans and fenced blocks as code, and a suggestion block as labelled code', () => {
    const body = ['Use `Number()` here:', '', '```suggestion', "  return { code, percent: Number(match[1]) };", '```', '', 'And a block:', '```ts', 'const a = <T>(x: T) => x;', '```'].join('\n');
    assert.equal(
      reviewMarkdown(body),
      ['Use `Number()` here:', '', '*Suggested change:*', '', '```', "  return { code, percent: Number(match[1]) };", '```', '', 'And a block:', '```ts', 'const a = <T>(x: T) => x;', '```'].join('\n'),
    );
  });

  it('shows raw HTML as text, outside code', () => {
    assert.equal(reviewMarkdown('<img src=https://evil.example/x.png onerror=alert(1)> and <script>alert(1)</script> & `<b>`'), '&lt;img src=https://evil.example/x.png onerror=alert(1)&gt; and &lt;script&gt;alert(1)&lt;/script&gt; &amp; `<b>`');
  });

  it('keeps http(s) and mailto links; command:, javascript: and file: links become their text', () => {
    assert.equal(reviewMarkdown('[docs](https://example.com/a) [mail](mailto:a@b.c)'), '[docs](https://example.com/a) [mail](mailto:a@b.c)');
    assert.equal(reviewMarkdown('[run](command:workbench.action.terminal.new) [x](javascript:alert(1)) [f](file:///etc/passwd)'), 'run x) f');
  });

  it('never loads an image: it becomes a link to it, or its text', () => {
    assert.equal(reviewMarkdown('![diagram](https://host.example/d.png) ![](https://host.example/e.png) ![bad](javascript:x)'), '[diagram](https://host.example/d.png) [image](https://host.example/e.png) bad');
  });

  it('keeps quotes as quotes, and long lines as lines (the thread wraps them)', () => {
    const long = 'word '.repeat(60).trim();
    assert.equal(reviewMarkdown(`> quoted <b>\n${long}`), `> quoted &lt;b&gt;\n${long}`);
    assert.ok(!reviewMarkdown(long).includes('&nbsp;'));
  });

  it('ends an unclosed code block with the comment', () => {
    assert.equal(reviewMarkdown('```\ncode'), '```\ncode\n```');
  });
});
