// Synthesized inputs: code that defines layer classes but calls none runs on a driver the lens
// writes, seeded and visible, and the report says what was made up and why.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { inspectProgram } from '../../src/engine/lens/program';
import type { LensReport } from '../../src/engine/lens/report';
import { nodeHostFs } from '../../src/host/nodeHostFs';

const root = path.resolve(__dirname, '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'lens', 'layers_only.py');

function inspect(text: string, filename = '/ws/layers.py'): LensReport {
  const r = inspectProgram({ text, filename }, { fs: nodeHostFs });
  assert.equal(r.kind, 'report');
  return (r as Extract<typeof r, { kind: 'report' }>).report;
}

const entry = (report: LensReport, label: string, name: string) => {
  const layer = report.layers.find((l) => l.label === label);
  assert.ok(layer, `a layer labelled ${label}`);
  const e = report.synthesized?.find((s) => s.layer === layer.id && s.name === name);
  assert.ok(e, `${label}.${name} was synthesized`);
  return e;
};

describe('synthesized inputs for the seed notebook\'s layer classes', () => {
  const text = fs.readFileSync(fixture, 'utf8');
  const report = inspect(text, fixture);

  test('every layer class is built, run forward, then backward, without an error', () => {
    assert.equal(report.error, undefined, report.output.stderr);
    assert.deepEqual(report.layers.map((l) => `${l.className} ${l.label}`), [
      'AddLayer add_layer', 'MulLayer mul_layer', 'Relu relu', 'Sigmoid sigmoid', 'Affine affine', 'SoftmaxWithLoss softmax_with_loss',
    ]);
    for (const l of report.layers) {
      assert.deepEqual(report.calls.filter((c) => c.layer === l.id).map((c) => c.method), ['forward', 'backward'], l.className);
    }
    assert.ok(Array.isArray(report.checks));
  });

  test('shapes follow the signatures: W is (3, 4), x is (2, 3) to match it, t is one-hot, dout matches the output', () => {
    assert.deepEqual(entry(report, 'affine', 'W').value.shape, [3, 4]);
    assert.deepEqual(entry(report, 'affine', 'b').value.shape, [4]);
    const x = entry(report, 'affine', 'x');
    assert.deepEqual(x.value.shape, [2, 3]);
    assert.equal(x.why, '(2, 3) float64 from np.random.randn, because forward(self, x) and W is (3, 4)');
    assert.deepEqual(entry(report, 'affine', 'dout').value.shape, [2, 4]);
    assert.deepEqual(entry(report, 'mul_layer', 'y').value.shape, [2, 3]);
    const t = entry(report, 'softmax_with_loss', 't');
    assert.deepEqual(t.value.data, [0, 0, 1, 1, 0, 0]);
    assert.match(t.why, /one-hot labels/);
    const dout = entry(report, 'softmax_with_loss', 'dout');
    assert.equal(dout.value.text, '1');
    assert.match(dout.why, /forward returned a scalar \(a loss\)/);
    assert.match(entry(report, 'sigmoid', 'dout').why, /the first of forward's 2 outputs/);
  });

  test('the driver is in the report, seeded, and the calls point into it', () => {
    assert.equal(report.driver?.file, `${fixture}#synthesized`);
    const driver = report.driver!.source.split('\n');
    assert.ok(driver.includes('np.random.seed(0)'));
    assert.ok(driver.includes('affine = Affine(W, b)'));
    const forward = report.calls.find((c) => c.method === 'forward' && report.layers.find((l) => l.id === c.layer)?.label === 'affine')!;
    assert.equal(forward.site.file, report.driver!.file);
    assert.equal(driver[forward.site.line - 1], 'out = affine.forward(x)');
  });

  test('the same file gives the same inputs every time', () => {
    const again = inspect(text, fixture);
    assert.deepEqual(again.synthesized, report.synthesized);
  });

  test('the report is plain JSON data: no bigints', () => {
    const walk = (v: unknown, at: string): void => {
      assert.notEqual(typeof v, 'bigint', at);
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(report, 'report');
  });

  test('the driver, run after the file by python3 with NumPy, gives the same gradients', (t) => {
    const python = '/usr/bin/python3';
    if (spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status !== 0) return t.skip('no python3 with numpy');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-synth-'));
    const script = path.join(dir, 'layers_and_driver.py');
    fs.writeFileSync(script, `${text}\n${report.driver!.source}print(repr(dx.tolist()))\n`);
    const r = spawnSync(python, [script], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: path.join(root, 'test', 'diff', 'programs') } });
    assert.equal(r.status, 0, r.stderr);
    const last = report.calls.filter((c) => c.method === 'backward').pop()!;
    assert.deepEqual(JSON.parse(r.stdout.trim()), [last.outputs[0].data!.slice(0, 3), last.outputs[0].data!.slice(3)]);
  });
});

describe('when the lens makes up inputs, and how', () => {
  test('not when the program calls a layer itself', () => {
    const report = inspect(fs.readFileSync(path.join(root, 'examples', 'buy_apple_orange.py'), 'utf8'));
    assert.equal(report.synthesized, undefined);
    assert.equal(report.driver, undefined);
  });

  test('driver names keep clear of the program\'s own (a sigmoid function beside a Sigmoid class)', () => {
    const report = inspect([
      'import numpy as np',
      'def sigmoid(x):',
      '    return 1 / (1 + np.exp(-x))',
      'class Sigmoid:',
      '    def forward(self, x):',
      '        self.out = sigmoid(x)',
      '        return self.out',
      '    def backward(self, dout):',
      '        return dout * (1.0 - self.out) * self.out',
    ].join('\n'));
    assert.equal(report.error, undefined, report.output.stderr);
    assert.deepEqual(report.layers.map((l) => l.label), ['sigmoid_1']);
  });

  test('a layer the lens cannot build is named with the reason; the others still run, and the first error is the report\'s', () => {
    const report = inspect([
      'import numpy as np',
      'class Embedding:',
      '    def __init__(self, vocabulary):',
      '        self.vocabulary = vocabulary',
      '    def forward(self, x):',
      '        return x',
      '    def backward(self, dout):',
      '        return dout',
      'class Broken:',
      '    def forward(self, x):',
      '        return np.dot(x, x)',
      '    def backward(self, dout):',
      '        return dout',
      'class Double:',
      '    def forward(self, x, train_flg=True):',
      '        return 2 * x',
      '    def backward(self, dout):',
      '        return 2 * dout',
    ].join('\n'));
    const skipped = report.synthesized?.find((s) => s.layer === 'Embedding');
    assert.equal(skipped?.name, 'vocabulary');
    assert.match(skipped!.why, /^not run: Embedding.__init__\(self, vocabulary\) needs vocabulary/);
    assert.equal(report.error?.type, 'ValueError');
    assert.equal(report.error?.line, 11, 'the line in the learner\'s class');
    const double = report.layers.find((l) => l.className === 'Double')!;
    assert.deepEqual(report.calls.filter((c) => c.layer === double.id).map((c) => c.method), ['forward', 'backward']);
    const flag = report.synthesized?.find((s) => s.layer === double.id && s.name === 'train_flg');
    assert.equal(flag?.value.text, 'True');
    assert.match(flag!.why, /not passed: the default/);
  });

  test('a base class that other layers extend is not driven itself', () => {
    const report = inspect([
      'class Layer:',
      '    def forward(self, x):',
      '        raise NotImplementedError',
      '    def backward(self, dout):',
      '        raise NotImplementedError',
      'class Identity(Layer):',
      '    def forward(self, x):',
      '        return x',
      '    def backward(self, dout):',
      '        return dout',
    ].join('\n'));
    assert.equal(report.error, undefined, report.output.stderr);
    assert.deepEqual(report.layers.map((l) => l.className), ['Identity']);
  });
});
