/**
 * The layers of the source and which may import which, as one table, and a checker that reads every
 * import of every file under a `src/` folder. The architecture test runs it on the real source, and on a
 * fixture with forbidden imports to show that it fails on them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** A layer, from a file's path under src/. The first pattern that matches wins. */
export const LAYERS: [RegExp, string][] = [
  [/^core\/(paths|errors)\.ts$/, 'core/base'],
  [/^core\/domain\//, 'core/domain'],
  [/^core\/storage\//, 'core/storage'],
  [/^core\/anchors\//, 'core/anchors'],
  [/^core\/reviews\//, 'core/reviews'],
  [/^core\/sharing\//, 'core/sharing'],
  [/^core\/render\//, 'core/render'],
  [/^core\/operations\//, 'core/operations'],
  [/^core\/notebook\//, 'core/notebook'],
  [/^core\/assistant\//, 'core/assistant'],
  [/^platform\//, 'platform'],
  [/^kit\//, 'kit'],
  [/^(workspace|identity|statusBar|notebook|repositories)\.ts$/, 'workspace'],
  [/^webview\//, 'webview'],
  [/^dashboard\/protocol\.ts$/, 'protocol'],
  [/^mergeDriver\//, 'tool'],
  [/^mcp\//, 'tool'],
  [/^(extension|commands|commandTable|flows)\.ts$/, 'entry'],
  [/^[a-zA-Z]+\//, 'feature'],
];

const CORE_BELOW = ['core/base'];
/** Which layers each layer may import (its own always). `vscode` and `node` stand for those modules. */
export const ALLOWED: Record<string, string[]> = {
  'core/base': [],
  'core/domain': [...CORE_BELOW],
  'core/storage': [...CORE_BELOW, 'core/domain'],
  'core/anchors': [...CORE_BELOW, 'core/domain'],
  'core/reviews': [...CORE_BELOW, 'core/domain', 'core/anchors'],
  'core/sharing': [...CORE_BELOW, 'core/domain', 'core/storage'],
  'core/render': [...CORE_BELOW, 'core/domain', 'core/storage', 'core/anchors'],
  'core/notebook': [...CORE_BELOW, 'core/domain', 'core/storage', 'core/anchors', 'core/reviews'],
  'core/operations': [...CORE_BELOW, 'core/domain', 'core/storage', 'core/anchors', 'core/reviews'],
  'core/assistant': [...CORE_BELOW, 'core/domain', 'core/storage', 'core/anchors', 'core/render', 'core/operations', 'core/notebook'],
  platform: ['core/*', 'vscode', 'node'],
  kit: ['core/*', 'platform', 'workspace', 'protocol', 'vscode'],
  workspace: ['core/*', 'platform', 'kit', 'vscode'],
  protocol: [],
  webview: ['protocol'],
  // Programs outside VS Code: the core, Node, and the store's file system on Node (platform/nodeFs.ts).
  tool: ['core/*', 'platform', 'node'],
  feature: ['core/*', 'platform', 'kit', 'workspace', 'protocol', 'feature', 'vscode', 'node'],
  entry: ['core/*', 'platform', 'kit', 'workspace', 'protocol', 'feature', 'vscode'],
};

const NODE = new Set(['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'util', 'events', 'stream', 'module', 'readline', 'worker_threads']);

export function layerOf(rel: string): string | undefined {
  return LAYERS.find(([re]) => re.test(rel))?.[1];
}

function allowed(from: string, to: string): boolean {
  if (from === to) {
    return true;
  }
  return (ALLOWED[from] ?? []).some((a) => a === to || (a === 'core/*' && to.startsWith('core/')));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every import that breaks the table, as "from → to (spec)". */
export function forbiddenImports(srcDir: string): string[] {
  const out: string[] = [];
  for (const f of files(srcDir)) {
    const rel = path.relative(srcDir, f).split(path.sep).join('/');
    const from = layerOf(rel);
    if (!from) {
      out.push(`${rel}: in no layer`);
      continue;
    }
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      let to: string | undefined;
      if (spec === 'vscode') {
        to = 'vscode';
      } else if (spec.startsWith('node:') || NODE.has(spec)) {
        to = 'node';
      } else if (spec.startsWith('.')) {
        const target = path.relative(srcDir, path.resolve(path.dirname(f), spec)).split(path.sep).join('/');
        if (target.startsWith('..')) {
          continue; // package.json, schemas: data, not a layer
        }
        to = layerOf(/\.(ts|json)$/.test(target) ? target : `${target}.ts`) ?? layerOf(`${target}/index.ts`);
        if (!to) {
          continue;
        }
      } else {
        continue; // a package (yaml, js-yaml): any layer may use a library
      }
      if (!allowed(from, to)) {
        out.push(`${rel} (${from}) imports ${spec} (${to})`);
      }
    }
  }
  return out;
}
