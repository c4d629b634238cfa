/**
 * The assistant's tools as VS Code's agent meets them: registered with `vscode.lm`, listed in
 * `vscode.lm.tools`, called through `vscode.lm.invokeTool`, on the demo workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentorshipApi } from '../../../src/extension';

const EXTENSION_ID = 'mentorship-tools.mentorship';

async function ready(): Promise<vscode.Extension<MentorshipApi>> {
  const ext = vscode.extensions.getExtension<MentorshipApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready;
  return ext;
}

async function invoke(name: string, input: object): Promise<string> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

describe('integration: the assistant tools in vscode.lm', function () {
  this.timeout(30_000);

  it('vscode.lm.tools lists every tool of package.json, with its schema', async () => {
    const ext = await ready();
    const declared = (ext.packageJSON as { contributes: { languageModelTools: { name: string; inputSchema: object }[] } }).contributes.languageModelTools;
    assert.ok(declared.length >= 11);
    for (const d of declared) {
      const t = vscode.lm.tools.find((x) => x.name === d.name);
      assert.ok(t, `${d.name} is listed`);
      assert.deepEqual(t.inputSchema, d.inputSchema, d.name);
    }
  });

  it("each read tool returns the demo's facts", async () => {
    await ready();
    assert.match(await invoke('mentorship_list_mentees', {}), /\*\*Ana Souza\*\* \(Backend engineer\): status active; biweekly; last 1:1 2026-11-17/);
    assert.match(await invoke('mentorship_mentee_overview', { mentee: 'Priya' }), /Get comfortable with strict TypeScript `g-typescript-strict`: active, 10%/);
    assert.match(await invoke('mentorship_prepare_session', { mentee: 'Ana' }), /## Last session: 2026-11-17\n- Topics: design review/);
    assert.match(await invoke('mentorship_find', { mentee: 'Ana', area: 'actions', owner: 'mentor', open: true }), /Share a design doc template/);
    assert.match(await invoke('mentorship_feedback_on_code', { path: 'src/cart.ts', startLine: 29, endLine: 31 }), /round per line instead to avoid cent drift/);
    const all = await Promise.all([invoke('mentorship_list_mentees', {}), invoke('mentorship_prepare_session', { mentee: 'Ana' }), invoke('mentorship_mentee_overview', { mentee: 'Ana', from: '1970-01-01', sessions: 50 })]);
    assert.match(all[2], /s-2026-06-02/, 'the session with the private note is there');
    assert.doesNotMatch(all.join('\n'), /unsure|stand-ups/, 'the private note of the demo is in none');
  });

  it('the feedback tool without a path asks about the active editor and its selection', async () => {
    await ready();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'pricing.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(22, 0, 22, 10);
    const out = await invoke('mentorship_feedback_on_code', {});
    assert.match(out, /^Feedback on (\S+ )?src\/pricing.ts:23:/);
    assert.match(out, /nitpick on src\/pricing.ts:23/);
    assert.doesNotMatch(out, /unknown ISBN/, 'feedback on other lines is left out');
  });

  it('a write tool changes exactly the expected lines of the mentee file', async () => {
    await ready();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, '.mentorship', 'mentees', 'priya-nair.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const out = await invoke('mentorship_add_agenda_topic', { mentee: 'Priya', text: 'Which package goes strict first', by: 'mentee', added: '2026-12-02' });
    assert.equal(out, 'Done: Add "Which package goes strict first" to the agenda of the next session with Priya Nair.');
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(after, `${before}agenda:\n  - id: t-which-package-goes-strict-first\n    text: Which package goes strict first\n    by: mentee\n    added: 2026-12-02\n`);
  });

  it('a write tool with bad input names the field and writes nothing', async () => {
    await ready();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, '.mentorship', 'mentees', 'ana-souza.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await assert.rejects(invoke('mentorship_check_in', { mentee: 'Ana', goal: 'g-contract-tests', progress: 120 }), /progress/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
  });
});

describe('integration: @mentor in the extension host', function () {
  this.timeout(30_000);

  function collector(): { text: string; buttons: vscode.Command[]; markdown(v: string | vscode.MarkdownString): void; button(c: vscode.Command): void } {
    return {
      text: '',
      buttons: [],
      markdown(v) {
        this.text += typeof v === 'string' ? v : v.value;
      },
      button(c) {
        this.buttons.push(c);
      },
    };
  }

  it('without a model, /prep Ana gives the digest and says plainly what needs a model', async () => {
    const api = (await ready()).exports;
    const stream = collector();
    await api.askMentor({ command: 'prep', prompt: 'Ana' }, stream);
    assert.match(stream.text, /^# Next session with Ana Souza\n/);
    assert.match(stream.text, /Share a design doc template \(mentor, 2026-10-27, overdue\)/);
    assert.match(stream.text, /An agenda worded by a model needs a language model, and none is available/);
  });

  // A test extension stands in for a model where VS Code lets extensions provide one (1.104 and later).
  const canProvide = typeof (vscode.lm as { registerLanguageModelChatProvider?: unknown }).registerLanguageModelChatProvider === 'function';

  it(canProvide ? "with a model, /prep Ana streams the digest's facts and the model's text; the model got no private note" : 'before VS Code 1.104 no extension can provide a model, and none is offered', async () => {
    const api = (await ready()).exports;
    const [model] = await vscode.lm.selectChatModels({ vendor: 'mentorship-fake' });
    if (!canProvide) {
      assert.equal(model, undefined);
      return;
    }
    assert.ok(model, 'the stand-in model is offered');
    const log = process.env.MENTORSHIP_FAKE_MODEL_LOG;
    assert.ok(log, 'the stand-in model writes what it is sent');
    const stream = collector();
    await api.askMentor({ command: 'prep', prompt: 'Ana', model }, stream);
    assert.match(stream.text, /## Last session: 2026-11-17/);
    assert.match(stream.text, /## Agenda proposed by Fake Model\n\nFAKE MODEL AGENDA: 1\. The fixture builder/);
    const sent = (await import('node:fs')).readFileSync(log, 'utf8');
    assert.match(sent, /Propose the agenda of the next 1:1 with Ana Souza/);
    assert.doesNotMatch(sent, /unsure|stand-ups/);
  });

  it(canProvide ? '/log proposes the entry and writes it only when its Save button runs' : '/log without a model says it needs one and writes nothing', async () => {
    const api = (await ready()).exports;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, '.mentorship', 'mentees', 'ana-souza.yaml');
    const read = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const before = await read();
    const [model] = canProvide ? await vscode.lm.selectChatModels({ vendor: 'mentorship-fake' }) : [];
    const stream = collector();
    await api.askMentor({ command: 'log', prompt: 'Ana we went through the cart tests, she pairs with Tom on fixtures by Friday', model }, stream);
    assert.equal(await read(), before, 'nothing written yet');
    if (!canProvide) {
      assert.match(stream.text, /This needs a language model/);
      return;
    }
    assert.match(stream.text, /\*\*Proposed:\*\* Log the session of \d{4}-\d{2}-\d{2} with Ana Souza: 1 topic, 1 new action item\./);
    assert.equal(stream.buttons.length, 1);
    const save = stream.buttons[0];
    assert.equal(save.title, 'Save this session');
    await vscode.commands.executeCommand(save.command, ...(save.arguments ?? []));
    const after = await read();
    assert.match(after, /text: Pair with Tom on fixtures\n\s+owner: mentee\n\s+due: 2026-12-04/);
    assert.match(after, /topics:\n\s+- cart tests\n\s+notes: Went through the cart tests\./);
    assert.equal(after.replace(/\n {2}- id: s-\d{4}-\d{2}-\d{2}\n(?: {4}.*\n)+(?=\nfeedback:)/, '\n'), before, 'the session is the only change');
  });
});
