// Extension-host tests in a real VS Code (`npm run test:vscode`; `npm test` runs it as its "vscode"
// step). Installs code-server on first use, bundles test/vscode/suite/ into out/test/vscode/, copies
// the fixture workspace (test/fixtures/vscode-workspace/ plus examples/) to a temp
// folder, and runs @vscode/test-electron's standard runTests with our code-server shim as the
// "VS Code executable". Exit code: the tests' (0 when all passed), 0 with a message when this
// machine cannot run code-server or Chromium.
//
//   node test/vscode/run.mjs [--no-build] [--grep PATTERN]
//   BL_VSCODE_VERBOSE=1  also print code-server's and the page's own output
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { realVsCodeSkipReason, ROOT } from '../../scripts/code-server.mjs';

const SUITE = join(ROOT, 'test', 'vscode', 'suite');
const OUT = join(ROOT, 'out', 'test', 'vscode');
const SHIM = join(ROOT, 'test', 'vscode', 'code-server-shim.mjs');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'vscode-workspace');

const argv = process.argv.slice(2);
const build = !argv.includes('--no-build');
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : undefined;

function suiteFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...suiteFiles(full));
    else if (entry.name.endsWith('.test.ts')) files.push(full);
  }
  return files.sort();
}

/** out/test/vscode/suite/index.js and one bundle per *.test.ts (vscode and mocha stay external). */
async function bundleSuite() {
  rmSync(OUT, { recursive: true, force: true });
  const entryPoints = [join(SUITE, 'index.ts'), ...suiteFiles(SUITE)];
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints,
    outbase: join(ROOT, 'test', 'vscode'),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return entryPoints.length - 1;
}

/** A writable copy of the fixture workspace with the example beside it. */
function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'bl-vscode-ws-'));
  cpSync(FIXTURE, dir, { recursive: true });
  // The examples (the seed's layers as .py and .ipynb, apples and oranges, common/functions.py).
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

async function main() {
  const started = Date.now();
  const skip = await realVsCodeSkipReason();
  if (skip) {
    console.log(`vscode tests skipped: ${skip}`);
    return 0;
  }
  if (build) {
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return 1;
  }
  const count = await bundleSuite();
  console.log(`vscode tests: ${count} suite files bundled into ${relative(ROOT, OUT)}`);
  const tmp = mkdtempSync(join(tmpdir(), 'bl-vscode-run-'));
  const workspace = makeWorkspace();
  try {
    mkdirSync(join(tmp, 'extensions'));
    await runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(OUT, 'suite', 'index'),
      launchArgs: [workspace, `--user-data-dir=${join(tmp, 'user-data')}`, `--extensions-dir=${join(tmp, 'extensions')}`],
      extensionTestsEnv: grep ? { BL_VSCODE_GREP: grep } : {},
    });
    console.log(`vscode tests: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    // runTests rejects with TestRunFailedError(code) when the run exits non-zero.
    console.error(`vscode tests: FAILED (${e.message}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
}

process.exit(await main());
