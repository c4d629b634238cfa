/**
 * One notebook across repositories, as a mentor works: two code repositories, A (shop/cart) and B
 * (shop/catalog), where B has a file at the same path as the one A's feedback is on; two notebook folders,
 * each a git repository shared with one mentee; the same settings in every window. Then the mentee's
 * side: a clone of their notes repository and a clone of the code opened under another folder name.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { git, identity } from '../support/git';
import { ROOT, useWorkbench, waitFor } from './harness';
import type { Workbench } from './harness';

const base = mkdtempSync(path.join(os.tmpdir(), 'mentorship-notebook-'));
const A = path.join(base, 'code', 'cart');
const B = path.join(base, 'code', 'catalog');
const NOTES_ANA = path.join(base, 'notes', 'ana');
const NOTES_BO = path.join(base, 'notes', 'bo');
const ANA_REMOTE = path.join(base, 'remotes', 'ana-notes.git');
const ANA_FILE = path.join(NOTES_ANA, '.mentorship', 'mentees', 'ana-souza.yaml');
const BO_FILE = path.join(NOTES_BO, '.mentorship', 'mentees', 'bo-chen.yaml');
const CATALOG_CART = 'export const catalogCart = { shelf: "B", items: [] };\n'.repeat(30);
let commitA = '';

/** A code repository with one commit, its origin on GitHub. */
function codeRepository(dir: string, origin: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  identity(dir, 'Mentor', 'mentor@example.com');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'First version');
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** A notes repository for one mentee, pushed to its remote (the mentee clones that). */
function notesRepository(dir: string, file: string, text: string, remote?: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  git(dir, 'init', '-q', '-b', 'main');
  identity(dir, 'Mentor', 'mentor@example.com');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Notes');
  if (remote) {
    git(base, 'init', '-q', '--bare', '-b', 'main', remote);
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'push', '-q', '-u', 'origin', 'main');
  }
}

function setUp(): void {
  commitA = codeRepository(A, 'https://github.com/shop/cart.git', { 'src/cart.ts': readFileSync(path.join(ROOT, 'demo', 'src', 'cart.ts'), 'utf8'), 'README.md': '# cart\n' });
  codeRepository(B, 'git@github.com:shop/catalog.git', { 'src/cart.ts': CATALOG_CART, 'README.md': '# catalog\n' });
  notesRepository(NOTES_ANA, ANA_FILE, 'version: 1\nname: Ana Souza\nemail: ana@example.com\nsince: 2026-09-01\ncadence: weekly\n# Ana: cart and checkout\nsessions:\n  - id: s-1\n    date: 2026-11-27\n    notes: First review together.\nfeedback: []\n', ANA_REMOTE);
  notesRepository(NOTES_BO, BO_FILE, 'version: 1\nname: Bo Chen\nemail: bo@example.com\nsince: 2026-10-01\ncadence: biweekly\nsessions:\n  - id: s-1\n    date: 2026-11-20\nfeedback: []\n');
}

const feedbackOf = (file: string): { id: string; kind: string; text: string; anchor?: { repo?: string; path: string; commit?: string; range: { startLine: number; endLine: number } } }[] =>
  (parse(readFileSync(file, 'utf8')) as { feedback?: [] }).feedback ?? [];

async function statusBar(wb: Workbench): Promise<string> {
  return waitFor('the Mentorship status bar item', async () => (await wb.page.locator('.statusbar-item', { hasText: 'active mentee' }).first().textContent().catch(() => '')) || undefined);
}

/** Lines `from`–`to` of the open editor, selected with the keyboard. */
async function selectLines(wb: Workbench, from: number, to: number): Promise<void> {
  await wb.goToLine(from);
  await wb.page.keyboard.press('Home');
  for (let i = from; i < to; i++) {
    await wb.page.keyboard.press('Shift+ArrowDown');
  }
  await wb.page.keyboard.press('Shift+End');
  await waitFor('the selection', async () => /selected/.test(await wb.cursorStatus()));
}

/** The comment threads drawn in the gutter of the visible editor. */
async function threadGlyphs(wb: Workbench): Promise<number> {
  return wb.page.locator('.editor-instance .monaco-editor .margin-view-overlays .comment-range-glyph[class*="comment-thread"]:visible').count();
}

/** Waits until the extension has read the repositories of the window's folders (threads are placed by them). */
async function repositoriesKnown(wb: Workbench, folders: number): Promise<void> {
  await waitFor('the repositories of the open folders', () => new RegExp(`Repositories of ${folders} folder\\(s\\)`).test(wb.extensionLog().split(/activate_ms=/).pop() ?? ''), 30_000, 200);
}

/** The whole path of the active editor's file: the window title says it (see TITLE). */
async function activeTab(wb: Workbench): Promise<string> {
  return wb.page.title();
}

/** Opens the file at `abs` and waits until it, not another file of the same name, is the active editor. */
async function openExactly(wb: Workbench, abs: string): Promise<void> {
  await waitFor(`${abs} as the active editor`, async () => {
    await wb.openFile(abs);
    return (await activeTab(wb)) === abs || (await waitFor('the window title', async () => (await activeTab(wb)) === abs, 2_000, 100).catch(() => false));
  }, 45_000, 200);
}

