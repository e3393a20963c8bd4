// The report as text (the CLI's summary), from reports built by hand, so
// they do not depend on what the analysis currently finds; plus the graph text of a real run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { inspectProgram } from '../../src/engine/lens/program';
import { REPORT_VERSION, type LensReport, type ValueSummary } from '../../src/engine/lens/report';
import { briefValue, outcomeOf, renderReportText, shortNumber } from '../../src/engine/lens/text';

const num = (x: number, kind: 'int' | 'float' = 'float'): ValueSummary => ({ kind, text: String(x), data: [x] });
const arr = (data: number[], shape: number[], text: string): ValueSummary => ({
  kind: 'array', text, dtype: 'float64', shape, data, min: Math.min(...data), max: Math.max(...data), mean: data.reduce((a, b) => a + b, 0) / data.length,
});
const span = (line: number) => ({ file: '/ws/relu.py', line, col: 0, endLine: line, endCol: 10 });

/** A ReLU whose backward forgot the mask, as the analysis would describe it. */
function sampleReport(): LensReport {
  const x = arr([1, -0.5], [2], '[ 1.  -0.5]');
  const ones = arr([1, 1], [2], '[1. 1.]');
  return {
    version: REPORT_VERSION,
    source: { file: '/ws/relu.py', lines: [10, 14] },
    output: { stdout: 'out: [1. 0.]\n', stderr: '' },
    layers: [{ id: 'L1', className: 'Relu', kind: 'relu', label: 'relu', forwardSpan: span(4), backwardSpan: span(8) }],
    calls: [
      { id: 'C1', layer: 'L1', method: 'forward', seq: 0, args: [{ name: 'x', value: x, expr: 'x' }], outputs: [arr([1, 0], [2], '[1. 0.]')], cache: [{ name: 'mask', value: { kind: 'array', text: '[False  True]', dtype: 'bool', shape: [2], data: [0, 1] }, change: 'set' }], site: span(12) },
      { id: 'C2', layer: 'L1', method: 'backward', seq: 1, args: [{ name: 'dout', value: ones, expr: 'dout' }], outputs: [ones], cache: [], site: span(13), forward: 'C1' },
    ],
    graph: {
      nodes: [
        { id: 'nL1', kind: 'layer', label: 'Relu', layer: 'L1', forwardCall: 'C1', backwardCall: 'C2' },
        { id: 'in0', kind: 'input', label: 'x' },
        { id: 'out0', kind: 'output', label: 'out' },
      ],
      edges: [
        { id: 'e0', from: 'in0', fromPort: 0, to: 'nL1', toPort: 0, label: 'x', forward: x, gradient: ones },
        { id: 'e1', from: 'nL1', fromPort: 0, to: 'out0', toPort: 0, label: 'out', forward: arr([1, 0], [2], '[1. 0.]'), gradient: ones },
      ],
    },
    tapes: [],
    checks: [{
      layer: 'L1', forwardCall: 'C1', backwardCall: 'C2', target: { kind: 'input', name: 'x' },
      learner: ones, automatic: arr([1, 0], [2], '[1. 0.]'), numerical: arr([1, 0], [2], '[1. 0.]'),
      relErrorAutomatic: 1, relErrorNumerical: 0.99999999, passed: false, line: 9,
      explanation: { code: 'mask-missing', text: 'backward passes dout through where forward blocked x (x <= 0): apply the mask.' },
    }],
    hazards: [{ kind: 'dout-mutated', layer: 'L1', call: 'C2', span: span(9), message: 'backward writes into its argument dout <script>alert(1)</script>' }],
    derivations: [{
      layer: 'L1', forwardCall: 'C1', backwardCall: 'C2', input: x,
      stepwise: { steps: [{ op: 'max(0, ·)', formula: '1 if x > 0 else 0', tex: '[x>0]', local: arr([1, 0], [2], '[1. 0.]') }], product: arr([1, 0], [2], '[1. 0.]') },
      simplified: { text: 'dout', value: ones, line: 9 }, agree: false, maxAbsDiff: 1,
    }],
    synthesized: [{ layer: 'L1', name: 'x', value: x, why: '(2,) float64 from np.random.randn, because forward(self, x)' }],
    driver: { file: '/ws/relu.py#synthesized', source: 'np.random.seed(0)\nx = np.random.randn(2)\n' },
    timings: { runMs: 12, analysisMs: 3, totalMs: 15 },
  };
}

