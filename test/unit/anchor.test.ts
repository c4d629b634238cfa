import * as assert from 'node:assert/strict';
import { captureContext, LineIndex, locate, shiftRange } from '../../src/core/anchors/anchor';
import type { ContentChange } from '../../src/core/anchors/anchor';
import type { AnchorRange, CodeAnchor } from '../../src/core/domain/model';

const FILE = [
  "import { priceFor } from './pricing';", // 1
  '', // 2
  'export class Cart {', // 3
  '  private lines: string[] = [];', // 4
  '', // 5
  '  total(discount?: number): number {', // 6
  '    let sum = 0;', // 7
  '    for (const line of this.lines) {', // 8
  '      sum = sum + priceFor(line);', // 9
  '    }', // 10
  '    if (discount) {', // 11
  '      sum = sum - (sum * discount) / 100;', // 12
  '    }', // 13
  '    return sum;', // 14
  '  }', // 15
  '}', // 16
  '',
].join('\n');

/** An anchor on lines 11–13 (the discount block), as the extension stores it. */
function anchorOn(text: string, range: AnchorRange): CodeAnchor {
  return { path: 'src/cart.ts', range, ...captureContext(text, range) };
}
const DISCOUNT: AnchorRange = { startLine: 11, startColumn: 5, endLine: 13, endColumn: 6 };

function linesOf(text: string, r: AnchorRange | undefined): string {
  assert.ok(r, 'expected a range');
  const idx = new LineIndex(text);
  return text.slice(idx.offset(r.startLine, r.startColumn), idx.offset(r.endLine, r.endColumn));
}

