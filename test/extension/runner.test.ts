// The runner keeps the extension host safe: output arrives in order, cancel and timeouts always end a run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_BUDGET } from '../../src/engine/api';
import { disposeStandby, prewarm, startRun } from '../../src/extension/runner';
import type { RunRequest } from '../../src/extension/workerProtocol';

const root = path.resolve(__dirname, '..', '..');
const fakeWorker = path.join(__dirname, 'fixtures', 'fake-worker.cjs');
const realWorker = path.join(root, 'dist', 'worker.js');

function request(source: string, timeMs = 10_000): RunRequest {
  return { source, filename: path.join(root, 'program.py'), kind: 'py', budget: { ...DEFAULT_BUDGET, timeMs } };
}

function collect() {
  const chunks: string[] = [];
  return { chunks, onOutput: (stream: string, text: string) => chunks.push(`${stream}:${text}`) };
}

describe('runner with a stand-in worker', () => {
  test('passes output on in order and ends with the result', async () => {
    const out = collect();
    const handle = startRun(request('print'), { workerPath: fakeWorker, onOutput: out.onOutput });
    assert.deepEqual(await handle.outcome, { kind: 'finished', result: { exitCode: 0 } });
    assert.deepEqual(out.chunks, ['stdout:hello\n', 'stderr:warning\n']);
  });

  test('cancel sets the shared flag and the engine stops by itself', async () => {
    const out = collect();
    const handle = startRun(request('polite'), { workerPath: fakeWorker, onOutput: out.onOutput });
    while (out.chunks.length === 0) await new Promise((r) => setTimeout(r, 5));
    handle.cancel();
    const outcome = await handle.outcome;
    assert.equal(outcome.kind, 'finished');
    assert.equal(outcome.kind === 'finished' && outcome.result.error?.type, 'KeyboardInterrupt');
    assert.equal(handle.cancelRequested, true);
    assert.deepEqual(out.chunks, ['stdout:started\n', 'stderr:KeyboardInterrupt\n']);
  });

  test('a program that ignores its budget is terminated at budget + grace', async () => {
    const started = Date.now();
    const handle = startRun(request('hang', 100), { workerPath: fakeWorker, onOutput: () => {}, graceMs: 200 });
    assert.deepEqual(await handle.outcome, { kind: 'stopped', reason: 'timeout' });
    const ms = Date.now() - started;
    assert.ok(ms >= 250 && ms < 5000, `stopped after ${ms} ms`);
  });

  test('a program that ignores cancel is terminated after the grace period', async () => {
    const handle = startRun(request('hang'), { workerPath: fakeWorker, onOutput: () => {}, graceMs: 100 });
    setTimeout(() => handle.cancel(), 50);
    assert.deepEqual(await handle.outcome, { kind: 'stopped', reason: 'cancelled' });
  });

  test('dispose ends a run at once', async () => {
    const handle = startRun(request('hang'), { workerPath: fakeWorker, onOutput: () => {} });
    handle.dispose();
    assert.deepEqual(await handle.outcome, { kind: 'stopped', reason: 'cancelled' });
  });

  test('an exception in the worker is reported as a crash', async () => {
    const outcome = await startRun(request('throw'), { workerPath: fakeWorker, onOutput: () => {} }).outcome;
    assert.equal(outcome.kind, 'crashed');
    assert.match(outcome.kind === 'crashed' ? outcome.message : '', /boom/);
  });

  test('a missing worker file is reported as a crash', async () => {
    const outcome = await startRun(request('print'), { workerPath: path.join(root, 'no-such-worker.js'), onOutput: () => {} }).outcome;
    assert.equal(outcome.kind, 'crashed');
  });
});

describe('runner with the real dist/worker.js', () => {
  test('runs a program on the engine', { skip: !fs.existsSync(realWorker) && 'dist/worker.js not built (npm run build)' }, async () => {
    const out = collect();
    const outcome = await startRun(request('print(1 + 2)\n'), { workerPath: realWorker, onOutput: out.onOutput }).outcome;
    assert.equal(outcome.kind, 'finished', JSON.stringify(outcome));
    assert.equal(outcome.kind === 'finished' && outcome.result.exitCode, 0);
    assert.deepEqual(out.chunks, ['stdout:3\n']);
  });
});

