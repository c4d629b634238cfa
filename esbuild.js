// Builds the extension: dist/extension.js (activation path), the bundles loaded on first use (one table:
// src/platform/bundles.json), their browser twins under dist/web/, the merge driver, and media/dashboard.js
// (the webview page script). `--production` minifies; `--watch` rebuilds.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Codicons for the webview, copied next to its other media so localResourceRoots stays media/. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(from, f), path.join(to, f));
  }
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The browser build (vscode.dev, github.dev): the same sources with the platform modules swapped for
 * their `.web.ts` twins (no processes, bundles read from the extension's location), and a guard that
 * fails the build when anything pulls in a Node built-in, naming the file that imports it.
 */
const WEB_TWINS = /[\\/]platform[\\/](git|bundles|disk)$/;
const webPlatform = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /(^|[\\/])(git|bundles|disk)$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (!WEB_TWINS.test(target)) {
        return undefined;
      }
      return { path: `${target}.web.ts` };
    });
  },
};
const { builtinModules } = require('node:module');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) {
        return undefined;
      }
      const from = path.relative(__dirname, args.importer).split(path.sep).join('/');
      return { errors: [{ text: `The browser bundle cannot use the Node built-in "${args.path}" (imported by ${from}).` }] };
    });
  },
};

function webBuild(entry, outfile, extra = {}) {
  return {
    ...common,
    entryPoints: [entry],
    outfile,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode', './yaml.js'],
    plugins: [webPlatform, noNodeBuiltins],
    ...extra,
  };
}

/** The bundles loaded on first use, by name: dist/<name>.js and dist/web/<name>.js. */
const BUNDLES = require('./src/platform/bundles.json');
const bundleFiles = Object.keys(BUNDLES).map((name) => `./${name}.js`);

const webBuilds = [
  webBuild('src/extension.ts', 'dist/web/extension.js', { banner: { js: 'globalThis.__mentorshipLoadStart = Date.now();' } }),
  ...Object.entries(BUNDLES).map(([name, b]) => webBuild(b.entry, `dist/web/${name}.js`)),
];

const nodeBuild = (entry, outfile, extra = {}) => ({
  ...common,
  entryPoints: [entry],
  outfile,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  ...extra,
});

const builds = [
  nodeBuild('src/extension.ts', 'dist/extension.js', {
    external: ['vscode', ...bundleFiles],
    // The first line of the bundle: activation time is measured from here.
    banner: { js: 'globalThis.__mentorshipLoadStart = Date.now();' },
  }),
  ...Object.entries(BUNDLES).map(([name, b]) => nodeBuild(b.entry, `dist/${name}.js`, { external: name === 'yaml' ? [] : ['vscode', './yaml.js'] })),
  // Run by git, not by VS Code: the merge driver for shared notes.
  nodeBuild('src/mergeDriver/main.ts', 'dist/merge-driver.js', { target: 'node18' }),
  // Run by an agent (or VS Code's MCP support), not by the extension host: the MCP server over stdio.
  nodeBuild('src/mcp/server.ts', 'dist/mcp.js', { define: { VERSION: JSON.stringify(require('./package.json').version) } }),
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'media/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  ...webBuilds,
];

async function main() {
  copyCodicons();
  // A bundle that is no longer in the table must not linger in dist/ (and so in the package).
  fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  if (watch) {
    for (const b of builds) {
      const ctx = await esbuild.context(b);
      await ctx.watch();
    }
    console.log('[watch] watching for changes');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

module.exports = { webBuild };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
