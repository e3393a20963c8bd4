// Bundles the extension, its worker and the CLI with esbuild.
//   node scripts/build.mjs               sourcemaps, no minifying
//   node scripts/build.mjs --production  minified, no sourcemaps (what `vsce package` ships)
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
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
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/host/cliWorker.ts'], outfile: 'dist/cli-worker.js' },
];

// Start clean, so a production build leaves no stale .map files behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });

const makeExecutable = () => chmodSync(join(root, 'dist/cli.js'), 0o755);

if (watch) {
  const contexts = await Promise.all(bundles.map((options, i) => esbuild.context({
    ...options,
    plugins: [{
      name: 'report',
      setup(build) {
        build.onEnd((result) => {
          if (i === 2 && result.errors.length === 0) makeExecutable();
          console.log(`[watch] ${options.outfile}: ${result.errors.length ? 'failed' : 'built'}`);
        });
      },
    }],
  })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('[watch] watching src/ (Ctrl+C to stop)');
} else {
  const started = Date.now();
  try {
    const results = await Promise.all(bundles.map((options) => esbuild.build({ ...options, metafile: true })));
    makeExecutable();
    const sizes = results.map((r, i) => {
      const bytes = r.metafile.outputs[bundles[i].outfile].bytes;
      return `${bundles[i].outfile} ${(bytes / 1024).toFixed(1)} KB`;
    });
    console.log(`build (${production ? 'production' : 'development'}): ${sizes.join(', ')} in ${Date.now() - started} ms`);
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
}
