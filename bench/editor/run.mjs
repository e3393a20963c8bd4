// Editor benchmarks in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, headless Chromium),
// run the way test/vscode/run.mjs runs the extension-host tests: @vscode/test-electron's runTests
// with test/vscode/code-server-shim.mjs as the "VS Code executable", and bench/editor/suite.ts
// (bundled to out/bench/editor/) as the in-host "tests". It measures, in one fresh host:
//   activation        the extension's activate() (its own `activationMs`) and extension.activate()'s wall time
//   command → painted backpropLens.inspect on the seed's Sigmoid test selection, warm, until the panel
//                     says it painted (p50/p90), split into the command's resolution and the paint after it
//   hover             vscode.executeHoverProvider over ~30 positions of the seed's layer code, warm (p50/p95)
//   where time goes   the engine in a fresh worker and on a warm thread (suite.ts), and the webview alone
//                     on a standalone page in Chromium (webview.ts)
// prints them against the goals and writes them to test-results/bench/editor.json. Exit 0 when it
// ran (goals missed are reported, not failed), 0 with a message when this machine cannot run
// code-server or Chromium, 1 when the bench itself failed.
//
//   node bench/editor/run.mjs [--no-build] [--runs N] [--gap MS]
//   BL_BENCH_RUNS, BL_BENCH_WARMUP, BL_BENCH_GAP_MS, BL_BENCH_HOVER_ROUNDS, BL_BENCH_PROBES  the same, and more
//   BL_VSCODE_VERBOSE=1  also print code-server's and the page's own output
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { realVsCodeSkipReason, ROOT } from '../../scripts/code-server.mjs';

const OUT = join(ROOT, 'out', 'bench', 'editor');
const SHIM = join(ROOT, 'test', 'vscode', 'code-server-shim.mjs');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'vscode-workspace');
const RESULT = join(ROOT, 'test-results', 'bench', 'editor.json');

/** The goals. */
const GOALS = { activationMs: 20, paintP50Ms: 100, hoverP95Ms: 50 };

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const build = !argv.includes('--no-build');

async function bundle() {
  rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'bench', 'editor', 'suite.ts'), join(ROOT, 'bench', 'editor', 'probe.ts')],
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['vscode'],
    logLevel: 'warning',
  });
}

const pad = (s, n) => String(s).padEnd(n);
const ms = (x) => (x === null || x === undefined ? '-' : `${x} ms`);

function table(r) {
  const rows = [
    ['activation: activate()', ms(r.activation.activationMs), `≤ ${GOALS.activationMs} ms`, r.activation.activationMs <= GOALS.activationMs],
    ['activation: extension.activate() wall', ms(r.activation.activateWallMs), '(load + activate)', null],
    ['command → painted, p50', ms(r.paint.painted.p50), `≤ ${GOALS.paintP50Ms} ms`, r.paint.painted.p50 <= GOALS.paintP50Ms],
    ['command → painted, p90 / min / max', `${r.paint.painted.p90} / ${r.paint.painted.min} / ${r.paint.painted.max} ms`, '', null],
    ['  command resolved (report posted), p50', ms(r.paint.command.p50), '', null],
    ['  paint after it, p50', ms(r.paint.paintAfterCommand.p50), '', null],
    ['  first inspect (creates the panel)', ms(r.paint.first.paintedMs), '', null],
    ['  pause before each run (≥ gap, host idle), p50', ms(r.paint.settleMs.p50), '', null],
    ['hover (executeHoverProvider), p95', ms(r.hover.warm.p95), `≤ ${GOALS.hoverP95Ms} ms`, r.hover.warm.p95 <= GOALS.hoverP95Ms],
    ['hover p50 / max; first (cold)', `${r.hover.warm.p50} / ${r.hover.warm.max} ms; ${r.hover.firstMs} ms`, '', null],
  ];
  if (r.paintBackToBack) rows.splice(7, 0, ['  back to back, no pause, p50', ms(r.paintBackToBack.p50), '', null]);
  if (r.engine) {
    const f = r.engine.freshWorker;
    if (r.engine.extensionWorker) {
      const e = r.engine.extensionWorker;
      rows.push(["extension's worker via its runner (no VS Code)", `${e.ms} ms (run ${e.runMs}, analysis ${e.analysisMs})`, '', null]);
    }
    rows.push(['engine in a fresh worker (as the extension)', `${f.inspectMs} ms (run ${f.runMs}, analysis ${f.analysisMs})`, '', null]);
    rows.push(['engine on a warm thread', `${r.engine.warmThread.inspectMs} ms (run ${r.engine.warmThread.runMs}, analysis ${r.engine.warmThread.analysisMs})`, '', null]);
    rows.push(['worker boot (engine + mathjs load)', ms(f.bootMs), '', null]);
  }
  if (r.webview) rows.push(['webview alone: post → painted, p50', `${r.webview.p50} ms (p90 ${r.webview.p90}; ${r.webview.reportKb} KB)`, '', null]);
  console.log(`\neditor benchmarks in VS Code ${r.vscode} (${r.uiKind}, remote ${r.remoteName}), ${r.machine.cpus} cores, load ${r.machine.loadBefore.join(' ')}; ${r.settings.runs} runs, each ≥ ${r.settings.gapMs} ms after the last and once the host is idle`);
  for (const [what, value, goal, met] of rows) {
    console.log(`  ${pad(what, 48)} ${pad(value, 34)} ${pad(goal, 18)} ${met === null ? '' : met ? 'met' : 'NOT MET'}`);
  }
}

