// The lens's gradient checks and hazards: each test is a small program a learner could write,
// inspected as the extension would (inspectSource), with assertions on report.checks / report.hazards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectSource } from '../../src/engine/lens/inspect';
import { relError, TOL_AUTOMATIC } from '../../src/engine/lens/checks';
import type { GradientCheck, LensReport } from '../../src/engine/lens/report';

function inspect(program: string): LensReport {
  const { report } = inspectSource(program, { filename: '/ws/x.py' });
  assert.equal(report.error, undefined, report.error?.traceback);
  return report;
}

/** The check of `layer`'s gradient with respect to `name` (by class name of the layer). */
function check(report: LensReport, className: string, name: string, kind: 'input' | 'param' = 'input'): GradientCheck {
  const ids = report.layers.filter((l) => l.className === className).map((l) => l.id);
  const c = report.checks.find((x) => ids.includes(x.layer) && x.target.name === name && x.target.kind === kind);
  assert.ok(c, `no check of ${className} ${kind} ${name}; checks: ${report.checks.map((x) => `${x.layer}:${x.target.name}`).join(', ')}`);
  return c;
}

/** The 1-based line of the first line of `program` containing `text`. */
function lineOf(program: string, text: string): number {
  const i = program.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `no line with ${text}`);
  return i + 1;
}

const AFFINE = `
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
`;

const SOFTMAX_WITH_LOSS = `
class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx
`;

const RELU = `
class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx
`;

test('Affine followed by SoftmaxWithLoss (one-hot labels): every gradient agrees with the automatic one', () => {
  const program = `import numpy as np
from common.functions import softmax, cross_entropy_error
${AFFINE}${SOFTMAX_WITH_LOSS}
np.random.seed(0)
affine = Affine(np.random.randn(4, 3), np.random.randn(3))
loss_layer = SoftmaxWithLoss()
x = np.random.randn(2, 4)
t = np.array([[0, 0, 1], [1, 0, 0]])
loss = loss_layer.forward(affine.forward(x), t)
dx = affine.backward(loss_layer.backward())
`;
  const report = inspect(program);
  assert.equal(report.checks.length, 4);
  for (const c of report.checks) {
    assert.equal(c.passed, true, `${c.target.name}: ${c.explanation?.text}`);
    assert.equal(c.verdictBy, 'automatic');
    assert.ok((c.relErrorAutomatic as number) < TOL_AUTOMATIC, `${c.target.name}: ${c.relErrorAutomatic}`);
    assert.ok((c.relErrorNumerical as number) < 1e-5, `${c.target.name}: ${c.relErrorNumerical}`);
    assert.equal(c.h, 1e-5);
  }
  const dW = check(report, 'Affine', 'W', 'param');
  assert.equal(dW.line, lineOf(program, 'self.dW = np.dot(self.x.T, dout)'));
  assert.deepEqual(dW.learner?.shape, [4, 3]);
  assert.deepEqual(dW.automatic?.shape, [4, 3]);
  assert.equal(check(report, 'Affine', 'b', 'param').line, lineOf(program, 'self.db = np.sum(dout, axis=0)'));
  assert.equal(check(report, 'Affine', 'x').line, lineOf(program, 'dx = np.dot(dout, self.W.T)'));
  // The loss layer: the gradient of the loss with respect to the scores, through softmax and the log.
  const scores = check(report, 'SoftmaxWithLoss', 'x');
  assert.equal(scores.line, lineOf(program, 'dx = (self.y - self.t) / batch_size'));
  assert.ok(scores.notes?.some((n) => n.includes('guard against log(0)')));
});

test('SoftmaxWithLoss with class labels (dx[np.arange(n), t] -= 1) passes', () => {
  const program = `import numpy as np
from common.functions import softmax, cross_entropy_error
${SOFTMAX_WITH_LOSS}
layer = SoftmaxWithLoss()
scores = np.array([[0.3, 2.9, 4.0], [0.1, -1.0, 0.5], [2.0, 2.0, 0.0]])
loss = layer.forward(scores, np.array([2, 0, 1]))
dx = layer.backward(1)
`;
  const c = check(inspect(program), 'SoftmaxWithLoss', 'x');
  assert.equal(c.passed, true, c.explanation?.text);
  assert.ok((c.relErrorAutomatic as number) < 1e-7);
  assert.equal(c.line, lineOf(program, 'dx = dx / batch_size'));
});

