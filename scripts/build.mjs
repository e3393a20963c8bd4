// Bundles the extension, its worker, the CLI and the panel's webview (dist/webview/: main.js,
// main.css, KaTeX's fonts, l10n bundles) with esbuild.
//   node scripts/build.mjs               sourcemaps, no minifying
//   node scripts/build.mjs --production  minified, no sourcemaps (what `vsce package` ships)
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--production', '--watch'].includes(arg)) {
    console.error(`build: unknown option ${arg} (use --production or --watch)`);
    process.exit(2);
  }
}
const production = args.has('--production');
const watch = args.has('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  // `vscode` exists only inside the extension host.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js' },
  // Loaded on the first hover, not at activation.
  { ...common, entryPoints: ['src/extension/hoverEngine.ts'], outfile: 'dist/hover-engine.js' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/host/cliWorker.ts'], outfile: 'dist/cli-worker.js' },
];

// KaTeX's stylesheet lists each font as woff2, woff and ttf; every browser a webview runs in
// reads woff2, so the other two are left out of the bundle.
const katexWoff2Only = {
  name: 'katex-woff2-only',
  setup(build) {
    build.onLoad({ filter: /katex[\\/]dist[\\/]katex(\.min)?\.css$/ }, (args) => ({
      loader: 'css',
      contents: readFileSync(args.path, 'utf8').replace(/,url\([^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, ''),
    }));
  },
};

/** The panel: a browser bundle, its stylesheet and KaTeX's fonts, loaded under a strict CSP. */
const webview = {
  absWorkingDir: root,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  // VS Code 1.100's webviews run Chromium 132.
  target: 'chrome120',
  entryPoints: ['webview/main.ts', 'webview/main.css', 'webview/lesson/lesson.ts'],
  outdir: 'dist/webview',
  entryNames: '[name]',
  assetNames: 'fonts/[name]',
  loader: { '.woff2': 'file' },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  plugins: [katexWoff2Only],
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};
const copyL10n = () => cpSync(join(root, 'webview/l10n'), join(root, 'dist/webview/l10n'), { recursive: true });

// Start clean, so a production build leaves no stale .map files behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });

const makeExecutable = () => chmodSync(join(root, 'dist/cli.js'), 0o755);

if (watch) {
  const contexts = await Promise.all([...bundles, webview].map((options) => esbuild.context({
    ...options,
    plugins: [...(options.plugins ?? []), {
      name: 'report',
      setup(build) {
        build.onEnd((result) => {
          if (options.outfile === 'dist/cli.js' && result.errors.length === 0) makeExecutable();
          if (options === webview && result.errors.length === 0) copyL10n();
          console.log(`[watch] ${options.outfile ?? options.outdir}: ${result.errors.length ? 'failed' : 'built'}`);
        });
      },
    }],
  })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('[watch] watching src/ and webview/ (Ctrl+C to stop)');
} else {
  const started = Date.now();
  try {
    const [results, web] = await Promise.all([
      Promise.all(bundles.map((options) => esbuild.build({ ...options, metafile: true }))),
      esbuild.build({ ...webview, metafile: true }),
    ]);
    makeExecutable();
    copyL10n();
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    const sizes = results.map((r, i) => `${bundles[i].outfile} ${kb(r.metafile.outputs[bundles[i].outfile].bytes)}`);
    const webOut = Object.entries(web.metafile.outputs).filter(([f]) => !f.endsWith('.map'));
    const fonts = webOut.filter(([f]) => f.includes('/fonts/'));
    for (const f of ['dist/webview/main.js', 'dist/webview/main.css']) sizes.push(`${f} ${kb(web.metafile.outputs[f].bytes)}`);
    sizes.push(`dist/webview/fonts ${fonts.length} files ${kb(fonts.reduce((a, [, o]) => a + o.bytes, 0))}`);
    console.log(`build (${production ? 'production' : 'development'}): ${sizes.join(', ')} in ${Date.now() - started} ms`);
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
}