describe('renderReportText', () => {
  const text = renderReportText(sampleReport(), { displayPath: (f) => path.basename(f), notes: ['the selection starts inside class Relu'] });

  test('names the file, the selection and how it was chosen', () => {
    assert.match(text, /^Backprop Lens: relu\.py, lines 10-14\n {2}note: the selection starts inside class Relu\n/);
  });

  test('shows each layer and its edges with forward values and gradients', () => {
    assert.match(text, /\n {2}L1 +relu +Relu +relu +forward line 4, backward line 8\n/);
    assert.match(text, /\n {2}x \(\[ 1\. -0\.5\]\) ─→ Relu relu ─→ out \(\[1\. 0\.\]\)\n {6}gradients: dx \[1\. 1\.\] ←─ dout \[1\. 1\.\]\n/);
  });

  test('shows a failing check with its line, the values and the explanation', () => {
    assert.match(text, /\nGradient checks: 0 passed, 1 failed\n {2}✗ relu \(Relu\): d\/dx, relative error vs automatic 1, vs numerical 1, line 9\n/);
    assert.match(text, /your backward gave \[1\. 1\.\]/);
    assert.match(text, /expected +\[1\. 0\.\]/);
    assert.match(text, /apply the mask\./);
  });

  test('shows hazards, derivations, synthesized inputs, output and the verdict', () => {
    assert.match(text, /\nHazards \(1\)\n {2}! relu \(Relu\), line 9: backward writes into its argument dout/);
    assert.match(text, /\nDerivations \(1\)\n/);
    assert.match(text, /✗ they differ \(max \|difference\| 1\)/);
    assert.match(text, /\nSynthesized inputs \(made up by the lens; the driver ran as relu\.py#synthesized\)\n {2}relu \(Relu\)\n {4}x = \[ 1\. -0\.5\]: \(2,\) float64/);
    assert.match(text, /\nProgram output \(1 line\)\n {2}out: \[1\. 0\.\]\n/);
    assert.match(text, /\nResult: 1 of 1 gradient check failed\n$/);
  });

  test('an error comes first, with its line and traceback', () => {
    const report = sampleReport();
    report.error = { type: 'NameError', message: "name 'outt' is not defined", file: '/ws/relu.py', line: 13, traceback: 'Traceback (most recent call last):\n  File "/ws/relu.py", line 13, in <module>\nNameError: name \'outt\' is not defined\n' };
    const t = renderReportText(report);
    assert.match(t, /\n\nError: NameError: name 'outt' is not defined\n {2}at \/ws\/relu\.py, line 13\n {2}\| Traceback/);
    assert.ok(t.indexOf('Error:') < t.indexOf('Layers ('));
    assert.match(t, /Result: the program raised NameError at line 13\n$/);
    assert.equal(outcomeOf(report), 'raised');
  });

  test('the graph of the book\'s fruit example reads like the book\'s figure', () => {
    const file = path.resolve(__dirname, '..', '..', 'examples', 'buy_apple_orange.py');
    const r = inspectProgram({ text: fs.readFileSync(file, 'utf8'), filename: file }, {});
    assert.equal(r.kind, 'report');
    const t = renderReportText((r as Extract<typeof r, { kind: 'report' }>).report);
    assert.match(t, /\n {2}apple \(100\), apple_num \(2\) ─→ MulLayer apple_layer ─→ apple_cost \(200\)\n {6}gradients: dapple 2\.2, dapple_num 110\.00000000000001 ←─ dapple_cost 1\.1\n/);
    assert.match(t, /\n {2}subtotal \(650\), tax \(1\.1\) ─→ MulLayer tax_layer ─→ price \(715\.0000000000001\)\n {6}gradients: dsubtotal 1\.1, dtax 650 ←─ dprice 1\n/);
  });
});

describe('value formatting', () => {
  test('small values as printed, large arrays as shape and range', () => {
    assert.equal(briefValue(num(2.2)), '2.2');
    assert.equal(briefValue(arr([1, 2, 3, 4], [2, 2], '[[1. 2.]\n [3. 4.]]')), '[[1. 2.] [3. 4.]]');
    const big: ValueSummary = { kind: 'array', text: '[[...]]', dtype: 'float64', shape: [100, 784], min: -0.25, max: 1, ref: 'A1' };
    assert.equal(briefValue(big), '(100, 784) float64 in [-0.25, 1]');
    assert.equal(shortNumber(1.23e-16), '1.2e-16');
    assert.equal(shortNumber(0), '0');
  });
});

describe('checks over many calls', () => {
  test('the same check in every step of a loop is one line, with the worst error', () => {
    const report = sampleReport();
    const base = report.checks[0];
    report.checks = [1e-12, 3e-11, 2e-12].map((e) => ({ ...base, passed: true, explanation: undefined, relErrorAutomatic: 0, relErrorNumerical: e }));
    const text = renderReportText(report);
    assert.match(text, /\nGradient checks: 3 passed, 0 failed\n {2}✓ relu \(Relu\): d\/dx in 3 calls, worst relative error vs automatic 0, vs numerical 3\.0e-11\n\n/);
  });
});