test("the seed notebook's layers pass, the Sigmoid's two derivations each through its own output", () => {
  const report = inspect(SEED_LAYERS);
  assert.equal(report.checks.length, 6);
  for (const c of report.checks) {
    assert.equal(c.passed, true, `${c.layer} ${c.target.name}: ${c.explanation?.text}`);
    assert.ok((c.relErrorAutomatic as number) < 1e-7);
    assert.ok((c.relErrorNumerical as number) < 1e-5);
  }
  const sigmoid = report.checks.filter((c) => c.layer === report.layers.find((l) => l.className === 'Sigmoid')?.id);
  assert.deepEqual(sigmoid.map((c) => [c.target.name, c.output, c.line]), [
    ['x', 0, lineOf(SEED_LAYERS, 'dx1 = dout * dy_dt3')],
    ['x', 1, lineOf(SEED_LAYERS, 'dx2 = dout * (1.0 - self.out) * self.out')],
  ]);
});

test('MulLayer and AddLayer on Python numbers (the apple example) pass', () => {
  const program = `
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy

class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy

mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
price = mul_tax.forward(add.forward(mul_apple.forward(100, 2), mul_orange.forward(150, 3)), 1.1)
dall, dtax = mul_tax.backward(1)
dapple_price, dorange_price = add.backward(dall)
dapple, dapple_num = mul_apple.backward(dapple_price)
print(dapple, dapple_num, dtax)
`;
  const report = inspect(program);
  assert.equal(report.output.stdout, '2.2 110.00000000000001 650\n');
  // Three backward calls (mul_orange's backward is not called), two inputs each.
  assert.equal(report.checks.length, 6);
  for (const c of report.checks) assert.equal(c.passed, true, `${c.layer} ${c.target.name}: ${c.explanation?.text}`);
  const add = report.checks.filter((c) => c.layer === report.layers.find((l) => l.className === 'AddLayer')?.id);
  assert.deepEqual(add.map((c) => c.line), [lineOf(program, 'dx = dout * 1'), lineOf(program, 'dy = dout * 1')]);
  assert.equal(check(report, 'MulLayer', 'x').learner?.kind, 'float');
});

test('planted bug: `self.db = np.sum(dout)` without axis=0', () => {
  const program = `import numpy as np
${AFFINE.replace('self.db = np.sum(dout, axis=0)', 'self.db = np.sum(dout)')}
np.random.seed(0)
layer = Affine(np.random.randn(2, 3), np.random.randn(3))
out = layer.forward(np.random.randn(4, 2))
dx = layer.backward(np.ones_like(out))
`;
  const report = inspect(program);
  const db = check(report, 'Affine', 'b', 'param');
  assert.equal(db.passed, false);
  assert.equal(db.line, lineOf(program, 'self.db = np.sum(dout)'));
  assert.equal(db.explanation?.code, 'sum-axis');
  assert.match(db.explanation?.text ?? '', /^`self\.db = np\.sum\(dout\)` sums over every axis; the gradient of `\+ b` needs `axis=0`/);
  assert.match(db.explanation?.text ?? '', /\(3,\), not \(\)/);
  assert.deepEqual(db.learner?.data, [12]);
  assert.equal(check(report, 'Affine', 'W', 'param').passed, true);
  assert.equal(check(report, 'Affine', 'x').passed, true);
});

