/** Which repository code is in, said the same way everywhere, and the code host's link to it. */
import * as assert from 'node:assert/strict';
import { normalizeRemote, permalink, remotesOfGitConfig, repositoryIdentity, repositoryName, repositoryOfReviewUrl, repositoryOfVirtualFolder, rootCommitId } from '../../src/core/anchors/repository';
import { anchorHome, anchorIsOn, anchorPlaceIn, isOpenHere, withRepository } from '../../src/core/anchors/where';
import type { OpenFolder } from '../../src/core/anchors/where';
import { followRenames } from '../../src/core/anchors/renames';
import type { CodeAnchor, Mentee } from '../../src/core/domain/model';

describe('repository ids', () => {
  it('normalises https, ssh, scp-like remotes, GitHub Enterprise and GitLab subgroups to one id', () => {
    const express = 'github.com/expressjs/express';
    for (const remote of [
      'https://github.com/expressjs/express.git',
      'https://github.com/expressjs/express',
      'https://github.com/expressjs/express/',
      'https://user:token@github.com/expressjs/express.git',
      'http://github.com/ExpressJS/Express.git',
      'git@github.com:expressjs/express.git',
      'git@github.com:expressjs/express',
      'ssh://git@github.com/expressjs/express.git',
      'ssh://git@github.com:22/expressjs/express.git',
      'git://github.com/expressjs/express.git',
      '  git@GitHub.com:ExpressJS/express.git  ',
    ]) {
      assert.equal(normalizeRemote(remote), express, remote);
    }
    assert.equal(normalizeRemote('https://ghe.example.com/shop/checkout.git'), 'ghe.example.com/shop/checkout');
    assert.equal(normalizeRemote('git@ghe.example.com:shop/checkout.git'), 'ghe.example.com/shop/checkout');
    assert.equal(normalizeRemote('https://gitlab.example.com/shop/web/checkout.git'), 'gitlab.example.com/shop/web/checkout');
    assert.equal(normalizeRemote('git@gitlab.example.com:shop/web/checkout.git'), 'gitlab.example.com/shop/web/checkout');
    assert.equal(normalizeRemote('ssh://git@gitlab.example.com:2222/shop/web/checkout.git'), 'gitlab.example.com/shop/web/checkout');
  });

  it('names no repository for what is not a remote of one', () => {
    for (const remote of ['', 'not a url', 'https://github.com/', 'https://github.com/onlyowner', 'file:///home/ana/repo', '/home/ana/repo.git', '../repo']) {
      assert.equal(normalizeRemote(remote), undefined, remote);
    }
    assert.equal(rootCommitId('1A2B3C4D5E6F'), 'root:1a2b3c4d5e6f');
    assert.equal(rootCommitId('not a commit'), undefined);
  });

  it('a short name for people', () => {
    assert.equal(repositoryName('github.com/expressjs/express'), 'expressjs/express');
    assert.equal(repositoryName('gitlab.example.com/shop/web/checkout'), 'shop/web/checkout');
    assert.equal(repositoryName('root:1a2b3c4d5e6f'), 'repository 1a2b3c4');
  });
});

describe('permalinks', () => {
  const sha = 'c'.repeat(40);
  it('GitHub and GitHub Enterprise: blob at the commit, the lines as #L19-L23', () => {
    assert.equal(permalink('github.com/expressjs/express', 'lib/router/index.js', { startLine: 19, endLine: 23 }, sha), `https://github.com/expressjs/express/blob/${sha}/lib/router/index.js#L19-L23`);
    assert.equal(permalink('github.com/expressjs/express', 'lib/a b.js', { startLine: 7, endLine: 7 }, sha), `https://github.com/expressjs/express/blob/${sha}/lib/a%20b.js#L7`);
    assert.equal(permalink('ghe.example.com/shop/checkout', 'src/cart.ts', { startLine: 3, endLine: 4 }), 'https://ghe.example.com/shop/checkout/blob/HEAD/src/cart.ts#L3-L4');
  });

  it('GitLab, subgroups too: /-/blob/ at the commit, the lines as #L19-23', () => {
    assert.equal(permalink('gitlab.com/shop/checkout', 'src/cart.ts', { startLine: 19, endLine: 23 }, sha), `https://gitlab.com/shop/checkout/-/blob/${sha}/src/cart.ts#L19-23`);
    assert.equal(permalink('git.example.com/shop/web/checkout', 'src/cart.ts', { startLine: 5, endLine: 5 }, sha), `https://git.example.com/shop/web/checkout/-/blob/${sha}/src/cart.ts#L5`);
  });

  it('none for a repository without a remote', () => {
    assert.equal(permalink('root:1a2b3c4', 'src/cart.ts', { startLine: 1, endLine: 1 }), undefined);
  });
});

