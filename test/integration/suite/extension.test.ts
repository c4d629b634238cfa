/**
 * Extension-host tests: mocha inside a real extension host, against the real `vscode` API, on a copy of
 * the demo workspace. Run in code-server by the e2e suite (test/e2e/integration.e2e.ts) and in VS Code
 * desktop by `npm run test:integration`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentorshipApi } from '../../../src/extension';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFeedback, addSession, removeFeedback, setMenteeFields, updateFeedback } from '../../../src/core/operations/changes';

const EXTENSION_ID = 'mentorship-tools.mentorship';

async function api(): Promise<MentorshipApi> {
  const ext = vscode.extensions.getExtension<MentorshipApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready;
  return exports;
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const menteeUri = (slug: string): vscode.Uri => vscode.Uri.joinPath(folder(), '.mentorship', 'mentees', `${slug}.yaml`);

describe('integration: the extension in a real extension host', function () {
  this.timeout(30_000);

  it('activates on the demo workspace and reads every mentee through vscode.workspace.fs', async () => {
    const { workspace } = await api();
    const names = workspace.store?.mentees.map((m) => m.data?.name);
    assert.deepEqual(names, ['Ana Souza', 'Mei Chen', 'Priya Nair']);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['mentorship.logSession', 'mentorship.logFeedback', 'mentorship.openDashboard', 'mentorship.addGoal']) {
      assert.ok(commands.includes(c), c);
    }
  });

  it('a change made through the store reaches an open editor of the file', async () => {
    const { workspace } = await api();
    const uri = menteeUri('priya-nair');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await workspace.store?.edit(uri.path, addSession({ date: '2026-11-27', notes: 'From the integration test' }));
    await until('the editor to show the new session', () => doc.getText().includes('From the integration test'));
    assert.ok(doc.getText().startsWith('# Priya — new.'), 'the comment on top survived');
  });

  it('refuses to write a file that has unsaved edits in an editor', async () => {
    const { workspace } = await api();
    const uri = menteeUri('priya-nair');
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# unsaved\n');
    await vscode.workspace.applyEdit(edit);
    assert.ok(doc.isDirty);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await assert.rejects(workspace.store!.edit(uri.path, setMenteeFields({ role: 'Changed' })), /unsaved changes/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), onDisk);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('an edit saved in the editor updates the store', async () => {
    const { workspace } = await api();
    const uri = menteeUri('priya-nair');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const at = text.indexOf('Frontend engineer');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Frontend engineer'.length)), 'Full-stack engineer');
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    await until('the store to see the new role', () => workspace.store?.home.store.bySlug('priya-nair')?.data?.role === 'Full-stack engineer');
  });

  it('a broken file goes to the Problems panel with its line, and the others keep working', async () => {
    const { workspace } = await api();
    const uri = menteeUri('broken');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('version: 1\nname: Broken\ngoals:\n  - id: a\n    progress: lots\n'));
    const diags = await until('a diagnostic on broken.yaml', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    });
    const progress = diags.find((d) => /'progress' should be a whole number/.test(d.message));
    assert.ok(progress, diags.map((d) => d.message).join('\n'));
    assert.equal(progress.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(progress.range.start.line, 4, 'line 5, 0-based');
    assert.equal(progress.range.start.character, 14);
    assert.equal(progress.source, 'Mentorship');
    assert.ok(diags.some((d) => /needs 'title'/.test(d.message) && d.range.start.line === 3));
    assert.ok(workspace.store?.home.store.bySlug('ana-souza')?.data, 'the other mentees still load');
    await vscode.workspace.fs.delete(uri);
    await until('the diagnostic to go away', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('a change in the data updates the feedback threads of an open editor in place', async () => {
    const { workspace, feedbackThreads } = await api();
    const code = vscode.Uri.joinPath(folder(), 'src', 'pricing.ts');
    const doc = await vscode.workspace.openTextDocument(code);
    await vscode.window.showTextDocument(doc);
    const first = await until('the threads of pricing.ts', () => (feedbackThreads(code).size >= 2 ? new Map(feedbackThreads(code)) : undefined));
    const ana = menteeUri('ana-souza').path;
    const range = new vscode.Range(19, 0, 23, doc.lineAt(23).text.length);
    await workspace.store?.edit(ana, addFeedback({ date: '2026-11-30', kind: 'praise', text: 'A clear parser.', anchor: { path: 'src/pricing.ts', range: { startLine: 20, startColumn: 1, endLine: 24, endColumn: range.end.character + 1 }, text: doc.getText(range) } }));
    const added = workspace.store?.file(ana)?.data?.feedback.find((f) => f.text === 'A clear parser.');
    assert.ok(added);
    const after = await until('the new thread', () => (feedbackThreads(code).has(added.id) ? feedbackThreads(code) : undefined));
    assert.equal(after.size, first.size + 1);
    // Every thread that was shown is the same thread, not a new one in its place.
    for (const [id, thread] of first) {
      assert.equal(after.get(id), thread, `the thread of ${id} was kept`);
    }
    assert.equal(after.get(added.id)?.range?.start.line, 19);

    // A new text and a resolved state reach the same thread.
    const someId = 'f-2026-09-23';
    const some = first.get(someId);
    assert.ok(some, [...first.keys()].join(', '));
    await workspace.store?.edit(ana, updateFeedback(someId, { text: 'Reworded', resolved: true }));
    // (MarkdownString.appendText writes spaces as &nbsp;: one word is compared.)
    await until('the new text in the thread', () => {
      const body = some.comments[0]?.body;
      return (typeof body === 'string' ? body : body?.value)?.startsWith('Reworded');
    });
    assert.equal(feedbackThreads(code).get(someId), some);
    assert.equal(some.state, vscode.CommentThreadState.Resolved);
    assert.equal(some.contextValue, 'mentorship.feedbackThread.resolved');

    // Removed feedback takes only its own thread with it.
    await workspace.store?.edit(ana, removeFeedback(added.id));
    const last = await until('the thread to go', () => (feedbackThreads(code).has(added.id) ? undefined : feedbackThreads(code)));
    assert.deepEqual([...last.keys()].sort(), [...first.keys()].sort());
    for (const [id, thread] of first) {
      assert.equal(last.get(id), thread);
    }
  });

  it('never opens code through a symbolic link that leads out of the workspace', async () => {
    const { workspace } = await api();
    const root = folder().fsPath;
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the mentor\n');
    symlinkSync(outside, join(root, 'link'));
    const path = menteeUri('priya-nair').path;
    await workspace.store?.edit(path, addFeedback({ date: '2026-11-28', kind: 'question', text: 'Via a link?', anchor: { path: 'link/secret.txt', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 }, text: 'not' } }));
    const fb = workspace.store?.file(path)?.data?.feedback.find((f) => f.text === 'Via a link?');
    assert.ok(fb);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mentorship.goToFeedback', { kind: 'feedback', path, entityId: fb.id, id: '' });
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/secret.txt')), 'the file behind the link was not opened');
  });

  it('a thread whose code was deleted comes back when the code is restored on disk, without reopening the file', async () => {
    const { feedbackThreads } = await api();
    const code = vscode.Uri.joinPath(folder(), 'src', 'orders.ts');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(code));
    const doc = await vscode.workspace.openTextDocument(code);
    await vscode.window.showTextDocument(doc);
    // Ana's suggestion is on the console.log line.
    const id = 'f-2026-10-21';
    await until('the thread of the console.log line', () => feedbackThreads(code).has(id));
    const line = original.split('\n').findIndex((l) => l.includes("console.log('order created', order);"));
    assert.ok(line >= 0);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(code, new vscode.Range(line, 0, line + 1, 0));
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    await until('the thread to go with its code', () => !feedbackThreads(code).has(id));
    // git checkout, or another editor, puts the code back on disk: the open document reloads.
    await vscode.workspace.fs.writeFile(code, new TextEncoder().encode(original));
    await until('the document to reload from disk', () => doc.getText() === original, 15_000);
    const back = await until('the thread to come back', () => feedbackThreads(code).get(id), 15_000);
    assert.equal(back.range?.start.line, line);
  });
});