async function main() {
  const started = Date.now();
  const skip = await realVsCodeSkipReason();
  if (skip) {
    console.log(`editor benchmarks skipped: ${skip}`);
    return 0;
  }
  if (build) {
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return 1;
  }
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run npm run build first');
    return 1;
  }
  await bundle();
  const tmp = mkdtempSync(join(tmpdir(), 'bl-bench-editor-'));
  const workspace = join(tmp, 'workspace');
  cpSync(FIXTURE, workspace, { recursive: true });
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const raw = join(tmp, 'editor.json');
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  const env = { BL_BENCH_OUT: raw };
  if (option('--runs')) env.BL_BENCH_RUNS = option('--runs');
  if (option('--gap')) env.BL_BENCH_GAP_MS = option('--gap');
  for (const k of ['BL_BENCH_RUNS', 'BL_BENCH_WARMUP', 'BL_BENCH_GAP_MS', 'BL_BENCH_HOVER_ROUNDS', 'BL_BENCH_PROBES']) if (process.env[k] && !env[k]) env[k] = process.env[k];
  try {
    mkdirSync(join(tmp, 'extensions'));
    await runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(OUT, 'suite'),
      launchArgs: [workspace, `--user-data-dir=${join(tmp, 'user-data')}`, `--extensions-dir=${join(tmp, 'extensions')}`],
      extensionTestsEnv: env,
    });
    const r = JSON.parse(readFileSync(raw, 'utf8'));
    // The webview's own share of the paint, on a standalone page (no VS Code, no transport).
    const webviewRaw = join(tmp, 'webview.json');
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'editor', 'webview.ts'), webviewRaw], { cwd: ROOT, stdio: 'inherit' });
    r.webview = existsSync(webviewRaw) ? JSON.parse(readFileSync(webviewRaw, 'utf8')) : null;
    r.machine = { cpus: cpus().length, loadBefore, loadAfter: loadavg().map((x) => +x.toFixed(2)) };
    r.goals = {
      activationMs: { goal: GOALS.activationMs, value: r.activation.activationMs, met: r.activation.activationMs <= GOALS.activationMs },
      paintP50Ms: { goal: GOALS.paintP50Ms, value: r.paint.painted.p50, met: r.paint.painted.p50 <= GOALS.paintP50Ms },
      hoverP95Ms: { goal: GOALS.hoverP95Ms, value: r.hover.warm.p95, met: r.hover.warm.p95 <= GOALS.hoverP95Ms },
    };
    mkdirSync(join(ROOT, 'test-results', 'bench'), { recursive: true });
    writeFileSync(RESULT, JSON.stringify(r, null, 2) + '\n');
    table(r);
    console.log(`\neditor benchmarks: done in ${((Date.now() - started) / 1000).toFixed(1)} s; numbers in ${relative(ROOT, RESULT)}`);
    return 0;
  } catch (e) {
    console.error(`editor benchmarks: FAILED (${e.message}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.exit(await main());