describe('anchor locator', () => {
  const anchor = anchorOn(FILE, DISCOUNT);

  it('captures the selected text and whole lines of context', () => {
    assert.equal(anchor.text, 'if (discount) {\n      sum = sum - (sum * discount) / 100;\n    }');
    assert.ok(anchor.before?.startsWith('    for (const line of this.lines) {\n'), anchor.before);
    assert.ok(anchor.after?.includes('return sum;'));
  });

  it('finds the code where it was', () => {
    const r = locate(FILE, anchor);
    assert.equal(r.status, 'found');
    assert.deepEqual(r.range, DISCOUNT);
  });

  it('follows an edit above the anchor', () => {
    const edited = FILE.replace("import { priceFor } from './pricing';", "import { priceFor } from './pricing';\nimport { log } from './log';\n\n");
    const r = locate(edited, anchor);
    assert.equal(r.status, 'moved');
    assert.deepEqual(r.range, { ...DISCOUNT, startLine: 14, endLine: 16 });
    assert.equal(linesOf(edited, r.range), anchor.text);
  });

  it('ignores an edit below the anchor', () => {
    const edited = FILE.replace('    return sum;', '    log(sum);\n    return sum;');
    assert.deepEqual(locate(edited, anchor), { status: 'found', method: 'exact', range: DISCOUNT, confidence: 1 });
  });

  it('finds code edited inside the anchor by a fuzzy match above the threshold', () => {
    const edited = FILE.replace('sum = sum - (sum * discount) / 100;', 'sum = sum - (sum * discount) / 100.0;');
    const r = locate(edited, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.method, 'fuzzy');
    assert.equal(r.range?.startLine, 11);
    assert.equal(r.range?.endLine, 13);
    assert.ok(r.confidence >= 0.72 && r.confidence < 1);
    assert.equal(r.doubt, 'changed', 'similar lines are not the code as it was: the result says so');
  });

  it('doubts a copy of the anchored text that stands among none of the lines that were around it, when the anchored lines were edited', () => {
    // The discount block was rewritten where it stood; the same three lines stand in another function.
    const rewritten = FILE.replace('    if (discount) {\n      sum = sum - (sum * discount) / 100;\n    }', '    sum = applyDiscount(sum, discount);');
    const copy = ['', 'export function refund(sum: number, discount?: number): number {', '    if (discount) {', '      sum = sum - (sum * discount) / 100;', '    }', '  return -sum;', '}', ''].join('\n');
    const r = locate(rewritten + copy, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.method, 'nearest');
    assert.equal(r.range?.startLine, 17);
    assert.equal(r.doubt, 'surroundings');
  });

  it('doubts a copy in a test file that repeats its blocks: the lines around it are as common as it is (express test/app.response.js)', () => {
    // Four tests that each set up an app, make a request and check it; the anchor is on the second's
    // app.use line, whose own copy is then edited; the third test keeps an identical line.
    const block = (name: string, body: string): string[] => [
      `  it('${name}', function (done) {`,
      '    var app = express();',
      '',
      `    app.use(function(req, res){ ${body} });`,
      '',
      '    request(app)',
      "    .get('/')",
      '    .expect(200, done);',
      '  });',
      '',
    ];
    const before = ["describe('res', function () {", ...block('sends text', "res.send('hey');"), ...block('shouts', "res.shout('hey');"), ...block('shouts again', "res.shout('hey');"), ...block('ends', 'res.end();'), '});', ''].join('\n');
    const line = "    app.use(function(req, res){ res.shout('hey'); });";
    const at = before.split('\n').indexOf(line) + 1;
    const range: AnchorRange = { startLine: at, startColumn: 5, endLine: at, endColumn: line.length + 1 };
    const a = anchorOn(before, range);
    assert.equal(a.text, "app.use(function(req, res){ res.shout('hey'); });");
    const after = before.replace("res.shout('hey'); });\n\n    request(app)\n    .get('/')\n    .expect(200, done);\n  });\n\n  it('shouts again'", "res.shout('HEY', { loud: true }); });\n\n    request(app)\n    .get('/')\n    .expect(200, done);\n  });\n\n  it('shouts again'");
    const r = locate(after, a);
    // The identical line of the third test is not the code: said with its doubt, never placed without one.
    assert.ok(r.status === 'notFound' || r.doubt || r.ambiguous || r.edited, JSON.stringify(r));
    // The same file, the code itself moved up with its test: found, no doubt.
    const moved = before.replace("describe('res', function () {", "describe('res', function () {\n  var port = 3000;\n");
    const m = locate(moved, a);
    assert.equal(m.range?.startLine, at + 2);
    assert.equal(m.doubt, undefined);
  });

  it('does not doubt code that moved together with its surroundings', () => {
    const lines = FILE.split('\n');
    // The whole total() method moves below a new method: its lines and their neighbours go along.
    const moved = [...lines.slice(0, 5), '  clear(): void {', '    this.lines = [];', '  }', '', ...lines.slice(5)].join('\n');
    const r = locate(moved, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.range?.startLine, 15);
    assert.equal(r.doubt, undefined);
  });

  it('picks the copy whose surroundings match when the snippet is duplicated', () => {
    const copy = ['function other(discount: number) {', '    if (discount) {', '      sum = sum - (sum * discount) / 100;', '    }', '}', ''].join('\n');
    const edited = copy + '\n' + FILE.replace('export class Cart {', '// cart\nexport class Cart {');
    const r = locate(edited, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.range?.startLine, 6 + 12, JSON.stringify(r));
    assert.equal(linesOf(edited, r.range), anchor.text);
  });

  it('finds re-indented code (white space only)', () => {
    const edited = FILE.replace(/^ {4}/gm, '\t').replace(/^ {6}/gm, '\t\t');
    const r = locate(edited, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.method, 'whitespace');
    assert.equal(r.range?.startLine, 11);
    assert.match(linesOf(edited, r.range), /^if \(discount\) \{\n\s+sum = sum/);
  });

  it('finds the code after a whole-file reformat that joins and re-wraps lines', () => {
    const edited = FILE.replace('    if (discount) {\n      sum = sum - (sum * discount) / 100;\n    }', '    if (discount) { sum = sum - (sum * discount) / 100; }');
    const r = locate(edited, anchor);
    assert.equal(r.status, 'moved');
    assert.equal(r.range?.startLine, 11);
    assert.equal(r.range?.endLine, 11);
  });

  it('says "not found" when the code was deleted, instead of jumping to a wrong place', () => {
    const edited = FILE.replace('    if (discount) {\n      sum = sum - (sum * discount) / 100;\n    }\n', '');
    const r = locate(edited, anchor);
    assert.equal(r.status, 'notFound');
    assert.equal(r.range, undefined);
  });

  it('code rewritten where it stood is placed there and said to be changed, not shown on a look-alike elsewhere', () => {
    // The discount block rewritten in place; a block like the old one now stands in another method.
    const rewritten = FILE.replace(
      '    if (discount) {\n      sum = sum - (sum * discount) / 100;\n    }\n',
      '    const rate = discount ? discount / 100 : 0;\n    sum = sum * (1 - rate);\n',
    ).replace(
      '  }\n}\n',
      '  }\n\n  shipping(discount?: number): number {\n    let fee = 5;\n    if (discount) {\n      fee = fee - (fee * discount) / 100;\n    }\n    return fee;\n  }\n}\n',
    );
    const r = locate(rewritten, anchor);
    assert.equal(r.edited, true);
    assert.equal(r.method, 'edited');
    assert.deepEqual([r.range?.startLine, r.range?.endLine], [11, 12]);
    assert.equal(linesOf(rewritten, r.range).trim(), 'const rate = discount ? discount / 100 : 0;\n    sum = sum * (1 - rate);');
    // Code that moved unchanged is still found where it went, with nothing said about an edit.
    const moved = locate('// header\n' + FILE, anchor);
    assert.deepEqual([moved.status, moved.edited], ['moved', undefined]);
  });

  it('finds code in a renamed file by its content (the caller reads the new path)', () => {
    const moved = '// moved from cart.ts\n' + FILE;
    assert.equal(locate(moved, anchor).range?.startLine, 12);
  });

  it('handles CRLF files', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const a = anchorOn(crlf, DISCOUNT);
    assert.equal(locate(crlf, a).status, 'found');
    const edited = 'x\r\n' + crlf;
    assert.equal(locate(edited, a).range?.startLine, 12);
  });
});

