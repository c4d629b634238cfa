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
