// Hover speed: parse + recognise + text at every position of the seed's layer code, as the editor
// asks for hovers (the parse is cached per document version, so a warm hover only recognises and
// renders; the first row also times a cold parse per hover). With a report of a real run of the same
// file, so live values, checks and hazards are looked up too. Goal: p95 ≤ 50 ms warm.
// Run alone: cd /work/main && node --import tsx bench/hover.ts

import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectProgram } from '../src/engine/lens/program';
import { nodeHostFs } from '../src/host/nodeHostFs';
import { analyseSource } from '../src/engine/teach/recognise';
import { hoverAt } from '../src/engine/teach/hoverText';

const root = path.resolve(__dirname, '..');
const file = path.join(root, 'test/fixtures/webview/seed_layers.py');
const text = fs.readFileSync(file, 'utf8');
const r = inspectProgram({ text, filename: file }, { fs: nodeHostFs });
if (r.kind !== 'report') throw new Error(r.message);
const report = r.report;
const lines = text.split('\n');
const positions: { line: number; col: number }[] = [];
lines.forEach((l, line) => { for (let col = 0; col <= l.length; col++) positions.push({ line, col }); });

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function measure(cached: boolean): { times: number[]; hovers: number } {
  let analysis = analyseSource(text);
  const times: number[] = [];
  let hovers = 0;
  for (const pos of positions) {
    const t0 = performance.now();
    if (!cached) analysis = analyseSource(text);
    const h = hoverAt(analysis, pos, { language: pos.line % 2 ? 'ko' : 'en', report, file, uri: 'file:///seed_layers.py' });
    times.push(performance.now() - t0);
    if (h) hovers++;
  }
  return { times, hovers };
}

measure(true); // warm-up
measure(false);
console.log(`hovers over ${path.relative(root, file)}: ${positions.length} positions, ${lines.length} lines`);
for (const [name, cached] of [['parse + recognise + text', false], ['recognise + text (parse cached)', true]] as const) {
  const { times, hovers } = measure(cached);
  console.log(`${name.padEnd(32)} p50 ${pct(times, 0.5).toFixed(2).padStart(6)} ms   p95 ${pct(times, 0.95).toFixed(2).padStart(6)} ms   max ${Math.max(...times).toFixed(2).padStart(6)} ms   (${hovers} with a hover)`);
}
