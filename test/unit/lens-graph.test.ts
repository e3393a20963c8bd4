// The layer graph of a run: the book's apples-and-oranges figure (5.4.2), rebuilt from the calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traceSource } from '../../src/engine/lens/inspect';

const APPLES_AND_ORANGES = `class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1


apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
mul_apple_layer, mul_orange_layer = MulLayer(), MulLayer()
add_apple_orange_layer, mul_tax_layer = AddLayer(), MulLayer()

apple_price = mul_apple_layer.forward(apple, apple_num)
orange_price = mul_orange_layer.forward(orange, orange_num)
all_price = add_apple_orange_layer.forward(apple_price, orange_price)
price = mul_tax_layer.forward(all_price, tax)

dprice = 1
dall_price, dtax = mul_tax_layer.backward(dprice)
dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
dorange, dorange_num = mul_orange_layer.backward(dorange_price)
dapple, dapple_num = mul_apple_layer.backward(dapple_price)
`;

test('apples and oranges: four layers, the five inputs, and the price', () => {
  const { report } = traceSource(APPLES_AND_ORANGES, { filename: '/ws/buy_apple_orange.py' });
  const byKind = (kind: string) => report.graph.nodes.filter((n) => n.kind === kind).map((n) => n.label);
  assert.deepEqual(byKind('layer'), ['MulLayer', 'MulLayer', 'AddLayer', 'MulLayer']);
  assert.deepEqual(byKind('input').sort(), ['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
  assert.deepEqual(byKind('output'), ['price']);
  assert.deepEqual(report.layers.map((l) => [l.label, l.kind]), [
    ['mul_apple_layer', 'multiply'], ['mul_orange_layer', 'multiply'], ['add_apple_orange_layer', 'add'], ['mul_tax_layer', 'multiply'],
  ]);
});

test('apples and oranges: forward values and gradients on the edges, as in the book\'s figure', () => {
  const { report } = traceSource(APPLES_AND_ORANGES, { filename: '/ws/buy_apple_orange.py' });
  const edges = Object.fromEntries(report.graph.edges.map((e) => [e.label, [e.forward.text, e.gradient?.text]]));
  assert.deepEqual(edges, {
    apple: ['100', '2.2'],
    apple_num: ['2', '110.00000000000001'],
    orange: ['150', '3.3000000000000003'],
    orange_num: ['3', '165.0'],
    apple_price: ['200', '1.1'],
    orange_price: ['450', '1.1'],
    all_price: ['650', '1.1'],
    tax: ['1.1', '650'],
    price: ['715.0000000000001', '1'],
  });
});

test('each layer call records its arguments, its result and what it cached on self', () => {
  const { report } = traceSource(APPLES_AND_ORANGES, { filename: '/ws/buy_apple_orange.py' });
  const first = report.calls[0];
  assert.equal(first.method, 'forward');
  assert.deepEqual(first.args.map((a) => [a.name, a.expr, a.value.text]), [['x', 'apple', '100'], ['y', 'apple_num', '2']]);
  assert.deepEqual(first.outputs.map((o) => o.text), ['200']);
  assert.deepEqual(first.cache.map((c) => [c.name, c.value.text]), [['x', '100'], ['y', '2']]);
  assert.equal(first.site.line, 27);
  const backward = report.calls.find((c) => c.method === 'backward' && c.layer === first.layer);
  assert.equal(backward?.forward, first.id);
  assert.deepEqual(backward?.outputs.map((o) => o.text), ['2.2', '110.00000000000001']);
});
