// Benchmarks: each program under the engine (node dist/cli.js run) and under CPython + NumPy
// (/usr/bin/python3), in the same run, with the ratio engine/CPython. Outputs must be identical.
// Then the lens's overhead: `inspect --json` against plain `run` of the same program.
//   npm run bench                 all programs
//   node bench/run.mjs NAME...    some of them (lens rows are named lens:NAME; `hover` times the hovers;
//                                 `editor` runs bench/editor/run.mjs in a real VS Code)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const python = '/usr/bin/python3';

/** name, file, how many timed runs (the median is reported) */
const PROGRAMS = [
  { name: 'layers_small', file: 'programs/layers_small.py', runs: 5, what: 'a small layer script (startup-dominated)' },
  { name: 'gradient_check', file: 'programs/gradient_check.py', runs: 1, what: 'TwoLayerNet 784-50-10, batch 3: 79,520 loss evaluations' },
];

/** The lens's overhead: name, file (under bench/), how many timed runs of each (the median is reported). */
const LENS_PROGRAMS = [
  { name: 'lens:seed_layers', file: '../test/fixtures/webview/seed_layers.py', runs: 5, what: "the seed notebook's layers and its calls" },
  { name: 'lens:layers_only', file: '../test/fixtures/lens/layers_only.py', runs: 5, what: 'the same layer classes alone, on synthesized inputs' },
  { name: 'lens:two_layer_passes', file: 'programs/two_layer_passes.py', runs: 3, what: 'TwoLayerNet 784-50-10, batch 100: 5 forward/backward/SGD steps' },
];

function time(cmd, args, cwd, ok = [0]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!ok.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(cli)) { console.error('dist/cli.js is missing: run npm run build first'); process.exit(2); }
const hasPython = spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!hasPython) console.log(`(no ${python} with numpy: only the engine is timed)`);

const wanted = process.argv.slice(2);
const rows = [];
for (const p of PROGRAMS.filter((x) => !wanted.length || wanted.includes(x.name))) {
  const file = join(root, 'bench', p.file);
  const cwd = dirname(file);
  const engine = [];
  const cpython = [];
  let engineOut = '';
  let pyOut = '';
  for (let i = 0; i < p.runs; i++) {
    const e = time(process.execPath, [cli, 'run', file], cwd);
    engine.push(e.ms);
    engineOut = e.stdout;
    if (hasPython) {
      const c = time(python, [file], cwd);
      cpython.push(c.ms);
      pyOut = c.stdout;
    }
  }
  const same = !hasPython || engineOut === pyOut;
  const row = { program: p.name, what: p.what, engine_ms: Math.round(median(engine)), cpython_ms: hasPython ? Math.round(median(cpython)) : null };
  row.ratio = hasPython ? +(row.engine_ms / row.cpython_ms).toFixed(2) : null;
  row.same_output = same;
  rows.push(row);
  console.log(`${p.name.padEnd(16)} engine ${String(row.engine_ms).padStart(7)} ms   cpython ${String(row.cpython_ms ?? '-').padStart(7)} ms   ratio ${row.ratio ?? '-'}   ${same ? 'same output' : 'OUTPUT DIFFERS'}   (${p.what})`);
}

const lensRows = [];
const lensWanted = LENS_PROGRAMS.filter((x) => !wanted.length || wanted.includes(x.name));
if (lensWanted.length) console.log('\nlens overhead: inspect --json vs run, whole process (median); inside the report: time traced, time analysing');
for (const p of lensWanted) {
  const file = join(root, 'bench', p.file);
  const cwd = dirname(file);
  const plain = [];
  const lens = [];
  let report;
  for (let i = 0; i < p.runs; i++) {
    plain.push(time(process.execPath, [cli, 'run', file], cwd).ms);
    // Exit 3 (a failing check) is a normal outcome of inspect.
    const r = time(process.execPath, [cli, 'inspect', file, '--json'], cwd, [0, 3]);
    lens.push(r.ms);
    report = JSON.parse(r.stdout);
  }
  const row = {
    program: p.name, what: p.what, run_ms: Math.round(median(plain)), inspect_ms: Math.round(median(lens)),
    traced_ms: report.timings.runMs, analysis_ms: report.timings.analysisMs, report_kb: Math.round(JSON.stringify(report).length / 1024),
  };
  row.ratio = +(row.inspect_ms / row.run_ms).toFixed(2);
  lensRows.push(row);
  console.log(`${p.name.padEnd(22)} run ${String(row.run_ms).padStart(6)} ms   inspect ${String(row.inspect_ms).padStart(6)} ms   ratio ${String(row.ratio).padStart(5)}   (traced ${row.traced_ms} ms, analysis ${row.analysis_ms} ms, report ${row.report_kb} KB; ${p.what})`);
}
if (lensRows.some((r) => r.ratio >= 3)) console.log('lens overhead above the goal of 3x plain run for:', lensRows.filter((r) => r.ratio >= 3).map((r) => r.program).join(', '));
// The same without Node's start-up, which hides the lens's cost on small programs.
if (lensWanted.length) {
  console.log('');
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'lens-overhead.ts'), ...lensWanted.map((p) => p.name)], { cwd: root, stdio: 'inherit' });
}
// Hovers: parse + recognise + text at every position of the seed file (goal: p95 ≤ 50 ms warm).
if (!wanted.length || wanted.includes('hover')) {
  console.log('');
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'hover.ts')], { cwd: root, stdio: 'inherit' });
}
// The editor: activation, command → panel painted and hovers in a real VS Code (code-server; skipped
// with a message where code-server or Chromium cannot run). Alone: node bench/editor/run.mjs
let editorFailed = false;
if (!wanted.length || wanted.includes('editor')) {
  console.log('');
  editorFailed = spawnSync(process.execPath, [join(root, 'bench', 'editor', 'run.mjs'), '--no-build'], { cwd: root, stdio: 'inherit' }).status !== 0;
}
if (rows.some((r) => !r.same_output) || editorFailed) process.exit(1);