test('planted bug: Affine backward without `.T` raises a shape error, reported at its line', () => {
  const program = `import numpy as np
${AFFINE.replace('dx = np.dot(dout, self.W.T)', 'dx = np.dot(dout, self.W)')}
np.random.seed(0)
layer = Affine(np.random.randn(2, 3), np.random.randn(3))
out = layer.forward(np.random.randn(4, 2))
try:
    dx = layer.backward(np.random.randn(4, 3))
except ValueError as e:
    print("backward failed:", e)
`;
  const report = inspect(program);
  const dx = check(report, 'Affine', 'x');
  assert.equal(dx.passed, false);
  assert.equal(dx.verdictBy, 'none');
  assert.equal(dx.line, lineOf(program, 'dx = np.dot(dout, self.W)'));
  assert.equal(dx.explanation?.code, 'backward-raised');
  assert.match(dx.explanation?.text ?? '', /ValueError: shapes \(4,3\) and \(2,3\) not aligned/);
  assert.match(dx.explanation?.text ?? '', /the local derivative of `x·W` with respect to x is `dout·Wᵀ`/i);
  // The automatic and numerical gradients are still there, to compare with.
  assert.deepEqual(dx.automatic?.shape, [4, 2]);
  assert.deepEqual(dx.numerical?.shape, [4, 2]);
  // backward stopped before the parameters' gradients.
  assert.match(check(report, 'Affine', 'W', 'param').explanation?.text ?? '', /before it produced the gradient for W/);
});

test('planted bug: without `.T` on a square W the value is wrong, and the line and local derivative are named', () => {
  const program = `import numpy as np
${AFFINE.replace('dx = np.dot(dout, self.W.T)', 'dx = np.dot(dout, self.W)')}
np.random.seed(0)
layer = Affine(np.random.randn(3, 3), np.random.randn(3))
out = layer.forward(np.random.randn(4, 3))
dx = layer.backward(np.random.randn(4, 3))
`;
  const dx = check(inspect(program), 'Affine', 'x');
  assert.equal(dx.passed, false);
  assert.ok((dx.relErrorAutomatic as number) > 0.1);
  assert.equal(dx.line, lineOf(program, 'dx = np.dot(dout, self.W)'));
  assert.equal(dx.explanation?.code, 'dot-transpose');
  assert.match(dx.explanation?.text ?? '', /the local derivative of `x·W` with respect to x is `dout·Wᵀ`: `np\.dot\(dout, self\.W\.T\)`/);
});

test('planted bug: Sigmoid backward uses the input self.x instead of the output self.out', () => {
  const program = `import numpy as np

class Sigmoid:
    def __init__(self):
        self.x = None
        self.out = None

    def forward(self, x):
        self.x = x
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.x) * self.x
        return dx

s = Sigmoid()
y = s.forward(np.array([[0.5, -1.0], [2.0, 0.1]]))
dx = s.backward(np.array([[1.0, 0.5], [-0.3, 2.0]]))
`;
  const c = check(inspect(program), 'Sigmoid', 'x');
  assert.equal(c.passed, false);
  assert.equal(c.line, lineOf(program, 'dx = dout * (1.0 - self.x) * self.x'));
  assert.equal(c.explanation?.code, 'sigmoid-input');
  assert.match(c.explanation?.text ?? '', /the local derivative of σ is y\(1−y\) with y the forward output `self\.out`, not the input/);
});

test('planted bug: ReLU masks the wrong side (`dout[~self.mask] = 0`)', () => {
  const program = `import numpy as np
${RELU.replace('dout[self.mask] = 0', 'dout[~self.mask] = 0')}
r = Relu()
out = r.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]))
dx = r.backward(np.array([[0.1, 0.2], [0.3, 0.4]]))
`;
  const c = check(inspect(program), 'Relu', 'x');
  assert.equal(c.passed, false);
  assert.equal(c.line, lineOf(program, 'dout[~self.mask] = 0'));
  assert.equal(c.explanation?.code, 'relu-side');
  assert.match(c.explanation?.text ?? '', /^ReLU passes the gradient where the input was positive/);
});

