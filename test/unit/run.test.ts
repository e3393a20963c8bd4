// Running programs: output, errors with the learner's line, budgets, cancellation, notebooks, imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runNotebook, runSource, type HostFS, type RunOptions, type RunResult } from '../../src/engine';

function run(source: string, opts: Partial<RunOptions> = {}): { out: string; err: string; result: RunResult; ms: number } {
  let out = '';
  let err = '';
  const t0 = Date.now();
  const result = runSource(source, {
    filename: '/ws/main.py',
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; },
    ...opts,
  });
  return { out, err, result, ms: Date.now() - t0 };
}

/** A workspace of files in memory. */
function memoryFs(files: Record<string, string>): HostFS {
  return {
    readFile: (p) => files[p],
    isDirectory: (p) => Object.keys(files).some((f) => f.startsWith(`${p}/`)),
  };
}

test('print goes to stdout; a clean run exits 0', () => {
  const { out, result } = run('print("price:", 100 * 2 * 1.1)\n');
  assert.equal(out, 'price: 220.00000000000003\n');
  assert.deepEqual(result, { exitCode: 0 });
});

test('an uncaught exception exits 1 with the traceback on stderr and the innermost line of the learner\'s file', () => {
  const src = 'class Tanh:\n    def backward(self, dout):\n        return dout * (1 - sefl.out ** 2)\n\nTanh().backward(1.0)\n';
  const { err, result } = run(src);
  assert.equal(result.exitCode, 1);
  assert.equal(result.error?.type, 'NameError');
  assert.equal(result.error?.message, "name 'sefl' is not defined");
  assert.equal(result.error?.line, 3);
  assert.match(err, /^Traceback \(most recent call last\):\n {2}File "\/ws\/main.py", line 5, in <module>\n/);
  assert.match(err, /line 3, in backward\n {4}return dout \* \(1 - sefl.out \*\* 2\)\nNameError: name 'sefl' is not defined\n$/);
});

test('a syntax error is reported before anything runs, at its line', () => {
  const { out, result } = run('print("never")\nclass MulLayer:\n    def forward(self, x, y):\n        self.x = x\n      return x * y\n');
  assert.equal(out, '');
  assert.equal(result.error?.type, 'IndentationError');
  assert.equal(result.error?.line, 5);
});

test('an infinite loop ends as a clear error after the time budget, naming where it was', () => {
  const { result, ms } = run('n = 0\nwhile True:\n    n += 1\n', { budget: { timeMs: 300 } });
  assert.equal(result.exitCode, 1);
  assert.equal(result.error?.type, 'TimeoutError');
  assert.match(result.error?.message ?? '', /time budget of 0.3 s/);
  assert.ok([2, 3].includes(result.error?.line ?? 0));
  assert.ok(ms < 2000, `stopped after ${ms} ms`);
});

test('setting the cancel flag stops a running program', () => {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(cancel, 0, 1);
  const { result } = run('while True:\n    pass\n', { cancel });
  assert.equal(result.error?.type, 'Cancelled');
});

test('a huge array is a MemoryError, not a frozen editor', () => {
  const { result } = run('import numpy as np\nx = np.zeros((100000, 1000))\n', { budget: { maxArrayElements: 1_000_000 } });
  assert.equal(result.error?.type, 'MemoryError');
  assert.equal(result.error?.line, 2);
});

test('workspace modules resolve from the script folder and sys.path, and win over the built-in common.functions', () => {
  const fs = memoryFs({
    '/ws/common/__init__.py': '',
    '/ws/common/functions.py': 'def softmax(x):\n    return "workspace softmax"\n',
    '/ws/ch05/layer_naive.py': 'class MulLayer:\n    pass\n',
  });
  const src = 'import sys, os\nsys.path.append(os.pardir)\nfrom common.functions import softmax\nfrom layer_naive import MulLayer\nprint(softmax(1), MulLayer.__name__)\n';
  const { out } = run(src, { filename: '/ws/ch05/main.py', fs });
  assert.equal(out, 'workspace softmax MulLayer\n');
});

test('without a common/ folder, the built-in common.functions stands in', () => {
  const { out, result } = run('import numpy as np\nfrom common.functions import softmax, cross_entropy_error\ny = softmax(np.array([1.0, 2.0, 3.0]))\nprint(y, cross_entropy_error(y, np.array([0, 0, 1])))\n');
  assert.deepEqual(result, { exitCode: 0 });
  assert.equal(out, '[0.09003057 0.24472847 0.66524096] 0.4076058141229194\n');
});

test('interpreted code gets no file or process access', () => {
  const { result } = run('import os\nos.listdir(".")\n');
  assert.equal(result.error?.type, 'PermissionError');
  const opened = run('open("/etc/passwd")\n');
  assert.equal(opened.result.error?.type, 'PermissionError');
});

test('a notebook runs its code cells in order, skips magics, and shows each cell\'s last value like Out[n]', () => {
  const nb = JSON.stringify({
    cells: [
      { cell_type: 'markdown', source: ['# 곱셈 계층'] },
      { cell_type: 'code', source: ['%matplotlib inline\n', 'import numpy as np\n', 'x = np.array([1.0, 2.0])\n', 'x * 2'] },
      { cell_type: 'code', source: 'print("sum", x.sum())\nNone' },
      { cell_type: 'code', source: 'y = undefined_name' },
      { cell_type: 'code', source: 'print("not reached")' },
    ],
  });
  let out = '';
  let err = '';
  const result = runNotebook(nb, { filename: '/ws/seed.ipynb', stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  assert.equal(out, 'array([2., 4.])\nsum 3.0\n');
  assert.equal(result.error?.type, 'NameError');
  assert.equal(result.error?.file, '/ws/seed.ipynb#cell4');
  assert.equal(result.error?.line, 1);
  assert.match(err, /NameError: name 'undefined_name' is not defined/);
});

test('a feature outside the subset fails with an error that names it and the line, never a wrong result', () => {
  const dtype = run('import numpy as np\nx = np.array([1, 2, 3])\ny = x.astype(np.int32)\n');
  assert.equal(dtype.result.error?.type, 'NotImplementedError');
  assert.equal(dtype.result.error?.message, 'dtype int32 is not supported by Backprop Lens (float64, float32, int64 and bool are)');
  assert.equal(dtype.result.error?.line, 3);
  const gen = run('def count():\n    yield 1\n\nfor i in count():\n    print(i)\n');
  assert.equal(gen.result.error?.type, 'NotImplementedError');
  assert.match(gen.result.error?.message ?? '', /generator functions \(yield, in count\) are not supported/);
  assert.equal(gen.result.error?.line, 4);
});

test('a function defined in a notebook cell is reported in that cell when it raises', () => {
  const nb = JSON.stringify({
    cells: [
      { cell_type: 'code', source: 'def backward(dout):\n    return dout / 0\n' },
      { cell_type: 'code', source: 'backward(1.0)' },
    ],
  });
  let err = '';
  const result = runNotebook(nb, { filename: '/ws/lesson.ipynb', stderr: (t) => { err += t; } });
  assert.equal(result.error?.file, '/ws/lesson.ipynb#cell1');
  assert.equal(result.error?.line, 2);
  assert.match(err, /File "\/ws\/lesson.ipynb#cell1", line 2, in backward\n {4}return dout \/ 0\nZeroDivisionError: float division by zero\n$/);
});
