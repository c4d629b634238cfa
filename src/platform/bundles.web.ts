/**
 * The browser's loader for the extension's separate bundles (vscode.dev, github.dev, a web-worker
 * extension host). A web worker has no `require` for files: the bundle's text is read from the extension's
 * own location and run as a CommonJS module, as the web host runs the main bundle itself. The YAML library
 * is loaded right after activation (the store needs it synchronously to write), not in the activation
 * bundle.
 */
import * as vscode from 'vscode';
import { provideYaml } from '../core/storage/yamlLib';
import type { YamlLib } from '../core/storage/yamlLib';
import type BUNDLES from './bundles.json';

export type BundleName = keyof typeof BUNDLES;

export const HOST: 'desktop' | 'web' = 'web';

let extensionUri: vscode.Uri | undefined;
let yamlLib: YamlLib | undefined;
const loaded = new Map<string, Promise<unknown>>();

async function readBundle(uri: vscode.Uri): Promise<string> {
  // Extensions from the Marketplace are served over https; a file system provider may not cover it.
  if (uri.scheme === 'https' || uri.scheme === 'http') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) {
      throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    }
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What a bundle may require: the VS Code API, and the YAML library once it is loaded. */
function requireFor(id: string): unknown {
  if (id === 'vscode') {
    return vscode;
  }
  if (id === './yaml.js' && yamlLib) {
    return yamlLib;
  }
  throw new Error(`Mentorship: ${id} cannot be loaded in the browser.`);
}

function evaluate(name: string): Promise<unknown> {
  let p = loaded.get(name);
  if (!p) {
    p = (async () => {
      if (!extensionUri) {
        throw new Error('Mentorship: the bundles were not initialised.');
      }
      const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', `${name}.js`);
      const source = await readBundle(uri);
      const module: { exports: unknown } = { exports: {} };
      // The web extension host runs extension code this way too; the source URL names it in stack traces.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const run = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`) as (m: unknown, e: unknown, r: unknown) => void;
      run(module, module.exports, requireFor);
      return module.exports;
    })();
    p.catch(() => loaded.delete(name)); // a failed load may be retried
    loaded.set(name, p);
  }
  return p;
}

/** Called once at activation; settles when the YAML library is there (the store waits for it). */
export async function initBundles(context: vscode.ExtensionContext): Promise<void> {
  extensionUri = context.extensionUri;
  yamlLib = (await evaluate('yaml')) as YamlLib;
  const lib = yamlLib;
  provideYaml(() => lib);
}

export function loadBundle<T>(name: BundleName): Promise<T> {
  return evaluate(name) as Promise<T>;
}