describe('runner: lens runs and module reads through the host', () => {
  const skip = !fs.existsSync(realWorker) && 'dist/worker.js not built (npm run build)';

  test('imports are read through the host\'s fs, not the disk', { skip }, async () => {
    const asked: string[] = [];
    const files: Record<string, string> = {
      [path.join(root, 'common/functions.py')]: 'def sigmoid(x):\n    return 1 / (1 + 2.718281828459045 ** -x)\n',
      [path.join(root, 'common/__init__.py')]: '',
    };
    const fakeFs = {
      readFile: async (p: string) => {
        asked.push(p);
        return files[p];
      },
      isDirectory: async (p: string) => p === path.join(root, 'common'),
    };
    const out = collect();
    const outcome = await startRun(request('from common.functions import sigmoid\nprint(sigmoid(0.0))\n'),
      { workerPath: realWorker, onOutput: out.onOutput, fs: fakeFs }).outcome;
    assert.equal(outcome.kind, 'finished', JSON.stringify(outcome));
    assert.deepEqual(out.chunks, ['stdout:0.5\n']);
    assert.ok(asked.includes(path.join(root, 'common/functions.py')), asked.join(', '));
  });

  test('an inspect run returns the report, keeps the arrays, and answers array queries until disposed', { skip }, async () => {
    const source = [
      'import numpy as np',
      'class Relu:',
      '    def forward(self, x):',
      '        self.mask = (x <= 0)',
      '        out = x.copy()',
      '        out[self.mask] = 0',
      '        return out',
      '    def backward(self, dout):',
      '        dout[self.mask] = 0',
      '        return dout',
      'np.random.seed(0)',
      'x = np.random.randn(20, 10)',
      'r = Relu()',
      'y = r.forward(x)',
      'dx = r.backward(np.ones_like(y))',
      '',
    ].join('\n');
    const handle = startRun({ ...request(source), inspect: {} }, { workerPath: realWorker, onOutput: () => {} });
    const outcome = await handle.outcome;
    assert.equal(outcome.kind, 'inspected', JSON.stringify(outcome).slice(0, 300));
    if (outcome.kind !== 'inspected') return;
    const report = outcome.result.report;
    assert.equal(report.layers.length, 1);
    assert.equal(report.layers[0].kind, 'relu');
    const x = report.calls[0].args[0].value;
    assert.deepEqual(x.shape, [20, 10]);
    assert.ok(x.ref, 'a 200-element array is summarised with a ref');
    const data = await handle.arrayData(x.ref!);
    assert.equal(data?.length, 200);
    assert.ok(data!.every((v) => Number.isFinite(v)));
    handle.dispose();
    assert.equal(await handle.arrayData(x.ref!), null);
  });

  test('a selection that cannot run is rejected with the reason', { skip }, async () => {
    const source = 'for i in range(3):\n    x = i\n  y = 2\n';
    const outcome = await startRun({ ...request(source), inspect: { lines: [2, 3] } }, { workerPath: realWorker, onOutput: () => {} }).outcome;
    assert.equal(outcome.kind, 'rejected', JSON.stringify(outcome).slice(0, 300));
  });
});

