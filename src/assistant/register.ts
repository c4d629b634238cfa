/**
 * What activation registers for assistants, at no cost of its own: each language-model tool of
 * package.json, the `@mentor` participant and, where VS Code has the API (1.101 and later; looked up at
 * run time), the MCP server's definition. Their code is the assistant bundle, loaded on first use.
 */
import * as vscode from 'vscode';
import type { Place } from '../core/storage/notebook';
import type { Deps } from '../kit/command';
import { HOST, loadBundle } from '../platform/bundles';
import type * as Assistant from './assistant';

type Bundle = typeof Assistant;
const bundle = (): Promise<Bundle> => loadBundle<Bundle>('assistant');

/** The MCP API of VS Code 1.101+, which the 1.100 typings the engine allows do not have. */
interface McpApi {
  registerMcpServerDefinitionProvider(id: string, provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(): unknown[] }): vscode.Disposable;
}
type McpStdioDefinition = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => unknown;

/** Registers everything; returns `@mentor`'s handler, for the extension's API. */
export function registerAssistant(deps: Deps): (request: Pick<vscode.ChatRequest, 'command' | 'prompt'> & { model?: vscode.LanguageModelChat }, stream: Pick<vscode.ChatResponseStream, 'markdown' | 'button'>) => Promise<void> {
  const subs = deps.context.subscriptions;
  const pkg = deps.context.extension.packageJSON as { version?: string; contributes?: { languageModelTools?: { name: string }[] } };
  if (typeof vscode.lm?.registerTool === 'function') {
    for (const { name } of pkg.contributes?.languageModelTools ?? []) {
      subs.push(
        vscode.lm.registerTool<unknown>(name, {
          prepareInvocation: async (o) => (await bundle()).prepareTool(deps, name, o.input),
          invoke: async (o) => (await bundle()).invokeTool(deps, name, o.input),
        }),
      );
    }
  }
  if (typeof vscode.chat?.createChatParticipant === 'function') {
    const participant = vscode.chat.createChatParticipant('mentorship.mentor', async (request, _context, stream, token) => (await bundle()).chat(deps, request, stream, token));
    participant.iconPath = new vscode.ThemeIcon('mortar-board');
    subs.push(participant);
  }
  try {
    registerMcpServer(deps, pkg.version);
  } catch (e) {
    // The assistant in VS Code works without it; agents outside VS Code run dist/mcp.js themselves.
    deps.log.warn(`The MCP server could not be offered to VS Code: ${String(e)}`);
  }
  return async (request, stream) => {
    const cancel = new vscode.CancellationTokenSource();
    try {
      await (await bundle()).chat(deps, request as vscode.ChatRequest, stream as vscode.ChatResponseStream, cancel.token);
    } finally {
      cancel.dispose();
    }
  };
}

/**
 * The notebook's MCP server, offered to VS Code's agent. A process to spawn needs a Node extension host
 * (desktop, remote, code-server), not the browser's; the API is stable from 1.101 (1.100 has an earlier
 * form that wants another contribution point).
 */
function registerMcpServer(deps: Deps, version: string | undefined): void {
  const mcp = vscode.lm as unknown as Partial<McpApi>;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: McpStdioDefinition }).McpStdioServerDefinition;
  const [major, minor] = vscode.version.split('.').map(Number);
  if (!(major > 1 || (major === 1 && minor >= 101)) || typeof mcp.registerMcpServerDefinitionProvider !== 'function' || !Definition || HOST !== 'desktop') {
    return;
  }
  const subs = deps.context.subscriptions;
  const changed = new vscode.EventEmitter<void>();
  // The definition names the notebook's places: it changes when they do (not on every edit of a file).
  let places = '';
  const loaded = (): Place[] => deps.ws.store?.places.filter((p) => p.store.isLoaded) ?? [];
  const placesNow = (): string => JSON.stringify([vscode.workspace.isTrusted, loaded().map((p) => p.root)]);
  const check = (): void => {
    const now = placesNow();
    if (now !== places) {
      places = now;
      changed.fire();
    }
  };
  subs.push(changed, deps.ws.onDidChange(check), vscode.workspace.onDidGrantWorkspaceTrust(check));
  subs.push(
    mcp.registerMcpServerDefinitionProvider('mentorship.notebook', {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => {
        places = placesNow();
        const roots = loaded().map((p) => p.root);
        if (roots.length === 0) {
          return [];
        }
        const server = vscode.Uri.joinPath(deps.context.extensionUri, 'dist', 'mcp.js').fsPath;
        // Where the workspace is not trusted, agents may read but not write (as the extension itself).
        const args = [server, ...(vscode.workspace.isTrusted ? [] : ['--read-only']), ...roots];
        // The extension host's own runtime runs it (Electron as Node in the desktop app).
        return [new Definition('Mentorship', process.execPath, args, { ELECTRON_RUN_AS_NODE: '1' }, version)];
      },
    }),
  );
}
