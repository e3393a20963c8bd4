// An elementwise layer's derivative two ways: the stepwise chain read from the forward's tape,
// the learner's simplified formula from the backward, whether they agree, and the symbolic
// derivation with mathjs (y(1−y) for a sigmoid, 1−y² for a tanh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectSource } from '../../src/engine/lens/inspect';
import { deriveSymbolic } from '../../src/engine/lens/symbolic';
import type { Derivation, LensReport } from '../../src/engine/lens/report';
import { parse } from 'mathjs';

/** The seed notebook's Sigmoid (Korean study notes), with its test code, as the learner wrote it. */
const SEED_SIGMOID = `import numpy as np

# Sigmoid 계층은 순전파 시 출력값을 저장해두고,
# 역전파 시 출력값을 이용해 미분값을 계산
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
        # 역전파
        dy_dt3 = -1 / (self.t3 ** 2)
        dt3_dt2 = 1
        dt2_dt1 = np.exp(self.t1)
        dt1_dx = -1

        # 각 단계별 계산값을 저장하여 연쇄 미분
        dx1 = dout * dy_dt3 * dt3_dt2 * dt2_dt1 * dt1_dx
        # 출력값만 저장해서 계산 (위 방법을 정리한 식)
        dx2 = dout * (1.0 - self.out) * self.out
        return dx1, dx2

# 테스트
sigmoid = Sigmoid()

x = np.array([0.5, 1.0, -0.5])
y1, y2 = sigmoid.forward(x)
print(f"순전파 출력: {y1}, {y2}")

dout = np.array([1.0, 1.0, 1.0])

print("\\n역전파 비교:")
dx1, dx2 = sigmoid.backward(dout)
print(f"역전파 출력: {dx1}, {dx2}")

print(f"\\n결과가 같은가? {np.allclose(dx1, dx2)}")
`;

function inspect(program: string): LensReport {
  return inspectSource(program, { filename: '/ws/seed.py' }).report;
}

/** The derivation of the layer with this class name. */
function derivationOf(report: LensReport, className: string): Derivation | undefined {
  const layer = report.layers.find((l) => l.className === className);
  assert.ok(layer, `no layer ${className}`);
  return report.derivations.find((d) => d.layer === layer.id);
}

