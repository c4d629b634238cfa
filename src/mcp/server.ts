/**
 * The MCP server (dist/mcp.js): the notebook for any agent that speaks the Model Context Protocol over
 * stdio (Claude Code, Cursor, Copilot CLI, VS Code itself). The same tools as VS Code's (one definition,
 * core/assistant/tools.ts), each mentee as a resource, the digest as a prompt.
 *
 *   node dist/mcp.js [--read-only] <folder>...
 *
 * Each folder is a notebook folder (it holds, or is, a data folder), as in `mentorship.notebookFolders`.
 * Writes go through the store's write protocol and take the same lock file as the extension's, so an
 * agent and VS Code writing the same file at once lose nothing. Nothing private is read: no `private/`
 * file, no `private:` field. Stdout carries the protocol only; stderr says what went wrong, never content.
 */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, GetPromptRequestSchema, ListPromptsRequestSchema, ListResourcesRequestSchema, ListToolsRequestSchema, ReadResourceRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { todayOf } from '../core/domain/dates';
import { notebookForTools, tool, TOOLS } from '../core/assistant/tools';
import type { ToolContext } from '../core/assistant/tools';
import { probeNotebookFolder } from '../core/storage/places';
import { Notebook } from '../core/storage/notebook';
import { MENTEES_FOLDER, MENTOR_FILE, MentorshipStore } from '../core/storage/store';
import { provideYaml } from '../core/storage/yamlLib';
import { NodeFileSystem } from '../platform/nodeFs';
import * as yaml from 'yaml';

// Writes splice the text with the yaml library's Document API; this program carries its own copy.
provideYaml(() => yaml);

export interface ServerOptions {
  folders: string[];
  readOnly?: boolean;
  /** The day tools count from (default: today, local time). */
  today?: () => string;
}

/** The notebook of the folders, read from disk, and kept in step with it before each request. */
export class DiskNotebook {
  private readonly seen = new Map<string, string>();
  private constructor(readonly notebook: Notebook) {}

  static async open(folders: string[], warn: (m: string) => void): Promise<DiskNotebook> {
    const fs = new NodeFileSystem();
    const roots: string[] = [];
    for (const entry of folders) {
      const folder = path.resolve(entry.replace(/^~(?=$|[\\/])/, os.homedir()));
      const probe = await probeNotebookFolder(fs, folder.split(path.sep).join('/'));
      if ('problem' in probe) {
        warn(`The notebook folder ${entry} cannot be read: ${probe.problem}.`);
        continue;
      }
      if (!roots.includes(probe.root)) {
        roots.push(probe.root);
      }
    }
    if (roots.length === 0) {
      throw new Error('No notebook folder to read: give one or more folders that hold (or are) a .mentorship data folder.');
    }
    const nb = new Notebook(roots.map((root) => ({ root, label: root, source: 'notebook' as const, store: new MentorshipStore(fs, root) })));
    await nb.load();
    const d = new DiskNotebook(nb);
    await d.sync();
    return d;
  }

  /** Re-reads the files that changed on disk since the last look (another window, git, the editor). */
  async sync(): Promise<void> {
    const now = new Map<string, string>();
    for (const place of this.notebook.places) {
      const files = [path.posix.join(place.root, MENTOR_FILE)];
      const dir = path.posix.join(place.root, MENTEES_FOLDER);
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      files.push(...names.filter((n) => /\.ya?ml$/.test(n)).map((n) => path.posix.join(dir, n)));
      await Promise.all(
        files.map(async (f) => {
          const st = await fsp.stat(f).catch(() => undefined);
          if (st) {
            now.set(f, `${st.mtimeMs}:${st.size}`);
          }
        }),
      );
    }
    const changed = [...now].filter(([f, v]) => this.seen.get(f) !== v).map(([f]) => f);
    const gone = [...this.seen.keys()].filter((f) => !now.has(f));
    const first = this.seen.size === 0;
    this.seen.clear();
    for (const [f, v] of now) {
      this.seen.set(f, v);
    }
    if (!first) {
      for (const f of [...changed, ...gone]) {
        await this.notebook.placeOf(f)?.store.refresh(f);
      }
    }
  }
}

const READ_ONLY = 'This notebook is open read-only here (the folder is in a workspace that is not trusted): nothing was written.';