/** A window title of the active editor's whole path, so a test can tell two files of the same name apart. */
const TITLE = { 'window.title': '${activeEditorLong}' };

async function treeReady(wb: Workbench): Promise<void> {
  await wb.openMentorshipView();
  await wb.waitForTreeRow('Ana Souza', 60_000);
  await wb.waitForTreeRow('Bo Chen', 30_000);
}

describe('e2e: one notebook across repositories', function () {
  const get = useWorkbench(
    {
      open: () => {
        setUp();
        return A;
      },
      // The mentor's own settings (machine scope: for the extension in code-server's host, the machine's).
      machineSettings: { 'mentorship.notebookFolders': [NOTES_ANA, NOTES_BO] },
      settings: TITLE,
    },
    treeReady,
  );

  it('in A, both mentees of the two notebook folders are in the tree, each row saying where it lives, and in the status bar', async () => {
    const wb = get();
    const rows = await wb.treeRows();
    const ana = rows.find((r) => r.startsWith('Ana Souza'));
    const bo = rows.find((r) => r.startsWith('Bo Chen'));
    assert.ok(ana?.includes(NOTES_ANA) && bo?.includes(NOTES_BO), rows.join(' | '));
    assert.match(await statusBar(wb), /2 active mentees/);
    await wb.screenshot('notebook-two-folders');
  });

  it('feedback logged in A records its repository and path, goes to Ana\'s folder only, and is drawn in A', async () => {
    const wb = get();
    const boBefore = readFileSync(BO_FILE, 'utf8');
    await openExactly(wb, path.join(A, 'src', 'cart.ts'));
    await selectLines(wb, 19, 20);
    await wb.runCommand('Mentorship: Log Feedback on Selection');
    await wb.pick('Feedback for', 'Ana Souza');
    await wb.pick('What kind of feedback', 'suggestion');
    await wb.answer('Feedback on src/cart.ts:19', 'Try naming the running total, so the loop reads as a sentence.');
    await wb.answer('Review reference', '');
    await wb.waitForNotification('Feedback saved, linked to src/cart.ts:19');
    const [fb] = feedbackOf(ANA_FILE);
    assert.deepEqual([fb.anchor?.repo, fb.anchor?.path, fb.anchor?.commit, fb.anchor?.range.startLine, fb.anchor?.range.endLine], ['github.com/shop/cart', 'src/cart.ts', commitA, 19, 20]);
    assert.equal(readFileSync(BO_FILE, 'utf8'), boBefore, "Bo's notes are untouched");
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Try naming the running total' }).first().waitFor({ timeout: 15_000 });
    // The mentor commits Ana's notes and shares them with her (her repository only).
    await wb.runCommand('Mentorship: Share with Mentee');
    await wb.pick('Which notes?', NOTES_ANA);
    await wb.pick('through this git repository', 'Share');
    await wb.waitForNotification('Ready to share');
    assert.match(readFileSync(path.join(NOTES_ANA, '.gitattributes'), 'utf8'), /^\.mentorship\/\*\*\/\*\.yaml merge=mentorship$/m);
    assert.match(git(NOTES_ANA, 'config', '--get', 'merge.mentorship.driver'), /merge-driver\.js/);
    assert.throws(() => readFileSync(path.join(NOTES_BO, '.gitattributes'), 'utf8'), "Bo's repository is not touched by sharing Ana's");
    git(NOTES_ANA, 'add', '-A');
    git(NOTES_ANA, 'commit', '-qm', 'Feedback on the cart');
    git(NOTES_ANA, 'push', '-q', 'origin', 'main');
  });

  it('in B, with the same settings: both mentees, and A\'s feedback labelled A; B\'s file of the same path shows no thread, and Go to Code offers the permalink', async () => {
    const wb = get();
    await wb.openWindow(B);
    await treeReady(wb);
    assert.match(await statusBar(wb), /2 active mentees/);
    await repositoriesKnown(wb, 1);
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    const row = await wb.waitForTreeRow('suggestion · cart.ts:19');
    assert.match(row, /shop\/cart · Try naming the running total/, row);
    await wb.screenshot('notebook-feedback-of-a-in-b');
    // B's own src/cart.ts: no thread of A's feedback.
    await openExactly(wb, path.join(B, 'src', 'cart.ts'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await threadGlyphs(wb), 0, "A's feedback is not drawn on B's file of the same path");
    const tabs = await wb.page.locator('.tabs-container .tab').count();
    await wb.treeRow('suggestion · cart.ts:19').click();
    const note = await wb.waitForNotification('This feedback is on shop/cart, src/cart.ts:19, which is not open here.');
    assert.match(note, /Open on Code Host/);
    assert.match(note, /Open Local Clone/, 'A was opened on this machine before');
    assert.equal(await wb.page.locator('.tabs-container .tab').count(), tabs, 'no file was opened');
    const active = await activeTab(wb);
    assert.ok(active.includes(path.join('code', 'catalog')), `the active editor is still B's: ${active}`);
    // The code host's link, at the recorded commit and lines.
    // This machine has no internet: the browser is answered for github.com, so the page keeps its address.
    await wb.page.context().route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub</title>' }));
    const popup = wb.page.context().waitForEvent('page', { timeout: 20_000 });
    await wb.page.locator('.notifications-toasts .monaco-button', { hasText: 'Open on Code Host' }).first().click();
    // VS Code asks before it opens a website; the mentor says Open.
    const dialogOpen = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
    await dialogOpen.click({ timeout: 10_000 }).catch(() => undefined);
    const page = await popup;
    await page.waitForLoadState().catch(() => undefined);
    assert.equal(page.url(), `https://github.com/shop/cart/blob/${commitA}/src/cart.ts#L19-L20`);
    await page.close();
  });

  it('Open Local Clone adds A beside B and goes to the code; in the window of A and B every thread is in its own repository', async () => {
    const wb = get();
    await wb.treeRow('suggestion · cart.ts:19').click();
    await wb.waitForNotification('which is not open here');
    await wb.page.locator('.notifications-toasts .monaco-button', { hasText: 'Open Local Clone' }).first().click();
    await waitFor("A's cart.ts open with the feedback's lines selected", async () => {
      const tab = await activeTab(wb);
      return tab.includes(path.join('code', 'cart')) && /Ln 20, Col \d+ \(\d+ selected\)/.test(await wb.cursorStatus());
    }, 60_000).catch((e: unknown) => {
      console.log(wb.extensionLog().split('\n').filter((l) => /Feedback|[Cc]lone|activate_ms|Repositories|again/.test(l)).join('\n'));
      throw e;
    });
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Try naming the running total' }).first().waitFor({ timeout: 15_000 });
    await repositoriesKnown(wb, 2);
    // Feedback for Bo on B's src/cart.ts: the same path, the other repository.
    await openExactly(wb, path.join(B, 'src', 'cart.ts'));
    await selectLines(wb, 3, 4);
    await wb.runCommand('Mentorship: Log Feedback on Selection');
    await wb.pick('Feedback for', 'Bo Chen');
    await wb.pick('What kind of feedback', 'question');
    await wb.answer('Feedback on src/cart.ts:3', 'Why a shelf letter here and not the catalog id?');
    await wb.answer('Review reference', '');
    await wb.waitForNotification('Feedback saved, linked to src/cart.ts:3');
    assert.deepEqual(feedbackOf(BO_FILE).map((f) => [f.anchor?.repo, f.anchor?.path]), [['github.com/shop/catalog', 'src/cart.ts']]);
    await waitFor("one thread on B's cart.ts: Bo's", async () => (await threadGlyphs(wb)) === 1, 15_000);
    await wb.screenshot('notebook-multi-root-b');
    await openExactly(wb, path.join(A, 'src', 'cart.ts'));
    await waitFor("one thread on A's cart.ts: Ana's", async () => (await threadGlyphs(wb)) === 1, 15_000);
    assert.equal(await wb.page.locator('.editor-instance .monaco-editor .zone-widget:visible', { hasText: 'Why a shelf letter' }).count(), 0, "Bo's feedback on B is not drawn in A");
    // The tree of a mentor whose mentees' feedback is on different repositories says which is which.
    await wb.screenshot('notebook-multi-root-a');
  });
});

describe("e2e: the mentee's side of a notebook folder", function () {
  const mentee = path.join(base, 'mentee');
  const get = useWorkbench(
    {
      open: () => {
        // Ana's machine: her clone of the notes repository, and her clone of the code under another name.
        mkdirSync(mentee, { recursive: true });
        git(mentee, 'clone', '-q', ANA_REMOTE, 'notes');
        cpSync(A, path.join(mentee, 'work-on-the-cart'), { recursive: true });
        const file = path.join(mentee, 'ana.code-workspace');
        writeFileSync(file, JSON.stringify({ folders: [{ path: 'notes' }, { path: 'work-on-the-cart', name: 'my checkout' }] }));
        return file;
      },
      settings: { ...TITLE, 'mentorship.myEmail': 'ana@example.com' },
    },
    async (wb) => {
      await wb.openMentorshipView();
      await wb.waitForTreeRow(/^Feedback/, 60_000);
    },
  );

  it('Go to Code on the feedback she received finds the code in her clone', async () => {
    const wb = get();
    await repositoriesKnown(wb, 2);
    await wb.expandTreeRow('Feedback');
    await wb.treeRow('suggestion · cart.ts:19').click();
    await waitFor('cart.ts of her clone open with the lines selected', async () => {
      const tab = await activeTab(wb);
      return tab.includes('work-on-the-cart') && /Ln 20, Col \d+ \(\d+ selected\)/.test(await wb.cursorStatus());
    }, 30_000);
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Try naming the running total' }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('notebook-mentee-clone');
  });
});
