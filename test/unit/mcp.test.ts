/**
 * The MCP server as an agent meets it: spawned over stdio and driven by the SDK's own client, on a
 * temporary copy of the demo.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { TOOLS } from '../../src/core/assistant/tools';
import { runOperation } from '../../src/core/operations/run';
import { MentorshipStore } from '../../src/core/storage/store';
import { NodeFileSystem } from '../../src/platform/nodeFs';

const ROOT = path.join(__dirname, '..', '..');
const DEMO = path.join(ROOT, 'demo', '.mentorship');

async function connect(args: string[]): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', path.join(ROOT, 'src', 'mcp', 'server.ts'), ...args], cwd: ROOT, stderr: 'pipe' });
  const client = new Client({ name: 'mentorship-test', version: '1' });
  await client.connect(transport);
  return client;
}

function textOf(r: unknown): string {
  const content = (r as { content: { type: string; text: string }[] }).content;
  return content.map((c) => c.text).join('\n');
}

describe('MCP server over stdio', function () {
  this.timeout(60_000);
  let dir: string;
  let client: Client;
  const ana = (): string => readFileSync(path.join(dir, '.mentorship', 'mentees', 'ana-souza.yaml'), 'utf8');

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-mcp-'));
    cpSync(DEMO, path.join(dir, '.mentorship'), { recursive: true });
    client = await connect([dir]);
  });
  afterEach(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every tool with its schema, and answers each read tool from the notes', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      TOOLS.map((t) => t.name),
    );
    const log = tools.find((t) => t.name === 'mentorship_log_session');
    assert.deepEqual(log?.inputSchema.required, ['mentee']);
    assert.ok(log?.inputSchema.properties && 'newActions' in log.inputSchema.properties && !('private' in log.inputSchema.properties));
    assert.equal(tools.find((t) => t.name === 'mentorship_find')?.annotations?.readOnlyHint, true);
    assert.match(textOf(await client.callTool({ name: 'mentorship_list_mentees', arguments: {} })), /\*\*Priya Nair\*\* \(Frontend engineer\): status active; weekly; last 1:1 2026-11-17/);
    assert.match(textOf(await client.callTool({ name: 'mentorship_mentee_overview', arguments: { mentee: 'Priya' } })), /lacks: measurable, achievable, relevant/);
    assert.match(textOf(await client.callTool({ name: 'mentorship_prepare_session', arguments: { mentee: 'Ana' } })), /## Last session: 2026-11-17/);
    assert.match(textOf(await client.callTool({ name: 'mentorship_find', arguments: { mentee: 'Ana', area: 'actions', owner: 'mentor', open: true } })), /Share a design doc template/);
    assert.match(textOf(await client.callTool({ name: 'mentorship_feedback_on_code', arguments: { path: 'src/pricing.ts', startLine: 23 } })), /Pass the radix to parseInt/);
  });

  it('writes a check-in into the YAML, keeping every other byte', async () => {
    const before = ana();
    const r = await client.callTool({ name: 'mentorship_check_in', arguments: { mentee: 'Ana', goal: 'g-design-review', progress: 25, note: 'Outline agreed', date: '2026-12-02' } });
    assert.equal(r.isError, undefined, textOf(r));
    assert.match(textOf(r), /^Done: Check in on "Lead a design review" of Ana Souza: 25% \(was 15%\), "Outline agreed"\.$/);
    const after = ana();
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    assert.deepEqual(removed, ['    progress: 15'], 'only the progress line was replaced');
    assert.ok(after.includes('    progress: 25\n    owner: mentee\n    competency: design\n    checkIns:\n      - date: 2026-12-02\n        progress: 25\n        note: Outline agreed\n'), after);
    assert.equal(after.replace(/\n {4}progress: 25\n/, '\n    progress: 15\n').replace(/ {4}checkIns:\n {6}- date: 2026-12-02\n {8}progress: 25\n {8}note: Outline agreed\n/, ''), before);
  });

  it('loses nothing when VS Code (the store, in this process) writes the same file at the same moment', async () => {
    const store = new MentorshipStore(new NodeFileSystem(), path.join(dir, '.mentorship'));
    await store.load();
    const file = path.join(dir, '.mentorship', 'mentees', 'ana-souza.yaml');
    const results = await Promise.all([
      ...[1, 2, 3].map((i) => client.callTool({ name: 'mentorship_add_agenda_topic', arguments: { mentee: 'Ana', text: `From the agent ${i}`, by: 'mentor' } })),
      ...[1, 2, 3].map((i) => runOperation(store, 'addAgendaTopic', file, { text: `From VS Code ${i}`, by: 'mentor', added: '2026-12-02' })),
    ]);
    for (const r of results.slice(0, 3)) {
      assert.equal((r as { isError?: boolean }).isError, undefined, textOf(r));
    }
    const text = ana();
    for (const who of ['agent', 'VS Code']) {
      for (const i of [1, 2, 3]) {
        assert.ok(text.includes(`text: From the ${who === 'agent' ? 'agent' : 'VS Code'} ${i}`.replace('the VS Code', 'VS Code')), `${who} ${i} kept:\n${text}`);
      }
    }
    // The agent sees the store's writes too (it reads again what changed on disk).
    assert.match(textOf(await client.callTool({ name: 'mentorship_prepare_session', arguments: { mentee: 'Ana' } })), /From VS Code 3/);
    store.dispose();
  });

  it('returns bad arguments as tool errors that name the field, writing nothing', async () => {
    const before = ana();
    const bad = await client.callTool({ name: 'mentorship_check_in', arguments: { mentee: 'Ana', goal: 'g-design-review', progress: 101 } });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /progress/);
    const who = await client.callTool({ name: 'mentorship_add_action_item', arguments: { mentee: 'Nobody', text: 'x', owner: 'mentor' } });
    assert.equal(who.isError, true);
    assert.equal(textOf(who), "mentee: there is no mentee 'Nobody'. The mentees: Ana Souza, Mei Chen, Priya Nair.");
    const unknown = await client.callTool({ name: 'mentorship_log_session', arguments: { mentee: 'Ana', mood: 'great' } });
    assert.equal(unknown.isError, true);
    assert.match(textOf(unknown), /mood/);
    assert.equal(ana(), before);
  });

  it('offers the mentees as resources and the digest as a prompt, with no private note in either', async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.name),
      ['Ana Souza', 'Mei Chen', 'Priya Nair'],
    );
    const read = await client.readResource({ uri: resources[0].uri });
    const text = (read.contents[0] as { text: string }).text;
    assert.match(text, /^# Ana Souza, Backend engineer/);
    assert.match(text, /s-2026-06-02/, 'the session that has a private note is there');
    assert.doesNotMatch(text, /unsure|stand-ups/);
    const { prompts } = await client.listPrompts();
    assert.deepEqual(
      prompts.map((p) => p.name),
      ['prepare_session'],
    );
    const prompt = await client.getPrompt({ name: 'prepare_session', arguments: { mentee: 'Ana' } });
    const said = (prompt.messages[0].content as { text: string }).text;
    assert.match(said, /Help me prepare my next 1:1 with Ana/);
    assert.match(said, /Second draft of the discount design doc/);
    assert.doesNotMatch(said, /unsure|stand-ups/);
  });

  it('in read-only mode lists only the read tools and refuses a write', async () => {
    const ro = await connect(['--read-only', dir]);
    try {
      const { tools } = await ro.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        TOOLS.filter((t) => !t.writes).map((t) => t.name),
      );
      const r = await ro.callTool({ name: 'mentorship_add_agenda_topic', arguments: { mentee: 'Ana', text: 'x', by: 'mentor' } });
      assert.equal(r.isError, true);
      assert.match(textOf(r), /read-only/);
    } finally {
      await ro.close();
    }
  });
});