test('the seed Sigmoid: out1\'s chain is the book\'s figure 5-19, ×(−1) → exp → +1 → 1/·', () => {
  const report = inspect(SEED_SIGMOID);
  assert.equal(report.error, undefined);
  const d = derivationOf(report, 'Sigmoid');
  assert.ok(d);
  const steps = d.stepwise.steps;
  assert.deepEqual(steps.map((s) => s.op), ['×(−1)', 'exp', '+1', '1/·']);
  assert.match(steps[3].op, /\//);
  // Each local derivative is written with the names the learner gave the intermediate values.
  assert.deepEqual(steps.map((s) => s.formula), ['-1', 'exp(t1)', '1', '-1/t3²']);
  assert.deepEqual(steps.map((s) => s.tex), ['-1', 'e^{t_{1}}', '1', '-\\frac{1}{t_{3}^{2}}']);
  assert.deepEqual(steps[0].local.data, [-1, -1, -1]);
  assert.equal(steps[1].local.text, '[0.60653066 0.36787944 1.64872127]');
  assert.equal(steps[3].local.text, '[-0.38745562 -0.53444665 -0.14253696]');
});

test('the seed Sigmoid: the chain and the simplified formula agree, and the layer\'s own (dx1, dx2) are paired', () => {
  const report = inspect(SEED_SIGMOID);
  assert.match(report.output.stdout, /역전파 출력: \[0\.23500371 0\.19661193 0\.23500371\], \[0\.23500371 0\.19661193 0\.23500371\]/);
  const d = derivationOf(report, 'Sigmoid') as Derivation;
  assert.deepEqual(d.pairedOutputs, [0, 1]);
  assert.equal(d.input.text, '[ 0.5  1.  -0.5]');
  assert.equal(d.stepwise.product.text, '[0.23500371 0.19661193 0.23500371]');
  assert.equal(d.simplified?.text, 'dout * (1.0 - self.out) * self.out');
  assert.equal(d.simplified?.line, 32);
  assert.equal(d.simplified?.value.text, '[0.23500371 0.19661193 0.23500371]');
  assert.equal(d.agree, true);
  assert.ok((d.maxAbsDiff as number) < 1e-15, `max diff ${d.maxAbsDiff}`);
  // The chain the tape saw is exactly the learner's dx1: dout times the local derivatives, from the output back.
  const backward = report.calls.find((c) => c.id === d.backwardCall);
  assert.deepEqual(d.stepwise.product.data, backward?.outputs[0].data);
});

test('the seed Sigmoid: mathjs differentiates 1/(1+exp(-x)) and the steps end in y(1-y)', () => {
  const d = derivationOf(inspect(SEED_SIGMOID), 'Sigmoid') as Derivation;
  const sym = d.symbolic;
  assert.ok(sym);
  assert.equal(sym.endsWith, 'y(1-y)');
  assert.deepEqual(sym.steps.map((s) => s.label.split(' ')[0]), ['forward', 'derivative', 'factor', 'rewrite', 'substitute']);
  assert.equal(sym.steps[0].expr, 'y = 1 / (1 + exp(-x))');
  assert.equal(sym.steps[0].tex, 'y = \\frac{1}{1+e^{-x}}');
  assert.equal(sym.steps[1].expr, 'dy/dx = exp(-x) / (exp(-x) + 1) ^ 2');
  assert.equal(sym.steps[2].expr, '= (1 / (exp(-x) + 1)) * (exp(-x) / (exp(-x) + 1))');
  assert.equal(sym.steps[3].expr, '= (1 / (exp(-x) + 1)) * (1 - 1 / (exp(-x) + 1))');
  assert.equal(sym.steps[4].expr, '= y * (1 - y)');
  assert.equal(sym.steps[4].tex, '= y\\cdot\\left(1-y\\right)');
  for (const s of sym.steps) assert.ok(s.tex.length > 0, `${s.label} has no TeX`);
});

test('a Sigmoid written in one line, whatever its class name, gets the same chain, in x', () => {
  const report = inspect(`import numpy as np
class Squash:
    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out
    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx

layer = Squash()
layer.forward(np.array([0.5, 1.0, -0.5]))
layer.backward(np.ones(3))
`);
  const d = derivationOf(report, 'Squash') as Derivation;
  assert.deepEqual(d.stepwise.steps.map((s) => s.op), ['×(−1)', 'exp', '+1', '1/·']);
  assert.deepEqual(d.stepwise.steps.map((s) => s.formula), ['-1', 'exp(-x)', '1', '-1/(1 + exp(-x))²']);
  assert.equal(d.pairedOutputs, undefined);
  assert.equal(d.simplified?.text, 'dout * (1.0 - self.out) * self.out');
  assert.equal(d.agree, true);
  assert.equal(d.symbolic?.endsWith, 'y(1-y)');
});

test('a Tanh layer: one step, tanh, and the symbolic steps end in 1-y^2', () => {
  const report = inspect(`import numpy as np
class Tanh:
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out
    def backward(self, dout):
        return dout * (1 - self.out ** 2)

t = Tanh()
t.forward(np.array([0.5, 1.0, -0.5]))
t.backward(np.ones(3))
`);
  const d = derivationOf(report, 'Tanh') as Derivation;
  assert.deepEqual(d.stepwise.steps.map((s) => [s.op, s.formula]), [['tanh', '1 - tanh(x)²']]);
  assert.equal(d.simplified?.text, 'dout * (1 - self.out ** 2)');
  assert.equal(d.agree, true);
  const sym = d.symbolic;
  assert.equal(sym?.endsWith, '1-y^2');
  assert.deepEqual(sym?.steps.map((s) => s.expr), ['y = tanh(x)', 'dy/dx = sech(x) ^ 2', '= 1 - tanh(x) ^ 2', '= 1 - y ^ 2']);
  assert.equal(sym?.steps[3].tex, '= 1-{y}^{2}');
});

test('a sigmoid backward with a planted bug (self.x for self.out) does not agree with the chain', () => {
  const buggy = SEED_SIGMOID.replace('dx2 = dout * (1.0 - self.out) * self.out', 'dx2 = dout * (1.0 - self.x) * self.x').replace('self.t1 = -x', 'self.x = x\n        self.t1 = -x');
  const d = derivationOf(inspect(buggy), 'Sigmoid') as Derivation;
  assert.equal(d.simplified?.text, 'dout * (1.0 - self.x) * self.x');
  assert.equal(d.simplified?.value.text, '[ 0.25  0.   -0.75]');
  assert.equal(d.stepwise.product.text, '[0.23500371 0.19661193 0.23500371]');
  assert.equal(d.agree, false);
  assert.ok((d.maxAbsDiff as number) > 0.9);
  // The forward is still a sigmoid: its derivation is still shown, correct.
  assert.equal(d.symbolic?.endsWith, 'y(1-y)');
});

test('layers that are not elementwise get no derivation: Affine (dot), ReLU writing through a mask (setitem)', () => {
  const report = inspect(`import numpy as np
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b
    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)

class Relu:
    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out
    def backward(self, dout):
        dout[self.mask] = 0
        return dout

a = Affine(np.ones((3, 2)), np.zeros(2))
r = Relu()
h = r.forward(a.forward(np.array([[0.5, 1.0, -0.5]])))
a.backward(r.backward(np.ones((1, 2))))
`);
  assert.equal(report.error, undefined);
  assert.equal(report.calls.filter((c) => c.method === 'backward').length, 2);
  assert.deepEqual(report.derivations, []);
});

test('other elementwise layers get the chain and just the derivative: softplus', () => {
  const report = inspect(`import numpy as np
class Softplus:
    def forward(self, x):
        self.x = x
        return np.log(1 + np.exp(x))
    def backward(self, dout):
        return dout / (1 + np.exp(-self.x))

s = Softplus()
s.forward(np.array([0.5, -1.5]))
s.backward(np.array([1.0, 2.0]))
`);
  const d = derivationOf(report, 'Softplus') as Derivation;
  assert.deepEqual(d.stepwise.steps.map((s) => [s.op, s.formula]), [['exp', 'exp(x)'], ['+1', '1'], ['log', '1/(1 + exp(x))']]);
  assert.equal(d.agree, true);
  assert.deepEqual(d.symbolic?.steps.map((s) => s.expr), ['y = log(1 + exp(x))', 'dy/dx = exp(x) / (exp(x) + 1)']);
  assert.equal(d.symbolic?.endsWith, undefined);
});

test('x reaching an operation twice (swish, x·σ(x)): the chain rule sums both paths', () => {
  const report = inspect(`import numpy as np
class Swish:
    def forward(self, x):
        self.x = x
        self.s = 1 / (1 + np.exp(-x))
        return x * self.s
    def backward(self, dout):
        return dout * (self.s + self.x * self.s * (1 - self.s))

s = Swish()
s.forward(np.array([0.5, 1.0, -0.5]))
s.backward(np.array([1.0, 1.0, 2.0]))
`);
  const d = derivationOf(report, 'Swish') as Derivation;
  assert.deepEqual(d.stepwise.steps.map((s) => s.op), ['×(−1)', 'exp', '+1', '1/·', '×']);
  assert.equal(d.stepwise.steps[4].formula, '∂/∂x: s; ∂/∂s: x');
  assert.equal(d.agree, true);
  assert.equal(d.symbolic?.steps[0].expr, 'y = x * (1 / (1 + exp(-x)))');
});

test('symbolic: a sigmoid written as exp(x)/(1+exp(x)) still reaches y(1-y), each step checked', () => {
  const sym = deriveSymbolic(parse('exp(x) / (1 + exp(x))'));
  assert.ok(sym);
  assert.equal(sym.endsWith, 'y(1-y)');
  assert.equal(sym.steps[sym.steps.length - 1].expr, '= y * (1 - y)');
  // exp(x) is neither form: just the derivative.
  const e = deriveSymbolic(parse('exp(x)'));
  assert.deepEqual(e?.steps.map((s) => s.expr), ['y = exp(x)', 'dy/dx = exp(x)']);
  assert.equal(e?.endsWith, undefined);
  // Something mathjs cannot differentiate gives nothing rather than something wrong.
  assert.equal(deriveSymbolic(parse('max(x, 0)')), null);
});
