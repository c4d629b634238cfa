/**
 * The parts of the extension that activation does not pay for: each is a bundle of its own, loaded the
 * first time it is needed. This is the desktop (Node) host's loader; `bundles.web.ts` is the browser's.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as vscode from 'vscode';
import { provideYaml } from '../core/storage/yamlLib';
import type { YamlLib } from '../core/storage/yamlLib';

export type BundleName = 'dashboard' | 'reviews' | 'sharing';

/** Which extension host runs this bundle. */
export const HOST: 'desktop' | 'web' = 'desktop';

/** Called once at activation. Node loads the YAML library synchronously on its first use. */
export function initBundles(_context: vscode.ExtensionContext): Promise<void> {
  provideYaml(() => require('./yaml.js') as YamlLib);
  return Promise.resolve();
}

export function loadBundle<T>(name: BundleName): Promise<T> {
  // Literal paths: the bundler keeps them as they are (they are external) and finds nothing to inline.
  switch (name) {
    case 'dashboard':
      return Promise.resolve(require('./dashboard.js') as T);
    case 'reviews':
      return Promise.resolve(require('./reviews.js') as T);
    case 'sharing':
      return Promise.resolve(require('./sharing.js') as T);
  }
}
