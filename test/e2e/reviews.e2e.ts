import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repositoryWithOrigin } from '../support/git';
import { FakeCodeHost, githubComment, githubExample, githubPull, githubReview } from '../support/codeHost';
import type { WorkbenchOptions } from './harness';
import { useMentorshipView, waitFor } from './harness';

const ANA = '.mentorship/mentees/ana-souza.yaml';
const URL = 'https://github.com/octo/bookshop/pull/7';
const REPO = 'octo/bookshop';

/** A pull request on demo/src/cart.ts made when the file had five (and three) lines fewer above the code. */
function pullRequest(host: FakeCodeHost): void {
  const hunkTotal = [
    '@@ -19,4 +19,4 @@ export class Cart {',
    '   total(discount?: Discount): number {',
    '     let sum = 0;',
    '     for (const line of this.lines) {',
    '-      sum += priceFor(line.isbn);',
    '+      sum = sum + priceFor(line.isbn) * line.quantity;',
  ].join('\n');
  const hunkRound = ['@@ -27,4 +27,4 @@ export class Cart {', '     if (discount) {', '       sum = sum - sum * discount.percent / 100;', '     }', '-    return sum;', '+    return Math.round(sum * 100) / 100;'].join('\n');
  const hunkGone = ['@@ -40,2 +40,3 @@ export class Cart {', '   clear(): void {', '+    if (legacyMode) { this.lines.length = 0; }'].join('\n');
  host.routes.set(`/repos/${REPO}/pulls/7`, githubPull(7, 'ana-souza', 'Cart totals with quantities', REPO));
  host.routes.set('/user', { ...(githubExample('private-user') as object), login: 'mentor-e2e' });
  host.routes.set(`/repos/${REPO}/pulls/7/comments`, [
    githubComment(
      {
        id: 101,
        login: 'mentor-e2e',
        // A suggestion block, and what a hostile body might hold: each must show inert in the thread.
        body: 'suggestion: `sum += …` would read shorter here.\n\n```suggestion\n      sum += priceFor(line.isbn) * line.quantity;\n```\n\nSee [the guide](https://example.com/style) <img src="https://evil.example/x.png"> [run](command:workbench.action.terminal.new) [js](javascript:alert(1))',
        path: 'src/cart.ts',
        line: 22,
        diffHunk: hunkTotal,
        createdAt: '2026-11-20T10:00:00Z',
      },
      REPO,
      7,
    ),
    githubComment({ id: 102, login: 'mentor-e2e', body: 'Why round here and not at display time?', path: 'src/cart.ts', line: 30, diffHunk: hunkRound, createdAt: '2026-11-20T10:05:00Z' }, REPO, 7),
    githubComment({ id: 103, login: 'mentor-e2e', body: 'issue: the legacy branch clears the cart silently', path: 'src/cart.ts', line: 41, diffHunk: hunkGone, createdAt: '2026-11-20T10:07:00Z' }, REPO, 7),
    githubComment({ id: 104, login: 'ana-souza', body: 'Changed it, thanks!', inReplyTo: 101, createdAt: '2026-11-20T12:00:00Z' }, REPO, 7),
    githubComment({ id: 105, login: 'team-lead', body: 'nitpick: blank line', path: 'src/cart.ts', line: 22, diffHunk: hunkTotal }, REPO, 7),
  ]);
  host.routes.set(`/repos/${REPO}/pulls/7/reviews`, [githubReview(900, 'mentor-e2e', 'praise: A tidy first pull request on the cart!', 'APPROVED', REPO, 7)]);
}

/** `after` is `before` with one block of lines inserted: every hand-written byte kept. */
function insertedOnce(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) {
    p++;
  }
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) {
    s++;
  }
  assert.equal(p + s, before.length, 'the file is the old text with one inserted block');
  return after.slice(p, after.length - s);
}

