// Benchmarks: each program under the engine (node dist/cli.js run) and under CPython + NumPy
// (/usr/bin/python3), in the same run, with the ratio engine/CPython. Outputs must be identical.
//   npm run bench                 all programs
//   node bench/run.mjs NAME...    some of them
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

function time(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
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
if (rows.some((r) => !r.same_output)) process.exit(1);
