/**
 * The parts of the extension that activation does not pay for: each is a bundle of its own, loaded the
 * first time it is needed. Which bundles there are is one table, bundles.json (esbuild builds one file per
 * entry, for both hosts). This is the desktop (Node) host's loader; `bundles.web.ts` is the browser's.
 */
import type * as vscode from 'vscode';
import { provideYaml } from '../core/storage/yamlLib';
import type { YamlLib } from '../core/storage/yamlLib';
import type BUNDLES from './bundles.json';

export type BundleName = keyof typeof BUNDLES;

/** Which extension host runs this bundle. */
export const HOST: 'desktop' | 'web' = 'desktop';

/**
 * `module.require`, not `require`: the bundler leaves it alone (a bundle is a file of its own next to
 * this one, not something to inline).
 */
function load<T>(name: BundleName): T {
  return module.require(`./${name}.js`) as T;
}

/** Called once at activation. Node loads the YAML library synchronously on its first use. */
export function initBundles(_context: vscode.ExtensionContext): Promise<void> {
  provideYaml(() => load<YamlLib>('yaml'));
  return Promise.resolve();
}

export function loadBundle<T>(name: BundleName): Promise<T> {
  try {
    return Promise.resolve(load<T>(name));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
