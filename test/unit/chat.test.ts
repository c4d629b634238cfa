/**
 * `@mentor` without VS Code: the handler with a fake model (which records what it was sent), a fake
 * stream and the demo's notes; and the property that no private note reaches any answer or prompt.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { handleChat, NEEDS_MODEL } from '../../src/core/assistant/chat';
import type { ChatMessage, ChatModel } from '../../src/core/assistant/chat';
import { notebookForTools, TOOLS, tool } from '../../src/core/assistant/tools';
import type { ToolContext } from '../../src/core/assistant/tools';
import { Notebook } from '../../src/core/storage/notebook';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';
import { languageModelTools } from '../../scripts/lm-tools';

const ROOT = path.join(__dirname, '..', '..');
const DEMO = path.join(ROOT, 'demo', '.mentorship');
const TODAY = '2026-12-02';

class FakeModel implements ChatModel {
  readonly name = 'Fake Model';
  readonly sent: ChatMessage[][] = [];
  constructor(private readonly answer: (messages: ChatMessage[]) => string) {}
  async send(messages: ChatMessage[]): Promise<AsyncIterable<string>> {
    this.sent.push(messages);
    const text = this.answer(messages);
    return (async function* () {
      yield text.slice(0, 5);
      yield text.slice(5);
    })();
  }
}

class FakeStream {
  text = '';
  buttons: { label: string; id: string }[] = [];
  markdown(t: string): void {
    this.text += t;
  }
  confirmButton(label: string, id: string): void {
    this.buttons.push({ label, id });
  }
}

function pendingWrites(): { add(w: { tool: string; input: Record<string, unknown> }): string; all: Map<string, { tool: string; input: Record<string, unknown> }> } {
  const all = new Map<string, { tool: string; input: Record<string, unknown> }>();
  return {
    all,
    add(w) {
      const id = String(all.size + 1);
      all.set(id, w);
      return id;
    },
  };
}

async function contextOn(root: string): Promise<{ ctx: ToolContext; nb: Notebook }> {
  const nb = new Notebook([{ root, label: 'demo', source: 'notebook', store: new MentorshipStore(new NodeFileSystem(), root) }]);
  await nb.load();
  return { ctx: { notebook: notebookForTools(nb), today: TODAY }, nb };
}

describe('@mentor', () => {
  let dir: string;
  let ctx: ToolContext;
  let nb: Notebook;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-chat-'));
    cpSync(DEMO, path.join(dir, '.mentorship'), { recursive: true });
    ({ ctx, nb } = await contextOn(path.join(dir, '.mentorship')));
  });
  afterEach(() => {
    nb.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("/prep Ana shows the digest's facts and the model's agenda; the model was sent no private note", async () => {
    const model = new FakeModel(() => '1. The fixture builder, overdue since 2026-10-20 (`a-fixture-builder`).');
    const stream = new FakeStream();
    await handleChat(ctx, { command: 'prep', prompt: 'Ana' }, model, stream, pendingWrites());
    assert.match(stream.text, /^# Next session with Ana Souza\n/);
    assert.match(stream.text, /- Second draft of the discount design doc \(mentee, 2026-12-01, overdue\)/);
    assert.match(stream.text, /## Agenda proposed by Fake Model\n\n1\. The fixture builder, overdue since 2026-10-20 \(`a-fixture-builder`\)\./);
    assert.equal(model.sent.length, 1);
    const prompt = model.sent[0].map((m) => m.text).join('\n');
    assert.match(prompt, /Propose the agenda of the next 1:1 with Ana Souza/);
    assert.match(prompt, /Share a design doc template/);
    assert.doesNotMatch(prompt, /unsure|stand-ups/);
  });

  it('/log turns an account into a proposed entry and writes only when the mentor saves it', async () => {
    const file = path.join(dir, '.mentorship', 'mentees', 'ana-souza.yaml');
    const before = readFileSync(file, 'utf8');
    const model = new FakeModel((messages) => {
      assert.match(messages[0].text, /Turn the mentor's account of a session with Ana Souza into the input of the tool mentorship_log_session/);
      assert.match(messages[0].text, /we went through the cart tests, she pairs with Tom on fixtures by Friday/);
      return '```json\n{"date":"2026-12-02","topics":["cart tests"],"notes":"Went through the cart tests.","newActions":[{"text":"Pair with Tom on fixtures","owner":"mentee","due":"2026-12-04"}],"doneActions":["a-fixture-builder"]}\n```';
    });
    const stream = new FakeStream();
    const pending = pendingWrites();
    await handleChat(ctx, { command: 'log', prompt: "Ana: we went through the cart tests, she pairs with Tom on fixtures by Friday" }, model, stream, pending);
    assert.match(stream.text, /\*\*Proposed:\*\* Log the session of 2026-12-02 with Ana Souza: 1 topic, 1 new action item, 1 action item done\./);
    assert.match(stream.text, /- New action items:\n {2}- Pair with Tom on fixtures \(mentee, due 2026-12-04\)/);
    assert.match(stream.text, /Nothing is written until you save it\./);
    assert.deepEqual(stream.buttons, [{ label: 'Save this session', id: '1' }]);
    assert.equal(readFileSync(file, 'utf8'), before, 'nothing written before the confirmation');
    const w = pending.all.get('1');
    assert.ok(w);
    assert.match(await tool(w.tool)!.run(ctx, w.input), /^Done: Log the session of 2026-12-02/);
    const after = readFileSync(file, 'utf8');
    assert.match(after, /- id: s-2026-12-02\n {4}date: 2026-12-02/);
    assert.match(after, /id: a-fixture-builder\n\s+text: Write a fixture builder for discounts\n\s+owner: mentee\n\s+due: 2026-10-20\n\s+done: true/);
  });

  it('/log with an entry the model got wrong says what is wrong and offers nothing to save', async () => {
    const model = new FakeModel(() => '{"date":"2026-12-02","checkIns":[{"goalId":"g-contract-tests","progress":140}]}');
    const stream = new FakeStream();
    await handleChat(ctx, { command: 'log', prompt: 'Ana great progress' }, model, stream, pendingWrites());
    assert.match(stream.text, /checkIns\[0\]\.progress/);
    assert.deepEqual(stream.buttons, []);
  });

  it('/smart and /summary send the goal or the notes, and stream the answer', async () => {
    const model = new FakeModel(() => 'Title: Contract tests\nSpecific: …');
    const stream = new FakeStream();
    await handleChat(ctx, { command: 'smart', prompt: 'get better at testing' }, model, stream, pendingWrites());
    assert.match(model.sent[0][0].text, /Rewrite this mentee goal as a SMART goal.*The goal: get better at testing/s);
    assert.match(stream.text, /^Title: Contract tests/);
    const s2 = new FakeStream();
    await handleChat(ctx, { command: 'summary', prompt: 'Ana since 2026-09-01' }, model, s2, pendingWrites());
    assert.match(model.sent[1][0].text, /Write a progress summary of Ana Souza since 2026-09-01/);
    assert.match(model.sent[1][0].text, /## Feedback 2026-09-01 to 2026-12-02/);
    assert.doesNotMatch(model.sent[1][0].text, /f-2026-08-12/, 'feedback before the period is left out');
  });

  it('without a model: /prep still gives the digest, a question still searches, the rest says it needs a model', async () => {
    const prep = new FakeStream();
    await handleChat(ctx, { command: 'prep', prompt: 'Priya' }, undefined, prep, pendingWrites());
    assert.match(prep.text, /^# Next session with Priya Nair/);
    assert.match(prep.text, /An agenda worded by a model needs a language model, and none is available/);
    const ask = new FakeStream();
    await handleChat(ctx, { prompt: 'what did I promise Ana?' }, undefined, ask, pendingWrites());
    assert.match(ask.text, /Share a design doc template/);
    for (const command of ['log', 'smart']) {
      const s = new FakeStream();
      await handleChat(ctx, { command, prompt: 'Ana we talked' }, undefined, s, pendingWrites());
      assert.equal(s.text, NEEDS_MODEL);
    }
  });

  it('asks for the mentee when none is named', async () => {
    const s = new FakeStream();
    await handleChat(ctx, { command: 'prep', prompt: 'next week' }, undefined, s, pendingWrites());
    assert.equal(s.text, 'Name the mentee first (Ana Souza, Mei Chen, Priya Nair), as in `/prep Ana Souza`.');
  });
});

describe('private notes never reach a model (property)', () => {
  it('random private notes, in private/ and as private: fields anywhere, appear in no tool answer, resource, prompt or chat message', async function () {
    this.timeout(120_000);
    const word = fc.stringMatching(/^[a-z]{5,10}$/).map((w) => `zq${w}`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ session: word, field: word, feedback: word, kept: word }), { minLength: 1, maxLength: 3 }), async (notes) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-private-'));
        try {
          const root = path.join(dir, '.mentorship');
          cpSync(DEMO, root, { recursive: true });
          const files = ['ana-souza', 'mei-chen', 'priya-nair'];
          notes.forEach((n, i) => {
            const file = path.join(root, 'mentees', `${files[i]}.yaml`);
            let text = readFileSync(file, 'utf8');
            // A private: field on a session (the old way), and on a goal and a feedback item (by hand).
            if (/^ {4}private: /m.test(text)) {
              text = text.replace(/^( {4}private: ).*$/m, `$1${n.field} notes`);
            } else if (/^ {2}- id: s-.*\n {4}date: .*\n/m.test(text)) {
              text = text.replace(/^( {2}- id: s-.*\n {4}date: .*\n)/m, `$1    private: ${n.field} notes\n`);
            } else {
              text = text.replace(/\{id: (s-[\d-]+), /, `{id: $1, private: ${n.field} notes, `); // a session in flow style
            }
            text = text.replace(/^( {4}title: .*\n)/m, `$1    private: ${n.kept}\n`);
            text = text.replace(/^( {4}kind: .*\n)/m, `$1    private: ${n.feedback}\n`);
            writeFileSync(file, text);
            for (const secret of [n.field, n.kept, n.feedback]) {
              assert.ok(text.includes(secret), `${files[i]} holds ${secret}`);
            }
          });
          const { ctx, nb } = await contextOn(root);
          try {
            const secrets = notes.flatMap((n) => [n.session, n.field, n.feedback, n.kept]);
            for (const [i, n] of notes.entries()) {
              const f = nb.mentees.find((m) => m.slug === files[i]);
              assert.ok(f?.data, `${files[i]} reads: ${JSON.stringify(f?.problems)}`);
              const session = f.data.sessions[f.data.sessions.length - 1];
              await nb.setPrivateNotes(f.path, { [session.id]: `${n.session} private` });
              assert.equal((await nb.readPrivate(f.path))?.sessions[session.id], `${n.session} private`);
            }
            const outputs: string[] = [];
            const names = ['Ana', 'Mei', 'Priya'];
            for (const t of TOOLS.filter((x) => !x.writes)) {
              for (const input of [{}, ...names.map((mentee) => ({ mentee })), ...secrets.map((text) => ({ text })), { path: 'src/cart.ts' }, ...names.map((mentee) => ({ mentee, from: '1970-01-01', sessions: 50 }))]) {
                outputs.push(await t.run(ctx, input).catch((e: Error) => e.message));
              }
            }
            const model = new FakeModel(() => '{}');
            for (const mentee of names) {
              for (const [command, prompt] of [
                ['prep', mentee],
                ['summary', `${mentee} since 1970-01-01`],
                ['log', `${mentee} we talked`],
                ['', `how is ${mentee} doing?`],
              ]) {
                const s = new FakeStream();
                await handleChat(ctx, { command, prompt }, model, s, pendingWrites());
                outputs.push(s.text);
                const s2 = new FakeStream();
                await handleChat(ctx, { command, prompt }, undefined, s2, pendingWrites());
                outputs.push(s2.text);
              }
            }
            outputs.push(...model.sent.flat().map((m) => m.text));
            const all = outputs.join('\n');
            assert.match(all, /Ana Souza/, 'the answers are about the notes');
            for (const secret of secrets) {
              assert.ok(!all.includes(secret), `the private text ${secret} appeared`);
            }
          } finally {
            nb.dispose();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('language-model tools in package.json', () => {
  it('are the tools of the one definition (run `npx tsx scripts/lm-tools.ts` after changing a tool)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { languageModelTools: unknown[] } };
    assert.deepEqual(pkg.contributes.languageModelTools, JSON.parse(JSON.stringify(languageModelTools())));
  });

  it('each has its display name and description in both languages', () => {
    for (const file of ['package.nls.json', 'package.nls.nl.json']) {
      const nls = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      for (const t of TOOLS) {
        assert.ok(nls[`tool.${t.reference}.displayName`] && nls[`tool.${t.reference}.userDescription`], `${file}: ${t.reference}`);
      }
    }
  });
});