test('planted bug: ReLU whose mask means x > 0 but is used as the blocked side', () => {
  const program = `import numpy as np

class Relu:
    def forward(self, x):
        self.mask = (x > 0)
        return x * self.mask

    def backward(self, dout):
        dout[self.mask] = 0
        return dout

r = Relu()
out = r.forward(np.array([1.0, -0.5, -2.0, 3.0]))
dx = r.backward(np.array([0.1, 0.2, 0.3, 0.4]))
`;
  const c = check(inspect(program), 'Relu', 'x');
  assert.equal(c.passed, false);
  assert.equal(c.line, lineOf(program, 'dout[self.mask] = 0'));
  assert.equal(c.explanation?.code, 'relu-side');
});

test('planted bug: MulLayer returns `dout * self.x` for dx', () => {
  const program = `
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.x
        dy = dout * self.x
        return dx, dy

mul_apple_layer = MulLayer()
apple_price = mul_apple_layer.forward(100, 2)
dapple, dapple_num = mul_apple_layer.backward(1.1)
`;
  const report = inspect(program);
  const dx = check(report, 'MulLayer', 'x');
  assert.equal(dx.passed, false);
  assert.equal(dx.line, lineOf(program, 'dx = dout * self.x'));
  assert.equal(dx.explanation?.code, 'mul-swap');
  assert.equal(dx.explanation?.text, 'dx of MulLayer: you returned `dout * self.x` (line 14); the gradient with respect to x is the other input, `dout * self.y`.');
  assert.equal(check(report, 'MulLayer', 'y').passed, true);
});

test("hazard: ReLU's backward writes into dout, which corrupts a gradient that branches", () => {
  const program = `import numpy as np
${RELU}
relu_a, relu_b = Relu(), Relu()
x = np.array([1.0, -1.0, 2.0])
a = relu_a.forward(x)
b = relu_b.forward(-x)
dout = np.ones(3)
da = relu_a.backward(dout)
db = relu_b.backward(dout)
print(db)
`;
  const report = inspect(program);
  // relu_b received dout = [1, 0, 1], already zeroed by relu_a: it passes 0 where it should pass 1.
  // Its own check cannot see that (it was handed that dout); the hazard names the cause.
  assert.equal(report.output.stdout, '[0. 0. 0.]\n');
  const hazards = report.hazards.filter((h) => h.kind === 'dout-mutated');
  assert.equal(hazards.length, 2);
  const h = hazards[0];
  assert.equal(h.span?.line, lineOf(program, 'dout[self.mask] = 0'));
  assert.match(h.message, /writes into its argument `dout`/);
  assert.match(h.message, /the second layer receives it already zeroed/);
  assert.match(h.message, /dx = dout\.copy\(\)/);
});

test('hazard: forward caches an array the caller then changes in place', () => {
  const program = `import numpy as np
${AFFINE}
layer = Affine(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.zeros(2))
x = np.array([[1.0, 2.0, 3.0]])
out = layer.forward(x)
x += 1.0
dx = layer.backward(np.ones((1, 2)))
`;
  const report = inspect(program);
  const h = report.hazards.find((z) => z.kind === 'cached-input-mutated');
  assert.ok(h);
  assert.equal(h.span?.line, lineOf(program, 'self.x = x'));
  assert.match(h.message, /caches `self\.x`/);
  const dW = check(report, 'Affine', 'W', 'param');
  assert.equal(dW.passed, false);
  assert.equal(dW.explanation?.code, 'stale-cache');
});

test('a 784-50-10 TwoLayerNet, one gradient() after a loss: quick, sampled, and every check passes', () => {
  const t0 = Date.now();
  const report = inspect(TWO_LAYER_NET);
  const ms = Date.now() - t0;
  assert.ok(ms < 5000, `${ms} ms`);
  assert.equal(report.checks.length, 8);
  for (const c of report.checks) {
    assert.equal(c.passed, true, `${c.layer} ${c.target.name}: ${c.explanation?.text}`);
    assert.ok((c.relErrorAutomatic as number) < 1e-7);
    assert.ok((c.relErrorNumerical as number) < 1e-5, `${c.target.name}: ${c.relErrorNumerical}`);
  }
  const w1 = report.checks.find((c) => c.target.name === 'W' && c.learner?.shape?.[0] === 784) as GradientCheck;
  assert.equal(w1.numericalPositions?.length, 100);
  assert.deepEqual(w1.numerical?.shape, [100]);
  assert.ok(w1.numericalPositions?.every((p, i, a) => p >= 0 && p < 784 * 50 && (i === 0 || p > a[i - 1])));
  // Spread over the array, not bunched at its start.
  assert.ok((w1.numericalPositions?.[99] ?? 0) > 784 * 50 * 0.9);
  assert.equal(report.hazards.filter((h) => h.kind === 'dout-mutated').length, 1);
});

