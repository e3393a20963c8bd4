// The lens's overhead inside one process (no Node start-up): the same program run plainly
// (runSource) and inspected (inspectProgram: traced run, then checks, hazards, derivations),
// after a warm-up of each; the median of several runs. `npm run bench` runs this after its table.
// Run alone: cd /work/main && node --import tsx bench/lens-overhead.ts [NAME...]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSource } from '../src/engine';
import { inspectProgram } from '../src/engine/lens/program';
import { nodeHostFs } from '../src/host/nodeHostFs';

const root = path.resolve(__dirname, '..');
const PROGRAMS = [
  { name: 'lens:seed_layers', file: 'test/fixtures/webview/seed_layers.py', runs: 7 },
  { name: 'lens:layers_only', file: 'test/fixtures/lens/layers_only.py', runs: 7 },
  { name: 'lens:two_layer_passes', file: 'bench/programs/two_layer_passes.py', runs: 5 },
];

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wanted = process.argv.slice(2);

console.log('lens overhead in-process (median): plain run vs inspect = traced run + analysis');
for (const p of PROGRAMS.filter((x) => !wanted.length || wanted.includes(x.name))) {
  const filename = path.join(root, p.file);
  const text = fs.readFileSync(filename, 'utf8');
  const plain = () => {
    const t0 = performance.now();
    runSource(text, { filename, fs: nodeHostFs, budget: { timeMs: 600_000 } });
    return performance.now() - t0;
  };
  const lens = () => {
    const t0 = performance.now();
    const r = inspectProgram({ text, filename }, { fs: nodeHostFs, budget: { timeMs: 600_000 } });
    const ms = performance.now() - t0;
    if (r.kind !== 'report') throw new Error(r.message);
    return { ms, traced: r.report.timings.runMs, analysis: r.report.timings.analysisMs };
  };
  plain();
  lens();
  const runs: number[] = [];
  const inspects: { ms: number; traced: number; analysis: number }[] = [];
  for (let i = 0; i < p.runs; i++) {
    runs.push(plain());
    inspects.push(lens());
  }
  const run = median(runs);
  const inspect = median(inspects.map((x) => x.ms));
  const traced = median(inspects.map((x) => x.traced));
  const analysis = median(inspects.map((x) => x.analysis));
  console.log(`${p.name.padEnd(22)} run ${run.toFixed(0).padStart(6)} ms   inspect ${inspect.toFixed(0).padStart(6)} ms   ratio ${(inspect / run).toFixed(2).padStart(5)}   (traced run ${traced} ms = ${(traced / run).toFixed(2)}× run; analysis ${analysis} ms)`);
}