describe('e2e: importing review comments from a pull request', function () {
  const host = new FakeCodeHost('github');
  /** A second server that a cloned repository's settings point the import at: it must receive nothing. */
  const elsewhere = new FakeCodeHost('github');
  const opts: WorkbenchOptions = {};
  before(async () => {
    await host.start();
    await elsewhere.start();
    host.token = 'e2e-token';
    pullRequest(host);
    for (const [k, v] of host.routes) {
      elsewhere.routes.set(k, v);
    }
    // A machine-scoped setting: for an extension in a remote host (code-server), the remote machine's settings.
    opts.machineSettings = { 'mentorship.reviews.githubApiUrl': host.base };
    // The repository's own settings try to send the import (and the token) elsewhere.
    opts.prepare = (ws) => {
      // The workspace is a clone of the request's repository: the comments land on its code.
      repositoryWithOrigin(ws, 'git@github.com:octo/bookshop.git');
      // Ana's GitHub handle: her replies in the thread carry her name.
      const ana = path.join(ws, '.mentorship', 'mentees', 'ana-souza.yaml');
      writeFileSync(ana, readFileSync(ana, 'utf8').replace('team: checkout', 'github: ana-souza\nteam: checkout'));
      mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'mentorship.reviews.githubApiUrl': elsewhere.base }));
    };
    // The headless sign-in (code-server keeps GITHUB_TOKEN to itself, so GH_TOKEN, as gh reads it).
    opts.env = { GH_TOKEN: 'e2e-token' };
  });
  after(async () => {
    await host.stop();
    await elsewhere.stop();
  });
  const get = useMentorshipView('Ana Souza', opts);

  async function startImport(): Promise<void> {
    const wb = get();
    await wb.runCommand('Mentorship: Import Review Comments');
    await wb.pick('Import review comments for', 'Ana Souza');
    await wb.answer('Paste the URL of a pull request', URL);
    await wb.pick('Whose review comments?', 'Your comments (mentor-e2e)');
  }

  it('brings the mentor\'s comments in as feedback linked to today\'s code, with replies; the YAML keeps every byte', async () => {
    const wb = get();
    const before = wb.read(ANA);
    await startImport();
    await wb.waitForQuickInput('Untick what not to import');
    const rows = await wb.page.locator('.quick-input-widget .monaco-list-row').allTextContents();
    assert.equal(rows.length, 4, rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('question (guessed)') && r.includes('Why round here')), rows.join(' | '));
    await wb.screenshot('reviews-choose');
    await wb.page.keyboard.press('Enter');
    await wb.pick('1 kind is a guess from the wording', 'Import 4 comments');
    const note = await wb.waitForNotification('review comments imported for Ana Souza');
    assert.match(note, /4 review comments imported for Ana Souza: 2 linked to today's code, 1 not found in today's code, 1 without a line \(https:\/\/github.com\/octo\/bookshop\/pull\/7\)\./);
    const block = insertedOnce(before, wb.read(ANA));
    assert.ok(!block.includes('e2e-token'), 'no token is stored');
    const fb = parse(wb.read(ANA)).feedback as { id: string; kind: string; text: string; source?: { id: string }; anchor?: { repo?: string; path: string; range: { startLine: number; endLine: number }; text: string }; replies?: { author: string; text: string }[]; review?: string }[];
    const by = (id: string) => fb.find((f) => f.source?.id === id);
    assert.deepEqual([by('101')?.kind, by('101')?.anchor?.range.startLine, by('101')?.anchor?.text], ['suggestion', 27, '      sum = sum + priceFor(line.isbn) * line.quantity;']);
    assert.deepEqual(by('101')?.replies?.map((r) => [r.author, r.text]), [['ana-souza', 'Changed it, thanks!']]);
    assert.deepEqual([by('101')?.anchor?.repo, by('101')?.anchor?.path], ['github.com/octo/bookshop', 'src/cart.ts'], "the request's repository and the path there");
    assert.deepEqual([by('102')?.kind, by('102')?.anchor?.range.startLine], ['question', 32]);
    assert.deepEqual([by('103')?.kind, by('103')?.anchor?.range.startLine], ['issue', 41], 'not found: kept at the line it was written on');
    assert.deepEqual([by('review-900')?.kind, by('review-900')?.anchor], ['praise', undefined]);
    assert.equal(by('105'), undefined, "another reviewer's comment is not imported when only yours were chosen");
    assert.ok(fb.every((f) => !f.source || f.review === URL));
    // Only the code host of the request was asked, with the token; the server the repository's settings
    // named received nothing, and the mentor was told its setting is ignored.
    assert.ok(host.seen.length > 0 && host.seen.every((s) => s.authorization === 'Bearer e2e-token'));
    assert.deepEqual(elsewhere.seen, []);
    await wb.waitForNotification(`The workspace settings set mentorship.reviews.githubApiUrl to ${elsewhere.base}. It is ignored`);
    // In the tree, and as a comment thread at the right lines with the mentee's reply.
    await wb.expandTreeRow('Ana Souza');
    await wb.expandTreeRow('Feedback');
    // The review is a group of its own beside the demo's older feedback, its comments in the order of the code.
    await wb.expandTreeRow('pull request #7');
    await wb.waitForTreeRow(/^suggestion · cart\.ts:27/);
    const tree = await wb.treeRows();
    const at = tree.findIndex((r) => r.startsWith('pull request #7'));
    assert.deepEqual(tree.slice(at + 1, at + 4).map((r) => r.split(',')[0]), ['suggestion · cart.ts:27', 'question · cart.ts:32', 'issue · cart.ts:41'], tree.join(' | '));
    await wb.screenshot('reviews-tree-grouped');
    await wb.treeRow('`sum +=').click();
    await waitFor('cart.ts open at line 27', async () => {
      const tab = await wb.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label');
      return tab?.includes('cart.ts') && /Ln 27,/.test(await wb.cursorStatus());
    });
    const thread = wb.page.locator('.monaco-editor .zone-widget', { hasText: 'would read shorter here' }).first();
    await thread.waitFor({ timeout: 20_000 });
    await wb.page.locator('.monaco-editor .zone-widget', { hasText: 'Changed it, thanks!' }).first().waitFor({ timeout: 10_000 });
    // Read like the review: the suggestion as code under its label, the inline code as code, prose that
    // wraps; the author is the mentor (mentor.yaml's name), the reply Ana's, by name.
    const body = thread.locator('.review-comment-contents').first();
    assert.match(await thread.innerText(), /Sam de Vries · suggestion/);
    assert.match(await thread.innerText(), /Ana Souza \(@ana-souza\)/);
    assert.match(await body.innerText(), /Suggested change:/);
    assert.equal(await body.locator('pre code, .monaco-tokenized-source, code').filter({ hasText: 'sum += priceFor(line.isbn) * line.quantity;' }).count() > 0, true, 'the suggestion is a code block');
    assert.equal(await body.locator('code', { hasText: 'sum += …' }).count(), 1, 'inline code stays code');
    // Inert: the HTML shows as text, no image is loaded, only the https link is a link.
    assert.match(await body.innerText(), /<img src="https:\/\/evil\.example\/x\.png">/);
    assert.equal(await body.locator('img').count(), 0);
    const links = await body.locator('a').evaluateAll((as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? a.getAttribute('data-href') ?? '']));
    // (1.139 keeps the address in href; 1.100 in the renderer's own click handler.)
    assert.ok(links.some(([text, href]) => text === 'the guide' && (href === '' || href === 'https://example.com/style')), JSON.stringify(links));
    assert.ok(links.every(([, href]) => href === '' || /^https:\/\//.test(href)), `only https links: ${JSON.stringify(links)}`);
    assert.ok(!links.some(([text]) => text === 'run' || text === 'js'), `the command: and javascript: links are text: ${JSON.stringify(links)}`);
    // The whole thread in view for the screenshot: the panel out of the way.
    if (await wb.page.locator('.part.panel').isVisible()) {
      await wb.page.keyboard.press('Control+J');
    }
    await thread.scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('reviews-thread');
  });

  it('importing the same request again adds nothing', async () => {
    const wb = get();
    const before = wb.read(ANA);
    await startImport();
    await wb.waitForNotification('Nothing new to import from https://github.com/octo/bookshop/pull/7: its 4 comments by mentor-e2e are in the feedback of Ana Souza already.');
    assert.equal(wb.read(ANA), before);
  });

  it('an error of the code host is said plainly and nothing is written', async () => {
    const wb = get();
    const before = wb.read(ANA);
    host.failures.push({ match: /pulls\/7$/, failure: { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }, times: 1 });
    await wb.runCommand('Mentorship: Import Review Comments');
    await wb.pick('Import review comments for', 'Ana Souza');
    await wb.answer('Paste the URL of a pull request', URL);
    const note = await wb.waitForNotification('has no pull request #7, or this account has no access to it (404)');
    assert.match(note, /Check the URL and the account; nothing was imported\./);
    assert.equal(wb.read(ANA), before);
    await wb.screenshot('reviews-404');
  });
});
