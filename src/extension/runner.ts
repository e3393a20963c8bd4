// Runs one program in a worker thread (dist/worker.js) so the extension host never blocks,
// and makes sure it ends: cancel asks the engine politely, a hard timer terminates the worker.
// Nothing here imports `vscode`, so it is tested on plain Node.
import { Worker } from 'node:worker_threads';
import type { RunResult } from '../engine/api';
import type { StreamName } from '../host/outputBuffer';
import type { RunRequest, WorkerInput, WorkerMessage } from './workerProtocol';

export type RunOutcome =
  /** The engine returned: the program ended, raised, or stopped itself on cancel or budget. */
  | { kind: 'finished'; result: RunResult }
  /** The worker was terminated because the engine did not stop by itself in time. */
  | { kind: 'stopped'; reason: 'timeout' | 'cancelled' }
  /** The engine threw (a bug of ours), or the worker died (out of memory, missing file). */
  | { kind: 'crashed'; message: string; stack?: string };

export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  /** True once cancel() was called. */
  readonly cancelRequested: boolean;
  /** Asks the engine to stop; terminates the worker if it has not stopped graceMs later. */
  cancel(): void;
  /** Terminates the worker at once (deactivation). */
  dispose(): void;
}

export interface StartRunOptions {
  workerPath: string;
  onOutput(stream: StreamName, text: string): void;
  /** How long past its budget (or past a cancel) the engine may take to stop by itself. */
  graceMs?: number;
}

export const DEFAULT_GRACE_MS = 2000;
// setTimeout fires at once for delays above this.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startRun(request: RunRequest, options: StartRunOptions): RunHandle {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const cancelBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const cancelFlag = new Int32Array(cancelBuffer);
  const workerData: WorkerInput = { request, cancel: cancelBuffer };
  // A deep stack, so Python code can recurse to CPython's limit of 1000 frames (see src/cli.ts).
  const worker = new Worker(options.workerPath, { workerData, resourceLimits: { stackSizeMb: 256 } });

  let settled = false;
  let cancelRequested = false;
  let graceTimer: NodeJS.Timeout | undefined;
  let resolveOutcome!: (outcome: RunOutcome) => void;
  const outcome = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));

  const settle = (result: RunOutcome): void => {
    if (settled) return;
    settled = true;
    clearTimeout(hardTimer);
    clearTimeout(graceTimer);
    // After 'done' the worker ends anyway; after a timeout this is what stops a runaway loop.
    void worker.terminate();
    resolveOutcome(result);
  };

  const hardTimer = setTimeout(() => settle({ kind: 'stopped', reason: 'timeout' }),
    Math.min(request.budget.timeMs + graceMs, MAX_TIMER_MS));

  worker.on('message', (message: WorkerMessage) => {
    if (settled) return;
    switch (message.type) {
      case 'output':
        options.onOutput(message.stream, message.text);
        break;
      case 'done':
        settle({ kind: 'finished', result: message.result });
        break;
      case 'crash':
        settle({ kind: 'crashed', message: message.message, stack: message.stack });
        break;
    }
  });
  worker.on('error', (err) => settle({ kind: 'crashed', message: err.message, stack: err.stack }));
  worker.on('exit', (code) => settle({ kind: 'crashed', message: `the worker exited with code ${code} before the program finished` }));

  return {
    outcome,
    get cancelRequested() {
      return cancelRequested;
    },
    cancel() {
      if (settled || cancelRequested) return;
      cancelRequested = true;
      Atomics.store(cancelFlag, 0, 1);
      graceTimer = setTimeout(() => settle({ kind: 'stopped', reason: 'cancelled' }), graceMs);
    },
    dispose() {
      Atomics.store(cancelFlag, 0, 1);
      settle({ kind: 'stopped', reason: 'cancelled' });
    },
  };
}
