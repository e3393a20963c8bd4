// Hover explanations (teach/recognise + teach/hoverText): recognition by structure (the seed's layers,
// renamed variants, a learner's own elementwise layer, code that is not layer code), both languages,
// live values from a real run, and mistakes the lens flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseSource, recognise, type Recognition } from '../../src/engine/teach/recognise';
import { hoverAt, hoverMarkdown } from '../../src/engine/teach/hoverText';
import { inspectSource } from '../../src/engine/lens/inspect';
import type { LensReport } from '../../src/engine/lens/report';

const SEED = fs.readFileSync(path.join(__dirname, '../fixtures/lens/layers_only.py'), 'utf8');

/** The recognition on the first line containing `text` (cursor on its first non-blank character). */
function at(source: string, text: string, nth = 0): Recognition | undefined {
  const lines = source.split('\n');
  const idx = lines.map((l, i) => (l.includes(text) ? i : -1)).filter((i) => i >= 0)[nth];
  assert.ok(idx !== undefined, `no line with ${text}`);
  const l = lines[idx];
  return recognise(source, { line: idx, col: l.length - l.trimStart().length + l.trim().indexOf(text.trim()) + 1 });
}

function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((l) => l.includes(text));
}

test('the seed layers: classes and kinds by structure', () => {
  const a = analyseSource(SEED);
  assert.deepEqual(a.layers.map((l) => [l.className, l.kind]), [
    ['AddLayer', 'add'], ['MulLayer', 'multiply'], ['Relu', 'relu'], ['Sigmoid', 'sigmoid'], ['Affine', 'affine'], ['SoftmaxWithLoss', 'softmax-with-loss'],
  ]);
  assert.equal(at(SEED, 'class Affine')?.topic, 'layer-class');
  assert.equal(at(SEED, 'def backward', 1)?.topic, 'backward-def');
});

test('the seed layers: caching and gradient lines', () => {
  const expect: [string, string, number?][] = [
    ['dx = dout * 1', 'add-grad'],
    ['dx = dout * self.y', 'mul-grad'],
    ['self.mask = (x <= 0)', 'cache-mask'],
    ['dout[self.mask] = 0', 'relu-grad'],
    ['self.t1 = -x', 'cache-intermediate'],
    ['out2 = 1 / (1 + np.exp(-x))', 'forward-sigmoid'],
    ['self.out = out2', 'cache-output'],
    ['dy_dt3 = -1 / (self.t3 ** 2)', 'local-derivative'],
    ['dx1 = dout * dy_dt3', 'chain-product'],
    ['dx2 = dout * (1.0 - self.out) * self.out', 'sigmoid-grad'],
    ['out = np.dot(x, self.W) + self.b', 'forward-affine'],
    ['dx = np.dot(dout, self.W.T)', 'affine-dx'],
    ['self.dW = np.dot(self.x.T, dout)', 'affine-dW'],
    ['self.db = np.sum(dout, axis=0)', 'affine-db'],
    ['batch_size = self.t.shape[0]', 'batch-size'],
    ['dx = (self.y - self.t) / batch_size', 'softmax-grad'],
  ];
  for (const [text, topic] of expect) assert.equal(at(SEED, text)?.topic, topic, text);
  const mul = at(SEED, 'dx = dout * self.y') as Recognition;
  assert.deepEqual([mul.names.wrt, mul.names.other], ['x', 'self.y']);
  assert.equal(at(SEED, 'dout[self.mask] = 0')?.suspect, 'dout-in-place');
  const cache = at(SEED, 'self.x = x', 1) as Recognition;
  assert.equal(cache.topic, 'cache-input');
  assert.equal(cache.className, 'Affine');
});

test('NumPy constructs under the cursor: axis, .T, broadcasting, nditer', () => {
  const lines = SEED.split('\n');
  const i = lineOf(SEED, 'np.sum(dout, axis=0)');
  const r = recognise(SEED, { line: i, col: lines[i].indexOf('axis') + 1 });
  assert.equal(r?.topic, 'np-axis');
  assert.equal(r?.names.target, 'self.db');
  const j = lineOf(SEED, 'self.W.T');
  assert.equal(recognise(SEED, { line: j, col: lines[j].indexOf('.T') + 1 })?.topic, 'np-transpose');
  const k = lineOf(SEED, '+ self.b');
  assert.equal(recognise(SEED, { line: k, col: lines[k].indexOf('self.b') + 2 })?.topic, 'np-broadcast');
  const grad = 'import numpy as np\ndef numerical_gradient(f, x):\n    it = np.nditer(x, flags=[\'multi_index\'])\n    return it\n';
  assert.equal(recognise(grad, { line: 2, col: 12 })?.topic, 'np-nditer');
  assert.equal(recognise(grad, { line: 3, col: 6 }), undefined);
});