describe('the repository of a clone', () => {
  it('reads the remotes of a git config, in order, whatever the spacing, quoting and comments', () => {
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "upstream"]',
      '\turl = https://github.com/expressjs/express.git',
      '\tfetch = +refs/heads/*:refs/remotes/upstream/*',
      '# a comment',
      '[remote "origin"]',
      '  url=git@github.com:ana/express.git ; a fork',
      '[branch "main"]',
      '\tremote = origin',
      '\turl = not-a-remote',
      '[remote "with \\"quote\\""]',
      '\turl = "https://gitlab.example.com/shop/web/checkout.git"',
    ].join('\n');
    assert.deepEqual(remotesOfGitConfig(config), [
      { name: 'upstream', url: 'https://github.com/expressjs/express.git' },
      { name: 'origin', url: 'git@github.com:ana/express.git' },
      { name: 'with "quote"', url: 'https://gitlab.example.com/shop/web/checkout.git' },
    ]);
  });

  it("its id is origin's, and it answers to every remote and to its first commit (a fork to its upstream)", () => {
    const id = repositoryIdentity(
      [
        { name: 'upstream', url: 'https://github.com/expressjs/express.git' },
        { name: 'origin', url: 'git@github.com:ana/express.git' },
      ],
      'ABCDEF1234567',
    );
    assert.deepEqual(id, { id: 'github.com/ana/express', ids: ['github.com/ana/express', 'github.com/expressjs/express', 'root:abcdef1234567'] });
    assert.deepEqual(repositoryIdentity([], 'abcdef1234567'), { id: 'root:abcdef1234567', ids: ['root:abcdef1234567'] }, 'without a remote: the first commit');
    assert.equal(repositoryIdentity([{ name: 'origin', url: '/srv/git/x.git' }]), undefined, 'a local path names no repository, and no commit is known');
  });

  it('github.dev says its repository in the folder address; a review its repository in its URL', () => {
    assert.deepEqual(repositoryOfVirtualFolder('vscode-vfs', 'github+7b22726566223a7b7d7d', '/ExpressJS/Express'), { id: 'github.com/expressjs/express', ids: ['github.com/expressjs/express'] });
    assert.equal(repositoryOfVirtualFolder('file', '', '/home/ana/express'), undefined);
    assert.equal(repositoryOfReviewUrl('https://github.com/expressjs/express/pull/7'), 'github.com/expressjs/express');
    assert.equal(repositoryOfReviewUrl('https://github.com/expressjs/express/pull/7/files#r123'), 'github.com/expressjs/express');
    assert.equal(repositoryOfReviewUrl('https://gitlab.example.com/shop/web/checkout/-/merge_requests/3'), 'gitlab.example.com/shop/web/checkout');
    assert.equal(repositoryOfReviewUrl('not a url'), undefined);
  });
});