describe('live shifting of anchor ranges', () => {
  const R: AnchorRange = { startLine: 11, startColumn: 5, endLine: 13, endColumn: 6 };
  const change = (sl: number, sc: number, el: number, ec: number, text: string): ContentChange => ({
    range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
    text,
  });

  it('moves down when lines are inserted above', () => {
    assert.deepEqual(shiftRange(R, [change(0, 0, 0, 0, 'a\nb\n')]), { ...R, startLine: 13, endLine: 15 });
  });

  it('moves up when lines are deleted above', () => {
    assert.deepEqual(shiftRange(R, [change(1, 0, 3, 0, '')]), { ...R, startLine: 9, endLine: 11 });
  });

  it('does not move for edits below', () => {
    assert.deepEqual(shiftRange(R, [change(20, 0, 20, 0, 'x\n')]), R);
  });

  it('grows with typing inside and keeps the start column for typing on the start line before the anchor', () => {
    assert.deepEqual(shiftRange(R, [change(11, 6, 11, 6, 'abc')]), R);
    assert.deepEqual(shiftRange(R, [change(12, 4, 12, 4, 'xy')]), { ...R, endColumn: 8 });
    assert.deepEqual(shiftRange(R, [change(10, 0, 10, 0, '  ')]), { ...R, startColumn: 7 });
  });

  it('text added right after the end is not part of the anchor', () => {
    assert.deepEqual(shiftRange(R, [change(12, 5, 12, 5, ' // done')]), R);
  });

  it('a deletion across the start keeps what is left of the anchor', () => {
    assert.deepEqual(shiftRange(R, [change(9, 0, 10, 8, '')]), { startLine: 10, startColumn: 1, endLine: 12, endColumn: 6 });
  });

  it('deleting the whole anchor reports it deleted (the feedback becomes orphaned, never removed)', () => {
    assert.equal(shiftRange(R, [change(10, 0, 13, 0, '')]), undefined);
  });

  it('an undo (the inverse change) restores the range', () => {
    const inserted = shiftRange(R, [change(2, 0, 2, 0, 'line\n')]);
    assert.ok(inserted);
    assert.deepEqual(shiftRange(inserted, [change(2, 0, 3, 0, '')]), R);
  });

  it('applies several changes of one event in order (a move-line-down)', () => {
    // Move line 10 (0-based 9) below the anchor: delete it, then insert it after line 13.
    const moved = shiftRange(R, [change(9, 0, 10, 0, ''), change(12, 0, 12, 0, '    }\n')]);
    assert.deepEqual(moved, { ...R, startLine: 10, endLine: 12 });
  });
});