/** `opening`: the notebook being read; the server answers the handshake meanwhile, and the first request waits for it. */
export function createServer(opening: Promise<DiskNotebook>, opts: ServerOptions, version: string): Server {
  const today = opts.today ?? (() => todayOf(new Date()));
  const context = async (): Promise<ToolContext> => {
    const disk = await opening;
    await disk.sync();
    return { notebook: notebookForTools(disk.notebook), today: today() };
  };
  const tools = TOOLS.filter((t) => !opts.readOnly || !t.writes);
  const server = new Server({ name: 'mentorship', version }, { capabilities: { tools: {}, resources: {}, prompts: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.input as { type: 'object'; properties?: Record<string, object> },
      annotations: { title: t.title, readOnlyHint: !t.writes, destructiveHint: false, idempotentHint: !t.writes, openWorldHint: false },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const t = tool(request.params.name);
    if (!t || !tools.includes(t)) {
      return { content: [{ type: 'text' as const, text: t ? READ_ONLY : `There is no tool ${request.params.name}.` }], isError: true };
    }
    try {
      const text = await t.run(await context(), (request.params.arguments ?? {}) as Record<string, unknown>);
      return { content: [{ type: 'text' as const, text }] };
    } catch (e) {
      // Bad input and refused writes come back as the tool's error, for the agent to correct.
      return { content: [{ type: 'text' as const, text: e instanceof Error ? e.message : String(e) }], isError: true };
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    const ctx = await context();
    return {
      resources: ctx.notebook.mentees
        .filter((f) => f.data)
        .map((f) => ({ uri: `mentorship://mentee/${encodeURIComponent(f.slug)}?place=${encodeURIComponent(path.posix.dirname(path.posix.dirname(f.path)))}`, name: f.data?.name ?? f.slug, description: `The mentoring notes of ${f.data?.name}: goals, action items, sessions, feedback, agenda (no private notes)`, mimeType: 'text/markdown' })),
    };
  });

  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const ctx = await context();
    const uri = new URL(request.params.uri);
    const slug = decodeURIComponent(uri.pathname.replace(/^\/+/, ''));
    const place = uri.searchParams.get('place');
    const f = ctx.notebook.mentees.find((x) => x.slug === slug && (!place || path.posix.dirname(path.posix.dirname(x.path)) === place));
    if (!f?.data) {
      throw new Error(`No mentee ${slug} in this notebook.`);
    }
    const text = await (tool('mentorship_mentee_overview') as NonNullable<ReturnType<typeof tool>>).run(ctx, { mentee: f.path, from: '1970-01-01', sessions: 50 });
    return { contents: [{ uri: request.params.uri, mimeType: 'text/markdown', text }] };
  });

  server.setRequestHandler(ListPromptsRequestSchema, async () => ({
    prompts: [
      {
        name: 'prepare_session',
        title: 'Prepare the next 1:1',
        description: "Everything since a mentee's last session, and a request to propose the next session's agenda from it.",
        arguments: [{ name: 'mentee', description: "The mentee's name", required: true }],
      },
    ],
  }));

  server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    if (request.params.name !== 'prepare_session') {
      throw new Error(`There is no prompt ${request.params.name}.`);
    }
    const ctx = await context();
    const mentee = request.params.arguments?.mentee ?? '';
    const digest = await (tool('mentorship_prepare_session') as NonNullable<ReturnType<typeof tool>>).run(ctx, { mentee });
    return {
      description: `Prepare the next session with ${mentee}`,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: `Help me prepare my next 1:1 with ${mentee}. Propose an agenda of 3 to 6 items, most important first, each with one line on why, citing the entries (ids in backticks) it comes from. My notes since the last session:\n\n${digest}` } }],
    };
  });
  return server;
}

export async function main(argv: string[]): Promise<void> {
  const readOnly = argv.includes('--read-only');
  const folders = argv.filter((a) => !a.startsWith('--'));
  const warn = (m: string): void => void process.stderr.write(`mentorship: ${m}\n`);
  if (folders.length === 0) {
    warn('Give one or more notebook folders: node mcp.js [--read-only] <folder>...');
    process.exitCode = 2;
    return;
  }
  const opening = DiskNotebook.open(folders, warn);
  // None of the folders can be read: said on stderr, and the server ends (an agent shows it as failed to start).
  opening.catch((e: unknown) => {
    warn(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
  const server = createServer(opening, { folders, readOnly }, typeof VERSION === 'string' ? VERSION : '0');
  await server.connect(new StdioServerTransport());
}

declare const VERSION: string | undefined;

if (require.main === module) {
  void main(process.argv.slice(2));
}