test('replays print nothing and leave the learner\'s objects as they were', () => {
  const program = `import numpy as np
log = []

class Scale:
    def __init__(self):
        self.calls = 0
        self.w = np.array([2.0, 3.0])

    def forward(self, x):
        self.calls += 1
        log.append(self.calls)
        print("forward", self.calls)
        self.x = x
        return x * self.w

    def backward(self, dout):
        self.dw = np.sum(dout * self.x, axis=0)
        return dout * self.w

s = Scale()
y = s.forward(np.array([[1.0, -1.0], [0.5, 4.0]]))
dx = s.backward(np.ones((2, 2)))
`;
  const { report, lens } = inspectSource(program, { filename: '/ws/x.py' });
  assert.equal(report.output.stdout, 'forward 1\n');
  assert.equal(check(report, 'Scale', 'x').passed, true);
  assert.equal(check(report, 'Scale', 'w', 'param').passed, true);
  const main = lens.session.main.dict;
  assert.equal(lens.session.interp.repr(main.get('log') ?? null), '[1]');
  assert.equal(lens.session.interp.repr(lens.session.interp.getAttr(main.get('s') ?? null, 'calls')), '1');
  assert.equal(lens.session.interp.repr(lens.session.interp.getAttr(main.get('s') ?? null, 'w')), 'array([2., 3.])');
});

test('max routes the gradient to the first maximum; indexing with repeats adds up', () => {
  const program = `import numpy as np

class RowMax:
    def forward(self, x):
        self.x = x
        return np.max(x, axis=1)

    def backward(self, dout):
        dx = np.zeros_like(self.x)
        dx[np.arange(self.x.shape[0]), np.argmax(self.x, axis=1)] = dout
        return dx

class Pick:
    def forward(self, x):
        self.x = x
        return x[np.array([0, 0, 2])] * 3.0

    def backward(self, dout):
        dx = np.zeros_like(self.x)
        dx[0] = 3.0 * (dout[0] + dout[1])
        dx[2] = 3.0 * dout[2]
        return dx

m = RowMax()
m.forward(np.array([[1.0, 5.0, 5.0], [2.0, -1.0, 0.0]]))
m.backward(np.array([1.5, -2.0]))
p = Pick()
p.forward(np.array([1.0, 2.0, 3.0]))
p.backward(np.array([1.0, 10.0, 100.0]))
`;
  const report = inspect(program);
  const m = check(report, 'RowMax', 'x');
  assert.equal(m.passed, true, m.explanation?.text);
  assert.deepEqual(m.automatic?.data, [0, 1.5, 0, -2, 0, 0]);
  // The tie 5 = 5 is a kink: the numerical gradient there is left out.
  assert.deepEqual(m.kinks, [1, 2]);
  const p = check(report, 'Pick', 'x');
  assert.equal(p.passed, true, p.explanation?.text);
  assert.deepEqual(p.automatic?.data, [33, 0, 300]);
});

test('an operation without a derivative rule makes the automatic gradient unavailable, never wrong', () => {
  const program = `import numpy as np

class CumSum:
    def forward(self, x):
        return np.cumsum(x)

    def backward(self, dout):
        return np.cumsum(dout[::-1])[::-1]

c = CumSum()
c.forward(np.array([1.0, 2.0, 3.0]))
c.backward(np.array([1.0, 0.5, 2.0]))
`;
  const c = check(inspect(program), 'CumSum', 'x');
  assert.equal(c.automatic, undefined);
  assert.match(c.unavailable?.automatic ?? '', /no derivative rule for the operation `cumsum` at line 5/);
  assert.equal(c.verdictBy, 'numerical');
  assert.equal(c.passed, true);
});

