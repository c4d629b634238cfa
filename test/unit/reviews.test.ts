/**
 * Importing review comments: labels, diff hunks, the mapping of GitHub's and GitLab's documented
 * response shapes, the plan (whose comments, what is new), anchors found in today's code, and the HTTP
 * path against a code host of the tests' own on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import { fetchFileAt, fetchReview, listRequestsBy, nextPage, requireSameOrigin, ReviewApiError } from '../../src/core/reviews/api';
import type { ApiOptions } from '../../src/core/reviews/api';
import { guessKind, readKind } from '../../src/core/reviews/conventional';
import { codeFromFile, codeFromHunk } from '../../src/core/reviews/diffHunk';
import { githubComments, githubRequest, githubRequestList, githubReviews } from '../../src/core/reviews/github';
import { gitlabDiscussions, gitlabRequest } from '../../src/core/reviews/gitlab';
import { feedbackEntry, planImport, resolveAnchor } from '../../src/core/reviews/importPlan';
import type { FetchedReview } from '../../src/core/reviews/model';
import { defaultApiBase, parseRemote, parseRequestUrl } from '../../src/core/reviews/model';
import { FakeCodeHost, githubComment, githubContent, githubExample, githubPull, githubReview, gitlabDiscussion, gitlabFile, gitlabMr } from '../support/codeHost';

const GH = parseRequestUrl('https://github.com/octocat/Hello-World/pull/1');
const GL = parseRequestUrl('https://gitlab.example.com/shop/web/checkout/-/merge_requests/7');

const HUNK = `@@ -10,6 +10,8 @@ export function total(items: Item[]): number {
   let sum = 0;
   for (const item of items) {
-    sum += item.price;
+    const price = item.price * item.quantity;
+    sum += price;
   }
   return sum;
 }`;

describe('reviews: Conventional Comments labels', () => {
  it('reads the label, its decorations and emphasis; maps the usual others to the nearest kind', () => {
    assert.deepEqual(readKind('praise: lovely test names'), { kind: 'praise', labeled: true, label: 'praise', decorations: [] });
    assert.deepEqual(readKind('nitpick (non-blocking): trailing space'), { kind: 'nitpick', labeled: true, label: 'nitpick', decorations: ['non-blocking'] });
    assert.deepEqual(readKind('**suggestion (if-minor, security):** use a constant'), { kind: 'suggestion', labeled: true, label: 'suggestion', decorations: ['if-minor', 'security'] });
    assert.equal(readKind('issue: this drops the last item').kind, 'issue');
    assert.equal(readKind('question: why a Map here?').kind, 'question');
    assert.equal(readKind('thought: we could cache this later').kind, 'thought');
    assert.equal(readKind('todo: add the test').kind, 'issue');
    assert.equal(readKind('chore: bump the changelog').kind, 'issue');
    assert.equal(readKind('note: this runs on every request').kind, 'thought');
    assert.equal(readKind('typo: recieve').kind, 'nitpick');
    assert.equal(readKind('polish: the error message could name the file').kind, 'suggestion');
    assert.equal(readKind('TODO: capital letters work too').kind, 'issue');
  });

  it('guesses when there is no label, and says it is a guess', () => {
    assert.deepEqual(readKind('Why not reuse the helper?'), { kind: 'question', labeled: false, decorations: [] });
    assert.equal(guessKind('Nice, this reads much better'), 'praise');
    assert.equal(guessKind('nit: extra blank line'), 'nitpick');
    assert.equal(guessKind('This breaks when the cart is empty'), 'issue');
    assert.equal(guessKind('Consider extracting this into a function'), 'suggestion');
    assert.equal(guessKind('```suggestion\nconst x = 1;\n```'), 'suggestion');
    assert.equal(guessKind('Interesting approach'), 'thought');
    // Words that are no label stay guesses: "Note to self" is not "note:".
    assert.equal(readKind('Note to self: check this').labeled, false);
  });
});

describe('reviews: code from a diff hunk or a file', () => {
  it('reads either side of a hunk at the right line numbers, with the lines before', () => {
    assert.deepEqual(codeFromHunk(HUNK, 'new', 12, 13), { text: '    const price = item.price * item.quantity;\n    sum += price;', before: '  let sum = 0;\n  for (const item of items) {\n' });
    assert.deepEqual(codeFromHunk(HUNK, 'old', 12, 12), { text: '    sum += item.price;', before: '  let sum = 0;\n  for (const item of items) {\n' });
    assert.equal(codeFromHunk(HUNK, 'new', 30, 30), undefined, 'lines outside the hunk');
    assert.equal(codeFromHunk('@@ -16,33 +16,40 @@ public class Connection : IConnection...', 'new', 16, 16), undefined, 'a header alone');
  });

  it('reads lines of a file with three lines of context each side', () => {
    assert.deepEqual(codeFromFile('a\nb\nc\nd\ne\nf\ng\nh', 5, 5), { text: 'e', before: 'b\nc\nd\n', after: '\nf\ng\nh' });
  });
});

describe('reviews: URLs and hosts', () => {
  it('parses pull and merge request URLs, GitHub Enterprise and self-hosted GitLab', () => {
    assert.deepEqual(GH, { provider: 'github', host: 'github.com', protocol: 'https:', project: 'octocat/Hello-World', number: 1, url: 'https://github.com/octocat/Hello-World/pull/1' });
    assert.equal(parseRequestUrl('https://github.com/o/r/pull/12/files#diff-abc')?.number, 12);
    assert.deepEqual(GL && { project: GL.project, number: GL.number, provider: GL.provider }, { project: 'shop/web/checkout', number: 7, provider: 'gitlab' });
    assert.equal(parseRequestUrl('https://github.com/o/r/issues/3'), undefined);
    assert.equal(parseRequestUrl('javascript:alert(1)'), undefined);
    assert.equal(defaultApiBase({ provider: 'github', host: 'github.com', protocol: 'https:' }), 'https://api.github.com');
    assert.equal(defaultApiBase({ provider: 'github', host: 'ghe.corp.example', protocol: 'https:' }), 'https://ghe.corp.example/api/v3');
    assert.equal(defaultApiBase({ provider: 'gitlab', host: 'gitlab.example.com', protocol: 'https:' }), 'https://gitlab.example.com/api/v4');
    assert.deepEqual(parseRemote('git@github.com:octocat/Hello-World.git'), { host: 'github.com', project: 'octocat/Hello-World' });
    assert.deepEqual(parseRemote('https://gitlab.example.com/shop/web/checkout.git'), { host: 'gitlab.example.com', project: 'shop/web/checkout' });
    assert.deepEqual(parseRemote('ssh://git@gitlab.example.com:2222/shop/web.git'), { host: 'gitlab.example.com', project: 'shop/web' });
  });
});

describe('reviews: GitHub response shapes (examples of GitHub\'s OpenAPI description)', () => {
  assert.ok(GH);
  it('maps the documented pull request, review comment and review examples', () => {
    const pr = githubRequest(githubExample('pull-request'), GH);
    assert.equal(pr.title, 'Amazing new feature');
    assert.equal(pr.author, 'octocat');
    assert.match(pr.baseSha ?? '', /^[0-9a-f]{40}$/);
    // The documented comment answers comment 8, which is not in the list: it is a thread of its own.
    const [c] = githubComments(githubExample('pull-request-review-comment-items'));
    assert.equal(c.id, '10');
    assert.equal(c.author, 'octocat');
    assert.equal(c.body, 'Great stuff!');
    assert.equal(c.path, 'file1.txt');
    assert.deepEqual([c.side, c.startLine, c.endLine], ['new', 1, 2]);
    assert.equal(c.commit, '9c48853fa3dc5c1c3d6f1f1cd1f2743e72652840', 'positions refer to the original commit');
    assert.equal(c.url, 'https://github.com/octocat/Hello-World/pull/1#discussion-diff-1');
    const multi = githubComments([githubExample('pull-request-review-comment-example-for-a-multi-line-comment')])[0];
    assert.deepEqual([multi.startLine, multi.endLine], [1, 2]);
    const reviews = githubReviews(githubExample('pull-request-review-items'));
    assert.deepEqual(reviews.map((r) => [r.id, r.body, r.state, r.path]), [['review-80', 'Here is the body for the review.', 'APPROVED', undefined]]);
    const list = githubRequestList(githubExample('pull-request-simple-items'), GH);
    assert.deepEqual(list.map((p) => [p.ref.number, p.title, p.author]), [[1347, 'Amazing new feature', 'octocat']]);
  });

  it('groups replies (also replies to replies) under the thread\'s first comment, oldest first', () => {
    const threads = githubComments([
      githubComment({ id: 1, login: 'mentor', body: 'question: why?', line: 3, createdAt: '2026-11-20T10:00:00Z' }),
      githubComment({ id: 3, login: 'mentor', body: 'Thanks!', inReplyTo: 2, createdAt: '2026-11-20T12:00:00Z' }),
      githubComment({ id: 2, login: 'ana', body: 'Because of the cache.', inReplyTo: 1, createdAt: '2026-11-20T11:00:00Z' }),
    ]);
    assert.equal(threads.length, 1);
    assert.deepEqual(threads[0].replies.map((r) => [r.author, r.body]), [['ana', 'Because of the cache.'], ['mentor', 'Thanks!']]);
  });

  it('keeps an outdated comment at its original line, anchors a removed line to the base side, a file comment without lines', () => {
    const [outdated, removed, file] = githubComments(
      [
        githubComment({ id: 5, login: 'm', body: 'x', line: 14, startLine: 13, outdated: true, commit: 'a'.repeat(40) }),
        githubComment({ id: 6, login: 'm', body: 'y', line: 12, side: 'LEFT' }),
        { ...githubComment({ id: 7, login: 'm', body: 'z' }), subject_type: 'file', line: null, original_line: null },
      ],
      'b'.repeat(40),
    );
    assert.deepEqual([outdated.outdated, outdated.startLine, outdated.endLine, outdated.commit], [true, 13, 14, 'a'.repeat(40)]);
    assert.deepEqual([removed.side, removed.endLine, removed.commit], ['old', 12, 'b'.repeat(40)]);
    assert.deepEqual([file.path, file.startLine, file.endLine], ['file1.txt', undefined, undefined]);
  });

  it('refuses an answer that is not of the documented shape, saying what is wrong', () => {
    assert.throws(() => githubComments({ message: 'Not Found' }), /the review comments is not a list/);
    assert.throws(() => githubComments([{ id: 1, body: 2 }]), /review comment 1\.body is not text/);
  });
});

describe('reviews: GitLab response shapes (discussions with their position)', () => {
  assert.ok(GL);
  it('maps single-line, multi-line and removed-line diff notes, general notes, replies; drops system notes', () => {
    const discussions = gitlabDiscussions(
      [
        gitlabDiscussion('d1', [
          { id: 11, username: 'mentor', body: 'suggestion: name it `total`', position: { path: 'src/cart.ts', newLine: 14, startLine: 13 } },
          { id: 12, username: 'ana', body: 'Done, thanks!' },
        ]),
        gitlabDiscussion('d2', [{ id: 21, username: 'mentor', body: 'issue: this line was needed', position: { path: 'src/cart.ts', oldLine: 12 } }]),
        gitlabDiscussion('d3', [{ id: 31, username: 'mentor', body: 'praise: great split of the commits' }]),
        gitlabDiscussion('d4', [{ id: 41, username: 'mentor', body: 'added 1 commit', system: true }]),
      ],
      GL.url,
    );
    assert.equal(discussions.length, 3);
    const [multi, removed, general] = discussions;
    assert.deepEqual([multi.path, multi.side, multi.startLine, multi.endLine, multi.commit], ['src/cart.ts', 'new', 13, 14, 'c'.repeat(40)]);
    assert.deepEqual(multi.replies.map((r) => r.author), ['ana']);
    assert.equal(multi.url, 'https://gitlab.example.com/shop/web/checkout/-/merge_requests/7#note_11');
    assert.deepEqual([removed.side, removed.endLine, removed.commit], ['old', 12, 'b'.repeat(40)]);
    assert.deepEqual([general.path, general.body], [undefined, 'praise: great split of the commits']);
    const mr = gitlabRequest(gitlabMr(7, 'ana', 'Checkout totals', GL.url), GL);
    assert.deepEqual([mr.author, mr.title, mr.baseSha], ['ana', 'Checkout totals', 'b'.repeat(40)]);
  });
});

function review(comments: FetchedReview['comments'], viewer = 'mentor'): FetchedReview {
  assert.ok(GH);
  return { request: { ref: GH, title: 'T', author: 'ana', createdAt: '2026-11-19T00:00:00Z' }, comments, viewer };
}

describe('reviews: what an import offers', () => {
  const threads = githubComments([
    githubComment({ id: 1, login: 'mentor', body: 'praise: clear names', line: 3, createdAt: '2026-11-20T10:00:00Z' }),
    githubComment({ id: 2, login: 'lead', body: 'issue: off by one', line: 5, createdAt: '2026-11-20T09:00:00Z' }),
    githubComment({ id: 3, login: 'ana', body: 'Self-review: note for reviewers', line: 7 }),
    githubComment({ id: 4, login: 'mentor', body: 'Could this be a constant?', line: 9, createdAt: '2026-11-20T11:00:00Z' }),
  ]);

  it('offers the mentor\'s own comments by default, everyone\'s on request, never the author\'s, oldest first', () => {
    const mine = planImport(review(threads), [], 'viewer');
    assert.deepEqual(mine.candidates.map((c) => [c.comment.id, c.kind, c.labeled]), [['1', 'praise', true], ['4', 'question', false]]);
    assert.deepEqual([...mine.reviewers], [['mentor', 2], ['lead', 1]]);
    const all = planImport(review(threads), [], 'all');
    assert.deepEqual(all.candidates.map((c) => c.comment.id), ['2', '1', '4']);
  });

  it('skips what was imported before (by provider, host and id)', () => {
    const first = planImport(review(threads), [], 'viewer');
    const stored = first.candidates.map((c, i) => ({ id: `f${i}`, ...feedbackEntry(review(threads), c.comment, c.kind, undefined) }));
    const again = planImport(review(threads), stored, 'viewer');
    assert.deepEqual([again.candidates.length, again.alreadyImported], [0, 2]);
    // The same id on another host is another comment.
    const elsewhere = stored.map((f) => ({ ...f, source: { ...f.source, url: 'https://ghe.example/x' } })) as typeof stored;
    assert.equal(planImport(review(threads), elsewhere, 'viewer').candidates.length, 2);
  });

  it('builds the feedback entry: date, kind, text as written, links, source, replies, reviewer when not the mentor', () => {
    const [t] = githubComments([
      githubComment({ id: 9, login: 'lead', body: 'nitpick (non-blocking): `i` → `index`\n\n```suggestion\nfor (const index of list) {\n```', line: 4, createdAt: '2026-11-21T08:00:00Z' }),
      githubComment({ id: 10, login: 'ana', body: 'Fixed in 3f2a', inReplyTo: 9, createdAt: '2026-11-21T09:00:00Z' }),
    ]);
    const entry = feedbackEntry(review([t]), t, 'nitpick', undefined);
    assert.deepEqual(entry, {
      date: '2026-11-21',
      kind: 'nitpick',
      text: 'nitpick (non-blocking): `i` → `index`\n\n```suggestion\nfor (const index of list) {\n```',
      review: 'https://github.com/octocat/Hello-World/pull/1',
      source: { provider: 'github', id: '9', url: 'https://github.com/octocat/Hello-World/pull/1#discussion_r9' },
      reviewer: 'lead',
      replies: [{ author: 'ana', date: '2026-11-21', text: 'Fixed in 3f2a' }],
    });
  });
});

describe('reviews: anchors found in today\'s code', () => {
  const AT_COMMIT = 'export function total(items) {\n  let sum = 0;\n  for (const item of items) {\n    sum += item.price * item.qty;\n  }\n  return sum;\n}\n';
  const TODAY = '// Totals\n\nimport { Item } from "./item";\n\n' + AT_COMMIT;
  const [c] = githubComments([githubComment({ id: 1, login: 'm', body: 'x', path: 'src/cart.ts', line: 4, commit: 'a'.repeat(40) })]);

  it('takes the code from the commit, then finds it where it is today', () => {
    const r = resolveAnchor(c, 'src/cart.ts', AT_COMMIT, TODAY);
    assert.equal(r.status, 'moved');
    assert.equal(r.from, 'commit');
    assert.deepEqual(r.anchor?.range, { startLine: 8, startColumn: 1, endLine: 8, endColumn: 34 });
    assert.equal(r.anchor?.text, '    sum += item.price * item.qty;');
    assert.equal(r.anchor?.commit, 'a'.repeat(40));
  });

  it('takes the code from the diff hunk when the commit is not here', () => {
    const [h] = githubComments([githubComment({ id: 2, login: 'm', body: 'x', path: 'src/cart.ts', line: 13, startLine: 12, diffHunk: HUNK })]);
    const today = '\n\n' + HUNK.split('\n').slice(1).filter((l) => !l.startsWith('-')).map((l) => l.slice(1)).join('\n');
    const r = resolveAnchor(h, 'src/cart.ts', undefined, today);
    assert.equal(r.from, 'hunk');
    assert.equal(r.status, 'moved');
    assert.deepEqual([r.anchor?.range.startLine, r.anchor?.range.endLine], [5, 6]);
  });

  it('says plainly when the code is gone, keeping the place it was written at', () => {
    const r = resolveAnchor(c, 'src/cart.ts', AT_COMMIT, 'export const nothing = 1;\n');
    assert.equal(r.status, 'notFound');
    assert.deepEqual([r.anchor?.range.startLine, r.anchor?.text], [4, '    sum += item.price * item.qty;']);
    assert.equal(resolveAnchor(c, 'src/cart.ts', AT_COMMIT, undefined).status, 'notFound', 'file deleted');
    assert.equal(resolveAnchor({ ...c, startLine: undefined, endLine: undefined }, 'src/cart.ts', AT_COMMIT, TODAY).status, 'none');
  });

  it('marks a comment on a removed line as anchored to the base side', () => {
    const [old] = githubComments([githubComment({ id: 3, login: 'm', body: 'x', path: 'src/cart.ts', line: 12, side: 'LEFT', diffHunk: HUNK })]);
    const r = resolveAnchor(old, 'src/cart.ts', undefined, 'unrelated\n');
    assert.equal(r.anchor?.side, 'base');
    assert.equal(r.anchor?.text, '    sum += item.price;');
    assert.equal(r.status, 'notFound');
  });
});

describe('reviews: the HTTP path against a code host on 127.0.0.1', () => {
  let host: FakeCodeHost;
  const opts = (extra: Partial<ApiOptions> = {}): ApiOptions => ({ provider: 'github', base: host.base, token: 'tok', ...extra });

  beforeEach(async () => {
    host = new FakeCodeHost('github');
    await host.start();
    host.routes.set('/repos/octocat/Hello-World/pulls/1', githubPull(1, 'ana', 'Cart totals'));
    host.routes.set('/user', { ...(githubExample('private-user') as object), login: 'mentor' });
    host.routes.set(
      '/repos/octocat/Hello-World/pulls/1/comments',
      Array.from({ length: 75 }, (_, i) => githubComment({ id: i + 1, login: i % 5 === 0 ? 'lead' : 'mentor', body: `suggestion: change ${i + 1}`, line: i + 1 })),
    );
    host.routes.set('/repos/octocat/Hello-World/pulls/1/reviews', [githubReview(500, 'mentor', 'praise: a tidy PR')]);
  });
  afterEach(async () => host.stop());

  it('follows pagination to the end and sends the token only to that host', async () => {
    assert.ok(GH);
    host.pageSize = 20;
    const pages: number[] = [];
    const r = await fetchReview(GH, opts({ onPage: (_w, p) => pages.push(p) }));
    assert.equal(r.comments.filter((c) => c.path).length, 75);
    assert.equal(r.comments.filter((c) => !c.path).length, 1, 'the review summary');
    assert.equal(r.viewer, 'mentor');
    assert.deepEqual(pages, [1, 2, 3, 4, 1]);
    assert.ok(host.seen.every((s) => s.authorization === 'Bearer tok'));
    assert.ok(host.seen.some((s) => s.path.includes('page=4')));
  });

  it('GitLab: follows x-next-page and Link, with PRIVATE-TOKEN', async () => {
    assert.ok(GL);
    const gl = new FakeCodeHost('gitlab');
    await gl.start();
    try {
      gl.pageSize = 2;
      gl.routes.set('/projects/shop%2Fweb%2Fcheckout/merge_requests/7', gitlabMr(7, 'ana', 'Totals', GL.url));
      gl.routes.set('/projects/shop/web/checkout/merge_requests/7', gitlabMr(7, 'ana', 'Totals', GL.url));
      const ds = Array.from({ length: 5 }, (_, i) => gitlabDiscussion(`d${i}`, [{ id: i + 1, username: 'mentor', body: `thought: ${i}`, position: { path: 'a.ts', newLine: i + 1 } }]));
      gl.routes.set('/projects/shop/web/checkout/merge_requests/7/discussions', ds);
      gl.routes.set('/user', { id: 1, username: 'mentor' });
      const r = await fetchReview(GL, { provider: 'gitlab', base: gl.base + '/api/v4', token: 'glpat' });
      assert.equal(r.comments.length, 5);
      assert.equal(r.viewer, 'mentor');
      assert.ok(gl.seen.every((s) => s.privateToken === 'glpat'));
      assert.ok(gl.seen.some((s) => s.path.includes('page=3')));
    } finally {
      await gl.stop();
    }
  });

  const fails = async (what: RegExp, kind: string): Promise<void> => {
    assert.ok(GH);
    await assert.rejects(fetchReview(GH, opts({ now: () => new Date('2026-11-29T10:00:00Z') })), (e: unknown) => {
      assert.ok(e instanceof ReviewApiError, String(e));
      assert.equal(e.kind, kind);
      assert.match(e.message, what);
      return true;
    });
  };

  it('401: says the sign-in was not accepted', async () => {
    host.token = 'other';
    await fails(/127\.0\.0\.1:\d+ did not accept the sign-in \(401: Bad credentials\)\. Sign in again/, 'unauthorized');
  });

  it('403: says which permission or scope is missing', async () => {
    host.failures.push({ match: /pulls\/1$/, failure: { status: 403, headers: { 'x-accepted-github-permissions': 'pull_requests=read' }, body: { message: 'Resource not accessible by personal access token' } } });
    await fails(/refused access to pull request #1 \(403: Resource not accessible by personal access token\)\. The sign-in needs the permission pull_requests: read/, 'forbidden');
  });

  it('403 on GitLab: names the missing scope', async () => {
    assert.ok(GL);
    const gl = new FakeCodeHost('gitlab');
    await gl.start();
    try {
      gl.failures.push({ match: /merge_requests/, failure: { status: 403, body: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'read_api' } } });
      await assert.rejects(fetchReview(GL, { provider: 'gitlab', base: gl.base, token: 't' }), /The sign-in needs the "read_api" scope/);
    } finally {
      await gl.stop();
    }
  });

  it('404: no such request, or no access', async () => {
    host.routes.delete('/repos/octocat/Hello-World/pulls/1');
    await fails(/has no pull request #1, or this account has no access to it \(404\)/, 'notFound');
  });

  it('rate limited: says when the limit resets', async () => {
    const reset = Math.floor(new Date('2026-11-29T10:25:00Z').getTime() / 1000);
    host.failures.push({ match: /comments/, failure: { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: { message: 'API rate limit exceeded for user ID 1.' } } });
    await fails(/the limit is reached\. It resets at 10:25 UTC \(in 25 min\)\. Nothing was imported\./, 'rateLimited');
    host.failures = [{ match: /comments/, failure: { status: 429, headers: { 'retry-after': '120' } } }];
    await fails(/It resets at 10:02 UTC \(in 2 min\)/, 'rateLimited');
  });

  it('an answer of another shape, or not JSON at all', async () => {
    host.routes.set('/repos/octocat/Hello-World/pulls/1/comments', { not: 'a list' });
    await fails(/for the review comments of #1 is not a list/, 'shape');
    host.routes.set('/repos/octocat/Hello-World/pulls/1/comments', [{ id: 1, path: 'a', body: null, user: { login: 'x' }, created_at: 'x' }]);
    await fails(/is not of the expected shape \(review comment 1\.body is not text\)/, 'shape');
    host.failures.push({ match: /pulls\/1$/, failure: { status: 200, body: '<html>proxy login</html>' } });
    await fails(/for pull request #1 is not JSON/, 'shape');
  });

  it('no network: says the host could not be reached', async () => {
    assert.ok(GH);
    await host.stop();
    await assert.rejects(fetchReview(GH, opts()), (e: unknown) => e instanceof ReviewApiError && e.kind === 'network' && /Could not reach 127\.0\.0\.1:\d+ \(.*\)\. Check the network connection/.test(e.message));
    await host.start();
  });

  it('a slow answer can be cancelled', async () => {
    assert.ok(GH);
    host.delayMs = 5_000;
    const abort = new AbortController();
    const t0 = Date.now();
    setTimeout(() => abort.abort(), 100);
    await assert.rejects(fetchReview(GH, opts({ signal: abort.signal })), (e: unknown) => e instanceof ReviewApiError && e.kind === 'cancelled');
    assert.ok(Date.now() - t0 < 2_000, 'cancelled without waiting for the answer');
  });

  it('lists recent requests by the mentee', async () => {
    const mine = { ...(githubExample('pull-request-simple-items') as object[])[0], number: 3, title: 'Mine', user: { login: 'Ana' } };
    const other = { ...mine, number: 4, title: 'Theirs', user: { login: 'bo' } };
    host.routes.set('/repos/octocat/Hello-World/pulls', [mine, other]);
    assert.ok(GH);
    const list = await listRequestsBy(GH, 'ana', opts());
    assert.deepEqual(list.map((p) => [p.ref.number, p.title]), [[3, 'Mine']]);
  });

  it('reads the next page from a Link header or x-next-page', () => {
    const h = (o: Record<string, string>): Pick<Response, 'headers'> => ({ headers: new Headers(o) });
    assert.equal(nextPage(h({ link: '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=9>; rel="last"' }), 'https://api.github.com/x'), 'https://api.github.com/x?page=2');
    assert.equal(nextPage(h({ 'x-next-page': '3' }), 'https://gl/x?per_page=2'), 'https://gl/x?per_page=2&page=3');
    assert.equal(nextPage(h({ 'x-next-page': '' }), 'https://gl/x'), undefined);
  });
});

describe('reviews: the code a comment was written on, from the code host', () => {
  const TEXT = 'export function total(items: Item[]): number {\n  // Prijs × aantal — non-ASCII survives\n  let sum = 0;\n  return sum;\n}\n';
  const SHA = 'c'.repeat(40);

  it('GitHub: the contents API at the commit, base64 wrapped in lines, decoded as UTF-8', async () => {
    const gh = new FakeCodeHost('github');
    await gh.start();
    try {
      gh.routes.set('/repos/octocat/Hello-World/contents/src/total.ts', githubContent('src/total.ts', TEXT));
      const text = await fetchFileAt(GH!, 'src/total.ts', SHA, { provider: 'github', base: gh.base, token: 'ghp' });
      assert.equal(text, TEXT);
      assert.deepEqual(gh.seen.map((x) => [x.path, x.authorization]), [[`/repos/octocat/Hello-World/contents/src/total.ts?ref=${SHA}`, 'Bearer ghp']]);
      // A file the commit does not have: undefined, not a failed import.
      assert.equal(await fetchFileAt(GH!, 'src/gone.ts', SHA, { provider: 'github', base: gh.base, token: 'ghp' }), undefined);
      // Over 1 MB GitHub sends no content ("encoding": "none") and a download URL on another host: the raw
      // file is asked of the same contents URL with the raw media type, on the API's own origin.
      gh.routes.set('/repos/octocat/Hello-World/contents/big.json', { ...(githubContent('big.json', 'x') as object), content: '', encoding: 'none', download_url: 'https://raw.example.invalid/big.json' });
      gh.rawFiles.set('/repos/octocat/Hello-World/contents/big.json', '{"big": true}\r\n');
      assert.equal(await fetchFileAt(GH!, 'big.json', SHA, { provider: 'github', base: gh.base, token: 'ghp' }), '{"big": true}\n');
    } finally {
      await gh.stop();
    }
  });

  it('GitLab: the repository files API with the path as one encoded segment, the token as PRIVATE-TOKEN', async () => {
    const gl = new FakeCodeHost('gitlab');
    await gl.start();
    try {
      gl.routes.set('/projects/shop/web/checkout/repository/files/src/total.ts', gitlabFile('src/total.ts', TEXT, SHA));
      const text = await fetchFileAt(GL!, 'src/total.ts', SHA, { provider: 'gitlab', base: gl.base + '/api/v4', token: 'glpat' });
      assert.equal(text, TEXT);
      assert.deepEqual(gl.seen.map((x) => [x.path, x.privateToken]), [[`/api/v4/projects/shop%2Fweb%2Fcheckout/repository/files/src%2Ftotal.ts?ref=${SHA}`, 'glpat']]);
    } finally {
      await gl.stop();
    }
  });

  it('a failure other than "not there" is said, not taken for a missing file', async () => {
    const gl = new FakeCodeHost('gitlab');
    await gl.start();
    try {
      gl.failures.push({ match: /repository\/files/, failure: { status: 401, body: { message: '401 Unauthorized' } } });
      await assert.rejects(fetchFileAt(GL!, 'src/total.ts', SHA, { provider: 'gitlab', base: gl.base, token: 'bad' }), (e: unknown) => e instanceof ReviewApiError && e.kind === 'unauthorized');
    } finally {
      await gl.stop();
    }
  });

  it('answers a browser\'s preflight and lets the page read the paging headers, as both services do', async () => {
    for (const provider of ['github', 'gitlab'] as const) {
      const host = new FakeCodeHost(provider);
      await host.start();
      try {
        const pre = await fetch(`${host.base}/user`, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': provider === 'github' ? 'authorization,x-github-api-version' : 'private-token' } });
        assert.equal(pre.status, 204);
        assert.equal(pre.headers.get('access-control-allow-origin'), '*');
        assert.match(pre.headers.get('access-control-allow-headers') ?? '', provider === 'github' ? /Authorization.*X-GitHub-Api-Version/ : /private-token/);
        assert.match((await fetch(`${host.base}/user`)).headers.get('access-control-expose-headers') ?? '', /Link/);
      } finally {
        await host.stop();
      }
    }
  });
});

describe('reviews: the token goes only to the origin of the API base the mentor chose', () => {
  let host: FakeCodeHost;
  let other: FakeCodeHost;
  const PR = '/repos/octocat/Hello-World/pulls/1';

  beforeEach(async () => {
    host = new FakeCodeHost('github');
    other = new FakeCodeHost('github');
    await host.start();
    // Another port of 127.0.0.1 is another origin; it answers everything, and records who asked.
    await other.start();
    host.routes.set(PR, githubPull(1, 'ana', 'Cart totals'));
    host.routes.set('/user', { ...(githubExample('private-user') as object), login: 'mentor' });
    host.routes.set(`${PR}/comments`, Array.from({ length: 3 }, (_, i) => githubComment({ id: i + 1, login: 'mentor', body: `nitpick: ${i}`, line: i + 1 })));
    host.routes.set(`${PR}/reviews`, []);
    for (const [k, v] of host.routes) {
      other.routes.set(k, v);
    }
  });
  afterEach(async () => {
    await host.stop();
    await other.stop();
  });

  const hostName = (base: string): string => new URL(base).host;
  const refused = (e: unknown): boolean => {
    assert.ok(e instanceof ReviewApiError, String(e));
    assert.equal(e.kind, 'foreignOrigin');
    assert.ok(e.message.includes(hostName(host.base)) && e.message.includes(hostName(other.base)), e.message);
    assert.match(e.message, /nothing was imported/);
    return true;
  };

  it('a next page on another origin is refused before anything is sent there, naming both hosts', async () => {
    host.pageSize = 2;
    host.linkOrigin = other.base;
    await assert.rejects(fetchReview(GH!, { provider: 'github', base: host.base, token: 'tok' }), refused);
    assert.deepEqual(other.seen, [], 'the other origin received nothing');
    assert.ok(host.seen.length > 0 && host.seen.every((x) => x.authorization === 'Bearer tok'));
  });

  it('a redirect to another origin is not followed (GitHub\'s Authorization, GitLab\'s PRIVATE-TOKEN alike)', async () => {
    host.redirects.set(PR, `${other.base}${PR}`);
    await assert.rejects(fetchReview(GH!, { provider: 'github', base: host.base, token: 'tok' }), refused);
    assert.deepEqual(other.seen, []);
    // GitLab's token is a header of its own, which the runtime's redirects would pass on.
    const gl = new FakeCodeHost('gitlab');
    const glOther = new FakeCodeHost('gitlab');
    await gl.start();
    await glOther.start();
    try {
      gl.redirects.set('/api/v4/projects/shop%2Fweb%2Fcheckout/merge_requests/7', `${glOther.base}/api/v4/projects/shop%2Fweb%2Fcheckout/merge_requests/7`);
      await assert.rejects(fetchReview(GL!, { provider: 'gitlab', base: gl.base + '/api/v4', token: 'glpat' }), (e: unknown) => e instanceof ReviewApiError && e.kind === 'foreignOrigin' && e.message.includes(hostName(glOther.base)));
      assert.deepEqual(glOther.seen, []);
    } finally {
      await gl.stop();
      await glOther.stop();
    }
  });

  it('a redirect on the same origin is followed, with the token (a renamed repository)', async () => {
    host.redirects.set('/repos/octocat/Old-Name/pulls/1', `${host.base}${PR}`);
    host.routes.set('/repos/octocat/Old-Name/pulls/1/comments', host.routes.get(`${PR}/comments`));
    host.routes.set('/repos/octocat/Old-Name/pulls/1/reviews', []);
    const old = parseRequestUrl('https://github.com/octocat/Old-Name/pull/1');
    assert.ok(old);
    const r = await fetchReview(old, { provider: 'github', base: host.base, token: 'tok' });
    assert.equal(r.request.title, 'Cart totals');
    assert.equal(r.comments.length, 3);
    assert.ok(host.seen.some((x) => x.path === PR && x.authorization === 'Bearer tok'), JSON.stringify(host.seen));
    assert.deepEqual(other.seen, []);
  });

  it('a file whose contents name a download URL on another origin: that origin receives nothing', async () => {
    host.routes.set('/repos/octocat/Hello-World/contents/big.ts', { ...(githubContent('big.ts', 'x') as object), content: '', encoding: 'none', download_url: `${other.base}/big.ts` });
    host.rawFiles.set('/repos/octocat/Hello-World/contents/big.ts', 'export const big = 1;\n');
    assert.equal(await fetchFileAt(GH!, 'big.ts', 'c'.repeat(40), { provider: 'github', base: host.base, token: 'tok' }), 'export const big = 1;\n');
    assert.deepEqual(other.seen, []);
  });

  it('a base that is not a URL, or a path built on another origin, is refused as well', () => {
    assert.throws(() => requireSameOrigin({ base: host.base }, `${other.base}/user`, 'the user', 'was asked for'), refused);
    assert.doesNotThrow(() => requireSameOrigin({ base: `${host.base}/api/v4` }, `${host.base}/api/v4/user`, 'the user', 'was asked for'));
    assert.throws(() => requireSameOrigin({ base: 'not a url' }, `${host.base}/user`, 'the user', 'was asked for'), (e: unknown) => e instanceof ReviewApiError && e.kind === 'foreignOrigin');
  });
});

describe('reviews: one import is one write that keeps the file', () => {
  it('appends every imported comment in one change, keeps comments and layout, and never adds one twice', async () => {
    const { promises: fsp } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { MentorshipStore } = await import('../../src/core/storage/store');
    const { NodeFileSystem } = await import('../../src/platform/nodeFs');
    const { addImportedFeedback } = await import('../../src/core/operations/changes');
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-import-'));
    const root = path.join(dir, '.mentorship');
    await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
    const file = path.join(root, 'mentees', 'ana.yaml');
    const hand = 'version: 1\nname: Ana   # the mentee\ngithub: ana-dev\nfeedback:\n  - {id: f-old, date: 2026-10-01, kind: praise, text: "Kept as written"}   # flow style\n';
    await fsp.writeFile(file, hand);
    const store = new MentorshipStore(new NodeFileSystem(), root);
    await store.load();
    const threads = githubComments([
      githubComment({ id: 1, login: 'mentor', body: 'praise: clear names', path: 'src/cart.ts', line: 3 }),
      githubComment({ id: 2, login: 'mentor', body: 'issue: off by one', path: 'src/cart.ts', line: 5 }),
      githubComment({ id: 3, login: 'ana', body: 'Fixed!', inReplyTo: 2 }),
    ]);
    const r = review(threads);
    const entries = planImport(r, store.bySlug('ana')?.data?.feedback ?? [], 'viewer').candidates.map((c) => feedbackEntry(r, c.comment, c.kind, resolveAnchor(c.comment, c.comment.path, undefined, undefined).anchor));
    let writes = 0;
    const counting = new MentorshipStore(new NodeFileSystem(), root, { beforeRename: async () => void writes++ });
    await counting.load();
    await counting.edit(file, addImportedFeedback(entries));
    assert.equal(writes, 1, 'one import, one write');
    const text = await fsp.readFile(file, 'utf8');
    assert.ok(text.startsWith(hand), 'every hand-written byte is kept');
    const m = counting.bySlug('ana')?.data;
    assert.deepEqual(m?.feedback.map((f) => [f.kind, f.source?.id, f.replies?.length ?? 0]), [['praise', undefined, 0], ['praise', '1', 0], ['issue', '2', 1]]);
    assert.equal(m?.github, 'ana-dev');
    // The same entries again (another window imported them meanwhile): nothing is added.
    await counting.edit(file, addImportedFeedback(entries));
    assert.equal(counting.bySlug('ana')?.data?.feedback.length, 3);
  });
});

describe('reviews: growth over many reviews on the dashboard', () => {
  it('groups feedback by review: date, count, corrections and praise; draws them with text alternatives, escaped', async () => {
    const { reviewStats, dashboardStats } = await import('../../src/core/domain/stats');
    const { renderDashboardBody } = await import('../../src/core/render/dashboardHtml');
    const fb = (id: string, date: string, kind: 'praise' | 'issue' | 'suggestion' | 'nitpick', review?: string) => ({ id, date, kind, text: id, ...(review ? { review } : {}) });
    const m = {
      version: 1,
      name: 'Ana',
      status: 'active' as const,
      goals: [],
      sessions: [],
      feedback: [
        fb('a', '2026-09-02', 'issue', 'https://github.com/o/r/pull/1'),
        fb('b', '2026-09-01', 'suggestion', 'https://github.com/o/r/pull/1'),
        fb('c', '2026-09-03', 'praise', 'https://github.com/o/r/pull/1'),
        fb('d', '2026-11-05', 'praise', 'https://github.com/o/r/pull/"><script>alert(1)</script>'),
        fb('e', '2026-11-05', 'nitpick', 'https://github.com/o/r/pull/"><script>alert(1)</script>'),
        fb('f', '2026-11-06', 'issue'),
      ],
    };
    assert.deepEqual(reviewStats(m), [
      { review: 'https://github.com/o/r/pull/1', date: '2026-09-01', count: 3, corrections: 2, praise: 1 },
      { review: 'https://github.com/o/r/pull/"><script>alert(1)</script>', date: '2026-11-05', count: 2, corrections: 0, praise: 1 },
    ]);
    const st = dashboardStats(m, '2026-11-29');
    assert.equal(st.reviewsByMonth.find((x) => x.month === '2026-09')?.reviews, 1);
    assert.equal(st.reviewsByMonth.find((x) => x.month === '2026-11')?.reviews, 1);
    const html = renderDashboardBody(m, st, undefined);
    assert.match(html, /id="h-reviews">Code reviews</);
    assert.match(html, /aria-label="2 reviews\. Latest: pull request #1 \(2026-09-01\): 2 issues and suggestions, 33% praise; /);
    assert.ok(!html.includes('<script>'), 'a review link from YAML is escaped');
    const none = renderDashboardBody({ ...m, feedback: [] }, dashboardStats({ ...m, feedback: [] }, '2026-11-29'), undefined);
    assert.ok(!none.includes('h-reviews'), 'no review section without reviews');
  });
});