const RENAMED = `
import numpy as np

class Gate:
    def __init__(self):
        self.cache = None
        self.other = None

    def forward(self, a, b):
        self.cache = a
        self.other = b
        return a * b

    def backward(self, grad_out):
        ga = grad_out * self.other
        gb = grad_out * self.cache
        return ga, gb

class Squash:
    def forward(self, z):
        e = np.exp(-z)
        self.s = 1.0 / (1.0 + e)
        return self.s

    def backward(self, g):
        return g * self.s * (1 - self.s)

class Dense:
    def __init__(self, weights, bias):
        self.w = weights
        self.bias = bias

    def forward(self, inp):
        self.inp = inp
        return inp @ self.w + self.bias

    def backward(self, g):
        self.gw = self.inp.T @ g
        self.gb = g.sum(axis=0)
        return g @ self.w.T

class Gate2:
    def forward(self, p, q):
        return p + q
    def backward(self, up):
        return up, up

class Clip:
    def forward(self, v):
        self.neg = v <= 0
        r = v.copy()
        r[self.neg] = 0
        return r
    def backward(self, up):
        g = up.copy()
        g[self.neg] = 0
        return g

class Tanhy:
    def forward(self, x):
        self.y = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
        return self.y
    def backward(self, d):
        return d * (1 - self.y ** 2)

class Square:
    def forward(self, x):
        self.x = x
        return x ** 2
    def backward(self, d):
        return d * 2 * self.x
`;

test('renamed variants and the learner’s own layers', () => {
  const a = analyseSource(RENAMED);
  assert.deepEqual(a.layers.map((l) => [l.className, l.kind]), [
    ['Gate', 'multiply'], ['Squash', 'sigmoid'], ['Dense', 'affine'], ['Gate2', 'add'], ['Clip', 'relu'], ['Tanhy', 'tanh'], ['Square', 'elementwise'],
  ]);
  const ga = at(RENAMED, 'ga = grad_out * self.other') as Recognition;
  assert.equal(ga.topic, 'mul-grad');
  assert.deepEqual([ga.names.dout, ga.names.other, ga.names.wrt], ['grad_out', 'self.other', 'a']);
  assert.equal(at(RENAMED, 'self.cache = a')?.topic, 'cache-input');
  assert.equal(at(RENAMED, 'return g * self.s * (1 - self.s)')?.topic, 'sigmoid-grad');
  assert.equal(at(RENAMED, 'self.gw = self.inp.T @ g')?.topic, 'affine-dW');
  assert.equal(at(RENAMED, 'self.gb = g.sum(axis=0)')?.topic, 'affine-db');
  assert.equal(at(RENAMED, 'return g @ self.w.T')?.topic, 'affine-dx');
  assert.equal(at(RENAMED, 'g[self.neg] = 0')?.topic, 'relu-grad');
  assert.equal(at(RENAMED, 'g[self.neg] = 0')?.suspect, undefined, 'a copy is written, not dout');
  assert.equal(at(RENAMED, 'return d * (1 - self.y ** 2)')?.topic, 'tanh-grad');
  const md = hoverMarkdown(at(RENAMED, 'class Square') as Recognition, { language: 'en' });
  assert.match(md, /elementwise layer/);
  assert.match(md, /f′\(x\)/);
});

test('static mistakes: the same input in a multiply layer, sum without axis', () => {
  const swapped = RENAMED.replace('ga = grad_out * self.other', 'ga = grad_out * self.cache');
  assert.equal(at(swapped, 'ga = grad_out * self.cache')?.suspect, 'mul-same-input');
  const noAxis = SEED.replace('np.sum(dout, axis=0)', 'np.sum(dout)');
  const r = at(noAxis, 'self.db = np.sum(dout)') as Recognition;
  assert.equal(r.suspect, 'sum-no-axis');
  assert.match(hoverMarkdown(r, { language: 'en' }), /axis=0/);
  assert.match(hoverMarkdown(r, { language: 'ko' }), /배치 축/);
});

test('quiet on code that is not layer code', () => {
  const plain = 'import numpy as np\nx = np.array([1.0, 2.0])\nfor i in range(3):\n    print(x * i)\n\nclass Config:\n    def forward(self, x):\n        return x * 2\n';
  const lines = plain.split('\n');
  for (let i = 0; i < lines.length; i++) for (let c = 0; c <= lines[i].length; c++) assert.equal(recognise(plain, { line: i, col: c }), undefined, `line ${i + 1} col ${c}`);
  // Blank and comment lines inside a layer are quiet too.
  assert.equal(recognise(SEED, { line: lineOf(SEED, '# 역전파'), col: 10 }), undefined);
});

test('a file that does not parse: its layer classes still get hovers', () => {
  const broken = `%matplotlib inline\n${SEED}\nprint(`;
  assert.equal(at(broken, 'dx = np.dot(dout, self.W.T)')?.topic, 'affine-dx');
});

