// The runner keeps the extension host safe: output arrives in order, cancel and timeouts always end a run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_BUDGET } from '../../src/engine/api';
import { startRun } from '../../src/extension/runner';
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