describe('runner: guided lessons in the worker', () => {
  const skip = !fs.existsSync(realWorker) && 'dist/worker.js not built (npm run build)';
  const lessonsDir = path.join(root, 'media', 'lessons');

  /** media/lessons/ by relative path, as the extension host reads and sends it. */
  function lessonFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files[path.relative(lessonsDir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(lessonsDir);
    return files;
  }

  function lessonRequest(id: string, mode: 'demo' | 'check', source = '', lang: 'en' | 'ko' = 'en'): RunRequest {
    return { ...request(source), filename: path.join(root, `lesson-${id}.py`), lesson: { files: lessonFiles(), id, lang, mode } };
  }

  test('the demo of lesson 2 fills the Markdown with the engine\'s numbers and draws its graph', { skip }, async () => {
    const outcome = await startRun(lessonRequest('02-mul-add-layers', 'demo'), { workerPath: realWorker, onOutput: () => {} }).outcome;
    assert.equal(outcome.kind, 'lesson', JSON.stringify(outcome).slice(0, 300));
    if (outcome.kind !== 'lesson' || outcome.result.mode !== 'demo') return;
    const { markdown, report, errors } = outcome.result;
    assert.deepEqual(errors, []);
    assert.ok(!markdown.en.includes('{{'), 'every placeholder is filled');
    assert.match(markdown.en, /The price is 220/);
    assert.match(markdown.ko, /220/);
    assert.ok(report && report.graph.nodes.some((n) => n.kind === 'layer'), 'the figure has layer nodes');
  });

  test('the reference solution passes the check; the starter does not, and says what is left to do', { skip }, async () => {
    const files = lessonFiles();
    const solution = await startRun(lessonRequest('04-relu', 'check', files['04-relu/solution.py']), { workerPath: realWorker, onOutput: () => {} }).outcome;
    assert.equal(solution.kind, 'lesson');
    assert.equal(solution.kind === 'lesson' && solution.result.mode === 'check' && solution.result.check.passed, true, JSON.stringify(solution).slice(0, 600));
    const starter = await startRun(lessonRequest('04-relu', 'check', files['04-relu/starter.py']), { workerPath: realWorker, onOutput: () => {} }).outcome;
    assert.ok(starter.kind === 'lesson' && starter.result.mode === 'check');
    if (starter.kind !== 'lesson' || starter.result.mode !== 'check') return;
    assert.equal(starter.result.check.passed, false);
    assert.ok(starter.result.check.items.some((i) => i.kind === 'todo'), 'the TODO is named');
    assert.ok(starter.result.hints.every((h) => h.text.length > 0));
    assert.ok(starter.result.hints.some((h) => h.line !== undefined), 'a hint points at a line of the learner\'s code');
  });

  test('a swapped MulLayer gradient gets the specific message, in Korean too, with its line', { skip }, async () => {
    const files = lessonFiles();
    const buggy = files['02-mul-add-layers/solution.py'].replace('dx = dout * self.y', 'dx = dout * self.x');
    assert.notEqual(buggy, files['02-mul-add-layers/solution.py']);
    const bugLine = buggy.split('\n').findIndex((l) => l.includes('dx = dout * self.x')) + 1;
    for (const lang of ['en', 'ko'] as const) {
      const outcome = await startRun(lessonRequest('02-mul-add-layers', 'check', buggy, lang), { workerPath: realWorker, onOutput: () => {} }).outcome;
      assert.ok(outcome.kind === 'lesson' && outcome.result.mode === 'check', JSON.stringify(outcome).slice(0, 300));
      if (outcome.kind !== 'lesson' || outcome.result.mode !== 'check') return;
      const item = outcome.result.check.items.find((i) => !i.ok && i.kind === 'gradient');
      assert.ok(item, JSON.stringify(outcome.result.check.items));
      assert.equal(item.line, bugLine);
      assert.match(item.message, lang === 'en' ? /dx of MulLayer: you returned `dout \* self\.x`.*the other input/ : /MulLayer\.backward의 dx/);
    }
  });

  test('a lesson that is not in index.json is a crash with a message, not a hang', { skip }, async () => {
    const outcome = await startRun(lessonRequest('99-nothing', 'demo'), { workerPath: realWorker, onOutput: () => {} }).outcome;
    assert.equal(outcome.kind, 'crashed');
    assert.match(outcome.kind === 'crashed' ? outcome.message : '', /99-nothing/);
  });
});

describe('runner: a worker on standby', () => {
  test('a worker that ended cleanly runs the next program; one that was stopped is replaced', async () => {
    prewarm(fakeWorker);
    const whoami = async () => {
      const out = collect();
      const outcome = await startRun(request('whoami'), { workerPath: fakeWorker, onOutput: out.onOutput }).outcome;
      assert.deepEqual(outcome, { kind: 'finished', result: { exitCode: 0 } });
      return out.chunks.join('');
    };
    const first = await whoami();
    assert.equal(await whoami(), first, 'the same (warm) worker ran the second program');
    const hang = startRun(request('hang'), { workerPath: fakeWorker, onOutput: () => {}, graceMs: 50 });
    hang.cancel();
    assert.deepEqual(await hang.outcome, { kind: 'stopped', reason: 'cancelled' });
    const third = await whoami();
    assert.notEqual(third, first, 'the worker that had to be stopped was not used again');
    disposeStandby();
  });

  test('a cancel before the engine has started ends the run at once', { skip: !fs.existsSync(realWorker) && 'dist/worker.js not built (npm run build)' }, async () => {
    // The real worker takes a while to load the engine; cancel right away, before it posts 'started'.
    const handle = startRun(request('while True:\n    pass\n'), { workerPath: realWorker, onOutput: () => {}, graceMs: 60_000 });
    handle.cancel();
    assert.deepEqual(await handle.outcome, { kind: 'stopped', reason: 'cancelled' });
  });
});