test('both languages, with the seed’s terms', () => {
  const r = at(SEED, 'dx = np.dot(dout, self.W.T)') as Recognition;
  const en = hoverMarkdown(r, { language: 'en' });
  const ko = hoverMarkdown(r, { language: 'ko' });
  assert.match(en, /∂L\/∂x = ∂L\/∂Y · Wᵀ/);
  assert.match(en, /\(N,M\) · \(M,D\) → \(N,D\)/);
  assert.match(ko, /역전파/);
  assert.match(ko, /∂L\/∂x = ∂L\/∂Y · Wᵀ/);
  const cls = hoverMarkdown(at(SEED, 'class Sigmoid') as Recognition, { language: 'ko' });
  assert.match(cls, /연쇄법칙/);
  const bwd = hoverMarkdown(at(SEED, 'def backward', 0) as Recognition, { language: 'ko' });
  assert.match(bwd, /기울기/);
  assert.match(bwd, /국소적 미분/);
});

const FILE = '/ws/affine.py';
const AFFINE_RUN = `import numpy as np

class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout)
        return dx

class Relu:
    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx

np.random.seed(0)
layer = Affine(np.random.randn(3, 2), np.zeros(2))
relu = Relu()
h = relu.forward(layer.forward(np.random.randn(4, 3)))
dx = layer.backward(relu.backward(np.ones((4, 2))))
`;

function run(source: string): LensReport {
  const { report } = inspectSource(source, { filename: FILE });
  assert.equal(report.error, undefined, report.error?.traceback);
  return report;
}

test('live values after a real run, the check verdict and the panel link', () => {
  const report = run(AFFINE_RUN);
  const a = analyseSource(AFFINE_RUN);
  const lines = AFFINE_RUN.split('\n');
  const hov = (text: string, language: 'en' | 'ko' = 'en') => {
    const i = lineOf(AFFINE_RUN, text);
    return hoverAt(a, { line: i, col: lines[i].length - lines[i].trimStart().length + 1 }, { language, report, file: FILE, uri: 'file:///ws/affine.py' });
  };
  const dx = hov('dx = np.dot(dout, self.W.T)');
  assert.ok(dx);
  assert.match(dx.markdown, /last run: `\(4, 2\) · \(2, 3\) → \(4, 3\)`/);
  assert.match(dx.markdown, /✓ ∂L\/∂x \(line 13\)/);
  const node = report.graph.nodes.find((n) => n.layer === report.layers.find((l) => l.className === 'Affine')?.id)?.id as string;
  const link = `command:backpropLens.openInPanel?${encodeURIComponent(JSON.stringify([{ uri: 'file:///ws/affine.py', node }]))}`;
  assert.ok(dx.markdown.includes(link), dx.markdown);
  const cache = hov('self.x = x');
  assert.match(cache?.markdown ?? '', /\(4, 3\) float64/);
  assert.ok(hov('self.dW = np.dot(self.x.T, dout)', 'ko')?.markdown.includes('마지막 실행'));
});

test('mistakes the lens flagged: np.sum(dout) without axis, the in-place dout write', () => {
  const report = run(AFFINE_RUN);
  const db = report.checks.find((c) => c.target.name === 'b');
  assert.equal(db?.passed, false);
  assert.ok(report.hazards.some((h) => h.kind === 'dout-mutated'));
  const a = analyseSource(AFFINE_RUN);
  const lines = AFFINE_RUN.split('\n');
  const hov = (text: string, language: 'en' | 'ko') => {
    const i = lineOf(AFFINE_RUN, text);
    return hoverAt(a, { line: i, col: lines[i].length - lines[i].trimStart().length + 1 }, { language, report, file: FILE })?.markdown ?? '';
  };
  const en = hov('self.db = np.sum(dout)', 'en');
  assert.match(en, /✗ ∂L\/∂b/);
  assert.match(en, /Mistake here/);
  assert.match(en, /np\.sum\(dout, axis=0\)/);
  assert.match(hov('self.db = np.sum(dout)', 'ko'), /여기서의 실수[\s\S]*axis=0/);
  const relu = hov('dout[self.mask] = 0', 'en');
  assert.match(relu, /Mistake here[\s\S]*copy\(\)/);
  assert.match(hov('dout[self.mask] = 0', 'ko'), /dout\.copy\(\)/);
  // No hover text mentions a mistake on correct lines.
  assert.doesNotMatch(hov('dx = np.dot(dout, self.W.T)', 'en'), /Mistake/);
});

test('the hover range covers the statement, 0-based', () => {
  const i = lineOf(SEED, 'dx = np.dot(dout, self.W.T)');
  const r = recognise(SEED, { line: i, col: 10 }) as Recognition;
  assert.deepEqual(r.range, { line: i, col: 8, endLine: i, endCol: SEED.split('\n')[i].trimEnd().length });
});
