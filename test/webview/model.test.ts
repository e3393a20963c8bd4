// The panel's model of a report, without a browser: the opened Sigmoid, the chain rule's
// numbers at a node, and what the stepper knows at each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainAtLayer } from '../../webview/model/chain';
import { indexReport } from '../../webview/model/index';
import { layoutGraph } from '../../webview/model/layout';
import { momentAt } from '../../webview/model/steps';
import { opLabel, outputValues, tapeGradients, valueMap } from '../../webview/model/tape';
import { fmtNumber, preview } from '../../webview/format';
import { inspectFixture } from './harness';

const measure = (text: string) => text.length * 7;

test('the seed\'s Sigmoid forward tape reads ×(−1) → exp → +1 → / (twice: out1 and out2)', () => {
  const { report } = inspectFixture('seed_layers.py');
  const call = report.calls.find((c) => report.layers.find((l) => l.id === c.layer)?.kind === 'sigmoid' && c.method === 'forward');
  const tape = report.tapes.find((t) => t.call === call?.id);
  assert.ok(tape);
  const values = valueMap(tape);
  assert.deepEqual(tape.ops.map((o) => opLabel(o, values)), ['×(−1)', 'exp', '+1', '/', '×(−1)', 'exp', '+1', '/']);
  const outs = outputValues(tape, call?.outputs ?? []);
  assert.deepEqual(outs, [tape.ops[3].output, tape.ops[7].output]);
  // Back through the first chain from dout = 1: the gradient at x is σ'(x).
  const g = tapeGradients(tape, new Map([[outs[0] as string, [1, 1, 1]]]));
  const x = tape.values.find((v) => v.origin?.kind === 'arg')?.id ?? '';
  assert.deepEqual(g.grad.get(x)?.map(fmtNumber), ['0.23500371', '0.19661193', '0.23500371']);
});

test('the apples-and-oranges graph lays out left to right with values on its edges', () => {
  const ix = indexReport(inspectFixture('buy_apple_orange.py').report);
  const layout = layoutGraph(ix, new Set(), measure);
  const x = (label: string) => layout.nodes.find((n) => n.label === label || n.sub === label)?.x ?? NaN;
  assert.ok(x('apple') < x('apple_layer') && x('apple_layer') < x('sum_layer') && x('sum_layer') < x('tax_layer') && x('tax_layer') < x('price'));
  const apple = layout.edges.find((e) => e.graphEdge === ix.report.graph.edges.find((g) => g.label === 'apple')?.id);
  assert.equal(apple?.forward, '100');
  assert.equal(apple?.gradient, '2.2');
});

test('the chain rule at apple_layer: 1.1 × 2 = 2.2 for apple, 1.1 × 100 = 110 for apple_num', () => {
  const ix = indexReport(inspectFixture('buy_apple_orange.py').report);
  const node = ix.report.graph.nodes.find((n) => n.layer && ix.layer.get(n.layer)?.label === 'apple_layer');
  assert.ok(node);
  const chain = chainAtLayer(ix, node);
  assert.deepEqual(chain?.rows.map((r) => [r.target, r.upstream, r.local, r.expected?.map((v) => Number(v.toPrecision(12))), r.agrees]), [
    ['apple', [1.1], [2], [2.2], true],
    ['apple_num', [1.1], [100], [110], true],
  ]);
});

test('the chain rule at the buggy Affine: db differs (x and dW are too large to carry their data)', () => {
  const ix = indexReport(inspectFixture('affine_bug.py').report);
  const node = ix.report.graph.nodes.find((n) => n.kind === 'layer');
  assert.ok(node);
  const rows = chainAtLayer(ix, node)?.rows ?? [];
  assert.deepEqual(rows.map((r) => [r.target, r.kind, r.agrees]), [['x', 'input', undefined], ['W', 'param', undefined], ['b', 'param', false]]);
});

test('stepping: forward values appear as layers run forward, gradients as they run backward', () => {
  const ix = indexReport(inspectFixture('buy_apple_orange.py').report);
  const price = ix.report.graph.edges.find((e) => e.label === 'price')?.id ?? '';
  const apple = ix.report.graph.edges.find((e) => e.label === 'apple')?.id ?? '';
  const at = (i: number) => momentAt(ix, i);
  assert.equal(at(0)?.forwardKnown(apple), true);
  assert.equal(at(0)?.forwardKnown(price), false);
  assert.equal(at(3)?.forwardKnown(price), true);
  assert.equal(at(3)?.gradientKnown(price), false);
  assert.equal(at(4)?.gradientKnown(price), true);
  assert.equal(at(4)?.gradientKnown(apple), false);
  assert.equal(at(7)?.gradientKnown(apple), true);
  assert.equal(at(8), undefined);
});

test('values in a few characters', () => {
  assert.equal(preview({ kind: 'float', text: '715.0000000000001', data: [715.0000000000001] }), '715');
  assert.equal(preview({ kind: 'array', text: '', shape: [2, 3], data: [1, 1.1, 1.5, 0.2, -0.05, 0] }), '(2, 3) [1 1.1 1.5 …]');
  assert.equal(fmtNumber(0.2350037122015945), '0.23500371');
  assert.equal(fmtNumber(110.00000000000001), '110');
});
