/** The README's performance table, made from bench/results.json (`npm run bench` rewrites it; a unit test checks it). */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

interface Results {
  machine: string;
  date: string;
  metrics: Record<string, { median_ms: number | null; baseline_ms: number | null; ratio: number | null; value: number | null }>;
}

const ROWS: [string, string, string][] = [
  ['load_all', 'read, parse and validate 20 mentees (10 goals, 50 sessions, 200 feedback each; ~100 KB a file)', '≤ 1.3 × baseline'],
  ['first_tree', 'first level of the tree, 200 mentees (~20 MB)', '≤ 500 ms'],
  ['load_all_large', 'full read of the 200 mentees (after the first level is shown)', '≤ 1.5 × floor'],
  ['first_tree_workbench', 'click on the Mentorship view to its first rows in code-server, 200 mentees (~20 MB)', '≤ 1.3 × the demo'],
  ['notebook_first_tree', 'first level of the tree from 3 notebook folders × 20 mentees', '≤ 1.3 × one folder'],
  ['notebook_first_tree_workbench', 'click on the Mentorship view to its first rows in code-server, a code folder and 3 notebook folders × 20 mentees', '≤ 1.3 × the demo'],
  ['assistant_read_tool', "the slowest of the assistant's read tools on 20 mentees (~100 KB each), from loaded state", '≤ 20 ms'],
  ['mcp_first_answer', 'the MCP server, from spawn to its answer to `initialize`, on 20 mentees', '≤ 300 ms'],
  ['tree_model', 'first two tree levels, 200 mentees, from loaded state', '≤ 20 ms'],
  ['tree_model_500x20', 'three tree levels, 500 mentees × 20 goals', '≤ 20 ms'],
  ['write_session', 'add a session to a 1 MB mentee file, atomically', '≤ 3 × floor'],
  ['write_session_100kb', 'add a session to a typical ~100 KB mentee file, atomically', '≤ 3 × floor'],
  ['locate_anchor', 'find a moved anchor in a 5,000-line file', '≤ 2 ms'],
  ['locate_anchor_fuzzy', 'the same, with the anchored lines edited too', '—'],
  ['bundle_kb', '`dist/extension.js`', '≤ 200 KB'],
  ['bundle_web_kb', '`dist/web/extension.js`, the browser\'s activation bundle', '≤ 200 KB'],
  ['heap_mb', 'peak heap while loading the 200 mentees', '≤ 300 MB'],
  ['dashboard_render_ms', 'first render of a dashboard, 300 sessions and 2,000 feedback items (performance API in the webview)', '≤ 200 ms'],
  ['activate_ms', 'our code at activation (bundle load + `activate()`), in code-server', '≤ 50 ms'],
  ['activate_wall_ms', "bundle's first line to the end of `activate()`, wall clock", '—'],
];

/** What each baseline is; "floor": the least any reader must do (read the text and load it with js-yaml). */
const BASELINES: Record<string, string> = {
  load_all: 'read + `yaml.parse`',
  load_all_large: 'floor: read + js-yaml load',
  first_tree_workbench: 'the 3-mentee demo',
  notebook_first_tree: 'the 60 mentees in one folder',
  notebook_first_tree_workbench: 'the 3-mentee demo',
  mcp_first_answer: 'a bare Node answering a line',
  write_session: 'floor: js-yaml load of the file',
  write_session_100kb: 'floor: js-yaml load of the file',
};

export function renderTable(r: Results): string {
  const lines = [
    `Measured on ${r.machine}, ${r.date.slice(0, 10)} (\`bench/results.json\`).`,
    '',
    '| metric | what | median | baseline, same run | ratio | budget |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [key, what, budget] of ROWS) {
    const m = r.metrics[key];
    if (!m) {
      continue;
    }
    const unit = key === 'bundle_kb' || key === 'bundle_web_kb' ? ' KB' : key === 'heap_mb' ? ' MB' : ' ms';
    const main = m.median_ms ?? m.value;
    const base = m.baseline_ms !== null ? `${BASELINES[key] ?? ''}: ${m.baseline_ms} ms` : '';
    lines.push(`| \`${key}\` | ${what} | ${main}${unit} | ${base} | ${m.ratio !== null ? `${m.ratio} ×` : ''} | ${budget} |`);
  }
  return lines.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function readmeTable(readme: string): string | undefined {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a >= 0 && b > a ? readme.slice(a + START.length, b).trim() : undefined;
}

export function writeReadmeTable(root: string): void {
  const r = JSON.parse(readFileSync(path.join(root, 'bench', 'results.json'), 'utf8')) as Results;
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) {
    throw new Error('README.md has no bench markers');
  }
  writeFileSync(file, readme.slice(0, a + START.length) + '\n' + renderTable(r) + '\n' + readme.slice(b));
}
