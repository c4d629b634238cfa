/** The Mentees tree: maps the core tree model to VS Code TreeItems and follows the store. */
import * as vscode from 'vscode';
import { todayOf } from '../core/domain/dates';
import { feedbackPartChildren, goalTooltip, groupChildren, inactiveNodes, menteeChildren, rootNodes, rowsToRefresh } from '../core/render/treeModel';
import { ENGLISH_TREE_STRINGS } from '../core/render/treeModel';
import type { TreeNode, TreeOptions, TreeStrings } from '../core/render/treeModel';
import type { EntryArg } from '../kit/args';
import type { Flows } from '../kit/command';
import { pathFromArg } from '../kit/args';
import { CONTEXT } from '../kit/names';
import { translateTable } from '../kit/l10nTable';
import { plural } from '../core/domain/text';
import type { MentorshipWorkspace } from '../workspace';
import type { OpenRepositories } from '../repositories';

export const VIEW_ID = 'mentorship.mentees';

/** The tree's strings: the core's English table, translated entry by entry (one table, no copy). */
export function treeStrings(): TreeStrings {
  return translateTable(ENGLISH_TREE_STRINGS);
}

export class MenteeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, TreeNode | undefined>();
  private readonly strings = treeStrings();
  showInactive = true;
  openReposOnly = false;

  constructor(
    private readonly ws: MentorshipWorkspace,
    private readonly repos: OpenRepositories,
  ) {}

  /** The top-level nodes VS Code holds (it knows tree elements by object identity). */
  private roots: TreeNode[] | undefined;

  /** For each top-level row whose children VS Code has read: what the data was when it read them. */
  private readonly childrenReadAt = new Map<string, string>();

  /**
   * Shows the store's current state. When the top level keeps the same rows (the usual case: a check-in,
   * a session, the full read after the quick one), only the rows that changed are refreshed, in place: a
   * row whose own text changed, or whose children VS Code has read from data that changed since. The
   * others are left alone: VS Code keeps their handles (the row under the mouse stays itself), and a row
   * being expanded is not refreshed under it — which could show it expanded with no children.
   * A row added, removed or reordered refreshes the whole tree.
   */
  refresh(): void {
    const prev = this.roots;
    // Only rows VS Code has asked for can be refreshed in place; a view never shown computes nothing here.
    const next = prev ? this.rootChildren() : undefined;
    const rows = prev && next ? rowsToRefresh(prev, next, this.childrenReadAt, (n) => this.dataKey(n)) : 'all';
    if (prev && next && rows !== 'all') {
      for (const i of rows) {
        const record = prev[i] as unknown as Record<string, unknown>;
        for (const k of Object.keys(record)) {
          delete record[k];
        }
        Object.assign(prev[i], next[i]);
        this.childrenReadAt.delete(prev[i].id);
      }
      if (rows.length > 0) {
        this.changed.fire(rows.map((i) => prev[i]));
      }
      return;
    }
    this.roots = undefined;
    this.childrenReadAt.clear();
    this.changed.fire(undefined);
  }

  /**
   * The data a top-level row's children are made of: the hashes of the files behind them, and what their
   * feedback is grouped and filtered by (the repositories open here, the toggle).
   */
  private dataKey(n: TreeNode): string {
    return `${this.fileKey(n)}|${this.openReposOnly}|${JSON.stringify(this.repos.known ?? null)}`;
  }

  private fileKey(n: TreeNode): string {
    const store = this.ws.store;
    if (n.kind === 'statusGroup') {
      return (store?.mentees ?? []).map((f) => `${f.path}:${f.hash}`).join('\n');
    }
    return n.path ? (store?.file(n.path)?.hash ?? '') : '';
  }

  /** The top level for the current state, or undefined without a store. */
  private rootChildren(): TreeNode[] | undefined {
    const store = this.ws.store;
    if (!store) {
      return undefined;
    }
    const opts = this.options();
    const mine = this.ws.identity.menteePath;
    const myFile = mine ? store.file(mine) : undefined;
    // The mentee's own view: their mentorship's groups at the top level.
    return myFile?.data ? menteeChildren(myFile, { ...opts, mine: true }) : rootNodes(store.mentees, opts);
  }

  private options(): TreeOptions {
    const notebook = this.ws.store;
    // Where each mentee file lives, once the mentees come from more than one place.
    const placeOf = notebook?.isSpread ? (path: string) => notebook.placeOf(path)?.label : undefined;
    return { today: todayOf(new Date()), showInactive: this.showInactive, strings: this.strings, placeOf, openFolders: this.repos.known, openReposOnly: this.openReposOnly };
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : n.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.contextValue;
    item.iconPath = new vscode.ThemeIcon(n.icon, n.iconColor ? new vscode.ThemeColor(n.iconColor) : undefined);
    item.accessibilityInformation = { label: [n.label, n.description].filter(Boolean).join(', ') };
    const arg = toArg(n);
    if (n.kind === 'problem' && n.path) {
      item.command = { command: 'mentorship.openFileAt', title: vscode.l10n.t('Open File'), arguments: [n.path, n.line ?? 1, n.column ?? 1] };
    } else if (n.kind === 'feedback') {
      item.command = { command: 'mentorship.goToFeedback', title: vscode.l10n.t('Go to Code'), arguments: [arg] };
    } else if (n.kind === 'session' || n.kind === 'goal') {
      item.command = { command: 'mentorship.revealInYaml', title: vscode.l10n.t('Reveal in YAML'), arguments: [arg] };
    }
    return item;
  }

  getChildren(n?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    // A mentee expanded while only the first level has been read: its children come with the full read.
    if (n?.kind === 'mentee' && n.path && this.ws.store?.file(n.path)?.partial) {
      const path = n.path;
      return new Promise<void>((resolve) => {
        const sub = this.ws.onDidChange(() => {
          if (!this.ws.store?.file(path)?.partial) {
            sub.dispose();
            resolve();
          }
        });
      }).then(() => this.getChildren(n));
    }
    return this.childrenOf(n);
  }

  private childrenOf(n?: TreeNode): TreeNode[] {
    const store = this.ws.store;
    if (!store) {
      return [];
    }
    const opts = this.options();
    let children: TreeNode[];
    const mine = this.ws.identity.menteePath;
    if (!n) {
      this.parents.clear();
      children = this.rootChildren() ?? [];
      this.roots = children;
      this.childrenReadAt.clear();
    } else if (n.kind === 'statusGroup') {
      children = inactiveNodes(store.mentees, opts);
    } else if (n.kind === 'mentee' && n.path) {
      const f = store.file(n.path);
      children = f?.data ? menteeChildren(f, opts) : [];
    } else if (n.kind === 'group' && n.path && n.group === 'feedback' && n.scope) {
      const f = store.file(n.path);
      children = f?.data ? feedbackPartChildren(f, n.scope, opts) : [];
    } else if (n.kind === 'group' && n.path && n.group) {
      const f = store.file(n.path);
      children = f?.data ? groupChildren(f, n.group, { ...opts, mine: !!mine && f.path === mine }) : [];
    } else {
      children = [];
    }
    if (n && this.roots?.includes(n)) {
      this.childrenReadAt.set(n.id, this.dataKey(n));
    }
    for (const c of children) {
      this.parents.set(c.id, n);
    }
    return children;
  }

  /** Goal hovers are built when shown, not for every row. */
  resolveTreeItem(item: vscode.TreeItem, n: TreeNode): vscode.TreeItem {
    if (n.kind === 'goal' && n.path && n.entityId && !item.tooltip) {
      const goal = this.ws.store?.file(n.path)?.data?.goals.find((g) => g.id === n.entityId);
      if (goal) {
        item.tooltip = goalTooltip(goal, this.options());
      }
    }
    return item;
  }

  getParent(n: TreeNode): TreeNode | undefined {
    return this.parents.get(n.id);
  }

  /** Finds a node by id among what has been shown, expanding the way to it. */
  find(id: string): TreeNode | undefined {
    const walk = (nodes: TreeNode[]): TreeNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) {
          return n;
        }
        if (id.includes(n.path ?? '\u0000') && n.collapsible !== 'none') {
          const hit = walk(this.childrenOf(n));
          if (hit) {
            return hit;
          }
        }
      }
      return undefined;
    };
    return walk(this.roots ?? this.childrenOf());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What a command run on a tree row receives: the entry it stands for, and the row's id. */