test('random forwards (Dropout) are checked against the automatic gradient only', () => {
  const program = `import numpy as np

class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask

np.random.seed(1)
d = Dropout()
d.forward(np.random.randn(3, 4))
d.backward(np.ones((3, 4)))
`;
  const c = check(inspect(program), 'Dropout', 'x');
  assert.equal(c.passed, true);
  assert.equal(c.verdictBy, 'automatic');
  assert.match(c.unavailable?.numerical ?? '', /different result each time/);
});

test('relative errors: elementwise against the automatic gradient, relative to the largest element against the numerical one', () => {
  assert.equal(relError([1, 2], [1, 2], 1e-6).value, 0);
  assert.equal(relError([1, -2], [1, 2], 1e-6).value, 2);
  // A small element counts on its own...
  assert.ok(Math.abs(relError([1000, 1e-3], [1000, 2e-3], 1e-6).value - 0.5) < 1e-12);
  // ...unless it is below a millionth of the largest, where rounding noise is not an error.
  assert.ok(Math.abs(relError([1000, 1e-12], [1000, 2e-12], 1e-6).value - 1e-9) < 1e-20);
  // Normwise: the largest difference over the largest element.
  assert.ok(Math.abs(relError([1000, 1e-3], [1000, 2e-3], 1).value - 1e-6) < 1e-15);
});

const TWO_LAYER_NET = `import numpy as np
from collections import OrderedDict
from common.functions import softmax, cross_entropy_error
${RELU}${AFFINE}${SOFTMAX_WITH_LOSS}

class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.lastLayer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W2'], grads['b2'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads

np.random.seed(0)
network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
x_batch = np.random.rand(3, 784)
t_batch = np.zeros((3, 10))
t_batch[np.arange(3), np.array([3, 7, 1])] = 1
print("loss", network.loss(x_batch, t_batch))
grads = network.gradient(x_batch, t_batch)
`;

const SEED_LAYERS = `# The seed notebook's code cells, in order, as one script.
class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy

class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy

class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0

        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout

        return dx


import numpy as np

class Sigmoid:
    def __init__(self):
        self.t1 = None
        self.t2 = None
        self.t3 = None

        self.out = None

    def forward(self, x):
        self.t1 = -x
        self.t2 = np.exp(self.t1)
        self.t3 = 1 + self.t2
        out1 = 1 / self.t3
        out2 = 1 / (1 + np.exp(-x))
        self.out = out2
        return out1, out2

    def backward(self, dout):
        dy_dt3 = -1 / (self.t3 ** 2)
        dt3_dt2 = 1
        dt2_dt1 = np.exp(self.t1)
        dt1_dx = -1

        dx1 = dout * dy_dt3 * dt3_dt2 * dt2_dt1 * dt1_dx
        dx2 = dout * (1.0 - self.out) * self.out
        return dx1, dx2

sigmoid = Sigmoid()

x = np.array([0.5, 1.0, -0.5])
y1, y2 = sigmoid.forward(x)
dout = np.array([1.0, 1.0, 1.0])
dx1, dx2 = sigmoid.backward(dout)
print(f"same? {np.allclose(dx1, dx2)}")

class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx

from common.functions import softmax, cross_entropy_error
class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = (self.y - self.t) / batch_size

        return dx

W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
b = np.array([0.1, -0.1, 0.0])
affine = Affine(W, b)
x2 = np.array([[1.0, 2.0], [-1.0, 0.5]])
out = affine.forward(x2)
loss_layer = SoftmaxWithLoss()
t = np.array([[0, 0, 1], [1, 0, 0]])
loss = loss_layer.forward(out, t)
dout = loss_layer.backward()
dx = affine.backward(dout)
`;
