/**
 * The assistant bundle (dist/assistant.js), loaded the first time an assistant asks or Prepare Next
 * Session runs: VS Code's language-model tools, the `@mentor` participant and the MCP server's
 * definition, each a thin adapter over core/assistant (the tools, defined once) and so over the
 * operations table. Nothing here reads private notes; the core's answers are built without them.
 */
import * as vscode from 'vscode';
import { digestMarkdown, ENGLISH_DIGEST_STRINGS, sessionDigest } from '../core/render/digest';
import type { DigestStrings } from '../core/render/digest';
import { translateTable } from '../kit/l10nTable';
import { handleChat } from '../core/assistant/chat';
import type { ChatMessage, ChatModel } from '../core/assistant/chat';
import { notebookForTools, tool } from '../core/assistant/tools';
import type { ToolContext } from '../core/assistant/tools';
import type { Deps, Flows } from '../kit/command';
import { today } from '../kit/input';
import { resolveMentee } from '../kit/mentees';
import { Wizard } from '../kit/wizard';

export const FLOWS: Flows = {
  'mentorship.prepareNextSession': (deps, arg) => prepareNextSession(deps, arg),
  'mentorship.saveProposedSession': (deps, id) => savePending(deps, id),
};

async function context(deps: Deps): Promise<ToolContext> {
  await deps.ws.whenLoaded();
  return { notebook: notebookForTools(deps.ws.requireStore()), today: today() };
}

// ---------------------------------------------------------------------------------------------------
// Language-model tools

/** The feedback tool without a path asks about the active editor's file and selection. */
async function withEditor(deps: Deps, name: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (name !== 'mentorship_feedback_on_code' || input.path) {
    return input;
  }
  const editor = vscode.window.activeTextEditor;
  const place = editor ? deps.repos.documentPlace(editor.document.uri) : undefined;
  if (!editor || !place) {
    return input;
  }
  const at = await deps.repos.anchorPlace(place);
  const sel = editor.selection;
  return { ...input, path: at.path, ...(at.repo ? { repo: at.repo } : {}), ...(sel.isEmpty ? {} : { startLine: sel.start.line + 1, endLine: sel.end.line + 1 }) };
}

function asObject(input: unknown): Record<string, unknown> {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

export async function invokeTool(deps: Deps, name: string, input: unknown): Promise<vscode.LanguageModelToolResult> {
  const t = tool(name);
  if (!t) {
    throw new Error(`No tool ${name}`);
  }
  const ctx = await context(deps);
  const text = await t.run(ctx, await withEditor(deps, name, asObject(input)));
  if (t.writes) {
    deps.log.info(`${name}: written`);
  }
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

export async function prepareTool(deps: Deps, name: string, input: unknown): Promise<vscode.PreparedToolInvocation> {
  const t = tool(name);
  if (!t?.writes || !t.confirm) {
    return { invocationMessage: t ? vscode.l10n.t('Reading the mentoring notes: {0}', t.title) : name };
  }
  const ctx = await context(deps);
  try {
    const said = await t.confirm(ctx, asObject(input));
    return {
      invocationMessage: vscode.l10n.t('Writing to the mentoring notes: {0}', t.title),
      confirmationMessages: { title: vscode.l10n.t('Write to the mentoring notes?'), message: new vscode.MarkdownString(said) },
    };
  } catch {
    // Bad input: invoking it says what is wrong, and writes nothing.
    return { invocationMessage: t.title };
  }
}

// ---------------------------------------------------------------------------------------------------
// @mentor

const pending = new Map<string, { tool: string; input: Record<string, unknown> }>();
let nextPending = 1;

function modelOf(model: vscode.LanguageModelChat | undefined, token: vscode.CancellationToken): ChatModel | undefined {
  if (!model) {
    return undefined;
  }
  return {
    name: model.name,
    async send(messages: ChatMessage[]) {
      const r = await model.sendRequest(
        messages.map((m) => (m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.text) : vscode.LanguageModelChatMessage.Assistant(m.text))),
        {},
        token,
      );
      return r.text;
    },
  };
}

export async function chat(deps: Deps, request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const ctx = await context(deps);
  const model = modelOf((request as { model?: vscode.LanguageModelChat }).model, token);
  try {
    await handleChat(ctx, { command: request.command, prompt: request.prompt }, model, {
      markdown: (t) => stream.markdown(t),
      confirmButton: (label, id) => stream.button({ command: 'mentorship.saveProposedSession', title: label, arguments: [id] }),
    }, {
      add(write) {
        const id = String(nextPending++);
        pending.set(id, write);
        return id;
      },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    deps.log.warn(`@mentor: ${message}`);
    stream.markdown(vscode.l10n.t('The answer could not be completed: {0}', message));
  }
  return {};
}

async function savePending(deps: Deps, id: unknown): Promise<void> {
  const write = typeof id === 'string' ? pending.get(id) : undefined;
  if (!write) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This proposal was saved already, or belongs to an earlier window: ask again to log it.'));
    return;
  }
  const t = tool(write.tool);
  if (!t) {
    return;
  }
  const said = await t.run(await context(deps), write.input);
  pending.delete(id as string);
  void vscode.window.showInformationMessage(said.replace(/^Done: /, ''));
}

// ---------------------------------------------------------------------------------------------------
// Prepare Next Session, without a model

export function digestStrings(): DigestStrings {
  return translateTable(ENGLISH_DIGEST_STRINGS);
}

/** The digests shown, as read-only documents: nothing to save, nothing to lose when the tab is closed. */
const DIGEST_SCHEME = 'mentorship-digest';
const digests = new Map<string, string>();
let digestProvider: vscode.Disposable | undefined;
const digestChanged = new vscode.EventEmitter<vscode.Uri>();

export async function prepareNextSession(deps: Deps, arg: unknown): Promise<void> {
  const f = await Wizard.flow(vscode.l10n.t('Prepare Next Session'), (w) => resolveMentee(deps, arg, w, vscode.l10n.t('Prepare the next session with…')));
  const m = f.data && !f.partial ? f.data : await deps.ws.requireStore().current(f.path);
  if (!digestProvider) {
    digestProvider = vscode.workspace.registerTextDocumentContentProvider(DIGEST_SCHEME, { onDidChange: digestChanged.event, provideTextDocumentContent: (uri) => digests.get(uri.path) ?? '' });
    deps.context.subscriptions.push(digestProvider, digestChanged);
  }
  const day = today();
  const uri = vscode.Uri.from({ scheme: DIGEST_SCHEME, path: `/${f.slug}-${day}.md` });
  const again = digests.has(uri.path);
  digests.set(uri.path, digestMarkdown(sessionDigest(m, day), digestStrings()));
  if (again) {
    digestChanged.fire(uri); // prepared again the same day: the open preview shows the notes as they are now
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
