/**
 * The real-workbench harness: VS Code's workbench and extension host from code-server, driven by
 * headless Chromium through playwright-core. Each suite gets a fresh copy of the demo workspace, a
 * throwaway user-data folder and our freshly packaged .vsix; everything is shut down afterwards, also
 * when a test fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');
const VSIX = path.join(ROOT, 'dist', 'mentorship.vsix');
const RUNNER_VSIX = path.join(ROOT, 'out', 'mentorship-test-runner.vsix');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Waits for a condition; fails with the last error or a message after the deadline. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) {
        return v;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The code-server release the suite runs in: CODE_SERVER_VERSION (4.100.3 by default: VS Code 1.100, the
 * oldest the engines field allows; 4.139.1 is VS Code 1.139). `npm test` runs the suite in both.
 */
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';

let installed: { dir: string; node: string } | undefined;
/**
 * Installs code-server once per machine and version (cached outside the repo): its package folder, and
 * the Node binary that runs it (a release may need another Node major than the one running the tests).
 */
export function codeServerInstall(): { dir: string; node: string } {
  if (!installed) {
    const out = execFileSync('bash', [path.join(__dirname, 'setup-code-server.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CODE_SERVER_VERSION },
    });
    const [dir, node] = out.trim().split('\n').slice(-2);
    installed = { dir, node };
  }
  return installed;
}

export function codeServer(): string {
  return codeServerInstall().dir;
}

/** VS Code's version inside the code-server release (1.100.3, 1.139.1, …). */
export function vscodeVersion(): string {
  const product = JSON.parse(readFileSync(path.join(codeServer(), 'lib', 'vscode', 'package.json'), 'utf8')) as { version: string };
  return product.version;
}

let extensionsDir: string | undefined;
/** Installs the packaged extension into a throwaway extensions folder, once per run. */
function installedExtensions(): string {
  if (!extensionsDir) {
    if (!existsSync(VSIX)) {
      throw new Error(`${VSIX} is missing: run "npm run build && npm run package" first`);
    }
    extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-e2e-ext-'));
    // The runner extension (extension-host tests) is installed beside ours when it has been built.
    const vsixes = existsSync(RUNNER_VSIX) ? [VSIX, RUNNER_VSIX] : [VSIX];
    execFileSync(
      codeServerInstall().node,
      [
        path.join(codeServer(), 'out', 'node', 'entry.js'),
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        mkdtempSync(path.join(os.tmpdir(), 'mentorship-e2e-ud-')),
        ...vsixes.flatMap((v) => ['--install-extension', v]),
      ],
      { stdio: 'pipe' },
    );
  }
  return extensionsDir;
}

export interface WorkbenchOptions {
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /**
   * Settings of the machine the extension host runs on ("Remote [code-server]" settings, under Machine/ of
   * the user-data folder): where a `machine`-scoped setting lives for an extension in a remote host.
   */
  machineSettings?: Record<string, unknown>;
  /** Options for the Node that runs code-server, passed on to the extension host it forks (`--require …`). */
  nodeArgs?: string[];
  /**
   * The workbench as it comes: the Chat view open where the version opens it (1.139 does, on the right,
   * which narrows the sidebar), and the sidebar at its default width. Otherwise both are out of the way.
   */
  asItComes?: boolean;
  /** Prepare the workspace copy before VS Code opens it. */
  prepare?: (workspace: string) => void;
  /** What to open instead of the demo copy: a folder, or a `.code-workspace` file (given the demo copy's path). */
  open?: (workspace: string) => string;
  theme?: 'dark' | 'light';
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** Open the folder in restricted mode (workspace trust on, folder not trusted). */
  untrusted?: boolean;
  /**
   * The extension host that runs the extension: 'desktop' (Node, the default) or 'web' (the browser's
   * web-worker host, as in vscode.dev and github.dev; the same .vsix then runs its `browser` entry).
   */
  host?: 'desktop' | 'web';
}

/** The extension's id, as `remote.extensionKind` names it. */
const EXTENSION_ID = 'mentorship-tools.mentorship';

export class Workbench {
  page!: Page;
  workspace!: string;
  private browser?: Browser;
  private server?: ChildProcess;
  private userData!: string;
  private serverLog = '';
  readonly consoleErrors: string[] = [];
  host: 'desktop' | 'web' = 'desktop';
  private asItComes = false;
  private port = 0;

  static async start(opts: WorkbenchOptions = {}): Promise<Workbench> {
    const wb = new Workbench();
    try {
      await wb.boot(opts);
    } catch (e) {
      await wb.stop();
      throw e;
    }
    return wb;
  }

  private async boot(opts: WorkbenchOptions): Promise<void> {
    const cs = codeServer();
    const ext = installedExtensions();
    this.host = opts.host ?? 'desktop';
    this.asItComes = opts.asItComes ?? false;
    const base = mkdtempSync(path.join(os.tmpdir(), 'mentorship-e2e-'));
    this.workspace = path.join(base, 'bookshop');
    cpSync(path.join(ROOT, 'demo'), this.workspace, { recursive: true });
    opts.prepare?.(this.workspace);
    this.userData = path.join(base, 'user-data');
    mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    writeFileSync(
      path.join(this.userData, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.colorTheme': opts.theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern',
        'security.workspace.trust.enabled': opts.untrusted === true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        ...(opts.asItComes ? {} : { 'chat.commandCenter.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden' }),
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        ...(this.host === 'web' ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {}),
        ...opts.settings,
      }),
    );
    if (opts.machineSettings) {
      mkdirSync(path.join(this.userData, 'Machine'), { recursive: true });
      writeFileSync(path.join(this.userData, 'Machine', 'settings.json'), JSON.stringify(opts.machineSettings));
    }
    const config = path.join(base, 'config.yaml');
    writeFileSync(config, 'auth: none\n');
    const port = await freePort();
    this.server = spawn(
      codeServerInstall().node,
      [
        ...(opts.nodeArgs ?? []),
        path.join(cs, 'out', 'node', 'entry.js'),
        '--config',
        config,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        this.userData,
        '--extensions-dir',
        ext,
        '--disable-telemetry',
        '--disable-update-check',
        ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        this.workspace,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_CLI: undefined, ...opts.env } },
    );
    const collect = (b: Buffer): void => {
      this.serverLog += b.toString();
    };
    this.server.stdout?.on('data', collect);
    this.server.stderr?.on('data', collect);
    await waitFor('code-server to listen', () => this.serverLog.includes('HTTP server listening'), 30_000);
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
    this.page = await context.newPage();
    this.page.on('console', (m) => {
      if (m.type() === 'error') {
        this.consoleErrors.push(m.text());
      }
    });
    this.port = port;
    await this.openWindow(opts.open?.(this.workspace) ?? this.workspace);
  }

  /**
   * Opens a folder or a `.code-workspace` file in the page, as a new window of the same VS Code would:
   * same machine, same user and machine settings, same global state.
   */
  async openWindow(target: string): Promise<void> {
    const kind = target.endsWith('.code-workspace') ? 'workspace' : 'folder';
    await this.page.goto(`http://127.0.0.1:${this.port}/?${kind}=${encodeURIComponent(target)}`);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  }

  /** Everything the server printed so far (for failure messages). */
  get log(): string {
    return this.serverLog;
  }

  /** The text of every file under the log folder whose name matches. */
  private logs(name: RegExp): string {
    const found: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) {
        return;
      }
      for (const n of readdirSync(dir)) {
        const p = path.join(dir, n);
        if (statSync(p).isDirectory()) {
          walk(p);
        } else if (name.test(n)) {
          found.push(p);
        }
      }
    };
    walk(path.join(this.userData, 'logs'));
    return found.map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  /** The extension's own output channel, as written to the log folder. */
  extensionLog(): string {
    return this.logs(/Mentorship\.log$/);
  }

  /** The remote (Node) extension host's own log: when it started, what it activated. */
  remoteHostLog(): string {
    return this.logs(/^remoteexthost\.log$/);
  }

  /** When the extension's bundle was loaded in the web worker extension host (ms since the epoch). */
  async webBundleLoadedAt(): Promise<number | undefined> {
    for (const w of this.page.workers()) {
      const t = await w.evaluate(() => (globalThis as { __mentorshipLoadStart?: number }).__mentorshipLoadStart).catch(() => undefined);
      if (typeof t === 'number') {
        return t;
      }
    }
    return undefined;
  }

  /**
   * The Mentorship output channel's text. The desktop host writes it under the logs folder; the web host
   * keeps its logs in the browser, so there it is read from the Output panel (shown, read, hidden again).
   */
  async mentorshipLog(): Promise<string> {
    if (this.host === 'desktop') {
      return this.extensionLog();
    }
    const lines = this.page.locator('.part.panel .monaco-editor .view-lines').first();
    await this.runCommand('Output: Show Output Channels...');
    await this.pick('Select Output Channel', 'Mentorship');
    await lines.waitFor({ timeout: 10_000 });
    // The channel opens scrolled to its end, and only the lines on screen are drawn: read from the top,
    // where the activation is logged.
    await lines.click();
    await this.page.keyboard.press('Control+Home');
    await waitFor('the Output view at its first line', async () => /\bactivate_ms=|\[info\]/.test((await lines.locator('.view-line').first().innerText()).replace(/\u00a0/g, ' ')));
    // Soft-wrapped lines end in their space: joining the rows without a separator gives the text back.
    const text = (await lines.locator('.view-line').allInnerTexts()).join('').replace(/\u00a0/g, ' ');
    // Hide the panel again (Ctrl+J), so the layout is the one the tests expect.
    await waitFor('the Output panel to close', async () => {
      if (!(await this.page.locator('.part.panel').isVisible())) {
        return true;
      }
      await this.page.keyboard.press('Control+J');
      return false;
    });
    return text;
  }

  /**
   * Asserts which extension host runs the extension: in the web host its bundle ran inside the
   * extension host's web worker (its first line sets a global there), it logged "web extension host",
   * and the Node host never activated it.
   */
  async expectHost(): Promise<void> {
    const inWorker = (await this.webBundleLoadedAt()) !== undefined;
    const nodeLog = this.extensionLog();
    if (this.host === 'web') {
      assert.ok(inWorker, 'the extension bundle ran in the web worker extension host');
      assert.ok(!/activate_ms=/.test(nodeLog), 'the Node extension host did not activate the extension');
      assert.match(await this.mentorshipLog(), /activate_ms=.*web extension host/);
    } else {
      assert.ok(!inWorker, 'the extension did not run in a web worker');
      assert.match(nodeLog, /activate_ms=.*desktop extension host/);
    }
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (this.server?.pid) {
      const pid = this.server.pid;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await waitFor('code-server to exit', () => this.server?.exitCode !== null || this.server.signalCode !== null, 5_000).catch(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      });
    }
    if (this.workspace) {
      rmSync(path.dirname(this.workspace), { recursive: true, force: true });
    }
  }

  /**
   * A screenshot under test-results/; in the web host its name ends in "-web", in another VS Code than the
   * oldest in "-vscode-1.139" (its version), so one run of both keeps both.
   */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    const version = CODE_SERVER_VERSION === '4.100.3' ? '' : `-vscode-${vscodeVersion().split('.').slice(0, 2).join('.')}`;
    const file = path.join(RESULTS, `${name}${this.host === 'web' ? '-web' : ''}${version}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  file(rel: string): string {
    return path.join(this.workspace, rel);
  }

  read(rel: string): string {
    return readFileSync(this.file(rel), 'utf8');
  }

  // ---------------------------------------------------------------------------------------------
  // Driving the workbench

  /** Opens the Mentorship view from the activity bar and waits until it shows rows. */
  async openMentorshipView(): Promise<void> {
    await waitFor(
      'the Mentorship activity bar entry',
      async () => {
        const entry = this.page.locator('.activitybar .action-item a[aria-label^="Mentorship"], .activitybar .action-item [aria-label^="Mentorship"]').first();
        if ((await entry.count()) === 0) {
          return false;
        }
        const checked = await entry.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') ?? false);
        if (!checked) {
          await entry.click();
        }
        return true;
      },
      60_000,
    );
    await this.widenSidebar();
  }

  /** Drags the sidebar's edge so tree rows are readable in screenshots (not in a workbench as it comes). */
  async widenSidebar(width = 420): Promise<void> {
    if (this.asItComes) {
      return;
    }
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || box.width >= width) {
      return;
    }
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + (width - box.width), y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Rows of the Mentees tree, as their accessible labels. */
  async treeRows(): Promise<string[]> {
    return this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''),
    );
  }

  async waitForTreeRow(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    return waitFor(
      `a tree row matching ${String(text)}`,
      async () => {
        const rows = await this.treeRows();
        return rows.find((r) => (typeof text === 'string' ? r.includes(text) : text.test(r)));
      },
      timeoutMs,
    );
  }

  /** A row of the sidebar tree whose accessible label (its label, then its description) holds the text. */
  treeRow(text: string): ReturnType<Page['locator']> {
    return this.page.locator(`.part.sidebar .monaco-list-row[aria-label*="${text.replace(/"/g, '\\"')}"]`).first();
  }

  async expandTreeRow(text: string): Promise<void> {
    // The tree may re-render under the click (a store change); click the twistie until it is open.
    await waitFor(`${text} to expand`, async () => {
      const row = this.treeRow(text);
      if ((await row.count()) === 0) {
        return false;
      }
      const state = await row.getAttribute('aria-expanded');
      if (state === 'true') {
        return true;
      }
      await row.locator('.monaco-tl-twistie').click({ timeout: 2_000 });
      await waitFor(`${text} to open`, async () => (await row.getAttribute('aria-expanded')) === 'true', 1_500, 100).catch(() => undefined);
      return (await row.getAttribute('aria-expanded')) === 'true';
    });
  }

  /** Runs a command from the palette (F1), retrying until the extension's commands are registered. */
  async runCommand(title: string): Promise<void> {
    await waitFor(
      `command "${title}" in the palette`,
      async () => {
        await this.closeQuickInput();
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${title}`);
        const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
        try {
          await row.waitFor({ state: 'visible', timeout: 2_500 });
        } catch {
          return false;
        }
        const label = (await row.textContent()) ?? '';
        if (!label.includes(title)) {
          return false;
        }
        await this.page.keyboard.press('Enter');
        return true;
      },
      45_000,
      500,
    );
  }

  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    if ((await widget.count()) > 0 && (await widget.isVisible())) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  }

  /** Waits for a quick input whose prompt, placeholder or title contains the text. */
  async waitForQuickInput(text: string): Promise<void> {
    await waitFor(`a quick input saying "${text}"`, async () => {
      const widget = this.page.locator('.quick-input-widget');
      if (!(await widget.isVisible())) {
        return false;
      }
      const all = await widget.evaluate((w) => {
        const input = w.querySelector('input');
        return `${w.textContent ?? ''} ${input?.getAttribute('placeholder') ?? ''} ${input?.getAttribute('aria-label') ?? ''}`;
      });
      return all.includes(text);
    });
  }

  /** Answers an input box: replaces its value and presses Enter. */
  async answer(prompt: string, value: string | undefined): Promise<void> {
    await this.waitForQuickInput(prompt);
    const input = this.page.locator('.quick-input-widget input');
    if (value !== undefined) {
      await input.fill(value);
    }
    await this.page.keyboard.press('Enter');
  }

  /** Replaces the value of the open input box and presses Enter (after a validation message, say). */
  async retype(value: string): Promise<void> {
    await this.page.locator('.quick-input-widget input').fill(value);
    await this.page.keyboard.press('Enter');
  }

  /** Picks an item in a quick pick by its label. */
  async pick(prompt: string, label: string): Promise<void> {
    await this.waitForQuickInput(prompt);
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(label);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
  }

  /** Text of visible notifications. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast, .notification-list-item').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  async waitForNotification(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    return waitFor(
      `a notification matching ${String(text)}`,
      async () => (await this.notifications()).find((n) => (typeof text === 'string' ? n.includes(text) : text.test(n))),
      timeoutMs,
    );
  }

  /** The frame of a webview whose document contains the selector. */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    return waitFor(
      `a webview frame with ${selector}`,
      async () => {
        for (const f of this.page.frames()) {
          try {
            if ((await f.locator(selector).count()) > 0) {
              return f;
            }
          } catch {
            // frame navigated away
          }
        }
        return undefined;
      },
      timeoutMs,
      250,
    );
  }

  /** The frame of the dashboard whose header names this mentee (other dashboards may still exist). */
  async dashboardFrame(name: string, timeoutMs = 30_000): Promise<Frame> {
    return waitFor(
      `the dashboard of ${name}`,
      async () => {
        for (const f of this.page.frames()) {
          try {
            const el = f.locator('#mentee-name');
            if ((await el.count()) > 0 && ((await el.textContent()) ?? '').includes(name)) {
              return f;
            }
          } catch {
            // the frame was detached while we looked
          }
        }
        return undefined;
      },
      timeoutMs,
      250,
    );
  }

  /** Opens a workspace file through Quick Open and waits until its editor is the active one. */
  async openFile(rel: string): Promise<void> {
    const base = path.basename(rel);
    await waitFor(`${rel} to be the active editor`, async () => {
      await this.closeQuickInput();
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(rel);
      // Click the matching row: Enter could still hit the row that was active before the filter applied.
      const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      try {
        await this.page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).first().waitFor({ timeout: 5_000 });
        return true;
      } catch {
        return false;
      }
    }, 45_000, 200);
    await this.page.locator('.editor-instance .monaco-editor >> visible=true').first().waitFor();
  }

  /** Moves the cursor to a 1-based line with Go to Line (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    // Focus the visible editor (hidden editors of other tabs stay in the DOM).
    await this.page.locator('.editor-instance .monaco-editor .view-lines >> visible=true').first().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // Keys typed before the editor has the focus back are lost: wait until the cursor is on the line and
    // the editor holds the keyboard focus.
    await waitFor(`the cursor on line ${line} with the editor focused`, async () => {
      const onLine = new RegExp(`Ln ${line},`).test(await this.cursorStatus());
      const focused = await this.page.evaluate(() => !!document.activeElement?.closest('.monaco-editor.focused'));
      return onLine && focused;
    });
  }

  /** The active editor's selection as shown in the status bar ("Ln 29, Col 5 (78 selected)"). */
  async cursorStatus(): Promise<string> {
    return (await this.page.locator('.statusbar-item[id="status.editor.selection"]').first().textContent()) ?? '';
  }
}

/**
 * Mocha hooks for a suite: one workbench for all its tests, a screenshot of any failing test under
 * test-results/, and a shutdown that always runs.
 */
export function useWorkbench(opts: WorkbenchOptions = {}, ready?: (wb: Workbench) => Promise<void>): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    this.timeout(180_000);
    wb = await Workbench.start(opts);
    await ready?.(wb);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const name = `FAILED-${this.currentTest.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`;
      await wb.screenshot(name).catch(() => undefined);
      // What the page held when the test failed: frames (webviews) and the workbench's console errors.
      console.log(`  frames: ${wb.page.frames().map((f) => f.url().slice(0, 120)).join('\n          ')}`);
      console.log(`  console errors: ${wb.consoleErrors.slice(-15).join('\n          ')}`);
    }
  });
  after(async () => {
    await wb?.stop();
  });
  return () => {
    if (!wb) {
      throw new Error('the workbench did not start');
    }
    return wb;
  };
}

/** A suite on the demo workspace with the Mentorship view open and showing `row` (the extension is active). */
export function useMentorshipView(row: string, opts: WorkbenchOptions = {}): () => Workbench {
  return useWorkbench(opts, async (w) => {
    await w.openMentorshipView();
    await w.waitForTreeRow(row, 60_000);
    // The first rows come from the quick read; the full read that follows refreshes the tree, which
    // re-renders its rows. Tests start once that has happened, so a hover or click is not lost in it.
    await waitFor('the full read of the data folder', async () => /Loaded \d+ mentee file/.test(await w.mentorshipLog()), 60_000, 200);
  });
}

/** Clicks an inline action (by its title) on a tree row, hovering the row first so it shows. */
export async function clickInlineAction(wb: Workbench, rowLabel: string, actionTitle: string): Promise<void> {
  const row = wb.treeRow(rowLabel);
  await row.waitFor({ timeout: 20_000 });
  await row.hover();
  // The label may carry the keybinding: "Open Dashboard (Ctrl+Alt+M D)".
  const action = row.locator(`.actions .action-label[aria-label^="${actionTitle}"]`).first();
  await action.waitFor({ state: 'visible', timeout: 10_000 });
  await action.click();
}
