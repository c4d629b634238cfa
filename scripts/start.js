// `npm start`: runs the freshly packaged extension on a copy of the demo workspace in VS Code's
// workbench served by code-server on 127.0.0.1 (no VS Code desktop needed), until Ctrl+C.
// Set PORT to choose the port (default 8080).
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT || 8080);
const cache = process.env.MENTORSHIP_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mentorship-e2e');

const cs = execFileSync('bash', [path.join(root, 'test', 'e2e', 'setup-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop();
const state = path.join(cache, 'start');
const ext = path.join(state, 'extensions');
const userData = path.join(state, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
const settings = path.join(userData, 'User', 'settings.json');
if (!fs.existsSync(settings)) {
  fs.writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off' }, null, 2));
}
const entry = path.join(cs, 'out', 'node', 'entry.js');
execFileSync(process.execPath, [entry, '--extensions-dir', ext, '--user-data-dir', userData, '--install-extension', path.join(root, 'dist', 'mentorship.vsix'), '--force'], {
  stdio: 'inherit',
});

const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mentorship-demo-')), 'bookshop');
fs.cpSync(path.join(root, 'demo'), workspace, { recursive: true });
const config = path.join(state, 'config.yaml');
fs.writeFileSync(config, 'auth: none\n');

const server = spawn(
  process.execPath,
  [entry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', ext, '--disable-telemetry', '--disable-update-check', workspace],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
server.stdout.on('data', (b) => {
  const text = b.toString();
  process.stdout.write(text);
  if (text.includes('HTTP server listening')) {
    console.log(`\nMentorship is running on the demo workspace (a copy in ${workspace}).`);
    console.log(`Open http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)} in a browser. Ctrl+C stops it.\n`);
  }
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