describe('where the code of an anchor is', () => {
  const range = { startLine: 19, startColumn: 1, endLine: 19, endColumn: 10 };
  const on = (repo: string | undefined, path: string, extra: Partial<CodeAnchor> = {}): CodeAnchor => ({ ...(repo ? { repo } : {}), path, range, text: 'total()', ...extra });
  const A = 'github.com/shop/cart';
  const B = 'github.com/shop/catalog';
  const folderA: OpenFolder = { name: 'cart', repos: [{ id: A, ids: [A, 'root:aaaaaaa'], within: '' }] };
  const folderB: OpenFolder = { name: 'catalog', repos: [{ id: B, ids: [B], within: '' }] };

  it("an anchor of repository A is never B's file of the same path: in B it is elsewhere; in A, under any folder name, it is open", () => {
    assert.deepEqual(anchorHome(on(A, 'src/cart.ts'), [folderB]), { kind: 'elsewhere', repo: A, path: 'src/cart.ts' });
    assert.equal(anchorIsOn(on(A, 'src/cart.ts'), [folderB], 0, 'src/cart.ts'), false);
    const renamed: OpenFolder = { ...folderA, name: 'ana-clone' };
    assert.deepEqual(anchorHome(on(A, 'src/cart.ts'), [folderB, renamed]), { kind: 'open', folder: 1, path: 'src/cart.ts' });
    assert.equal(anchorIsOn(on(A, 'src/cart.ts'), [folderB, renamed], 1, 'src/cart.ts'), true);
    assert.equal(anchorIsOn(on(A, 'src/cart.ts'), [folderB, renamed], 0, 'src/cart.ts'), false, 'multi-root: each thread in its own repository');
    assert.equal(anchorIsOn(on('root:aaaaaaa', 'src/cart.ts'), [renamed], 0, 'src/cart.ts'), true, 'a clone without remote, by its first commit');
  });

  it('paths in repository terms: a folder inside its repository, a repository inside the folder', () => {
    const pkg: OpenFolder = { name: 'web', repos: [{ id: A, ids: [A], within: 'packages/web' }] };
    assert.deepEqual(anchorHome(on(A, 'packages/web/src/a.ts'), [pkg]), { kind: 'open', folder: 0, path: 'src/a.ts' });
    assert.deepEqual(anchorHome(on(A, 'packages/api/src/a.ts'), [pkg]).kind, 'elsewhere', 'the part of the repository that is not open');
    assert.deepEqual(anchorPlaceIn([pkg], 0, 'src/a.ts'), { repo: A, path: 'packages/web/src/a.ts' });
    const parent: OpenFolder = { name: 'src', repos: [{ id: A, ids: [A], at: 'cart' }, { id: B, ids: [B], at: 'catalog' }] };
    assert.deepEqual(anchorHome(on(B, 'index.js'), [parent]), { kind: 'open', folder: 0, path: 'catalog/index.js' });
    assert.deepEqual(anchorPlaceIn([parent], 0, 'cart/src/cart.ts'), { repo: A, path: 'src/cart.ts' });
    assert.deepEqual(anchorPlaceIn([parent], 0, 'notes.md'), { path: 'notes.md' }, 'outside every repository: the folder');
    assert.equal(anchorIsOn(on(B, 'index.js'), [parent], 0, 'cart/index.js'), false);
  });

  it('an older anchor, without a repository, keeps resolving in the folder it names, or the first', () => {
    const older = on(undefined, 'src/cart.ts', { commit: 'aaaaaaa1' });
    assert.deepEqual(anchorHome(older, [folderA]), { kind: 'open', folder: 0, path: 'src/cart.ts' });
    assert.deepEqual(anchorHome({ ...older, folder: 'catalog' }, [folderA, folderB]), { kind: 'open', folder: 1, path: 'src/cart.ts' });
    assert.deepEqual(anchorHome({ ...older, folder: 'gone' }, [folderA, folderB]), { kind: 'open', folder: 0, path: 'src/cart.ts' });
    assert.deepEqual(anchorHome(older, []), { kind: 'nowhere' });
    assert.deepEqual(anchorHome(on(undefined, '../etc/passwd'), [folderA]), { kind: 'nowhere' });
    assert.equal(isOpenHere(older, [folderB]), true, 'its folder decides, as before');
  });

  it('an older anchor gains its repository only when the repository has its commit; never on a guess', () => {
    const older = on(undefined, 'src/cart.ts', { folder: 'cart', commit: 'aaaaaaa1' });
    assert.deepEqual(withRepository(older, [folderB, folderA], () => true), { repo: A, path: 'src/cart.ts', range, text: 'total()', commit: 'aaaaaaa1' });
    assert.equal(withRepository(older, [folderA], () => false), undefined, 'the commit is not in that repository');
    assert.equal(withRepository(older, [folderA], () => undefined), undefined, 'git cannot be asked');
    assert.equal(withRepository({ ...older, commit: undefined }, [folderA], () => true), undefined, 'no commit to check');
    assert.equal(withRepository(older, [{ name: 'cart', repos: [] }], () => true), undefined, 'no repository');
  });

  it("renames follow the repository's anchors in the repository's terms, and older anchors in the folder's", () => {
    const m = { feedback: [{ id: 'f1', anchor: on(A, 'packages/web/src/a.ts') }, { id: 'f2', anchor: on(B, 'src/a.ts') }, { id: 'f3', anchor: on(undefined, 'src/a.ts') }] } as unknown as Mentee;
    const edits = followRenames([{ from: 'src/a.ts', to: 'src/b.ts' }], 'web', true, [{ ids: [A], renames: [{ from: 'packages/web/src/a.ts', to: 'packages/web/src/b.ts' }] }])(m);
    assert.deepEqual(edits, [
      { op: 'set', path: ['feedback', 0, 'anchor', 'path'], value: 'packages/web/src/b.ts' },
      { op: 'set', path: ['feedback', 2, 'anchor', 'path'], value: 'src/b.ts' },
    ]);
  });
});