function toArg(n: TreeNode): EntryArg {
  return { kind: n.kind, path: n.path, entityId: n.entityId, id: n.id };
}

/** The tree view, and the code of its own commands (registered through the command table). */
export function registerTree(context: vscode.ExtensionContext, ws: MentorshipWorkspace, repos: OpenRepositories): { provider: MenteeTreeProvider; view: vscode.TreeView<TreeNode>; flows: Flows } {
  const provider = new MenteeTreeProvider(ws, repos);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const setInactive = async (show: boolean): Promise<void> => {
    provider.showInactive = show;
    await context.workspaceState.update('mentorship.showInactive', show);
    await vscode.commands.executeCommand('setContext', CONTEXT.showInactive, show);
    provider.refresh();
  };
  provider.showInactive = context.workspaceState.get<boolean>('mentorship.showInactive', true);
  void vscode.commands.executeCommand('setContext', CONTEXT.showInactive, provider.showInactive);
  const setOpenReposOnly = async (only: boolean): Promise<void> => {
    provider.openReposOnly = only;
    await context.workspaceState.update('mentorship.openReposOnly', only);
    await vscode.commands.executeCommand('setContext', CONTEXT.openReposOnly, only);
    if (only) {
      await repos.folders(); // the filter needs to know which repositories are open
    }
    provider.refresh();
  };
  provider.openReposOnly = context.workspaceState.get<boolean>('mentorship.openReposOnly', false);
  void vscode.commands.executeCommand('setContext', CONTEXT.openReposOnly, provider.openReposOnly);
  const defaultTitle = view.title;
  const updateMessage = (): void => {
    const store = ws.store;
    const unread = store?.mentees.filter((m) => !m.data) ?? [];
    const conflicted = unread.filter((m) => m.problems.some((p) => p.code === 'conflict')).length;
    const broken = unread.length - conflicted;
    view.message =
      [
        conflicted > 0 ? plural(conflicted, vscode.l10n.t('{0} file has a merge conflict: choose Resolve on its row.', conflicted), vscode.l10n.t('{0} files have a merge conflict: choose Resolve on their rows.', conflicted)) : undefined,
        broken > 0 ? plural(broken, vscode.l10n.t('{0} file could not be read; see the Problems panel.', broken), vscode.l10n.t('{0} files could not be read; see the Problems panel.', broken)) : undefined,
      ]
        .filter(Boolean)
        .join(' ') || undefined;
  };
  context.subscriptions.push(
    provider,
    view,
    ws.onDidChange(() => {
      // In a repository shared with them, the mentee sees their own mentorship.
      const title = ws.identity.menteePath ? vscode.l10n.t('My Mentorship') : undefined;
      if (view.title !== (title ?? defaultTitle)) {
        view.title = title ?? defaultTitle;
      }
      provider.refresh();
      updateMessage();
    }),
    // Feedback is grouped (and filtered) by the repositories of the open folders, once they are known.
    repos.onDidChange(() => provider.refresh()),
  );
  const flows: Flows = {
    'mentorship.showInactive': () => setInactive(true),
    'mentorship.hideInactive': () => setInactive(false),
    'mentorship.showOpenReposOnly': () => setOpenReposOnly(true),
    'mentorship.showAllRepos': () => setOpenReposOnly(false),
    'mentorship.refresh': async () => {
      await ws.store?.load();
    },
    // Internal: show a mentee's feedback (after an import), expanded.
    'mentorship.revealFeedback': async (_deps, arg) => {
      const path = pathFromArg(arg);
      const node = path ? (provider.find(`feedback:${path}`) ?? provider.find(`mentee:${path}`)) : undefined;
      if (node) {
        await vscode.commands.executeCommand(`workbench.view.extension.mentorship`);
        await view.reveal(node, { select: true, focus: true, expand: true });
      }
    },
    // Internal: show a mentee's row, selected and expanded (after Initialize or Add Mentee).
    'mentorship.revealMentee': async (_deps, path) => {
      const node = typeof path === 'string' ? provider.find(`mentee:${path}`) : undefined;
      if (node) {
        await view.reveal(node, { select: true, focus: false, expand: true });
      }
    },
  };
  return { provider, view, flows };
}
